/**
 * Browser mode's submission set, in Node: the R7 sample split per submitter (test/fixtures/split) opened as
 * BrowserHosts and checked by SetChecker gives every file exactly what `kensa check` on the folder gives; the set
 * is checked again only when a file is added, removed or changed; the summary's content; cross-file findings named
 * readably in the pane and kept as they are for the download; the preview of a cross-file finding; the findings
 * workbook of 「まとめてダウンロード」.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { findingsWorkbookBuffer } from "../../src/adapters/exceljs/findings";
import { BrowserHost } from "../../src/browser/browser-host";
import {
  otherFileCells,
  otherFilesText,
  originalResult,
  readableOtherCell,
  withOtherFiles,
} from "../../src/browser/cross-file";
import { surroundingCells } from "../../src/browser/preview";
import {
  defaultSetCheck,
  findingsFileName,
  sameResult,
  SetChecker,
  setOverview,
  setTableFiles,
  type FileEntry,
  type SetMember,
} from "../../src/browser/set-check";
import { runCaptured } from "../../src/cli/capture";
import { checkSet, type CheckResult, type NamedWorkbook } from "../../src/core/engine";
import { sheetFromValues } from "../../src/core/model/workbook";
import { ReportSchema, type Report } from "../../src/core/report/schema";
import { loadSpec, splitSpecs, SPLIT, writeSplit, xlsxBytes } from "../fixtures/split";

jest.setTimeout(120_000);

let dir: string;
let bytes: Map<string, Uint8Array>;
let cli: Report;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kensa-browser-set-"));
  await writeSplit(dir);
  bytes = new Map();
  for (const f of splitSpecs(loadSpec())) bytes.set(f.file, new Uint8Array(await xlsxBytes(f.spec)));
  const r = await runCaptured(["check", dir, "--format", "json"]);
  cli = ReportSchema.parse(JSON.parse(r.stdout));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

let ids = 0;
function entryOf(file: string): FileEntry {
  return { id: `e${ids++}`, name: file, status: "checking", host: new BrowserHost(file, bytes.get(file)!, "ja") };
}
const membersOf = (entries: FileEntry[]) => (): SetMember[] =>
  entries.map((e) => ({ id: e.id, name: e.name, host: e.host! }));

/** Runs a check and gives each host its result, as BrowserApp does. */
async function check(checker: SetChecker, entries: FileEntry[]) {
  const run = await checker.run(membersOf(entries));
  for (const e of entries) {
    const r = run.results.get(e.id);
    if (r) await e.host!.highlight(r);
    e.status = "ready";
  }
  return run;
}

describe("SetChecker on the split R7 sample", () => {
  test("all 11 files: each file gets exactly what kensa check on the folder reports for it, and the set is complete", async () => {
    const entries = SPLIT.map((f) => entryOf(f.file));
    const checker = new SetChecker("ja");
    const run = await check(checker, entries);
    expect(checker.runs).toBe(1);
    for (const e of entries) {
      const fromCli = cli.files.find((f) => basename(f.file) === e.name)!;
      expect(e.host!.result!.findings).toEqual(fromCli.findings);
      expect(e.host!.result!.summary).toEqual(fromCli.summary);
    }
    expect(run.set.rollup).toBe("checked");
    expect(run.set.missing).toEqual([]);
    expect(run.set.projects.map((p) => p.project)).toEqual(cli.set!.projects.map((p) => p.project));
    expect(run.set.projects.map((p) => p.sheets)).toEqual(
      cli.set!.projects.map((p) => p.sheets.map((s) => ({ file: basename(s.file), sheet: s.sheet }))),
    );

    const o = setOverview(entries, run.set);
    expect(o).toMatchObject({
      files: 11,
      checked: 11,
      unchecked: 0,
      unreadable: 0,
      pending: 0,
      rollup: "checked",
      missing: [],
      duplicates: [],
      verdict: "errors",
    });
    expect(o.summary).toEqual(cli.set!.summary);
    expect(o.projects.find((p) => p.project === "PJ8")).toEqual({
      project: "PJ8",
      places: [{ file: "提出_エコシステム.xlsx", sheet: "PJ1" }],
      state: "present",
    });

    // nothing changed: the same run, no new check (the pane shown again gets it at once)
    expect(await checker.run(membersOf(entries))).toBe(run);
    expect(checker.runs).toBe(1);
  });

  test("files added one at a time: the missing projects shrink, and the 全体 roll-up errors appear once every PJ is there", async () => {
    const checker = new SetChecker("ja");
    const order = ["提出_総括.xlsx", ...SPLIT.map((f) => f.file).filter((f) => f !== "提出_総括.xlsx")];
    const entries: FileEntry[] = [];
    const missing: string[][] = [];
    const rollupErrors: number[] = [];
    for (const file of order) {
      entries.push(entryOf(file));
      const run = await check(checker, entries);
      missing.push(setOverview(entries, run.set).missing);
      const total = entries.find((e) => e.name === "提出_総括.xlsx")!.host!.result!;
      rollupErrors.push(total.findings.filter((f) => f.rule.startsWith("rollup/")).length);
    }
    expect(missing).toEqual([
      ["PJ1", "PJ2", "PJ3", "PJ4", "PJ5", "PJ6", "PJ7", "PJ8"],
      ["PJ2", "PJ3", "PJ4", "PJ5", "PJ6", "PJ7", "PJ8"],
      ["PJ3", "PJ4", "PJ5", "PJ6", "PJ7", "PJ8"],
      ["PJ4", "PJ5", "PJ6", "PJ7", "PJ8"],
      ["PJ5", "PJ6", "PJ7", "PJ8"],
      ["PJ6", "PJ7", "PJ8"],
      ["PJ7", "PJ8"],
      ["PJ8"],
      [],
      [],
      [],
    ]);
    expect(rollupErrors).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 6, 6, 6]);
    expect(checker.runs).toBe(11);

    // a PJ file closed: the roll-up errors leave the 全体 file, which was not touched
    const pj3 = entries.findIndex((e) => e.name === "提出_再生医療.xlsx");
    entries.splice(pj3, 1);
    const run = await check(checker, entries);
    const total = entries.find((e) => e.name === "提出_総括.xlsx")!;
    expect(total.host!.result!.findings.filter((f) => f.rule.startsWith("rollup/"))).toEqual([]);
    expect(total.host!.result!.findings.find((f) => f.rule === "structure/rollup-skipped")?.message).toContain("PJ3");
    expect(setOverview(entries, run.set)).toMatchObject({ missing: ["PJ3"], rollup: "skipped", verdict: "errors" });
  });

  test("a changed workbook (a fix applied) is checked again", async () => {
    const entries = ["提出_総括.xlsx", "提出_予算.xlsx"].map(entryOf);
    const checker = new SetChecker("ja");
    await check(checker, entries);
    const budget = entries[1].host!;
    const subtotal = budget.result!.findings.find((f) => f.rule === "sum/subtotal" && f.fix)!;
    await budget.applyFix(subtotal.fix!);
    await check(checker, entries);
    expect(checker.runs).toBe(2);
    expect(budget.result!.findings.some((f) => f.rule === "sum/subtotal" && f.cell === subtotal.cell)).toBe(false);
  });

  test("two files with one name get distinct names in the set; a failure inside Kensa is that file's alone", async () => {
    const a = entryOf("提出_医薬品.xlsx");
    const b = { ...entryOf("提出_医療機器.xlsx"), name: "提出_医薬品.xlsx" };
    const boom = (workbooks: readonly NamedWorkbook[], lang: "ja" | "en") => {
      const r = defaultSetCheck(workbooks, lang);
      return { ...r, files: r.files.map((f, i) => (i === 1 ? { name: f.name, error: new Error("boom") } : f)) };
    };
    const run = await new SetChecker("ja", boom).run(membersOf([a, b]));
    expect([...run.names.values()]).toEqual(["提出_医薬品.xlsx", "提出_医薬品 (2).xlsx"]);
    expect(run.results.has(a.id)).toBe(true);
    expect(run.failures.get(b.id)).toBe("boom");
  });
});

describe("setOverview: never 「問題なし」 while a file is not checked or not readable", () => {
  const result = (kinds: boolean, summary = { error: 0, warning: 0, info: 0 }): CheckResult => ({
    sheets: [{ name: "S", kind: kinds ? "inhouse-budget" : null }],
    findings: [],
    summary,
    computed: [],
  });
  const ready = (id: string, r: CheckResult): FileEntry => {
    const host = new BrowserHost(`${id}.xlsx`, new Uint8Array(), "ja");
    host.result = r;
    return { id, name: `${id}.xlsx`, status: "ready", host };
  };
  const none = { projects: [], missing: [], duplicates: [], rollup: "none" as const };

  test("verdicts", () => {
    expect(setOverview([ready("a", result(true)), ready("b", result(true))], none).verdict).toBe("clean");
    expect(setOverview([ready("a", result(true)), ready("b", result(false))], none)).toMatchObject({
      verdict: "unchecked",
      unchecked: 1,
      checked: 1,
    });
    expect(
      setOverview(
        [ready("a", result(true)), { id: "x", name: "x.xlsx", status: "error", error: "壊れています" }],
        none,
      ),
    ).toMatchObject({ verdict: "unreadable", unreadable: 1 });
    expect(setOverview([ready("a", result(true, { error: 0, warning: 1, info: 0 }))], none).verdict).toBe("warnings");
    expect(setOverview([ready("a", result(true))], { ...none, rollup: "skipped", missing: ["PJ1"] })).toMatchObject({
      verdict: "rollup-skipped",
      missing: ["PJ1"],
    });
    expect(setOverview([ready("a", result(true)), { id: "r", name: "r.xlsx", status: "reading" }], none).pending).toBe(
      1,
    );
    // with no monitoring sheet at all, nothing is "missing"
    expect(setOverview([ready("a", result(true))], { ...none, missing: ["全体", "PJ1"] }).missing).toEqual([]);
  });
});

describe("cross-file findings in the pane and in the preview", () => {
  let entries: FileEntry[];
  let total: BrowserHost;
  beforeAll(async () => {
    entries = SPLIT.map((f) => entryOf(f.file));
    await check(new SetChecker("ja"), entries);
    total = entries.find((e) => e.name === "提出_総括.xlsx")!.host!;
  });

  test("the pane's copy names the other files' cells readably; the host keeps the original for the download", async () => {
    const g6 = total.result!.findings.find((f) => f.rule === "rollup/additive" && f.cell === "G6")!;
    expect(otherFileCells(g6).map((c) => c.file)).toEqual([
      "提出_医薬品.xlsx",
      "提出_医療機器.xlsx",
      "提出_再生医療.xlsx",
      "提出_感染症.xlsx",
      "提出 データ利活用.xlsx",
      "提出_シーズ開発.xlsx",
      "提出_橋渡し.xlsx",
      "提出_エコシステム.xlsx",
    ]);
    expect(otherFilesText(g6, "ja")).toBe(
      "他のファイル: 「提出_医薬品.xlsx」の様式2!G6、「提出_医療機器.xlsx」の様式2!G6、「提出_再生医療.xlsx」の様式2!G6、「提出_感染症.xlsx」の様式2!G6、" +
        "「提出 データ利活用.xlsx」のSheet 1!G6、「提出_シーズ開発.xlsx」の様式2!G6、「提出_橋渡し.xlsx」の様式2!G6、「提出_エコシステム.xlsx」のPJ1!G6",
    );
    expect(readableOtherCell({ file: "a.xlsx", sheet: "S", cell: "A1" }, "en")).toBe("S!A1 in a.xlsx");

    const original = total.result!;
    const shown = withOtherFiles(original, "ja");
    const shownG6 = shown.findings.find((f) => f.rule === "rollup/additive" && f.cell === "G6")!;
    expect(shownG6.message).toBe(`${g6.message} ${otherFilesText(g6, "ja")}`);
    expect(shownG6.cells).toEqual(g6.cells);
    // a finding within the file is untouched
    const inFile = original.findings.find((f) => otherFileCells(f).length === 0)!;
    expect(shown.findings[original.findings.indexOf(inFile)]).toBe(inFile);
    // the pane highlights its copy: the host keeps (and downloads) the original messages
    await total.highlight(shown);
    expect(total.result).toBe(original);
    expect(originalResult(shown)).toBe(original);
    // a file with no cross-file finding is handed over as it is
    const budget = entries.find((e) => e.name === "提出_予算.xlsx")!.host!.result!;
    expect(withOtherFiles(budget, "ja")).toBe(budget);
  });

  test("selecting a roll-up: the grid shows the 全体 cell of this file; the PJ files' cells are listed with their values", async () => {
    total.otherWorkbook = (file) => entries.find((e) => e.name === file)?.host?.loaded ?? undefined;
    const g6 = total.result!.findings.find((f) => f.rule === "rollup/additive" && f.cell === "G6")!;
    await total.select(g6.sheet, g6.cells);
    const p = total.preview!;
    expect(p).toMatchObject({ sheet: "様式1", anchor: "G6", elsewhere: [] });
    expect(
      p.rows
        .flatMap((r) => r.cells)
        .filter((c) => c.selected)
        .map((c) => c.address),
    ).toEqual(["G6"]);
    expect(p.otherFiles.map((c) => `${c.file}|${c.sheet}|${c.cell}|${c.text}`)).toEqual([
      "提出_医薬品.xlsx|様式2|G6|11件",
      "提出_医療機器.xlsx|様式2|G6|9件",
      "提出_再生医療.xlsx|様式2|G6|4件",
      "提出_感染症.xlsx|様式2|G6|1件",
      "提出 データ利活用.xlsx|Sheet 1|G6|14件",
      "提出_シーズ開発.xlsx|様式2|G6|5件",
      "提出_橋渡し.xlsx|様式2|G6|5件",
      "提出_エコシステム.xlsx|PJ1|G6|0件",
    ]);
  });

  test("a finding whose cells are all in other files still previews its own cell", () => {
    const wb = {
      sheets: [
        sheetFromValues("S", [
          ["a", 1],
          ["b", 2],
        ]),
      ],
    };
    const p = surroundingCells(wb, "S", ["[x.xlsx]T!B2", "'[y z.xlsx]U V'!A1"], { primary: "B2" });
    expect(p.anchor).toBe("B2");
    expect(p.rows.flatMap((r) => r.cells).find((c) => c.primary)?.address).toBe("B2");
    expect(p.otherFiles.map((c) => [c.file, c.sheet, c.cell, c.text])).toEqual([
      ["x.xlsx", "T", "B2", undefined],
      ["y z.xlsx", "U V", "A1", undefined],
    ]);
    // a sheet of this file named like a book is not another file
    expect(surroundingCells(wb, "S", ["A1", "'PJ1'!B2"]).otherFiles).toEqual([]);
  });
});

describe("まとめてダウンロード: the findings workbook of the set", () => {
  test("every finding of every file, the files (an unreadable one too) and where the projects are", async () => {
    const entries = SPLIT.map((f) => entryOf(f.file));
    const run = await check(new SetChecker("ja"), entries);
    entries.push({
      id: "bad",
      name: "壊れた.xlsx",
      status: "error",
      error: "ファイルが壊れています",
      errorCode: "corrupt",
    });
    const files = setTableFiles(entries);
    expect(files.map((f) => f.status)).toEqual([...SPLIT.map(() => "checked"), "unreadable"]);
    const out = await findingsWorkbookBuffer(files, {
      lang: "ja",
      set: { projects: run.set.projects, rollup: run.set.rollup },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["指摘一覧", "ファイル別", "提出セット"]);
    const list = wb.getWorksheet("指摘一覧")!;
    const total = cli.files.reduce((n, f) => n + f.findings.length, 0);
    expect(list.rowCount).toBe(1 + total + 1); // header, every finding, the unreadable file's row
    const texts: string[] = [];
    list.eachRow((row) => texts.push(row.values.toString()));
    expect(texts.join("\n")).toContain("[提出_医薬品.xlsx]様式2!G6");
    const byFile = wb.getWorksheet("ファイル別")!;
    expect(byFile.getCell("B13").value).toBe("読めない");
    expect(wb.getWorksheet("提出セット")!.getCell("C10").value).toBe("提出_エコシステム.xlsx");
    expect(findingsFileName("ja", new Date(2025, 11, 2))).toBe("指摘一覧_提出セット_20251202.xlsx");
    expect(findingsFileName("en", new Date(2025, 0, 9))).toBe("findings_set_20250109.xlsx");
  });
});

test("sameResult compares what the pane shows", () => {
  const a: CheckResult = { sheets: [], findings: [], summary: { error: 0, warning: 0, info: 0 }, computed: [] };
  expect(sameResult(a, { ...a })).toBe(true);
  expect(sameResult(a, null)).toBe(false);
  const wb = {
    sheets: [
      sheetFromValues("S", [
        ["機関名", "全体"],
        ["A", 1],
        ["合計", 2],
      ]),
    ],
  };
  expect(sameResult(a, checkSet([{ name: "x.xlsx", workbook: wb }]).files[0].result)).toBe(false);
});
