/**
 * scripts/package.ts without the webpack build: the address is checked (https, ending in "/"), every URL of
 * the manifest is rewritten for it, and the result is validated offline against the files of a web folder.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { checkBaseUrl, PackageError, rewriteManifest, validatePackagedManifest } from "../../scripts/package";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

describe("the address given with --url", () => {
  test.each([
    ["https://kensa.example.go.jp/addin/", "https://kensa.example.go.jp/addin/"],
    ["https://kensa.example.go.jp/", "https://kensa.example.go.jp/"],
    ["https://intra.example.lg.jp:8443/tools/kensa/", "https://intra.example.lg.jp:8443/tools/kensa/"],
    ["https://検査.example.jp/kensa/", "https://xn--5vvzy.example.jp/kensa/"],
  ])("%s is accepted", (raw, href) => {
    expect(checkBaseUrl(raw).href).toBe(href);
  });

  test.each([
    [undefined, /--url で指定してください/],
    ["kensa.example.go.jp/addin/", /URL として読めません/],
    ["http://kensa.example.go.jp/addin/", /https ではありません。Office は https のアドインしか読み込まない/],
    ["ftp://kensa.example.go.jp/addin/", /https ではありません/],
    ["https://kensa.example.go.jp/addin", /末尾に「\/」がありません.*例: https:\/\/kensa\.example\.go\.jp\/addin\//],
    ["https://kensa.example.go.jp", /末尾に「\/」がありません.*例: https:\/\/kensa\.example\.go\.jp\//],
    ["https://kensa.example.go.jp/addin/taskpane.html", /末尾に「\/」がありません/],
    ["https://user:pw@kensa.example.go.jp/addin/", /利用者名やパスワード/],
    ["https://kensa.example.go.jp/addin/?v=2", /\? や # 以降/],
  ])("%s is refused, saying why in Japanese and English", (raw, why) => {
    expect(() => checkBaseUrl(raw)).toThrow(PackageError);
    expect(() => checkBaseUrl(raw)).toThrow(why);
    try {
      checkBaseUrl(raw);
    } catch (e) {
      expect((e as Error).message).toMatch(/[a-z]{4,}.*\n|\n.*[A-Za-z]{4,}/); // an English line too
    }
  });
});

describe("the rewritten manifest", () => {
  const base = new URL("https://kensa.example.go.jp/addin/");
  const xml = rewriteManifest(MANIFEST, base);

  test("every URL is under the address; nothing is left of https://localhost:3000", () => {
    expect(xml).not.toContain("localhost");
    const urls = [...xml.matchAll(/"(https:\/\/[^"]+)"/g)]
      .map((m) => m[1])
      .filter((u) => !u.startsWith("https://schemas.") && !u.includes("schemas.microsoft.com"));
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const u of urls) expect(u.startsWith(base.href)).toBe(true);
    expect(xml).toContain(`<SourceLocation DefaultValue="${base.href}taskpane.html"/>`);
    expect(xml).toContain(`<IconUrl DefaultValue="${base.href}assets/icon-32.png"/>`);
    expect(xml).toContain(`<SupportUrl DefaultValue="${base.href}assets/help.html"/>`);
  });

  test("AppDomain entries of the development origin get the new origin", () => {
    const withDomains = MANIFEST.replace(
      "<Hosts>",
      "<AppDomains><AppDomain>https://localhost:3000</AppDomain></AppDomains>\n  <Hosts>",
    );
    expect(rewriteManifest(withDomains, base)).toContain("<AppDomain>https://kensa.example.go.jp</AppDomain>");
  });

  test("the comment names no URL (an IDN host has '--', which a comment may not), --version sets <Version>", () => {
    const idn = rewriteManifest(MANIFEST, new URL("https://xn--eckwd4c7c.xn--zckzah/kensa/"), "1.0.3.0");
    const comment = /<!--([\s\S]*?)-->/.exec(idn)![1];
    expect(comment).not.toContain("--");
    expect(idn).toContain("<Version>1.0.3.0</Version>");
    expect(() => rewriteManifest(MANIFEST, base, "2")).toThrow(/4つの数/);
  });

  describe("validated offline against a web folder", () => {
    let web: string;
    beforeAll(() => {
      web = mkdtempSync(path.join(tmpdir(), "kensa-web-"));
      mkdirSync(path.join(web, "assets"));
      for (const f of readdirSync(path.join(ROOT, "assets")))
        if (f.endsWith(".png") || f.endsWith(".html"))
          copyFileSync(path.join(ROOT, "assets", f), path.join(web, "assets", f));
      writeFileSync(path.join(web, "taskpane.html"), "<!doctype html><title>Kensa</title>");
      writeFileSync(path.join(web, "commands.html"), "<!doctype html><title>Kensa commands</title>");
    });
    afterAll(() => rmSync(web, { recursive: true, force: true }));

    test("valid: XSD and lint, every URL under the address and a file of the folder", async () => {
      expect(await validatePackagedManifest(xml, web, base)).toEqual([]);
    });

    test("an icon missing from the folder, a URL off the address, or a broken manifest is reported", async () => {
      rmSync(path.join(web, "assets", "icon-80.png"));
      const missing = await validatePackagedManifest(xml, web, base);
      expect(missing.join("\n")).toMatch(/assets\/icon-80\.png, which does not exist/);
      copyFileSync(path.join(ROOT, "assets", "icon-80.png"), path.join(web, "assets", "icon-80.png"));

      const off = xml.replace(
        `${base.href}assets/help.html"/>\n  <Hosts>`,
        `https://elsewhere.example.jp/help.html"/>\n  <Hosts>`,
      );
      expect(off).not.toBe(xml);
      expect((await validatePackagedManifest(off, web, base)).join("\n")).toMatch(
        /is not under https:\/\/kensa\.example\.go\.jp\/addin\//,
      );

      const misordered = xml.replace(/(<Id>[^<]*<\/Id>)\s*(<Version>[^<]*<\/Version>)/, "$2\n  $1");
      expect((await validatePackagedManifest(misordered, web, base)).join("\n")).toMatch(/manifest\.xml:\d+: Element/);
    });
  });
});
