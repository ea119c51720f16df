/**
 * `npm test` runs this first: the browser and LibreOffice tests need Debian's chromium, fonts-noto-cjk and
 * libreoffice-calc-nogui. When one is missing it is installed with apt-get if we are root on Debian;
 * otherwise the run stops at once with the exact command to type, rather than failing 18 tests later.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = process.env.KENSA_CHROMIUM ?? "/usr/bin/chromium";

function onPath(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

function hasNotoCjk(): boolean {
  const r = spawnSync("fc-list", [":lang=ja", "family"], { encoding: "utf8" });
  return r.status === 0 && /Noto Sans CJK/i.test(r.stdout);
}

const missing: string[] = [];
if (!existsSync(CHROMIUM)) missing.push("chromium");
if (!hasNotoCjk()) missing.push("fonts-noto-cjk");
if (!process.env.KENSA_SOFFICE && !onPath("soffice") && !onPath("libreoffice")) missing.push("libreoffice-calc-nogui");

if (missing.length > 0) {
  const command = `apt-get update && apt-get install -y ${missing.join(" ")}`;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !onPath("apt-get")) {
    console.error(
      `npm test needs Debian packages that are not installed: ${missing.join(", ")}.\nInstall them with:\n  sudo ${command}`,
    );
    process.exit(1);
  }
  console.error(
    `npm test: installing ${missing.join(", ")} from Debian (needed by the browser and LibreOffice tests)…`,
  );
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: ["ignore", "ignore", "inherit"], env });
}
