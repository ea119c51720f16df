/**
 * The findings of a whole run as tables (issue 8): one row per finding across every file, and one row per file
 * with its outcome. The findings workbook (src/adapters/exceljs/findings.ts) and the CSV (toCsv) both write these
 * rows, so the CLI and browser mode give the same columns. Pure: strings and numbers only.
 */
import type { Finding, Severity } from "../model/finding";
import { ruleName } from "../rules/names";
import type { Lang } from "../values/format";
import { parseRef } from "../model/refs";
import { acceptedText } from "../accept/index";
import type { FileReport } from "./schema";
import { SEVERITY_LABELS } from "./severity";

/** A file of the run as the tables need it: FileReport (the JSON report's entry), plus its name in the set. */
export interface TableFile extends FileReport {
  /** The name other files' findings use for it (`提出_医薬品.xlsx`); defaults to the file's base name. */
  name?: string;
}

export type FileOutcome = "pass" | "errors" | "unchecked" | "unfilled" | "unreadable";

export interface FindingRow {
  /** The file as given (the path on the command line, the file name in the browser). */
  file: string;
  /** The file's name in the set (`提出_医薬品.xlsx`): what the ファイル column shows. */
  name: string;
  sheet: string;
  cell: string;
  severity: Severity;
  /** 「エラー」「警告」「情報」. */
  severityLabel: string;
  /** Short name of the rule (「全体との集計（加算）」). */
  ruleName: string;
  rule: string;
  message: string;
  /** 記入値: the figure in the workbook (Finding.actual). */
  actual?: number;
  /** 計算値: what Kensa computed it should be (Finding.expected). */
  expected?: number;
  /** 「確認済み」 for an accepted finding (its reason in `reason`), else 「未確認」. */
  status: string;
  /** Why it was accepted, with who and when: 「指標8は令和8年度からの事業のため（山田、2025-12-02）」. */
  reason?: string;
  /** Every other cell involved, as the finding names them (`'PJ3'!G12`, `[提出_医薬品.xlsx]様式2!G6`). */
  related: string[];
  /** The files other than this one that the finding's cells are in (names in the set). */
  otherFiles: string[];
}

export interface FileRow {
  file: string;
  outcome: FileOutcome;
  /** 「合格」「エラーあり」「未検証」「読めない」. */
  outcomeLabel: string;
  error: number;
  warning: number;
  info: number;
  /** Accepted findings (確認済み), not counted in error, warning or info. */
  accepted: number;
  /** The sheets with their kinds (`様式2（モニタリング）`), or why the file could not be read. */
  detail: string;
}

function lowerCased(labels: Record<Severity, string>): Record<Severity, string> {
  return { error: labels.error.toLowerCase(), warning: labels.warning.toLowerCase(), info: labels.info.toLowerCase() };
}

const TEXT = {
  ja: {
    severity: SEVERITY_LABELS.ja,
    outcome: {
      pass: "合格",
      errors: "エラーあり",
      unchecked: "未検証",
      unfilled: "未入力",
      unreadable: "読めない",
    } as Record<FileOutcome, string>,
    open: "未確認",
    accepted: "確認済み",
    unreadable: "読めないファイル",
    findingHeaders: [
      "ファイル",
      "シート",
      "セル",
      "重要度",
      "ルール",
      "ルールID",
      "メッセージ",
      "記入値",
      "計算値",
      "状態",
      "関連セル",
      "確認の理由",
    ],
    fileHeaders: ["ファイル", "状態", "エラー", "警告", "情報", "確認済み", "シート（様式）・理由"],
    noKind: "様式外",
    sep: "、",
  },
  en: {
    severity: lowerCased(SEVERITY_LABELS.en),
    outcome: {
      pass: "passed",
      errors: "errors",
      unchecked: "not checked",
      unfilled: "not filled in",
      unreadable: "unreadable",
    } as Record<FileOutcome, string>,
    open: "open",
    accepted: "accepted",
    unreadable: "unreadable file",
    findingHeaders: [
      "File",
      "Sheet",
      "Cell",
      "Severity",
      "Rule",
      "Rule id",
      "Message",
      "Value entered",
      "Value computed",
      "Status",
      "Related cells",
      "Reason accepted",
    ],
    fileHeaders: ["File", "Outcome", "Errors", "Warnings", "Infos", "Accepted", "Sheets (kinds) or reason"],
    noKind: "no known kind",
    sep: ", ",
  },
};

export function findingHeaders(lang: Lang): string[] {
  return TEXT[lang].findingHeaders;
}

export function fileHeaders(lang: Lang): string[] {
  return TEXT[lang].fileHeaders;
}

export function severityLabel(severity: Severity, lang: Lang): string {
  return TEXT[lang].severity[severity];
}

/** 合格 (read, checked, no error), エラーあり, 未検証 (no sheet of a known kind), 読めない (unreadable or failed). */
export function fileOutcome(f: Pick<FileReport, "status" | "summary">): FileOutcome {
  if (f.status === "unreadable" || f.status === "failed") return "unreadable";
  if (f.status === "unchecked") return "unchecked";
  if (f.status === "unfilled" && f.summary.error === 0) return "unfilled";
  return f.summary.error > 0 ? "errors" : "pass";
}

export function outcomeLabel(outcome: FileOutcome, lang: Lang): string {
  return TEXT[lang].outcome[outcome];
}

export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function findingRow(
  f: Finding,
  file: TableFile,
  lang: Lang,
  describe?: (rule: string) => { ja: string; en: string } | undefined,
): FindingRow {
  const related = f.cells.filter((c) => c !== f.cell);
  const otherFiles: string[] = [];
  for (const c of related) {
    const other = parseRef(c).file;
    if (other !== undefined && !otherFiles.includes(other)) otherFiles.push(other);
  }
  const row: FindingRow = {
    file: file.file,
    name: file.name ?? baseName(file.file),
    sheet: f.sheet,
    cell: f.cell,
    severity: f.severity,
    severityLabel: TEXT[lang].severity[f.severity],
    ruleName: ruleName(f.rule, lang, describe?.(f.rule)),
    rule: f.rule,
    message: f.message,
    status: f.accepted ? TEXT[lang].accepted : TEXT[lang].open,
    related,
    otherFiles,
  };
  if (f.accepted) row.reason = acceptedText(f.accepted, lang);
  if (f.actual !== undefined && Number.isFinite(f.actual)) row.actual = f.actual;
  if (f.expected !== undefined && Number.isFinite(f.expected)) row.expected = f.expected;
  return row;
}

/** A file that could not be read has no finding; its row says so, so that a filtered list never hides it. */
function unreadableRow(file: TableFile, lang: Lang): FindingRow {
  return {
    file: file.file,
    name: file.name ?? baseName(file.file),
    sheet: "",
    cell: "",
    severity: "error",
    severityLabel: TEXT[lang].severity.error,
    ruleName: TEXT[lang].unreadable,
    rule: "",
    message: file.error?.message ?? "",
    status: TEXT[lang].outcome.unreadable,
    related: [],
    otherFiles: [],
  };
}

/**
 * One row per finding, file by file in the run's order, each file's findings in its report order; a file that
 * could not be read gets one row saying why.
 */
export function findingRows(
  files: readonly TableFile[],
  lang: Lang,
  describe?: (rule: string) => { ja: string; en: string } | undefined,
): FindingRow[] {
  return files.flatMap((file) =>
    file.error ? [unreadableRow(file, lang)] : file.findings.map((f) => findingRow(f, file, lang, describe)),
  );
}

/** One row per file: its outcome and counts, and its sheets (or why it could not be read). */
export function fileRows(files: readonly TableFile[], lang: Lang, kindTitle: (kind: string) => string): FileRow[] {
  const t = TEXT[lang];
  return files.map((f) => {
    const outcome = fileOutcome(f);
    const detail = f.error
      ? f.error.message
      : f.sheets
          .map(
            (s) =>
              `${s.name}${lang === "ja" ? `（${s.kind ? kindTitle(s.kind) : t.noKind}）` : ` (${s.kind ? kindTitle(s.kind) : t.noKind})`}`,
          )
          .join(t.sep);
    return {
      file: f.file,
      outcome,
      outcomeLabel: t.outcome[outcome],
      error: f.summary.error,
      warning: f.summary.warning,
      info: f.summary.info,
      accepted: f.summary.accepted ?? 0,
      detail,
    };
  });
}

/** A finding row as the cells of a table row, in findingHeaders' order (numbers stay numbers). */
export function findingCells(r: FindingRow, lang: Lang): (string | number | undefined)[] {
  return [
    r.name,
    r.sheet,
    r.cell,
    r.severityLabel,
    r.ruleName,
    r.rule,
    r.message,
    r.actual,
    r.expected,
    r.status,
    r.related.join(TEXT[lang].sep),
    r.reason,
  ];
}

// ---------------------------------------------------------------------------------------------------------
// CSV

/**
 * A text field that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return: OWASP's CSV injection list) gets a leading `'`, so Excel and LibreOffice show it as text. Numbers are
 * written as numbers and never touched (`-12` is a number, not a formula).
 */
export function neutralizeCsvText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(value: string | number | undefined): string {
  if (value === undefined) return "";
  const text = typeof value === "number" ? String(value) : neutralizeCsvText(value);
  // Every field quoted (RFC 4180 §2.6–2.7), so a comma, quote or line break inside never splits it.
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * CSV for Excel on Japanese Windows: UTF-8 with a byte-order mark (without it Excel reads Shift_JIS), CRLF line
 * ends, every field quoted, formula-like text neutralised.
 */
export function toCsv(rows: readonly (readonly (string | number | undefined)[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/** The findings CSV of a run: the header row, then one row per finding. */
export function findingsCsv(
  files: readonly TableFile[],
  lang: Lang,
  describe?: (rule: string) => { ja: string; en: string } | undefined,
): string {
  return toCsv([findingHeaders(lang), ...findingRows(files, lang, describe).map((r) => findingCells(r, lang))]);
}
