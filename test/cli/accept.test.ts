/**
 * `kensa accept` and `kensa check --accepted show|hide` (issue 8, item 5): an acceptance written into the
 * workbook by the CLI, honoured by every later check, lapsing when a value changes, revocable; the file kept
 * whole and written safely.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import { runCaptured } from "../../src/cli/capture";
import { ReportSchema, type Report } from "../../src/core/report/schema";
import { readWorkbookFile } from "../../src/adapters/exceljs/read-file";
import { readAcceptanceStore, ACCEPT_SHEET } from "../../src/core/accept";
import { goodWorkbook, simpleWorkbook, tempDir, writeWorkbook } from "../fixtures/workbooks";
import { writeSplit } from "../fixtures/split";
import { run, withKnownSheet } from "./helpers";

const SAMPLE = path.join(__dirname, "../../samples/r7-report.xlsx");
const REASON = "指標8は令和8年度からの事業のため";
const J15 = ["--rule", "grade/below-pace", "--cell", "アウトプット指標!J15"];

let dir: string;

beforeAll(async () => {
  dir = await tempDir("kensa-accept-");
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function copySample(name: string): Promise<string> {
  const p = path.join(dir, name);
  await fs.mkdir(path.dirname(p), { recursive: true });
  await fs.copyFile(SAMPLE, p);
  return p;
}

async function json(args: string[]): Promise<Report> {
  const r = await runCaptured([...args, "--format", "json"]);
  return ReportSchema.parse(JSON.parse(r.stdout));
}

/** Sets one cell with exceljs (the store sheet survives the round trip, as in Excel). */
async function setCell(file: string, sheet: string, cell: string, value: ExcelJS.CellValue): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  wb.getWorksheet(sheet)!.getCell(cell).value = value;
  await fs.writeFile(file, new Uint8Array(await wb.xlsx.writeBuffer()));
}

describe("kensa accept on the R7 sample (indicator 8's 0 of 10)", () => {
  let file: string;

  beforeAll(async () => {
    file = await copySample("r7/r7-report.xlsx");
  });

  test("records the acceptance in the file, safely, and says so", async () => {
    const before = await json(["check", file]);
    const r = await runCaptured(["accept", file, ...J15, "--reason", REASON, "--by", "山田"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `確認済みにしました: アウトプット指標!J15 [grade/below-pace] 理由: ${REASON}\n記録しました: ${file}（非表示のシート「Kensa_accepted」）\n`,
    );
    // no temporary file left beside it
    expect(await fs.readdir(path.dirname(file))).toEqual(["r7-report.xlsx"]);
    const store = readAcceptanceStore(await readWorkbookFile(file));
    expect(store.entries).toEqual([
      expect.objectContaining({
        rule: "grade/below-pace",
        sheet: "アウトプット指標",
        cell: "J15",
        cells: ["J15", "H15", "D15"],
        expected: 4,
        actual: 0,
        reason: REASON,
        by: "山田",
      }),
    ]);
    expect(store.entries[0].at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);

    const after = await json(["check", file]);
    const f = after.files[0];
    expect(f.summary).toEqual({
      ...before.files[0].summary,
      warning: before.files[0].summary.warning - 1,
      accepted: 1,
    });
    const accepted = f.findings.filter((x) => x.accepted);
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({
      rule: "grade/below-pace",
      cell: "J15",
      severity: "warning",
      accepted: { reason: REASON, by: "山田" },
    });
    // the record is Kensa's: not a sheet of the report
    expect(f.sheets.map((s) => s.name)).not.toContain(ACCEPT_SHEET);
  });

  test("kensa check lists it as 確認済み with its reason, and counts it apart; --accepted hide only counts it", async () => {
    const shown = await runCaptured(["check", file]);
    expect(shown.stdout).toMatch(
      /J15\s+確認済み 「指標8」の進捗はAですが、累積実績0件は.* \[grade\/below-pace\]\n\s+警告を確認済み・理由: 指標8は令和8年度からの事業のため（山田、\d{4}-\d\d-\d\d）\n/,
    );
    expect(shown.stdout).toMatch(/→ エラー 12件・警告 1件・情報 25件・確認済み 1件\n/);
    expect(shown.stdout).toMatch(/合計 1ファイル: エラー 12件・警告 1件・情報 25件・確認済み 1件\n$/);
    const hidden = await runCaptured(["check", file, "--accepted", "hide"]);
    expect(hidden.stdout).not.toContain("J15     確認済み");
    expect(hidden.stdout).toContain(
      "→ エラー 12件・警告 1件・情報 25件・確認済み 1件（確認済みの1件は表示していません。表示するには --accepted show）",
    );
    const hiddenJson = await json(["check", file, "--accepted", "hide"]);
    expect(hiddenJson.files[0].findings.some((x) => x.accepted)).toBe(false);
    expect(hiddenJson.files[0].summary.accepted).toBe(1);
    const en = await runCaptured(["check", file, "--lang", "en"]);
    expect(en.stdout).toMatch(/J15\s+accepted .*\n\s+accepted warning, reason: 指標8は/);
    expect(en.stdout).toContain("12 errors, 1 warning, 25 info, 1 accepted");
    const bad = await runCaptured(["check", file, "--accepted", "maybe"]);
    expect(bad.code).toBe(2);
  });

  test("--list shows what is recorded", async () => {
    const text = await runCaptured(["accept", file, "--list"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /^確認済み 1件:\n  アウトプット指標!J15 \[grade\/below-pace\] 指標8は令和8年度からの事業のため（山田、\d{4}-\d\d-\d\d）\n$/,
    );
    const doc = JSON.parse((await runCaptured(["accept", file, "--list", "--format", "json"])).stdout);
    expect(doc.accepted[0]).toMatchObject({ rule: "grade/below-pace", cell: "J15", reason: REASON });
  });

  test("the findings workbook and the annotated copy list it with its reason", async () => {
    const out = path.join(dir, "r7-out", "findings.xlsx");
    const annotate = path.join(dir, "r7-out", "annotated");
    const r = await runCaptured(["check", file, "--out", out, "--annotate", annotate, "--quiet"]);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("指摘一覧")!;
    expect(ws.getCell("J1").value).toBe("状態");
    expect(ws.getCell("L1").value).toBe("確認の理由");
    const rows: unknown[][] = [];
    ws.eachRow((row, i) => i > 1 && rows.push((row.values as unknown[]).slice(1)));
    const j15 = rows.filter((x) =>
      x[2] && typeof x[2] === "object" ? (x[2] as { result?: string }).result === "J15" : x[2] === "J15",
    );
    expect(j15.map((x) => [x[9], x[11]])).toEqual([
      ["確認済み", expect.stringMatching(/^指標8は令和8年度からの事業のため（山田、\d{4}-\d\d-\d\d）$/)],
    ]);
    expect(rows.filter((x) => x[9] === "未確認")).toHaveLength(rows.length - 1);
    const files = wb.getWorksheet("ファイル別")!;
    expect((files.getRow(1).values as unknown[]).slice(1)).toEqual([
      "ファイル",
      "状態",
      "エラー",
      "警告",
      "情報",
      "確認済み",
      "シート（様式）・理由",
    ]);
    expect((files.getRow(2).values as unknown[]).slice(2, 7)).toEqual(["エラーあり", 12, 1, 25, 1]);

    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(readFileSync(path.join(annotate, "r7-report.kensa.xlsx")) as unknown as ExcelJS.Buffer);
    const rs = copy.getWorksheet("検証結果")!;
    let found = false;
    rs.eachRow((row) => {
      const v = row.values as unknown[];
      if (v[11] === "grade/below-pace" && v[9] === "確認済み") {
        found = true;
        expect(String(v[10])).toContain(REASON);
      }
    });
    expect(found).toBe(true);
    // the accepted cell is not highlighted in the copy
    expect(copy.getWorksheet("アウトプット指標")!.getCell("J15").fill).toBeUndefined();
    expect(copy.getWorksheet("アウトプット指標")!.getCell("J23").fill).toMatchObject({ fgColor: { argb: "FFFFEB9C" } });
  });

  test("lapses when the 実績 changes, and says so", async () => {
    const changed = await copySample("r7-changed/r7-report.xlsx");
    await fs.copyFile(file, changed);
    await setCell(changed, "アウトプット指標", "H15", 2);
    const r = await json(["check", changed]);
    const f = r.files[0];
    expect(f.findings.filter((x) => x.accepted)).toEqual([]);
    expect(f.summary.accepted).toBeUndefined();
    const lapsed = f.findings.find((x) => x.rule === "accepted/lapsed")!;
    expect(lapsed).toMatchObject({ severity: "info", sheet: "アウトプット指標", cell: "J15" });
    expect(lapsed.message).toContain("値が変わったため確認済みではなくなりました（H15: 0 → 2、記入値: 0 → 2）");
    expect(lapsed.message).toContain(`確認済みにした理由: ${REASON}`);
  });

  test("accepting again replaces the reason; --revoke takes it back", async () => {
    const again = await runCaptured(["accept", file, ...J15, "--reason", "新しい理由"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      "（アウトプット指標!J15 [grade/below-pace] は確認済みでした。理由を書き換えました）",
    );
    expect(readAcceptanceStore(await readWorkbookFile(file)).entries.map((e) => e.reason)).toEqual(["新しい理由"]);
    const revoke = await runCaptured(["accept", file, "--revoke", ...J15]);
    expect(revoke.code).toBe(0);
    expect(revoke.stdout).toContain("確認済みを取り消しました: アウトプット指標!J15 [grade/below-pace]");
    const r = await json(["check", file]);
    expect(r.files[0].findings.some((x) => x.accepted || x.rule.startsWith("accepted/"))).toBe(false);
    const twice = await runCaptured(["accept", file, "--revoke", ...J15]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toBe("kensa: アウトプット指標!J15 [grade/below-pace] の確認済みの記録はありません\n");
  });
});

describe("kensa accept: the file is kept whole", () => {
  test("values, styles, merges and other sheets survive; every other part of the package is unchanged", async () => {
    const wb = withKnownSheet(goodWorkbook(), "インハウス予算2");
    wb.addWorksheet("集計").addRows([
      ["項目", "値"],
      ["a", "ERR"],
    ]);
    const file = await writeWorkbook(wb, path.join(dir, "whole", "book.xlsx"));
    const before = readFileSync(file);
    const r = await run(["accept", file, "--rule", "test/marker", "--cell", "集計!B2", "--reason", "テスト"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const after = readFileSync(file);
    const [a, b] = await Promise.all([JSZip.loadAsync(before), JSZip.loadAsync(after)]);
    const changed: string[] = [];
    for (const name of Object.keys(a.files)) {
      if (a.files[name].dir) continue;
      const [x, y] = await Promise.all([a.file(name)!.async("string"), b.file(name)?.async("string")]);
      if (x !== y) changed.push(name);
    }
    expect(changed.sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml"]);
    const x = new ExcelJS.Workbook();
    const y = new ExcelJS.Workbook();
    await x.xlsx.load(before as unknown as ExcelJS.Buffer);
    await y.xlsx.load(after as unknown as ExcelJS.Buffer);
    expect(y.worksheets.map((w) => w.name)).toEqual([...x.worksheets.map((w) => w.name), ACCEPT_SHEET]);
    for (const ws of x.worksheets) {
      const other = y.getWorksheet(ws.name)!;
      expect(other.model.merges).toEqual(ws.model.merges);
      ws.eachRow((row, i) =>
        row.eachCell((cell, c) =>
          expect([cell.address, other.getRow(i).getCell(c).value, other.getRow(i).getCell(c).style]).toEqual([
            cell.address,
            cell.value,
            cell.style,
          ]),
        ),
      );
    }
    // its only error is accepted: the file passes, and says why
    const check = await run(["check", file]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(
      /B2\s+確認済み 印 ERR があります（値 12） \[test\/marker\]\n\s+エラーを確認済み・理由: テスト（\d{4}-\d\d-\d\d）\n/,
    );
    expect(check.stdout).toContain("エラー 0件・警告 0件・情報 0件・確認済み 1件");
  });

  test("refuses what it cannot do, with the reason and exit code", async () => {
    const file = await writeWorkbook(
      withKnownSheet(simpleWorkbook([["ERR"]], "集計")),
      path.join(dir, "refuse", "book.xlsx"),
    );
    const cases: [string[], number, string][] = [
      [
        ["accept", file, "--rule", "test/marker", "--cell", "集計!A1"],
        2,
        "kensa: --reason で確認済みにする理由を書いてください\n",
      ],
      [
        ["accept", file, "--rule", "test/marker", "--cell", "集計!A1", "--reason", "  "],
        2,
        "kensa: 確認済みにする理由を書いてください\n",
      ],
      [
        ["accept", file, "--rule", "test/marker", "--cell", "A1", "--reason", "x"],
        2,
        "kensa: --cell は「シート名!セル」で指定してください（例: アウトプット指標!J15）: A1\n",
      ],
      [["accept", file, "--cell", "集計!A1", "--reason", "x"], 2, "kensa: --rule と --cell を指定してください\n"],
      [
        ["accept", file.replace(/xlsx$/, "csv"), "--rule", "test/marker", "--cell", "集計!A1", "--reason", "x"],
        2,
        `kensa: .xlsx または .xlsm のブックを指定してください: ${file.replace(/xlsx$/, "csv")}\n`,
      ],
      [
        ["accept", file, "--rule", "test/marker", "--cell", "集計!B9", "--reason", "x"],
        1,
        "kensa: 集計!B9 に test/marker の指摘はありません。ファイルをまたぐ指摘なら、提出セットの他のファイルも指定してください\n",
      ],
      [
        ["accept", file, "--rule", "sum/breakdown", "--cell", "集計!A1", "--reason", "x"],
        1,
        "kensa: 集計!A1 に sum/breakdown の指摘はありません（このセルの指摘: test/marker）。ファイルをまたぐ指摘なら、提出セットの他のファイルも指定してください\n",
      ],
      [
        [
          "accept",
          path.join(dir, "refuse", "missing.xlsx"),
          "--rule",
          "test/marker",
          "--cell",
          "集計!A1",
          "--reason",
          "x",
        ],
        1,
        "",
      ],
    ];
    const bytes = readFileSync(file);
    for (const [args, code, stderr] of cases) {
      const r = await run(args);
      expect([args.join(" "), r.code]).toEqual([args.join(" "), code]);
      if (stderr) expect(r.stderr).toBe(stderr);
      else expect(r.stderr).toMatch(/^kensa: .*missing\.xlsx: /);
    }
    expect(readFileSync(file).equals(bytes)).toBe(true);

    // open in Excel (its lock file is there): not written
    await fs.writeFile(path.join(dir, "refuse", "~$book.xlsx"), "lock");
    const locked = await run(["accept", file, "--rule", "test/marker", "--cell", "集計!A1", "--reason", "x"]);
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain("Excel で開かれているようです");
    await fs.rm(path.join(dir, "refuse", "~$book.xlsx"));

    // a sheet of that name that is someone else's
    const wb = withKnownSheet(simpleWorkbook([["ERR"]], "集計"));
    wb.addWorksheet("Kensa_accepted").getCell("A1").value = "私のメモ";
    const theirs = await writeWorkbook(wb, path.join(dir, "refuse", "theirs.xlsx"));
    const theirsBytes = readFileSync(theirs);
    const r = await run(["accept", theirs, "--rule", "test/marker", "--cell", "集計!A1", "--reason", "x"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`kensa: ${theirs} のシート「Kensa_accepted」は Kensa の記録ではないため、書き込みません\n`);
    expect(readFileSync(theirs).equals(theirsBytes)).toBe(true);
    expect(await fs.readdir(path.join(dir, "refuse"))).toEqual(["book.xlsx", "theirs.xlsx"]);
  });
});

describe("kensa accept across the files of a submission set", () => {
  let set: string;
  let total: string;

  beforeAll(async () => {
    set = path.join(dir, "split");
    await writeSplit(set);
    total = path.join(set, "提出_総括.xlsx");
  }, 120_000);

  test("a roll-up across files is accepted in the file holding the 全体 cell, with the other files given", async () => {
    const args = ["--rule", "rollup/additive", "--cell", "様式1!G6", "--reason", "重複を除いて数えるため"];
    const alone = await runCaptured(["accept", total, ...args]);
    expect(alone.code).toBe(1);
    const r = await runCaptured(["accept", total, set, ...args]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const entry = readAcceptanceStore(await readWorkbookFile(total)).entries[0];
    expect(entry.cells).toContain("[提出_医薬品.xlsx]様式2!G6");
    expect(entry.values).toEqual([36, 11, 9, 4, 1, 14, 5, 5, 0]);

    const checked = await json(["check", set]);
    const file = checked.files.find((f) => f.file === total)!;
    expect(file.findings.filter((f) => f.accepted).map((f) => `${f.rule} ${f.cell}`)).toEqual(["rollup/additive G6"]);
    expect(checked.set!.summary.accepted).toBe(1);
    // checked alone (no roll-up), the acceptance is neither used nor called unused
    const single = await json(["check", total]);
    expect(single.files[0].findings.filter((f) => f.rule.startsWith("accepted/"))).toEqual([]);
  });

  test("it lapses when a value in another file changes", async () => {
    await setCell(path.join(set, "提出_医薬品.xlsx"), "様式2", "G6", 12);
    const checked = await json(["check", set]);
    const file = checked.files.find((f) => f.file === total)!;
    expect(file.findings.filter((f) => f.accepted)).toEqual([]);
    expect(file.findings.find((f) => f.rule === "accepted/lapsed")!.message).toContain(
      "[提出_医薬品.xlsx]様式2!G6: 11 → 12",
    );
  });
});
