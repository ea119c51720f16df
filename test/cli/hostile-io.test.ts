/**
 * The CLI on what a hostile mailbox or folder delivers (issue 14 items 1, 2, 3, 6): special files refused from
 * their stat before anything opens them, outputs written only where asked (never through a symlink, never
 * over a device or FIFO), and names and text made safe for a terminal. The whole corpus, in child processes
 * with time and memory limits, is test/hostile.
 */
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { writeFileAtomic } from "../../src/adapters/exceljs/files";
import { escapeControls, safeJson, safeTerminalText } from "../../src/cli/terminal";
import { run as runWith, type RunOptions } from "./helpers";

/** The CLI with every real rule (the sample's findings), not the helpers' marker rule. */
const run = (args: string[], options: RunOptions = {}) => runWith(args, { deps: {}, ...options });

const SAMPLE = path.join(__dirname, "..", "..", "samples", "r7-report.xlsx");
/** What a terminal acts on: C0 (newline aside), DEL, C1, line separators, bidi controls. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kensa-hostile-io-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const mkfifo = (p: string) => execFileSync("mkfifo", [p]);
const kindOf = async (p: string) => {
  const st = await fs.lstat(p);
  return st.isFIFO()
    ? "fifo"
    : st.isSymbolicLink()
      ? "symlink"
      : st.isDirectory()
        ? "directory"
        : st.isFile()
          ? "file"
          : "other";
};

describe("terminal safety", () => {
  test("control characters are shown escaped, visibly, one line whatever the text held", () => {
    expect(escapeControls("a\x1b[2Jb\x07c\rd\ne\tf\u009bg\u202eh\u2028i")).toBe(
      "a\\x1b[2Jb\\x07c\\rd\\ne\\tf\\x9bg\\u202eh\\u2028i",
    );
    expect(escapeControls("普通の名前 (1).xlsx")).toBe("普通の名前 (1).xlsx");
  });

  test("the last line of defence keeps Kensa's own colours, progress and newlines, and escapes the rest", () => {
    expect(safeTerminalText("\x1b[31mエラー\x1b[39m\n\r\x1b[K[1/2] a\x07\rb\n")).toBe(
      "\x1b[31mエラー\x1b[39m\n\r\x1b[K[1/2] a\\x07\\rb\n",
    );
  });

  test("JSON keeps its meaning with C1 and bidi controls as \\u escapes", () => {
    const value = { file: "a\u009b31m\u202egnp.xlsx\u2028x" };
    const text = safeJson(JSON.stringify(value));
    expect(JSON.parse(text)).toEqual(value);
    expect(text).not.toMatch(RAW);
  });

  test("file names holding ESC, BEL and CR are printed escaped in text, and kept exact in JSON", async () => {
    const name = path.join(dir, "報告\x1b]0;pwned\x07\r.xlsx");
    await fs.copyFile(SAMPLE, name);
    const missing = path.join(dir, "\x1b[2Jなし.xlsx");
    const text = await run(["check", name, missing, "--each"], { stdoutTTY: true, stderrTTY: true });
    // only Kensa's own colours and its progress line's "\r ESC[K" reach the terminal
    expect(text.stdout + text.stderr).not.toMatch(/\x1b(?!\[[0-9;]*[mK])|\x07|\r(?!\x1b\[K)/);
    expect(text.stdout).toContain(escapeControls(name));
    expect(text.stderr.split("\n").filter((l) => l.includes(escapeControls(missing)))).toHaveLength(1);
    const json = await run(["check", name, "--format", "json"]);
    expect(json.stdout).not.toMatch(RAW);
    expect((JSON.parse(json.stdout) as { files: { file: string }[] }).files[0].file).toBe(name);
  });
});

describe("only regular files are read", () => {
  test("a FIFO is refused at once with one line, in Japanese and in English (reading it would block)", async () => {
    const fifo = path.join(dir, "受信.xlsx");
    mkfifo(fifo);
    const started = Date.now();
    const ja = await run(["check", fifo]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(ja.code).toBe(2);
    expect(ja.stderr).toBe(`✖ ${fifo}: 名前付きパイプ（FIFO）であり、通常のファイルではないため読み込みません\n`);
    const en = await run(["check", fifo, "--lang", "en", "--format", "json"]);
    expect(JSON.parse(en.stdout).files[0]).toMatchObject({
      file: fifo,
      status: "unreadable",
      error: { code: "not-regular-file", message: "a named pipe (FIFO), not a regular file: not read" },
    });
    expect(await kindOf(fifo)).toBe("fifo");
  });

  test("a FIFO named like a workbook in a folder being searched gets its line too, not silence", async () => {
    const folder = path.join(dir, "受信箱");
    await fs.mkdir(folder);
    await fs.copyFile(SAMPLE, path.join(folder, "a.xlsx"));
    mkfifo(path.join(folder, "b.xlsx"));
    const r = await run(["check", folder, "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `✖ ${path.join(folder, "b.xlsx")}: 名前付きパイプ（FIFO）であり、通常のファイルではないため読み込みません\n`,
    );
    expect(r.stdout).toMatch(/合計 2ファイル（読めなかったファイル 1件）/);
  });

  test("/dev/zero and a symlink to it are refused, not read; the other files are checked", async () => {
    const link = path.join(dir, "zero.xlsx");
    await fs.symlink("/dev/zero", link);
    const r = await run(["check", "/dev/zero", link, SAMPLE, "--each", "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split("\n")).toEqual([
      "✖ /dev/zero: デバイスファイル（キャラクタデバイス）であり、通常のファイルではないため読み込みません",
      `✖ ${link}: デバイスファイル（キャラクタデバイス）であり、通常のファイルではないため読み込みません`,
    ]);
    expect(r.stdout).toContain("r7-report.xlsx: エラー");
  });

  test("accept and --catalogue refuse a FIFO the same way", async () => {
    const fifo = path.join(dir, "book.xlsx");
    mkfifo(fifo);
    const accept = await run(["accept", fifo, "--list"]);
    expect(accept).toMatchObject({
      code: 1,
      stderr: `kensa: ${fifo}: 名前付きパイプ（FIFO）であり、通常のファイルではないため読み込みません\n`,
    });
    const catalogue = path.join(dir, "catalogue.yaml");
    mkfifo(catalogue);
    const check = await run(["check", SAMPLE, "--catalogue", catalogue]);
    expect(check.code).toBe(2);
    expect(check.stderr).toBe(
      `kensa: ${catalogue}: 指標一覧のファイルを読めません（名前付きパイプ（FIFO）であり、通常のファイルではないため読み込みません）\n`,
    );
  });
});

describe("writes go only where they were asked", () => {
  test("template --force never replaces a FIFO, a folder or a symlink (nor the file it points to)", async () => {
    const victim = path.join(dir, "victim.txt");
    await fs.writeFile(victim, "nobody named me");
    const fifo = path.join(dir, "fifo.xlsx");
    mkfifo(fifo);
    const folder = path.join(dir, "folder.xlsx");
    await fs.mkdir(folder);
    const link = path.join(dir, "link.xlsx");
    await fs.symlink(victim, link);
    for (const [target, kind] of [
      [fifo, "fifo"],
      [folder, "directory"],
      [link, "symlink"],
    ] as const) {
      const r = await run(["template", "--out", target, "--force"]);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(await kindOf(target)).toBe(kind);
    }
    expect(await fs.readFile(victim, "utf8")).toBe("nobody named me");
    const refused = await run(["template", "--out", link, "--lang", "en"]);
    expect(refused.stderr).toBe(
      `kensa: ${link}: a symbolic link: not written (to replace the file it points to, name that file, ${await fs.realpath(victim)}, itself)\n`,
    );
    expect((await fs.readdir(dir)).sort()).toEqual(["fifo.xlsx", "folder.xlsx", "link.xlsx", "victim.txt"]);
  });

  test("check --out and catalogue --out refuse a symlink before any work; the named target itself is written", async () => {
    const real = path.join(dir, "findings.xlsx");
    await fs.writeFile(real, "old");
    const link = path.join(dir, "latest.xlsx");
    await fs.symlink(real, link);
    const r = await run(["check", SAMPLE, "--out", link]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toMatch(
      /^kensa: .*latest\.xlsx: シンボリックリンクのため書き込みません（リンク先を書き換えるなら、リンク先 .*findings\.xlsx を直接指定してください）\n$/,
    );
    expect((await run(["catalogue", "--out", link, "--force"])).code).toBe(2);
    expect(await fs.readFile(real, "utf8")).toBe("old");
    expect((await run(["check", SAMPLE, "--out", real, "--quiet"])).code).toBe(1);
    expect((await fs.readFile(real)).subarray(0, 2).toString()).toBe("PK");
    expect(await kindOf(link)).toBe("symlink");
  });

  test("an annotated copy's name taken by a planted symlink: that copy is refused, the file behind it kept", async () => {
    const victim = path.join(dir, "victim.txt");
    await fs.writeFile(victim, "keep");
    const out = path.join(dir, "out");
    await fs.mkdir(out);
    await fs.symlink(victim, path.join(out, "r7-report.kensa.xlsx"));
    const r = await run(["check", SAMPLE, "--annotate", out, "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /r7-report\.xlsx: 注釈付きのコピーを書き込めません（シンボリックリンクのため書き込みません/,
    );
    expect(await fs.readFile(victim, "utf8")).toBe("keep");
  });

  test("accept through a symlink writes nothing; naming the workbook itself does", async () => {
    const book = path.join(dir, "book.xlsx");
    await fs.copyFile(SAMPLE, book);
    const link = path.join(dir, "link.xlsx");
    await fs.symlink(book, link);
    const before = await fs.readFile(book);
    const args = ["--rule", "sum/subtotal", "--cell", "予算内訳!D28", "--reason", "確認しました"];
    const viaLink = await run(["accept", link, ...args]);
    expect(viaLink.code).toBe(1);
    expect(viaLink.stderr).toMatch(/シンボリックリンクのため書き込みません/);
    expect(Buffer.compare(await fs.readFile(book), before)).toBe(0);
    expect((await run(["accept", book, ...args])).code).toBe(0);
    expect(Buffer.compare(await fs.readFile(book), before)).not.toBe(0);
    expect(await kindOf(link)).toBe("symlink");
  });

  test("writeFileAtomic: a temp file in the destination's folder, renamed; none left behind on refusal", async () => {
    const target = path.join(dir, "a.xlsx");
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]));
    expect([...(await fs.readFile(target))]).toEqual([1, 2, 3]);
    const fifo = path.join(dir, "p.xlsx");
    mkfifo(fifo);
    await expect(writeFileAtomic(fifo, new Uint8Array([1]))).rejects.toMatchObject({
      code: "not-regular-file",
      kind: "fifo",
    });
    expect((await fs.readdir(dir)).sort()).toEqual(["a.xlsx", "p.xlsx"]);
  });
});
