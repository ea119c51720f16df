/**
 * Workbooks never seen before: the R7 sample rewritten the way other offices lay out the same tables —
 * a title block above everything, columns in another order with an extra column, numbers typed as
 * full-width text — must give the same findings at the moved cells, through the engine and through
 * `kensa check --format json`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookFile } from "../../src/adapters/exceljs/read-file";
import { runCaptured } from "../../src/cli/capture";
import { checkWorkbook } from "../../src/core/engine";
import { fromA1, toA1 } from "../../src/core/model/address";
import type { Cell, Sheet, Workbook } from "../../src/core/model/workbook";
import { detectTable } from "../../src/core/sheets/detect";

const TITLE_ROWS = 2;
const FULL_WIDTH: Record<string, string> = { ",": "，", ".": "．" };

function fullWidth(text: string): string {
  return text.replace(/[0-9,.]/g, (ch) => FULL_WIDTH[ch] ?? String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

interface Layout {
  sheet: Sheet;
  /** Old A1 → new A1. */
  move(cell: string): string;
}

/** Title rows on top; table columns reversed with an extra column inserted; numbers as full-width text. */
function relayout(sheet: Sheet): Layout {
  const header = detectTable(sheet)!.headerRow;
  const width = Math.max(...sheet.rows.map((r) => r.length));
  // Reversed order, then an unrelated column after the first: old c → new position.
  const position = (c: number) => {
    const reversed = width - 1 - c;
    return reversed === 0 ? 0 : reversed + 1;
  };
  const retype = (cell: Cell | undefined): Cell | undefined => {
    if (!cell) return cell;
    const v = cell.value;
    if (typeof v === "number" && !cell.numFmt && !cell.formula) return { value: fullWidth(String(v)) };
    if (typeof v === "string") return { ...cell, value: fullWidth(v) };
    return cell;
  };
  const rows: (Cell | undefined)[][] = [[{ value: `令和7年度 ${sheet.name} 提出様式（第2版）` }], []];
  sheet.rows.forEach((row, r) => {
    if (r < header) {
      rows.push(row.map(retype));
      return;
    }
    const out: (Cell | undefined)[] = [];
    row.forEach((cell, c) => (out[position(c)] = retype(cell)));
    const firstText = row.find((c) => c && c.value !== null && c.value !== "")?.value;
    const footnote = typeof firstText === "string" && /^[※*注(（]/.test(firstText);
    out[1] = r === header ? { value: "担当者" } : r % 3 === 0 && !footnote ? { value: "山田" } : undefined;
    rows.push(out);
  });
  return {
    sheet: { name: sheet.name, rows },
    move(cell) {
      const { row, col } = fromA1(cell);
      return toA1(row + TITLE_ROWS, row < header ? col : position(col));
    },
  };
}

function findingKeys(
  result: ReturnType<typeof checkWorkbook>,
  move: (sheet: string, cell: string) => string = (_s, c) => c,
): string[] {
  return result.findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${move(f.sheet, f.cell)}`).sort();
}

let original: Workbook;
let layouts: Map<string, Layout>;
let relaid: Workbook;

beforeAll(async () => {
  original = await readWorkbookFile(join(__dirname, "..", "..", "samples", "r7-report.xlsx"));
  layouts = new Map(original.sheets.map((s) => [s.name, relayout(s)]));
  relaid = { sheets: original.sheets.map((s) => layouts.get(s.name)!.sheet) };
});

test("the re-laid-out sample really differs from the original", () => {
  const pj5 = relaid.sheets.find((s) => s.name === "PJ5")!;
  expect(detectTable(pj5)!.headerRow).toBe(
    detectTable(original.sheets.find((s) => s.name === "PJ5")!)!.headerRow + TITLE_ROWS,
  );
  const texts = pj5.rows
    .flat()
    .map((c) => c?.value)
    .filter((v): v is string => typeof v === "string");
  expect(texts.some((t) => /[０-９]/.test(t))).toBe(true);
});

test("the engine finds the same problems at the moved cells", () => {
  const expected = findingKeys(checkWorkbook(original), (sheet, cell) => layouts.get(sheet)!.move(cell));
  expect(expected.length).toBeGreaterThan(30);
  expect(findingKeys(checkWorkbook(relaid))).toEqual(expected);
});

let dir: string | undefined;
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

test("kensa check --format json on the re-laid-out .xlsx reports them too", async () => {
  dir = mkdtempSync(join(tmpdir(), "kensa-unseen-"));
  const file = join(dir, "他府省様式.xlsx");
  const wb = new ExcelJS.Workbook();
  for (const sheet of relaid.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || cell.value === null) return;
        const target = ws.getCell(r + 1, c + 1);
        target.value = cell.formula
          ? { formula: cell.formula, result: cell.value as number }
          : (cell.value as ExcelJS.CellValue);
        if (cell.numFmt) target.numFmt = cell.numFmt;
      }),
    );
  }
  await wb.xlsx.writeFile(file);

  const { code, stdout } = await runCaptured(["check", file, "--format", "json"]);
  expect(code).toBe(1);
  const report = JSON.parse(stdout) as {
    files: { findings: { severity: string; rule: string; sheet: string; cell: string }[] }[];
  };
  const got = report.files[0].findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`).sort();
  expect(got).toEqual(findingKeys(checkWorkbook(original), (sheet, cell) => layouts.get(sheet)!.move(cell)));
});
