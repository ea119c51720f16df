/**
 * The catalogue without code on the command line (issue 10, item 4), and the small things of item 5:
 * `kensa catalogue`; `kensa check --catalogue FILE` (YAML or JSON, errors by line and path); a workbook's own
 * Kensa_カタログ sheet; .xlsm in folder scans and their annotated copies; lock files; what --severity hid;
 * commander's usage errors in Japanese.
 */
import JSZip from "jszip";
import { createHash } from "crypto";
import { promises as fs, readFileSync } from "fs";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { readWorkbookFile } from "../../src/adapters/exceljs/read-file";
import { defaultCatalogue } from "../../src/core/catalogue/default";
import { sameIndicator } from "../../src/core/catalogue/load";
import { readCatalogueSheet } from "../../src/core/catalogue/sheet";
import { ReportSchema } from "../../src/core/report/schema";
import { EIGHT_FINDINGS, EIGHT_YAML, eightSheets, xlsxOf } from "../fixtures/catalogue-eight";
import { tempDir } from "../fixtures/workbooks";
import { run as runMarker } from "./helpers";

/** The CLI with the real rules. */
const run = (args: string[], env: Record<string, string> = {}) => runMarker(args, { deps: {}, env });

let dir: string;
let plain: string; // 全体 + PJ1–PJ8 with indicator 8 rows, no catalogue sheet
let withSheet: string; // the same with the Kensa_カタログ sheet
let eightYaml: string;

beforeAll(async () => {
  dir = await tempDir("kensa-catalogue-");
  plain = path.join(dir, "plain.xlsx");
  withSheet = path.join(dir, "with-sheet.xlsx");
  eightYaml = path.join(dir, "eight.yaml");
  await fs.writeFile(plain, await xlsxOf(eightSheets(false)));
  await fs.writeFile(withSheet, await xlsxOf(eightSheets(true)));
  await fs.writeFile(eightYaml, EIGHT_YAML);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

type Json = {
  files: {
    file: string;
    findings: {
      rule: string;
      sheet: string;
      cell: string;
      severity: string;
      expected?: number;
      actual?: number;
      message: string;
    }[];
  }[];
};

function findingsOf(stdout: string) {
  const doc = ReportSchema.parse(JSON.parse(stdout)) as Json;
  return doc.files[0].findings;
}

const pick = (f: Json["files"][number]["findings"][number]) => ({
  rule: f.rule,
  sheet: f.sheet,
  cell: f.cell,
  severity: f.severity,
  ...(f.expected !== undefined && f.rule !== "sum/incomplete" ? { expected: f.expected, actual: f.actual } : {}),
});

async function write(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, text);
  return file;
}

describe("kensa catalogue", () => {
  test("prints the built-in catalogue as JSON (the default) and as YAML", async () => {
    const json = await run(["catalogue"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(defaultCatalogue);
    const yaml = await run(["catalogue", "--format", "yaml"]);
    expect(yaml.code).toBe(0);
    expect(yaml.stdout).toMatch(/^# Kensa の指標一覧/);
    expect(parseYaml(yaml.stdout)).toEqual(defaultCatalogue);
  });

  test("with --catalogue, the catalogue in force: indicator 8 added", async () => {
    const r = await run(["catalogue", "--catalogue", eightYaml]);
    expect(r.code).toBe(0);
    const cat = JSON.parse(r.stdout) as typeof defaultCatalogue;
    expect(cat.indicators.map((i) => i.number)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
  });

  test("--out FILE.xlsx writes the Kensa_指標一覧 sheet for staff: it reads back as the built-in indicators 1–6", async () => {
    const out = path.join(dir, "指標一覧.xlsx");
    const r = await run(["catalogue", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`指標一覧を書き出しました: ${out}`);
    expect(r.stderr).toContain("指標7は割合の区分があるため表に書けません");
    const wb = await readWorkbookFile(out);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Kensa_指標一覧"]);
    const read = readCatalogueSheet(wb.sheets[0], defaultCatalogue);
    expect(read.ok).toBe(true);
    if (read.ok)
      read.indicators.forEach((ind, i) => expect(sameIndicator(ind, defaultCatalogue.indicators[i])).toBe(true));
    // not over an existing file without --force; xlsx needs --out
    expect((await run(["catalogue", "--out", out])).code).toBe(2);
    expect((await run(["catalogue", "--out", out, "--force"])).code).toBe(0);
    const noOut = await run(["catalogue", "--format", "xlsx"]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toBe("kensa: --format xlsx には --out FILE.xlsx が必要です\n");
  });
});

describe("kensa check --catalogue FILE: a new indicator is checked exactly like a built-in one", () => {
  test("indicator 8 from a YAML file: its breakdowns and roll-up", async () => {
    const r = await run(["check", plain, "--catalogue", eightYaml, "--format", "json"]);
    expect(r.code).toBe(1);
    expect(findingsOf(r.stdout).map(pick)).toEqual(EIGHT_FINDINGS);
    expect(r.stderr).toBe(`指標一覧: ${eightYaml}（追加・変更: 指標8を追加）\n`);
  });

  test("without it, indicator 8 is unknown (nothing of it is checked)", async () => {
    const r = await run(["check", plain, "--format", "json"]);
    expect(new Set(findingsOf(r.stdout).map((f) => f.rule))).toEqual(new Set(["label/unknown"]));
  });

  test("the same definition as JSON gives the same findings", async () => {
    const yaml = parseYaml(EIGHT_YAML) as unknown;
    const json = await write("eight.json", JSON.stringify(yaml, null, "\t"));
    const a = await run(["check", plain, "--catalogue", json, "--format", "json"]);
    const b = await run(["check", plain, "--catalogue", eightYaml, "--format", "json"]);
    expect(a.code).toBe(1);
    expect(a.stdout).toBe(b.stdout);
  });

  test("a workbook's own sheet under its first name, Kensa_カタログ, still gives the same findings, plus the info saying it was used", async () => {
    const fromFile = findingsOf((await run(["check", plain, "--catalogue", eightYaml, "--format", "json"])).stdout);
    const r = await run(["check", withSheet, "--format", "json"]);
    expect(r.code).toBe(1);
    const found = findingsOf(r.stdout);
    expect(found.filter((f) => f.rule !== "catalogue/sheet")).toEqual(fromFile);
    expect(found.filter((f) => f.rule === "catalogue/sheet")).toEqual([
      expect.objectContaining({
        severity: "info",
        sheet: "Kensa_カタログ",
        cell: "A3",
        message: "シート「Kensa_カタログ」の指標一覧を使いました（指標8を追加）。",
      }),
    ]);
    // the text report names the sheet as the catalogue, never as an unknown sheet
    const text = await run(["check", withSheet]);
    expect(text.stdout).toContain(
      "  シート「Kensa_カタログ」（指標一覧）\n    A3      情報     シート「Kensa_カタログ」の指標一覧を使いました",
    );
    expect(text.stdout).not.toContain("structure/unknown-sheet");
  });

  test("mode: replace uses the file's indicators only", async () => {
    const file = await write("only-eight.yaml", EIGHT_YAML.replace("mode: extend", "mode: replace"));
    const r = await run(["check", plain, "--catalogue", file, "--format", "json"]);
    expect(findingsOf(r.stdout).map(pick)).toEqual(EIGHT_FINDINGS);
    expect(r.stderr).toBe(`指標一覧: ${file}（置き換え: 指標8を追加、指標1・2・3・4・5・6・7を除外）\n`);
  });
});

describe("a catalogue file that cannot be used: exit 2, every problem by its line and path, nothing checked", () => {
  test("YAML: a bad relation, a missing field, a misspelt key", async () => {
    const bad = await write(
      "bad.yaml",
      EIGHT_YAML.replace("        relation: partial", "        relation: sum").replace(
        "    label: 研究開発基盤の利用件数\n",
        "    lable: 研究開発基盤の利用件数\n",
      ),
    );
    const r = await run(["check", plain, "--catalogue", bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      [
        `kensa: 指標一覧のファイル ${bad} を使えません:`,
        `  ${bad} 4行目: indicators[0].label がありません（必須の項目です）`,
        `  ${bad} 5行目: indicators[0].lable は使えない項目名です（label のことですか？）`,
        `  ${bad} 17行目: indicators[0].groups[1].relation は exhaustive・partial・independent・ordered・percentages のいずれかです（文字列「sum」が書かれています）`,
        "",
      ].join("\n"),
    );
    const en = await run(["check", plain, "--catalogue", bad, "--lang", "en"]);
    expect(en.stderr).toContain(
      `${bad} line 17: indicators[0].groups[1].relation must be one of exhaustive, partial, independent, ordered, percentages (found the text “sum”)`,
    );
  });

  test("YAML that does not parse, JSON that does not parse, a JSON catalogue with wrong values, a missing file", async () => {
    const broken = await write("broken.yaml", "indicators:\n  - number: 8\n    label: a\n   groups: x\n");
    expect((await run(["check", plain, "--catalogue", broken])).stderr).toBe(
      `kensa: 指標一覧のファイル ${broken} を使えません:\n  ${broken} 4行目: YAML として読めません: 記号が足りません（「- 」「: 」や閉じ括弧を確かめてください）\n`,
    );
    const syntax = await write("syntax.json", '{\n  "indicators": [\n    { "number": "8", }\n  ]\n}\n');
    const s = await run(["check", plain, "--catalogue", syntax]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(
      new RegExp(
        `^kensa: 指標一覧のファイル .*syntax.json を使えません:\\n  .*syntax.json 3行目: JSON として読めません（.+）\\n$`,
      ),
    );
    const badJson = await write(
      "bad.json",
      '{\n  "indicators": [\n    { "number": "8", "label": "x", "rollup": "sum",\n      "groups": [] }\n  ]\n}\n',
    );
    expect((await run(["check", plain, "--catalogue", badJson])).stderr).toBe(
      [
        `kensa: 指標一覧のファイル ${badJson} を使えません:`,
        `  ${badJson} 3行目: indicators[0].rollup は additive・deduplicated・share-bounds のいずれかです（文字列「sum」が書かれています）`,
        `  ${badJson} 4行目: indicators[0].groups は1つ以上必要です（空のリストです）`,
        "",
      ].join("\n"),
    );
    const missing = path.join(dir, "nope.yaml");
    const m = await run(["check", plain, "--catalogue", missing]);
    expect(m.code).toBe(2);
    // a file that cannot be read: one line naming it
    expect(m.stderr).toBe(`kensa: ${missing}: 指標一覧のファイルを読めません（ファイルが見つかりません）\n`);
  });

  test("a broken Kensa_カタログ sheet in a workbook: an error finding at its cell, exit 1, the sheet not used", async () => {
    const sheets = eightSheets(true);
    sheets["Kensa_カタログ"] = sheets["Kensa_カタログ"].map((r) => [...r]);
    sheets["Kensa_カタログ"][2][2] = "足し算";
    const file = path.join(dir, "broken-sheet.xlsx");
    await fs.writeFile(file, await xlsxOf(sheets));
    const r = await run(["check", file, "--format", "json"]);
    expect(r.code).toBe(1);
    const found = findingsOf(r.stdout);
    expect(found.filter((f) => f.rule === "catalogue/sheet")).toEqual([
      expect.objectContaining({
        severity: "error",
        cell: "C3",
        message:
          "シート「Kensa_カタログ」の指標一覧に誤りがあります（C3: 全体との集計「足し算」は「加算」「重複除外」「割合の範囲」のいずれかです）。このシートの定義は一つも使わずに検証しました。",
      }),
    ]);
    expect(found.some((f) => f.rule === "label/unknown")).toBe(true);
  });
});

describe("folder scans: .xlsm included, Office's lock files skipped; the annotated copy of an .xlsm", () => {
  let folder: string;
  let xlsm: string;

  /** An .xlsm: the workbook with a (stand-in) VBA project, its relationship and the macro-enabled content types. */
  async function macroWorkbook(bytes: Buffer): Promise<Buffer> {
    const zip = await JSZip.loadAsync(bytes);
    let ct = await zip.file("[Content_Types].xml")!.async("string");
    ct = ct
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      )
      .replace(
        '<Default Extension="xml"',
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"',
      );
    zip.file("[Content_Types].xml", ct);
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
      ),
    );
    zip.file("xl/vbaProject.bin", Buffer.from("stand-in for a VBA project"));
    return zip.generateAsync({ type: "nodebuffer" });
  }

  beforeAll(async () => {
    folder = path.join(dir, "scan");
    await fs.mkdir(folder, { recursive: true });
    xlsm = path.join(folder, "様式_マクロ付き.xlsm");
    await fs.writeFile(xlsm, await macroWorkbook(await xlsxOf(eightSheets(true))));
    await fs.writeFile(path.join(folder, "~$様式_マクロ付き.xlsm"), "lock");
    await fs.writeFile(path.join(folder, "~$other.xlsx"), "lock");
  });

  test("the .xlsm is read and checked; lock files are not", async () => {
    const r = await run(["check", folder, "--format", "json"]);
    expect(r.code).toBe(1);
    const doc = ReportSchema.parse(JSON.parse(r.stdout));
    expect(doc.files.map((f) => f.file)).toEqual([xlsm]);
    expect(doc.files[0].findings.filter((f) => f.rule !== "catalogue/sheet").map(pick)).toEqual(EIGHT_FINDINGS);
  });

  test("its annotated copy is an .xlsx without the macros, said so; the .xlsm and its VBA project are untouched", async () => {
    const before = createHash("sha256").update(readFileSync(xlsm)).digest("hex");
    const out = path.join(dir, "annotated");
    const r = await run(["check", folder, "--annotate", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `! ${xlsm}: マクロ付きブック（.xlsm）の注釈付きコピーは、マクロを含まない .xlsx として書き出します（元のファイルとそのマクロは変更しません）\n`,
    );
    expect(await fs.readdir(out)).toEqual(["様式_マクロ付き.kensa.xlsx"]);
    const copy = await JSZip.loadAsync(readFileSync(path.join(out, "様式_マクロ付き.kensa.xlsx")));
    expect(copy.file("xl/vbaProject.bin")).toBeNull();
    const ct = await copy.file("[Content_Types].xml")!.async("string");
    expect(ct).not.toContain("macroEnabled");
    expect(ct).toContain("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    expect((await readWorkbookFile(path.join(out, "様式_マクロ付き.kensa.xlsx"))).sheets.map((s) => s.name)).toContain(
      "検証結果",
    );
    expect(createHash("sha256").update(readFileSync(xlsm)).digest("hex")).toBe(before);
    const zip = await JSZip.loadAsync(readFileSync(xlsm));
    await expect(zip.file("xl/vbaProject.bin")!.async("string")).resolves.toBe("stand-in for a VBA project");
  });
});

describe("--severity: the summary says how many findings it hid", () => {
  test("text: on each file's line and under the total", async () => {
    const r = await run(["check", withSheet, "--severity", "error"]);
    expect(r.stdout).toContain(
      "  → エラー 3件・警告 0件・情報 0件（--severity error のため、情報 4件は表示していません）\n",
    );
    expect(r.stdout).toMatch(
      /合計 1ファイル: エラー 3件・警告 0件・情報 0件\n表示していない指摘: 情報 4件（--severity error より低い重要度。すべて表示するには --severity info）\n$/,
    );
    const quiet = await run(["check", withSheet, "--severity", "warning", "--quiet"]);
    expect(quiet.stdout).toContain(
      ": エラー 3件・警告 0件・情報 0件（--severity warning のため、情報 4件は表示していません）\n",
    );
    const en = await run(["check", withSheet, "--severity", "error", "--lang", "en"]);
    expect(en.stdout).toMatch(/Not shown: 4 info \(below --severity error; --severity info shows every finding\)\n$/);
    // nothing hidden: nothing said
    expect((await run(["check", withSheet])).stdout).not.toContain("表示していない");
  });

  test("json and csv: the document is unchanged, the count goes to stderr", async () => {
    const r = await run(["check", withSheet, "--severity", "error", "--format", "json"]);
    expect(findingsOf(r.stdout).every((f) => f.severity === "error")).toBe(true);
    expect(r.stderr).toBe(
      "表示していない指摘: 情報 4件（--severity error より低い重要度。すべて表示するには --severity info）\n",
    );
  });
});

describe("usage errors in Japanese, commander's own included (English with --lang en)", () => {
  test.each([
    [["check", "x.xlsx", "--formt", "json"], "kensa: 不明なオプション --formt です（--format のことですか？）"],
    [["chek", "x.xlsx"], "kensa: 不明なコマンド chek です（check のことですか？）"],
    [["check"], "kensa: 引数 <paths> がありません"],
    [["check", "x.xlsx", "--format"], "kensa: オプション --format <format> の値がありません"],
    [
      ["check", "x.xlsx", "--format", "xml"],
      "kensa: オプション --format <format> の値「xml」は使えません。text・json・csv のいずれかを指定してください",
    ],
    [
      ["check", "x.xlsx", "--lang", "fr"],
      "kensa: オプション --lang <lang> の値「fr」は使えません。ja・en のいずれかを指定してください",
    ],
    [["template"], "kensa: オプション -o, --out <file> が必要です"],
    [["rules", "extra"], "kensa: 引数が多すぎます（rules の引数は 0 個ですが、1 個あります）"],
    [
      ["check", "x.xlsx", "--formt", "json", "--lang", "en"],
      "kensa: unknown option '--formt' (Did you mean --format?)",
    ],
    [["check", "--lang", "en"], "kensa: missing required argument 'paths'"],
  ])("%j", async (args, line) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`${line}\n`);
  });

  test("help: headings and choices in Japanese, commander's in English with --lang en", async () => {
    const ja = await run(["check", "--help"]);
    expect(ja.code).toBe(0);
    expect(ja.stdout).toMatch(/^使い方: kensa check /);
    expect(ja.stdout).toContain("\n引数:\n");
    expect(ja.stdout).toContain("\nオプション:\n");
    expect(ja.stdout).toContain("表示言語（選択肢: ja・en、既定: ja）");
    expect(ja.stdout).toContain("--catalogue <file>");
    const en = await run(["check", "--help", "--lang", "en"]);
    expect(en.stdout).toMatch(/^Usage: kensa check /);
    expect(en.stdout).toContain('(choices: "ja", "en", default:');
  });
});
