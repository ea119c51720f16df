/**
 * Writes the real-data sample workbook from its committed transcription.
 *
 *   npx tsx scripts/build-sample.ts [out.xlsx]      (default: samples/r7-report.xlsx)
 *
 * Input: samples/r7-report.data.json (format in samples/README.md). This script knows nothing about sheet kinds:
 * it copies sheets, rows and cells as they are, makes header rows bold, and applies number formats and formulas.
 * Output is byte-for-byte deterministic: fixed document dates and fixed zip entry dates.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
// jszip is exceljs's own zip library (a dependency of exceljs 4.4); used here only to pin the zip entry dates.
import JSZip from "jszip";

/** A cell of the data file. */
export type CellSpec =
  null | string | number | { v: number; numFmt?: string } | { formula: string; v?: number | string };

/** A row: a plain array of cells, or an object flagging a header row (bold). */
export type RowSpec = CellSpec[] | { header?: boolean; cells: CellSpec[] };

export interface SheetSpec {
  name: string;
  /** Column widths in Excel character units, from column A. */
  columnWidths?: number[];
  rows: RowSpec[];
}

export interface SampleSpec {
  sheets: SheetSpec[];
}

/** Fixed document date so that rebuilding gives identical bytes. */
export const FIXED_DATE = new Date(Date.UTC(2026, 2, 31, 0, 0, 0));

const ROOT = path.resolve(__dirname, "..");
const DEFAULT_DATA = path.join(ROOT, "samples", "r7-report.data.json");
const DEFAULT_OUT = path.join(ROOT, "samples", "r7-report.xlsx");

function fail(message: string): never {
  throw new Error(`build-sample: ${message}`);
}

function validate(spec: unknown): SampleSpec {
  if (!spec || typeof spec !== "object" || !Array.isArray((spec as SampleSpec).sheets))
    fail("data file needs a `sheets` array");
  const names = new Set<string>();
  for (const sheet of (spec as SampleSpec).sheets) {
    if (typeof sheet.name !== "string" || !sheet.name) fail("every sheet needs a name");
    if (names.has(sheet.name)) fail(`duplicate sheet name ${sheet.name}`);
    names.add(sheet.name);
    if (!Array.isArray(sheet.rows)) fail(`sheet ${sheet.name}: rows must be an array`);
  }
  return spec as SampleSpec;
}

function rowCells(row: RowSpec): { cells: CellSpec[]; header: boolean } {
  if (Array.isArray(row)) return { cells: row, header: false };
  if (row && typeof row === "object" && Array.isArray(row.cells))
    return { cells: row.cells, header: row.header === true };
  return fail(`bad row ${JSON.stringify(row)}`);
}

function writeCell(cell: ExcelJS.Cell, spec: CellSpec, where: string): void {
  if (spec === null || spec === undefined) return;
  if (typeof spec === "string") {
    // Assigned as a rich-text-free string: exceljs never turns "=…" strings into formulas, so text stays text.
    cell.value = spec;
    return;
  }
  if (typeof spec === "number") {
    cell.value = spec;
    return;
  }
  if (typeof spec === "object" && "formula" in spec) {
    const formula = spec.formula.replace(/^=/, "");
    cell.value = spec.v === undefined ? { formula } : { formula, result: spec.v };
    return;
  }
  if (typeof spec === "object" && typeof spec.v === "number") {
    cell.value = spec.v;
    if (spec.numFmt) cell.numFmt = spec.numFmt;
    return;
  }
  fail(`${where}: unsupported cell ${JSON.stringify(spec)}`);
}

export function buildWorkbook(spec: SampleSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Kensa sample generator";
  wb.lastModifiedBy = "Kensa sample generator";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.calcProperties = { fullCalcOnLoad: false };
  for (const sheetSpec of spec.sheets) {
    const ws = wb.addWorksheet(sheetSpec.name);
    (sheetSpec.columnWidths ?? []).forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    sheetSpec.rows.forEach((rowSpec, r) => {
      const { cells, header } = rowCells(rowSpec);
      const row = ws.getRow(r + 1);
      cells.forEach((c, col) => writeCell(row.getCell(col + 1), c, `${sheetSpec.name}!R${r + 1}C${col + 1}`));
      if (header) {
        cells.forEach((c, col) => {
          if (c !== null) row.getCell(col + 1).font = { bold: true };
        });
      }
    });
  }
  return wb;
}

/** Re-packs the zip with a fixed date on every entry (JSZip writes DOS times in UTC). */
async function pinZipDates(buffer: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.keys(zip.files); // keep exceljs's entry order ([Content_Types].xml first)
  const out = new JSZip();
  for (const name of names) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async("nodebuffer"), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

export async function buildSample(dataFile: string, outFile: string): Promise<void> {
  const spec = validate(JSON.parse(fs.readFileSync(dataFile, "utf8")));
  const wb = buildWorkbook(spec);
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, await pinZipDates(raw));
}

if (require.main === module) {
  const out = path.resolve(process.argv[2] ?? DEFAULT_OUT);
  buildSample(DEFAULT_DATA, out).then(
    () => console.log(`wrote ${path.relative(process.cwd(), out) || out}`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
