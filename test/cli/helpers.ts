/** Running the CLI in-process with captured output, a deterministic rule for plumbing tests, and workbooks. */
import ExcelJS from "exceljs";
import { runCaptured, type CaptureOptions, type CapturedRun } from "../../src/cli/capture";
import type { Rule } from "../../src/core/rules/rule";
import type { Severity } from "../../src/core/model/finding";
import { toA1 } from "../../src/core/model/address";

export type Run = CapturedRun;
export type RunOptions = CaptureOptions;

/** The CLI with captured output; plumbing tests default to the marker rule. */
export function run(args: string[], options: RunOptions = {}): Promise<Run> {
  return runCaptured(args, { ...options, deps: options.deps ?? { rules: [markerRule] } });
}

const MARKERS: Record<string, Severity> = { ERR: "error", WARN: "warning", INFO: "info" };

/** Flags every cell reading ERR, WARN or INFO, with numbers and (for ERR) a fix. */
export const markerRule: Rule = {
  meta: {
    id: "test/marker",
    severity: "error",
    description: { ja: "テスト用の印", en: "Test marker" },
    messages: {
      marker: { ja: "印 {text} があります（値 {n}）", en: "marker {text} found (value {n})" },
    },
  },
  check(ctx) {
    const out: ReturnType<Rule["check"]> = [];
    for (const sheet of ctx.workbook.sheets) {
      sheet.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          const text = typeof cell?.value === "string" ? cell.value : "";
          const severity = MARKERS[text];
          if (!severity) return;
          const address = toA1(r, c);
          out.push({
            messageId: "marker",
            data: { text, n: 12 },
            sheet: sheet.name,
            cell: address,
            severity,
            expected: 12,
            actual: 13.5,
            fix: severity === "error" ? { sheet: sheet.name, cell: address, formula: "SUM(B1:B2)" } : undefined,
          });
        }),
      );
    }
    return out;
  },
};

/**
 * A minimal インハウス予算 sheet (a sheet of a known kind, no marker, no finding from the real rules), so that
 * a plumbing workbook counts as checked: a workbook without one is 未検証.
 */
export function withKnownSheet(wb: ExcelJS.Workbook, name = "インハウス"): ExcelJS.Workbook {
  const ws = wb.addWorksheet(name);
  ws.addRow(["機関名", "全体", "健康・医療関係"]);
  ws.addRow(["機関A", 100, 40]);
  ws.addRow(["機関B", 50, 20]);
  return wb;
}

/** A workbook that has nothing to do with Kensa: two sheets, no header of any known kind. */
export function unrelatedWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("会議メモ").addRows([
    ["日時", "2025年4月1日"],
    ["出席者", "山田、佐藤"],
  ]);
  wb.addWorksheet("予定").addRows([
    ["日付", "内容", "担当"],
    ["4月10日", "打合せ", "山田"],
  ]);
  return wb;
}
