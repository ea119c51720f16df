/**
 * The user documentation (docs/ and the README's links to it) stays true:
 *   - every link resolves inside the repository (file and #anchor), nothing links to a path outside it, and
 *     web links are https;
 *   - every screenshot the guides show exists and is one docs:screenshots makes (scripts/docs-screenshots.ts);
 *   - the command output quoted in the reviewers' guide is today's output, the options it names exist;
 *   - the generated tables (npm run docs:tables) are current;
 *   - the deployment page states the manifest's requirement sets and the exact headers the package test serves.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { runCaptured } from "../../src/cli/capture";
import { SHOTS } from "../../scripts/docs-screenshots";
import { staleTables } from "../../scripts/docs-tables";
import { CSP, DAY_CACHE, LONG_CACHE } from "../../scripts/package-server";
import { demoOutput } from "../../scripts/readme-demo";

const ROOT = path.resolve(__dirname, "../..");

function markdownFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((e) => {
    const rel = `${dir}/${e}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return markdownFiles(rel);
    return e.endsWith(".md") ? [rel] : [];
  });
}

const PAGES = ["README.md", ...markdownFiles("docs")];
const read = (rel: string) => readFileSync(path.join(ROOT, rel), "utf8");

/** Markdown without fenced code blocks and inline code (links there are not links). */
function prose(md: string): string {
  return md.replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "");
}

/** GitHub's heading anchors: lower case, punctuation removed, spaces to hyphens, -1, -2 for repeats. */
function anchors(md: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of md.replace(/^```[\s\S]*?^```/gm, "").matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = m[1]
      .replace(/<[^>]+>/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

function links(md: string): string[] {
  const text = prose(md);
  return [...text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g), ...text.matchAll(/<(https?:\/\/[^>\s]+)>/g)].map((m) => m[1]);
}

describe("links in README.md and docs/", () => {
  test.each(PAGES)("%s: every link resolves inside the repository", (page) => {
    const problems: string[] = [];
    for (const href of links(read(page))) {
      if (/^https?:\/\//.test(href)) {
        if (!href.startsWith("https://")) problems.push(`${href}: not https`);
        continue;
      }
      if (/^[a-z]+:/i.test(href)) {
        problems.push(`${href}: not a repository path`);
        continue;
      }
      const [file, anchor] = href.split("#");
      const target = file ? path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURI(file))) : page;
      if (target.startsWith("..") || path.isAbsolute(target)) {
        problems.push(`${href}: outside the repository`);
        continue;
      }
      if (!existsSync(path.join(ROOT, target))) {
        problems.push(`${href}: ${target} does not exist`);
        continue;
      }
      if (anchor !== undefined && target.endsWith(".md") && !anchors(read(target)).has(decodeURIComponent(anchor))) {
        problems.push(`${href}: no heading #${anchor} in ${target}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("the README links the documentation, and nothing outside the repository (no ../shared)", () => {
    const readme = read("README.md");
    for (const p of ["docs/README.md", "docs/guide-entry.md", "docs/guide-review.md", "docs/workbook-layout.md", "docs/rules/README.md", "docs/catalogue.md", "docs/deploy.md"]) {
      expect(links(readme)).toContain(p);
    }
    expect(readme).not.toMatch(/\]\(\.\.\//);
  });
});

describe("screenshots", () => {
  const used = new Set(PAGES.flatMap((p) => links(read(p)).filter((h) => /\.png$/.test(h)).map((h) => path.posix.basename(h))));

  test("every image the guides show is one npm run docs:screenshots makes, and it exists", () => {
    for (const name of used) {
      expect(Object.keys(SHOTS)).toContain(name);
      expect(existsSync(path.join(ROOT, "docs", "images", name))).toBe(true);
    }
  });

  test("every screenshot made is shown somewhere, with a description (alt text)", () => {
    for (const name of Object.keys(SHOTS)) expect([...used]).toContain(name);
    for (const page of PAGES) {
      for (const m of prose(read(page)).matchAll(/!\[([^\]]*)\]\(([^)]+\.png)\)/g)) expect(m[1].length).toBeGreaterThan(10);
    }
  });
});

describe("the reviewers' guide", () => {
  const guide = read("docs/guide-review.md");

  test("every line of its kensa check excerpt is in today's output", async () => {
    const block = guide.slice(guide.indexOf("<!-- REVIEW-DEMO:BEGIN"), guide.indexOf("<!-- REVIEW-DEMO:END -->"));
    const lines = block.split("\n").filter((l) => /^(\s+\S|■|合計)/.test(l));
    expect(lines.length).toBeGreaterThan(15);
    const output = await demoOutput();
    for (const line of lines) expect(output).toContain(line);
  });

  test("the options it names are kensa check's", async () => {
    const { stdout } = await runCaptured(["check", "--help"]);
    const named = new Set([...prose(guide.replace(/`([^`\n]*)`/g, " $1 ")).matchAll(/--[a-z][a-z-]+/g)].map((m) => m[0]));
    for (const opt of named) expect(stdout).toContain(opt);
    expect(named.size).toBeGreaterThanOrEqual(6);
  });
});

test("the generated tables of workbook-layout.md and catalogue.md are current (npm run docs:tables)", () => {
  expect(staleTables()).toEqual([]);
});

describe("docs/deploy.md", () => {
  const deploy = read("docs/deploy.md");

  test("names every requirement set of the manifest, so an admin knows which Excel shows the add-in", () => {
    const manifest = read("manifest.xml");
    const base = manifest.slice(0, manifest.indexOf("<VersionOverrides"));
    const sets = [...base.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\s*\/>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(sets.length).toBeGreaterThan(0);
    for (const s of sets) expect(deploy).toContain(`**${s}**`);
  });

  test("states the headers the package test serves: the cache policy and the CSP, and no framing ban", () => {
    expect(deploy).toContain(CSP);
    expect(deploy).toContain(LONG_CACHE);
    expect(deploy).toContain(DAY_CACHE.replace("public, ", ""));
    expect(deploy).toMatch(/`X-Frame-Options` を付けないでください/);
    expect(deploy).toMatch(/`frame-ancestors` で Office を除外しないでください/);
  });

  test("cites Microsoft's pages for each deployment path", () => {
    for (const page of [
      "https://learn.microsoft.com/microsoft-365/admin/manage/manage-deployment-of-add-ins",
      "https://learn.microsoft.com/office/dev/add-ins/testing/create-a-network-shared-folder-catalog-for-task-pane-and-content-add-ins",
      "https://learn.microsoft.com/office/dev/add-ins/testing/sideload-an-office-add-in-on-mac",
      "https://learn.microsoft.com/office/dev/add-ins/develop/add-in-manifests",
    ]) {
      expect(deploy).toContain(page);
    }
    for (const word of ["信頼できるアドイン カタログ", "共有フォルダー", "統合アプリ", "wef"]) expect(deploy).toContain(word);
  });
});
