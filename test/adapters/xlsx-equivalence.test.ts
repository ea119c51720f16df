/**
 * The exceljs-free reader (src/adapters/xlsx) against the exceljs reader it replaces (src/adapters/exceljs/
 * read.ts, the oracle): the same model, deep-equal, on every workbook the project builds — the R7 sample,
 * the habit variants, the split submission set, the templates, annotated copies, the layout fixtures — and
 * on copies of them re-saved by LibreOffice (another writer's XML: inline attributes, `<col>` runs to 1024,
 * shared formulas, other part names). Files neither can read give the same error code.
 */
import { execFileSync } from "child_process";
import { existsSync, promises as fs, readFileSync } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { buildHabits } from "../../scripts/build-habits";
import { annotateBuffer } from "../../src/adapters/exceljs/annotate";
import { readWorkbookBuffer as readWithExcelJS } from "../../src/adapters/exceljs/read";
import { templateBuffer } from "../../src/adapters/exceljs/template";
import { readWorkbookBuffer, readWorkbookBytes } from "../../src/adapters/xlsx/read";
import { nodeInflateRaw } from "../../src/adapters/xlsx/read-file";
import { checkWorkbook } from "../../src/core/engine";
import type { Workbook } from "../../src/core/model/workbook";
import { writeSplit } from "../fixtures/split";
import { goodWorkbook, tempDir, writeBadFiles } from "../fixtures/workbooks";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "r7-report.xlsx");

/** What a reader gives: the model, or the error code it threw. */
async function outcome(
  read: (b: Uint8Array) => Promise<Workbook>,
  bytes: Uint8Array,
): Promise<Workbook | { error: string }> {
  try {
    return await read(bytes);
  } catch (err) {
    return { error: String((err as { code?: unknown }).code ?? err) };
  }
}

function findSoffice(): string | undefined {
  const fromEnv = process.env.KENSA_SOFFICE;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["soffice", "libreoffice"]) if (existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** A layout fixture: two-row header merges, a hidden working column, a hidden row, a merge over data. */
function layoutWorkbook(): ExcelJS.Workbook {
  const w = new ExcelJS.Workbook();
  const ws = w.addWorksheet("予算");
  ws.getCell("A1").value = "機関名";
  ws.getCell("B1").value = "予算額（億円）";
  ws.getCell("B2").value = "全体";
  ws.getCell("C2").value = "健康・医療関係";
  ws.mergeCells("A1:A2");
  ws.mergeCells("B1:C1");
  for (let r = 3; r <= 8; r++)
    ws.getRow(r).values = [`機関${r - 2}`, r * 10, { formula: `B${r}/2`, result: r * 5 }, r * 100, "メモ"];
  ws.mergeCells("E3:E5");
  ws.getColumn(4).hidden = true;
  ws.getRow(6).hidden = true;
  ws.getCell("F2").value = { text: "リンク", hyperlink: "https://example.org/" };
  ws.getCell("F3").value = { richText: [{ text: "太字", font: { bold: true } }, { text: "と普通" }] };
  ws.getCell("F4").value = new Date(Date.UTC(2025, 3, 1));
  ws.getCell("F5").value = { error: "#N/A" };
  ws.getCell("F6").value = true;
  ws.getCell("F7").value = 0.125;
  ws.getCell("F7").numFmt = "0.0%";
  return w;
}

let dir: string;
const corpus: { name: string; bytes: Uint8Array }[] = [];

beforeAll(async () => {
  dir = await tempDir("kensa-xlsx-eq-");
  const add = (name: string, bytes: Uint8Array) => corpus.push({ name, bytes });
  const sample = readFileSync(SAMPLE);
  add("samples/r7-report.xlsx", sample);
  add("goodWorkbook", Buffer.from(await goodWorkbook().xlsx.writeBuffer()));
  add("layoutWorkbook", Buffer.from(await layoutWorkbook().xlsx.writeBuffer()));
  for (const lang of ["ja", "en"] as const) add(`template-${lang}`, await templateBuffer(lang));
  const model = await readWithExcelJS(sample);
  add("r7-report.kensa.xlsx", await annotateBuffer(sample, checkWorkbook(model), "ja"));
  for (const file of await buildHabits(path.join(dir, "habits"))) add(path.relative(dir, file), readFileSync(file));
  for (const file of await writeSplit(path.join(dir, "split"))) add(path.relative(dir, file), readFileSync(file));
  const bad = await writeBadFiles(path.join(dir, "bad"));
  for (const [name, file] of Object.entries(bad)) add(`bad/${name}`, readFileSync(file));

  // LibreOffice's copies of a cross-section (one conversion run, a private profile).
  const soffice = findSoffice();
  if (!soffice)
    throw new Error(
      "LibreOffice (soffice) is required: apt-get install -y libreoffice-calc-nogui, or set KENSA_SOFFICE",
    );
  const inDir = path.join(dir, "lo-in");
  const outDir = path.join(dir, "lo-out");
  await fs.mkdir(inDir, { recursive: true });
  const picks = corpus
    .filter((c) => !c.name.startsWith("bad/") && !c.name.includes("corrected/"))
    .filter((_, i) => i % 4 === 0);
  const inputs: string[] = [];
  for (const [i, c] of picks.entries()) {
    const p = path.join(inDir, `${i}.xlsx`);
    await fs.writeFile(p, c.bytes);
    inputs.push(p);
  }
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--headless",
      "--norestore",
      "--nologo",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      ...inputs,
    ],
    {
      stdio: "ignore",
      timeout: 240_000,
    },
  );
  for (const [i, c] of picks.entries()) add(`libreoffice/${c.name}`, readFileSync(path.join(outDir, `${i}.xlsx`)));
}, 300_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("the corpus covers every kind of workbook the project builds, and LibreOffice's copies", () => {
  const names = corpus.map((c) => c.name);
  expect(names.filter((n) => n.startsWith("habits/")).length).toBeGreaterThan(20);
  expect(names.filter((n) => n.startsWith("split/")).length).toBe(11);
  expect(names.filter((n) => n.startsWith("libreoffice/")).length).toBeGreaterThan(10);
});

test("every workbook: the same model as the exceljs reader, or the same error", async () => {
  const differing: string[] = [];
  let models = 0;
  for (const { name, bytes } of corpus) {
    const expected = await outcome(readWithExcelJS, bytes);
    const actual = await outcome(readWorkbookBuffer, bytes);
    // the CLI's path: Node's native inflate instead of fflate
    const native = await outcome(async (b) => readWorkbookBytes(b, { inflateRaw: nodeInflateRaw }), bytes);
    if ("sheets" in actual) models++;
    try {
      expect(actual).toEqual(expected);
      expect(native).toEqual(expected);
    } catch {
      differing.push(name);
    }
  }
  expect(differing).toEqual([]);
  expect(models).toBeGreaterThan(60);
}, 120_000);

test("and the same findings, byte for byte as JSON, on the sample", async () => {
  const sample = readFileSync(SAMPLE);
  const a = checkWorkbook(await readWithExcelJS(sample));
  const b = checkWorkbook(await readWorkbookBuffer(sample));
  expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  expect(a.findings.length).toBeGreaterThan(0);
});
