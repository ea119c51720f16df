/**
 * Every kind of copy Kensa writes is valid for Excel, from a hostile input (issue 14 item 5): an annotated copy,
 * the findings workbook and the browser-mode download (after a fix, with its 修正履歴). The input carries a
 * character XML cannot hold (`_xFFFE_`, which exceljs decodes and would write back raw), a 40,000-character text,
 * a sheet name Excel forbids and a forged Kensa_state (a gradient whose `stops` is not a list, 2,000 rows at XFD; 60,000 of them in annotate-state.test.ts).
 *
 * Each copy is checked three ways: every XML part parses with a strict XML 1.0 parser (saxes); every sheet name
 * is legal and no shared or inline string is over 32,767 characters; and LibreOffice converts it headless and
 * reads every sheet. Needs LibreOffice (`apt-get install -y libreoffice-calc-nogui`); never skipped.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { annotateCopy } from "../../src/adapters/exceljs/annotate";
import { findingsWorkbookBuffer } from "../../src/adapters/exceljs/findings";
import { BrowserHost } from "../../src/browser/browser-host";
import { CLIP_MARKER, isLegalSheetName, MAX_CELL_TEXT, STATE_MARK, STATE_SHEET } from "../../src/core/apply";
import type { CheckResult } from "../../src/core/engine";
import type { Finding } from "../../src/core/model/finding";

const BAD_NAME = "bad[name]:?*/ and far longer than thirty-one characters";
const LONG = "長".repeat(40_000);

function which(name: string): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter))
    if (existsSync(path.join(dir, name))) return path.join(dir, name);
  throw new Error(`${name} not found: apt-get install -y libreoffice-calc-nogui`);
}

/** The hostile input, built with exceljs and then edited in its XML as a forger would. */
async function hostileInput(opts: { long: boolean }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("予算内訳");
  ws.getCell("A1").value = "事業名";
  ws.getCell("B2").value = "PLACEHOLDER";
  ws.getCell("D28").value = 16;
  ws.getCell("D25").value = 10.4;
  if (opts.long) ws.getCell("B3").value = LONG;
  wb.addWorksheet("Sheet2").getCell("A1").value = "x";
  const state = wb.addWorksheet(STATE_SHEET, { state: "veryHidden" });
  state.getCell("A1").value = STATE_MARK;
  state.getRow(2).values = [
    "予算内訳",
    "B2",
    JSON.stringify({ type: "gradient", gradient: "angle", degree: 0, stops: "not a list" }),
  ];
  for (let r = 3; r < 2_003; r++) state.getRow(r).values = ["予算内訳", `XFD${r}`, ""];
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
  zip.file("xl/sharedStrings.xml", sst.replace("PLACEHOLDER", "壊れた_xFFFE_文字_x0001_"));
  const book = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", book.replace('name="Sheet2"', `name="${BAD_NAME}"`));
  return zip.generateAsync({ type: "uint8array" });
}

function finding(p: Partial<Finding>): Finding {
  return {
    rule: "sum/subtotal",
    severity: "error",
    sheet: "予算内訳",
    cell: "D28",
    cells: ["D28"],
    message: "m",
    ...p,
  };
}

const hostileFindings: Finding[] = [
  finding({
    message: `合計が合いません\uFFFE\u0001${LONG}`,
    expected: 15.2,
    actual: 16,
    fix: { sheet: "予算内訳", cell: "D28", formula: "SUM(D25:D27)" },
  }),
  finding({
    sheet: BAD_NAME,
    cell: "A1",
    cells: ["A1"],
    severity: "info",
    rule: "structure/unknown-sheet",
    message: "対象外\uDC00",
  }),
];

function result(findings: Finding[]): CheckResult {
  const summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return {
    sheets: [{ name: "予算内訳", kind: "budget-breakdown" }],
    findings,
    summary,
    computed: [{ sheet: "予算内訳", cell: "E28", value: 1365, formula: "D28*100", label: "x" }],
  };
}

interface Inspection {
  sheetNames: string[];
  longest: number;
  strings: string[];
}

/** Parses every XML part strictly; returns the sheet names and the strings. Throws on the first invalid part. */
async function inspect(bytes: Uint8Array): Promise<Inspection> {
  const zip = await JSZip.loadAsync(bytes);
  const strings: string[] = [];
  const sheetNames: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    const parser = new SaxesParser({ xmlns: true });
    let inText = false;
    let text = "";
    parser.on("error", (e) => {
      throw new Error(`${name}: ${e.message}`);
    });
    parser.on("opentag", (t) => {
      if (name === "xl/workbook.xml" && t.local === "sheet") sheetNames.push(String(t.attributes.name?.value ?? ""));
      if (t.local === "si" || t.local === "is") [inText, text] = [true, ""];
    });
    parser.on("text", (t) => {
      if (inText) text += t;
    });
    parser.on("closetag", (t) => {
      if ((t.local === "si" || t.local === "is") && inText) {
        inText = false;
        strings.push(text);
      }
    });
    parser.write(xml).close();
  }
  return { sheetNames, strings, longest: Math.max(0, ...strings.map((s) => s.length)) };
}

/** LibreOffice's conversion to .ods: the sheets it read (table names in content.xml). */
async function libreOfficeSheets(bytes: Uint8Array, label: string): Promise<string[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kensa-valid-"));
  try {
    const file = path.join(dir, `${label}.xlsx`);
    writeFileSync(file, bytes);
    execFileSync(
      process.env.KENSA_SOFFICE ?? which("soffice"),
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "ods",
        "--outdir",
        dir,
        file,
      ],
      {
        timeout: 180_000,
        stdio: "pipe",
      },
    );
    const ods = path.join(dir, `${label}.ods`);
    if (!existsSync(ods)) throw new Error(`LibreOffice did not convert ${label}`);
    const content = await (await JSZip.loadAsync(readFileSync(ods))).file("content.xml")!.async("string");
    return [...content.matchAll(/<table:table table:name="([^"]*)"/g)].map((m) => m[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One LibreOffice profile for every conversion (making a profile takes longer than a conversion). */
const profile = mkdtempSync(path.join(os.tmpdir(), "kensa-valid-profile-"));
afterAll(() => rmSync(profile, { recursive: true, force: true }));

const copies: Record<string, Uint8Array> = {};
const warnings: string[] = [];

beforeAll(async () => {
  const input = await hostileInput({ long: true });
  const annotated = await annotateCopy(input, result(hostileFindings), "ja");
  warnings.push(...annotated.warnings);
  copies.annotated = annotated.bytes;
  copies.findings = await findingsWorkbookBuffer(
    [
      {
        file: `提出\uFFFE.xlsx`,
        status: "checked",
        sheets: [
          { name: "予算内訳", kind: "budget-breakdown" },
          { name: BAD_NAME, kind: null },
        ],
        findings: hostileFindings,
        summary: { error: 1, warning: 0, info: 1 },
      },
    ],
    { lang: "ja" },
  );
  // browser mode: the reader's own limits apply to what it reads, so this input has no over-long text
  const host = new BrowserHost("提出.xlsx", await hostileInput({ long: false }), "ja");
  await host.read();
  await host.writeResultSheet(result(hostileFindings));
  await host.applyFix({ sheet: "予算内訳", cell: "D28", formula: "SUM(D25:D27)" });
  copies.download = (await host.annotatedFile()).bytes;
}, 120_000);

describe.each(["annotated", "findings", "download"])("the %s copy", (kind) => {
  it("is XML 1.0 throughout, with legal sheet names and no text over 32,767 characters", async () => {
    const got = await inspect(copies[kind]);
    expect(got.sheetNames.length).toBeGreaterThan(0);
    for (const name of got.sheetNames) expect(isLegalSheetName(name)).toBe(true);
    expect(new Set(got.sheetNames.map((n) => n.toLowerCase())).size).toBe(got.sheetNames.length);
    expect(got.longest).toBeLessThanOrEqual(MAX_CELL_TEXT);
  });

  it("opens in LibreOffice with every sheet", async () => {
    const names = (await inspect(copies[kind])).sheetNames;
    const read = await libreOfficeSheets(copies[kind], kind);
    expect(read.map((n) => n.replace(/&apos;/g, "'").replace(/&amp;/g, "&"))).toEqual(names.map((n) => n));
  }, 200_000);
});

it("clips the over-long texts with a marker and says what it changed and set aside", async () => {
  const got = await inspect(copies.annotated);
  const clipped = got.strings.filter((s) => s.endsWith(CLIP_MARKER));
  // the 40,000-character cell carried over, and the message quoting it on the result sheet
  expect(clipped.length).toBeGreaterThanOrEqual(2);
  expect(clipped.every((s) => s.length === MAX_CELL_TEXT)).toBe(true);
  expect(warnings.join("\n")).toMatch(/シート名「bad\[name\]/);
  expect(warnings.join("\n")).toMatch(/2001行は Kensa の形式ではないため読み飛ばしました/);
  // the warnings are on the result sheet too, where the reviewer sees them
  expect(got.strings.some((s) => s.includes("Kensa の形式ではないため"))).toBe(true);
});
