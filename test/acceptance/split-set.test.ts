/**
 * Issue 8 acceptance: the R7 sample split into one workbook per submitter (test/fixtures/split), with file and
 * sheet names that say nothing, checked by `kensa check DIR` as one submission set.
 *
 * - every finding the undivided sample gives is reported, with the same rule, severity, message and numbers, in
 *   the file holding its cell, its other cells mapped to their files (`[提出_医薬品.xlsx]様式2!G6`), and nothing
 *   else: no false error;
 * - the corrected split set gives no error and no structure/rollup-skipped (exit 0);
 * - a project submitted twice is structure/duplicate-project naming both files;
 * - `--each` checks every file on its own, as checkWorkbook does.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { readWorkbookFile } from "../../src/adapters/exceljs/read-file";
import { runCaptured } from "../../src/cli/capture";
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import type { Finding } from "../../src/core/model/finding";
import { cellRef, parseRef } from "../../src/core/model/refs";
import { ReportSchema, type Report } from "../../src/core/report/schema";
import { CORRECTIONS, placeOf, SAMPLE_XLSX, SPLIT, writeSplit } from "../fixtures/split";

let root: string;
let splitDir: string;
let correctedDir: string;
let undivided: CheckResult;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "kensa-split-"));
  splitDir = join(root, "split");
  correctedDir = join(root, "corrected");
  await writeSplit(splitDir);
  await writeSplit(correctedDir, { corrected: true });
  undivided = checkWorkbook(await readWorkbookFile(SAMPLE_XLSX));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function checkJson(args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const r = await runCaptured(["check", ...args, "--format", "json"]);
  return { code: r.code, report: ReportSchema.parse(JSON.parse(r.stdout)), stderr: r.stderr };
}

/** A finding as the split set must report it: the file of its cell, every cell as seen from there, the fix's sheet renamed. */
function mapped(f: Finding): string {
  const at = placeOf(f.sheet);
  const cells = f.cells.map((c) => {
    const p = parseRef(c);
    return cellRef(at, placeOf(p.sheet ?? f.sheet), p.cell);
  });
  const out: Finding & { file: string } = { ...f, file: at.file, sheet: at.sheet, cells };
  if (f.fix) out.fix = { ...f.fix, sheet: placeOf(f.fix.sheet).sheet };
  return JSON.stringify(out);
}

function reported(report: Report): string[] {
  return report.files.flatMap((file) =>
    file.findings.map((f) => JSON.stringify({ ...f, file: basename(file.file), sheet: f.sheet, cells: f.cells })),
  );
}

/** Compares as multisets: the key order of the JSON objects is the same on both sides. */
function normalise(list: string[]): string[] {
  return list.map((s) => JSON.stringify(JSON.parse(s), Object.keys(JSON.parse(s)).sort())).sort();
}

describe("the fixture", () => {
  test("the generator is deterministic: the same bytes twice", async () => {
    const again = join(root, "again");
    const paths = await writeSplit(again);
    for (const p of paths) expect(readFileSync(p).equals(readFileSync(join(splitDir, basename(p))))).toBe(true);
  });

  test("one workbook per submitter; no sheet is named after the project it holds", async () => {
    for (const f of SPLIT) {
      const wb = await readWorkbookFile(join(splitDir, f.file));
      expect(wb.sheets.map((s) => s.name)).toEqual(f.sheets.map((s) => s.name));
      for (const s of f.sheets) expect(s.name).not.toBe(s.from);
    }
    expect(new Set(SPLIT.map((f) => f.file)).size).toBe(11);
  });
});

describe("kensa check on the split folder: one submission set", () => {
  let run: { code: number; report: Report; stderr: string };
  beforeAll(async () => {
    run = await checkJson([splitDir]);
  });

  test("exit 1: the sample's errors are found", () => {
    expect(run.code).toBe(1);
    expect(run.report.files.map((f) => f.status)).toEqual(SPLIT.map(() => "checked"));
  });

  test("every finding of the undivided sample, in the file holding its cell, and nothing else", () => {
    expect(undivided.summary).toMatchObject({ error: 12, warning: 2 });
    expect(normalise(reported(run.report))).toEqual(normalise(undivided.findings.map(mapped)));
  });

  test("the six roll-ups are reported once, under the 全体 file, naming the eight PJ files", () => {
    const rollups = run.report.files.flatMap((f) =>
      f.findings.filter((x) => x.rule.startsWith("rollup/")).map((x) => ({ file: basename(f.file), ...x })),
    );
    expect(rollups.map((r) => `${r.file} ${r.sheet}!${r.cell} ${r.rule}`)).toEqual([
      "提出_総括.xlsx 様式1!G6 rollup/additive",
      "提出_総括.xlsx 様式1!C28 rollup/additive",
      "提出_総括.xlsx 様式1!G30 rollup/additive",
      "提出_総括.xlsx 様式1!G34 rollup/bounds",
      "提出_総括.xlsx 様式1!G38 rollup/bounds",
      "提出_総括.xlsx 様式1!G40 rollup/bounds",
    ]);
    const g6 = rollups[0];
    expect(g6.cells).toEqual([
      "G6",
      "[提出_医薬品.xlsx]様式2!G6",
      "[提出_医療機器.xlsx]様式2!G6",
      "[提出_再生医療.xlsx]様式2!G6",
      "[提出_感染症.xlsx]様式2!G6",
      "'[提出 データ利活用.xlsx]Sheet 1'!G6",
      "[提出_シーズ開発.xlsx]様式2!G6",
      "[提出_橋渡し.xlsx]様式2!G6",
      "'[提出_エコシステム.xlsx]PJ1'!G6",
    ]);
    expect(g6).toMatchObject({ expected: 49, actual: 36 });
  });

  test("the set: every project found by its metadata, the roll-up checked", () => {
    const set = run.report.set!;
    expect(set.rollup).toBe("checked");
    expect(set.missing).toEqual([]);
    expect(
      set.projects.map((p) => `${p.project}=${p.sheets.map((s) => `${basename(s.file)}:${s.sheet}`).join("|")}`),
    ).toEqual([
      "全体=提出_総括.xlsx:様式1",
      "PJ1=提出_医薬品.xlsx:様式2",
      "PJ2=提出_医療機器.xlsx:様式2",
      "PJ3=提出_再生医療.xlsx:様式2",
      "PJ4=提出_感染症.xlsx:様式2",
      "PJ5=提出 データ利活用.xlsx:Sheet 1",
      "PJ6=提出_シーズ開発.xlsx:様式2",
      "PJ7=提出_橋渡し.xlsx:様式2",
      "PJ8=提出_エコシステム.xlsx:PJ1",
    ]);
    expect(set.summary).toEqual({ error: 12, warning: 2, info: undivided.summary.info });
  });

  test("the text output names the 全体 file and the PJ files of a roll-up", async () => {
    const r = await runCaptured(["check", splitDir]);
    const section = r.stdout.slice(r.stdout.indexOf(`■ ${join(splitDir, "提出_総括.xlsx")}\n`)).split("\n\n")[0];
    const lines = section.split("\n");
    const at = lines.findIndex((l) => /^ {4}G6 +エラー .*\[rollup\/additive\]$/.test(l));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 2]).toBe(
      " ".repeat(20) +
        "他のファイル: [提出_医薬品.xlsx]様式2!G6、[提出_医療機器.xlsx]様式2!G6、[提出_再生医療.xlsx]様式2!G6、[提出_感染症.xlsx]様式2!G6、" +
        "'[提出 データ利活用.xlsx]Sheet 1'!G6、[提出_シーズ開発.xlsx]様式2!G6、[提出_橋渡し.xlsx]様式2!G6、'[提出_エコシステム.xlsx]PJ1'!G6",
    );
    expect(r.stdout).toContain(
      "提出セット（11ファイル）: 全体・PJ1〜PJ8 がそろっており、ファイルをまたぐ集計と参照を検証しました\n",
    );
    expect(r.stdout).toMatch(/\n合計 11ファイル: エラー 12件・警告 2件・情報 \d+件\n$/);
  });
});

describe("the corrected split set", () => {
  test("no error and no rollup-skipped: exit 0, the roll-up checked, only the sample's two warnings", async () => {
    const { code, report } = await checkJson([correctedDir]);
    const all = report.files.flatMap((f) => f.findings);
    expect(all.filter((f) => f.severity === "error")).toEqual([]);
    expect(all.filter((f) => f.rule === "structure/rollup-skipped")).toEqual([]);
    expect(all.filter((f) => f.severity === "warning").map((f) => `${f.rule} ${f.cell}`)).toEqual([
      "grade/below-pace J15",
      "grade/below-pace J23",
    ]);
    expect(report.set!.rollup).toBe("checked");
    expect(code).toBe(0);
  });

  test("each correction is on a cell the undivided sample flags or rolls up (none is gratuitous)", () => {
    const touched = new Set(
      undivided.findings
        .filter((f) => f.severity === "error")
        .flatMap((f) =>
          f.cells.map((c) => {
            const p = parseRef(c);
            return `${p.sheet ?? f.sheet}!${p.cell}`;
          }),
        ),
    );
    // 全体 G23/G24 keep the roll-up of 導出内容別 true after PJ2's and PJ7's edits: they are roll-up partners, not flagged cells
    const partners = new Set(["全体!G23", "全体!G24"]);
    for (const c of CORRECTIONS)
      expect(touched.has(`${c.sheet}!${c.cell}`) || partners.has(`${c.sheet}!${c.cell}`)).toBe(true);
  });
});

describe("a project submitted twice", () => {
  test("structure/duplicate-project names both files; the roll-up is skipped, not half-done", async () => {
    const dir = join(root, "dup");
    await writeSplit(dir);
    copyFileSync(join(dir, "提出_医薬品.xlsx"), join(dir, "提出_医薬品（再提出）.xlsx"));
    const { code, report } = await checkJson([dir]);
    expect(code).toBe(1);
    const dup = report.files.flatMap((f) =>
      f.findings.filter((x) => x.rule === "structure/duplicate-project").map((x) => ({ file: basename(f.file), ...x })),
    );
    expect(dup).toEqual([
      expect.objectContaining({
        file: "提出_医薬品（再提出）.xlsx",
        severity: "error",
        sheet: "様式2",
        cell: "B1",
        cells: ["B1", "[提出_医薬品.xlsx]様式2!B1"],
        message: expect.stringMatching(
          /^PJ1のモニタリングシートが二つあります（「提出_医薬品\.xlsx」のシート「様式2」と「提出_医薬品（再提出）\.xlsx」のシート「様式2」）。/,
        ),
      }),
    ]);
    const all = report.files.flatMap((f) => f.findings);
    expect(all.filter((f) => f.rule.startsWith("rollup/"))).toEqual([]);
    expect(all.filter((f) => f.rule === "structure/rollup-skipped").map((f) => f.message)).toEqual([
      "PJ1のモニタリングシートが複数あるため、全体シートとの集計の検証を省略しました。",
    ]);
    expect(report.set).toMatchObject({ rollup: "skipped", duplicates: ["PJ1"], missing: [] });
    const text = await runCaptured(["check", dir, "--quiet"]);
    expect(text.stdout).toContain(
      `提出セット（12ファイル）: PJ1のシートが複数あります（${join(dir, "提出_医薬品.xlsx")}、${join(dir, "提出_医薬品（再提出）.xlsx")}）。` +
        "集計の検証を省略しました（別々の報告書であれば --each で一つずつ検証できます）\n",
    );
  });
});

describe("--each: every file on its own", () => {
  test("each file's report is what checkWorkbook gives it alone; no roll-up across files, no set", async () => {
    const { code, report } = await checkJson([splitDir, "--each"]);
    expect(code).toBe(1);
    expect(report.set).toBeUndefined();
    for (const f of report.files) {
      const alone = checkWorkbook(await readWorkbookFile(f.file));
      expect(f.findings).toEqual(alone.findings);
    }
    const all = report.files.flatMap((f) => f.findings.map((x) => ({ file: basename(f.file), ...x })));
    expect(all.filter((f) => f.rule.startsWith("rollup/"))).toEqual([]);
    expect(all.filter((f) => f.severity === "error")).toHaveLength(6);
    expect(all.filter((f) => f.rule === "structure/rollup-skipped")).toEqual([
      expect.objectContaining({
        file: "提出_総括.xlsx",
        message:
          "PJ1・PJ2・PJ3・PJ4・PJ5・PJ6・PJ7・PJ8のモニタリングシートがないため、全体シートとの集計の検証を省略しました。",
      }),
    ]);
  });
});
