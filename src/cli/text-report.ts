/** The readable (text) report of `kensa check`: grouped by file and sheet, then a summary. Pure strings. */
import type { Finding, Severity } from "../core/model/finding";
import { formatNumber, type Lang } from "../core/values/format";
import { textWidth } from "../core/report/format";
import { isExternalRef } from "../core/model/refs";
import type { FileReport, SetReport } from "../core/report/schema";
import { KIND_TITLES, SHEET_KINDS } from "../core/model/kinds";
import { isCatalogueSheet } from "../core/catalogue/sheet";
import { acceptedText } from "../core/accept/index";
import { SEVERITY_LABELS } from "../core/report/severity";
import { escapeControls as shown } from "./terminal";

export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

export const ANSI: Colors = {
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
  green: wrap(32, 39),
  bold: wrap(1, 22),
  dim: wrap(2, 22),
};

const identity = (s: string) => s;
export const PLAIN: Colors = {
  red: identity,
  yellow: identity,
  cyan: identity,
  green: identity,
  bold: identity,
  dim: identity,
};

/** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>, wanted = true): boolean {
  if (!wanted) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return stream.isTTY === true;
}

/** The severities as the terminal lists them: 「エラー」, and in English lower case ("error"), as in --severity. */
export function severityWords(lang: Lang): Record<Severity, string> {
  const labels = SEVERITY_LABELS[lang];
  return lang === "ja"
    ? labels
    : { error: labels.error.toLowerCase(), warning: labels.warning.toLowerCase(), info: labels.info.toLowerCase() };
}

const TEXT = {
  ja: {
    severity: SEVERITY_LABELS.ja,
    sheet: (name: string) => `シート「${name}」`,
    noKind: "様式外",
    catalogue: "指標一覧",
    clean: "問題なし",
    notChecked: "検証対象外",
    noFindings: "問題は見つかりませんでした",
    unchecked: "未検証",
    unfilled: "未入力",
    uncheckedLine: (kinds: string[]) =>
      `未検証：様式の見出しが見つからないため、どのシートも検証していません（どのシートの最初の30行にも、${kinds.join("・")}の見出し行がありません）。`,
    expected: "計算値",
    actual: "記入値",
    fix: "修正案",
    counts: (s: Counts) =>
      `エラー ${s.error}件・警告 ${s.warning}件・情報 ${s.info}件${s.accepted ? `・確認済み ${s.accepted}件` : ""}`,
    accepted: "確認済み",
    acceptedReason: (reason: string, severity: string) => `${severity}を確認済み・理由: ${reason}`,
    acceptedHidden: (n: number) => `（確認済みの${n}件は表示していません。表示するには --accepted show）`,
    total: (files: number, { unchecked, unfilled }: NotChecked, failed: number, s: Counts) => {
      const notes = [
        unchecked ? `未検証 ${unchecked}件` : "",
        unfilled ? `未入力 ${unfilled}件` : "",
        failed ? `読めなかったファイル ${failed}件` : "",
      ].filter(Boolean);
      return `合計 ${files}ファイル${notes.length ? `（${notes.join("・")}）` : ""}: ${TEXT.ja.counts(s)}`;
    },
    annotated: (out: string) => `注釈付きのコピー: ${out}`,
    written: (out: string) => `指摘一覧: ${out}`,
    otherFiles: "他のファイル:",
    set: (files: number) => `提出セット（${files}ファイル）: `,
    setComplete: "全体・PJ1〜PJ8 がそろっており、ファイルをまたぐ集計と参照を検証しました",
    setMissing: (codes: string[]) => `${codes.join("・")}のモニタリングシートがありません`,
    setDuplicate: (code: string, files: string[]) => `${code}のシートが複数あります（${files.join("、")}）`,
    setSkipped: "集計の検証を省略しました",
    eachHint: "（別々の報告書であれば --each で一つずつ検証できます）",
    hiddenCounts: (s: Counts) =>
      [s.warning ? `警告 ${s.warning}件` : "", s.info ? `情報 ${s.info}件` : ""].filter(Boolean).join("・"),
    hiddenFile: (counts: string, severity: Severity) =>
      `（--severity ${severity} のため、${counts}は表示していません）`,
    hiddenTotal: (counts: string, severity: Severity) =>
      `表示していない指摘: ${counts}（--severity ${severity} より低い重要度。すべて表示するには --severity info）`,
  },
  en: {
    severity: severityWords("en"),
    sheet: (name: string) => `Sheet “${name}”`,
    noKind: "not a known kind",
    catalogue: "indicator list",
    clean: "no problems",
    notChecked: "not checked",
    noFindings: "no problems found",
    unchecked: "not checked",
    unfilled: "not filled in",
    uncheckedLine: (kinds: string[]) =>
      `Not checked: no sheet matches a Kensa template, so nothing was checked (none has a header row of the ${orList(kinds)} template in its first 30 rows).`,
    expected: "computed",
    actual: "entered",
    fix: "fix",
    counts: (s: Counts) =>
      `${plural(s.error, "error")}, ${plural(s.warning, "warning")}, ${s.info} info${s.accepted ? `, ${s.accepted} accepted` : ""}`,
    accepted: "accepted",
    acceptedReason: (reason: string, severity: string) => `accepted ${severity}, reason: ${reason}`,
    acceptedHidden: (n: number) => ` (${n} accepted not shown: --accepted show lists them)`,
    total: (files: number, { unchecked, unfilled }: NotChecked, failed: number, s: Counts) => {
      const notes = [
        unchecked ? `${unchecked} not checked` : "",
        unfilled ? `${unfilled} not filled in` : "",
        failed ? `${failed} could not be read` : "",
      ].filter(Boolean);
      return `Total ${plural(files, "file")}${notes.length ? ` (${notes.join(", ")})` : ""}: ${TEXT.en.counts(s)}`;
    },
    annotated: (out: string) => `annotated copy: ${out}`,
    written: (out: string) => `findings: ${out}`,
    otherFiles: "in other files:",
    set: (files: number) => `Submission set (${files} files): `,
    setComplete: "全体 and PJ1–PJ8 are all present; the roll-up and references were checked across the files",
    setMissing: (codes: string[]) => `no monitoring sheet for ${codes.join(", ")}`,
    setDuplicate: (code: string, files: string[]) => `${code} is claimed more than once (${files.join(", ")})`,
    setSkipped: "the roll-up was skipped",
    eachHint: " (if they are separate reports, --each checks them one by one)",
    hiddenCounts: (s: Counts) =>
      [s.warning ? plural(s.warning, "warning") : "", s.info ? `${s.info} info` : ""].filter(Boolean).join(", "),
    hiddenFile: (counts: string, severity: Severity) => ` (${counts} not shown: --severity ${severity})`,
    hiddenTotal: (counts: string, severity: Severity) =>
      `Not shown: ${counts} (below --severity ${severity}; --severity info shows every finding)`,
  },
};

/** Files read but not checked: no sheet of a known kind (未検証), or every such sheet still blank (未入力). */
export interface NotChecked {
  unchecked: number;
  unfilled: number;
}

interface Counts {
  error: number;
  warning: number;
  info: number;
  /** Accepted findings (確認済み), counted apart. */
  accepted?: number;
}

/** "a, b or c" */
function orList(items: string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** The kinds Kensa knows, as users read them: what an unchecked workbook lacked. */
function kindTitles(lang: Lang): string[] {
  return SHEET_KINDS.map((k) => (lang === "en" ? KIND_TITLES[k].en.toLowerCase() : KIND_TITLES[k].ja));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Terminal columns taken by a string: East Asian wide and full-width characters count 2. */
export const displayWidth = textWidth;

function pad(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + " ".repeat(width - w);
}

function paint(colors: Colors, severity: Severity, s: string): string {
  return severity === "error" ? colors.red(s) : severity === "warning" ? colors.yellow(s) : colors.cyan(s);
}

function number(n: number): string {
  const decimals = Number.isInteger(n) ? 0 : Math.min(6, (String(n).split(".")[1] ?? "").length);
  return formatNumber(n, decimals);
}

function details(f: Finding, lang: Lang): string {
  const t = TEXT[lang];
  const parts: string[] = [];
  // 記入値 (Finding.actual): the figure in the workbook; 計算値 (Finding.expected): what Kensa computes.
  if (f.actual !== undefined) parts.push(`${t.actual} ${number(f.actual)}`);
  if (f.expected !== undefined) parts.push(`${t.expected} ${number(f.expected)}`);
  if (f.fix) {
    const what =
      f.fix.formula !== undefined ? `=${f.fix.formula}` : f.fix.value !== undefined ? String(f.fix.value) : "";
    const where = f.fix.sheet !== f.sheet ? `'${f.fix.sheet}'!${f.fix.cell}` : f.fix.cell;
    if (what) parts.push(`${t.fix} ${where} ${what}`);
  }
  return parts.join(lang === "ja" ? "、" : ", ");
}

/**
 * One finding: cell, severity, message and rule id; the numbers and the proposed fix beneath, then the cells it
 * involves in other files of the set (`[提出_医薬品.xlsx]様式2!G6`), so that a cross-file finding names both files.
 */
export function formatFinding(f: Finding, lang: Lang, colors: Colors, indent = "    "): string {
  const t = TEXT[lang];
  const sev = pad(f.accepted ? t.accepted : t.severity[f.severity], 8);
  let line = `${indent}${pad(shown(f.cell), 7)} ${f.accepted ? colors.green(sev) : paint(colors, f.severity, sev)} ${shown(f.message)} ${colors.dim(`[${shown(f.rule)}]`)}\n`;
  // an accepted finding (確認済み): why, by whom and when, and the severity it would have
  if (f.accepted)
    line += `${indent}${" ".repeat(16)}${colors.green(t.acceptedReason(shown(acceptedText(f.accepted, lang)), t.severity[f.severity]))}\n`;
  const more = details(f, lang);
  if (more) line += `${indent}${" ".repeat(16)}${colors.dim(shown(more))}\n`;
  const external = f.cells.filter((c) => c !== f.cell && isExternalRef(c));
  if (external.length)
    line += `${indent}${" ".repeat(16)}${colors.dim(`${TEXT[lang].otherFiles} ${external.map(shown).join(lang === "ja" ? "、" : ", ")}`)}\n`;
  return line;
}

export function formatCounts(s: Counts, lang: Lang, colors: Colors): string {
  const text = TEXT[lang].counts(s);
  return s.error ? colors.red(text) : s.warning ? colors.yellow(text) : colors.green(text);
}

/**
 * What the file's footer (and its --quiet line) says: the counts, or for a workbook of no known kind
 * 「未検証」 with whatever findings it has (never a bare row of zeros that reads as "no problems").
 */
function fileOutcome(report: FileReport, lang: Lang, colors: Colors): string {
  const t = TEXT[lang];
  // report.status, not the listed findings: --severity may have left the 未入力 infos out of the list
  if (report.status === "unfilled" && !report.summary.error) return colors.yellow(t.unfilled);
  if (report.status !== "unchecked") return formatCounts(report.summary, lang, colors);
  const s = report.summary;
  const counts =
    s.error || s.warning ? t.counts(s) : s.info ? (lang === "ja" ? `情報 ${s.info}件` : `${s.info} info`) : "";
  const text = counts ? (lang === "ja" ? `${t.unchecked}（${counts}）` : `${t.unchecked} (${counts})`) : t.unchecked;
  return s.error ? colors.red(text) : colors.yellow(text);
}

/** Characters of the report gathered before a piece is given out (below V8's large-object size: ./json-out.ts). */
const PIECE = 16 * 1024;

/**
 * A readable file's section: its name, each sheet with its kind and findings, its counts. A workbook with
 * no sheet of a known kind says 未検証 first, and no sheet of no kind ever says 「問題なし」: nothing was
 * checked there. In pieces of about 16K characters, so that a file with thousands of findings is written as it
 * is formatted rather than held whole (issue 13: 10,000 findings are some 8 MB as one string); the last piece is
 * the file's outcome line, alone.
 */
export function* fileReportPieces(
  report: FileReport,
  lang: Lang,
  colors: Colors,
  options: { quiet?: boolean; hidden?: Counts; severity?: Severity; acceptedHidden?: number } = {},
): Generator<string, void, undefined> {
  const t = TEXT[lang];
  const hiddenCounts = options.hidden ? t.hiddenCounts(options.hidden) : "";
  const hidden =
    (hiddenCounts ? colors.dim(t.hiddenFile(hiddenCounts, options.severity ?? "info")) : "") +
    (options.acceptedHidden ? colors.dim(t.acceptedHidden(options.acceptedHidden)) : "");
  if (options.quiet) {
    yield `${colors.bold(shown(report.file))}: ${fileOutcome(report, lang, colors)}${hidden}\n`;
    return;
  }
  let out = `${colors.bold(`■ ${shown(report.file)}`)}\n`;
  const unchecked = report.status === "unchecked";
  if (unchecked) out += `  ${colors.yellow(t.uncheckedLine(kindTitles(lang)))}\n`;
  const bySheet = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  const sheets: { name: string; kind: string | null }[] = report.sheets.map((s) => ({
    name: s.name,
    kind: s.kind ? KIND_TITLES[s.kind][lang] : null,
  }));
  for (const name of bySheet.keys()) if (!report.sheets.some((s) => s.name === name)) sheets.push({ name, kind: null });
  for (const sheet of sheets) {
    const findings = bySheet.get(sheet.name) ?? [];
    const kind = sheet.kind ?? (isCatalogueSheet(sheet) ? t.catalogue : t.noKind);
    const head = `  ${t.sheet(shown(sheet.name))}${colors.dim(lang === "ja" ? `（${kind}）` : ` (${kind})`)}`;
    if (findings.length === 0) {
      out += `${head} ${sheet.kind ? colors.green(t.clean) : colors.dim(t.notChecked)}\n`;
      continue;
    }
    out += `${head}\n`;
    for (const f of findings) {
      out += formatFinding(f, lang, colors);
      if (out.length >= PIECE) {
        yield out;
        out = "";
      }
    }
  }
  if (report.findings.length === 0 && sheets.length === 0 && !unchecked) out += `  ${colors.green(t.noFindings)}\n`;
  if (out) yield out;
  yield `  → ${fileOutcome(report, lang, colors)}${hidden}\n\n`;
}

/** The line under the total when --severity hid findings: how many, of which severity; "" when none were hidden. */
export function formatHidden(hidden: Counts, severity: Severity, lang: Lang, colors: Colors): string {
  const counts = TEXT[lang].hiddenCounts(hidden);
  return counts ? `${colors.dim(TEXT[lang].hiddenTotal(counts, severity))}\n` : "";
}

/** The one line for a file that could not be read. */
export function formatFileError(file: string, message: string, colors: Colors): string {
  return `${colors.red("✖")} ${shown(file)}: ${shown(message)}\n`;
}

export function formatAnnotated(outPath: string, lang: Lang, colors: Colors): string {
  return `  ${colors.dim(TEXT[lang].annotated(shown(outPath)))}\n`;
}

/** The line about the submission set: complete (roll-up checked), or what is missing or claimed twice. */
export function formatSet(set: SetReport, files: number, lang: Lang, colors: Colors): string {
  const t = TEXT[lang];
  if (set.rollup === "checked") return `${t.set(files)}${colors.green(t.setComplete)}\n`;
  const parts: string[] = [];
  if (set.missing.length) parts.push(t.setMissing(set.missing));
  for (const code of set.duplicates) {
    const where = set.projects.find((p) => p.project === code)?.sheets.map((s) => s.file) ?? [];
    parts.push(t.setDuplicate(code, where.map(shown)));
  }
  const text = `${parts.join(lang === "ja" ? "。" : "; ")}${lang === "ja" ? "。" : "; "}${t.setSkipped}${set.duplicates.length ? t.eachHint : ""}`;
  return `${t.set(files)}${colors.yellow(text)}\n`;
}

/** The line naming the findings workbook or CSV written with --out. */
export function formatWritten(outPath: string, lang: Lang, colors: Colors): string {
  return `${colors.dim(TEXT[lang].written(shown(outPath)))}\n`;
}

/** The last line: every file counted, with the unchecked and unreadable ones named apart; green only when all is well. */
export function formatTotal(
  files: number,
  notChecked: NotChecked,
  failed: number,
  summary: Counts,
  lang: Lang,
  colors: Colors,
): string {
  const text = TEXT[lang].total(files, notChecked, failed, summary);
  const incomplete = failed || notChecked.unchecked || notChecked.unfilled;
  return `${summary.error || incomplete ? colors.red(text) : summary.warning ? colors.yellow(text) : colors.green(text)}\n`;
}
