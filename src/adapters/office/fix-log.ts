/**
 * 修正履歴 (core/apply/fix-log.ts): every figure Kensa changes in the open workbook — a fix the person confirmed,
 * the computed cells of 再計算・検証 — is logged on a sheet of the workbook, with its rule (or what the cell is),
 * what it held and what Kensa wrote, before the cell changes, so the submitted figure is never lost.
 */
import {
  cellContentText,
  chooseFixLogName,
  fixLogHeadRows,
  fixLogRow,
  logTimestamp,
  FIX_LOG_HEADER_ROW,
  FIX_LOG_NAMES,
  FIX_LOG_WIDTHS,
  type FixLogEntry,
} from "../../core/apply";
import { columnLetters } from "../../core/model/address";
import type { Fix } from "../../core/model/finding";
import { isFixLogTitle } from "../../core/model/kensa-sheets";
import { hostError } from "./errors";
import type { Session } from "./session";
import { PRINT_MARGINS } from "../../core/apply/print";
import { needsTextFormat, setColumnWidths, setPrintLayout } from "./sheet-format";
import { loadWorkbookInfo, type WorkbookInfo } from "./workbook-info";

/**
 * Writes one fix, after logging it on the 修正履歴 sheet (core/apply/fix-log.ts) with what the cell held, so the
 * submitted figure is never lost: the log row is synced before the cell changes. Returns the log entry.
 */
export async function applyFix(s: Session, fix: Fix, rule?: string): Promise<FixLogEntry | undefined> {
  const ws = s.sheet(fix.sheet);
  const address = fix.cell.replace(/\$/g, "");
  const range = ws.getRange(address);
  // never write to a protected sheet: say so instead of passing on Excel's own message
  ws.protection.load("protected");
  range.load("values,formulas");
  await s.sync();
  if (ws.protection.protected) throw hostError("protected", s.lang);
  const after =
    fix.formula !== undefined
      ? `=${fix.formula.replace(/^=/, "")}`
      : typeof fix.value === "string" || typeof fix.value === "number"
        ? String(fix.value)
        : undefined;
  if (after === undefined) return undefined;
  const formula: unknown = range.formulas?.[0]?.[0];
  const value: unknown = range.values?.[0]?.[0];
  const before =
    typeof formula === "string" && formula.startsWith("=")
      ? formula
      : cellContentText(
          typeof value === "number" || typeof value === "boolean" || (typeof value === "string" && value !== "")
            ? value
            : null,
        );
  const entry: FixLogEntry = { at: logTimestamp(), sheet: fix.sheet, cell: address, kind: "fix", before, after };
  if (rule) entry.rule = rule;
  await appendFixLogRows(s, [entry]);
  if (fix.formula !== undefined) range.formulas = [[`=${fix.formula.replace(/^=/, "")}`]];
  else if (typeof fix.value === "string") {
    if (needsTextFormat(fix.value)) range.numberFormat = [["@"]];
    range.values = [[fix.value]];
  } else if (typeof fix.value === "number") range.values = [[fix.value]];
  await s.sync();
  return entry;
}

/** A sheet named as Kensa names its fix log (修正履歴, Kensa fixes, with " (2)"…): the only ones whose A1 is read. */
const FIX_LOG_NAME = new RegExp(`^(${Object.values(FIX_LOG_NAMES).join("|")})( \\(\\d+\\))?$`, "i");

/** What the sheets that may be Kensa's log hold: whether A1 is the log's title, and the row after their last. */
export type FixLogProbe = Map<string, { log: boolean; end: number }>;

/** The sheets named as Kensa names its log. */
export function fixLogCandidates(names: Iterable<string>): string[] {
  return [...names].filter((n) => FIX_LOG_NAME.test(n));
}

/** Queues reading A1 and the used rows of the candidates (to go with another read's sync); collect once synced. */
export function queueFixLogProbe(s: Session, names: readonly string[]): () => FixLogProbe {
  const probes = names.map((name) => {
    const a1 = s.sheet(name).getRange("A1");
    a1.load("values");
    const used = s.sheet(name).getUsedRangeOrNullObject(true);
    used.load("rowIndex,rowCount");
    return { name, a1, used };
  });
  return () =>
    new Map(
      probes.map((p) => [
        p.name,
        {
          log: isFixLogTitle(p.a1.values?.[0]?.[0]),
          end: p.used.isNullObject ? 0 : p.used.rowIndex + p.used.rowCount,
        },
      ]),
    );
}

/** Where the next rows go: the workbook's log, or a new sheet. */
export interface FixLogTarget {
  name: string;
  exists: boolean;
  /** 1-based row of the first entry to write. */
  next: number;
}

/**
 * The log to append to: an existing one (its A1 read here, in one sync, unless `probed` already holds it), else
 * a new sheet. Refuses, before anything changes, when the log cannot be added (the workbook's structure is
 * protected) or its sheet is protected.
 */
export async function planFixLog(s: Session, info: WorkbookInfo, probed?: FixLogProbe): Promise<FixLogTarget> {
  const known = new Map(probed ?? []);
  const missing = fixLogCandidates(info.sheets.map((x) => x.name)).filter((n) => !known.has(n));
  if (missing.length) {
    const collect = queueFixLogProbe(s, missing);
    await s.sync();
    for (const [name, p] of collect()) known.set(name, p);
  }
  const { name, exists } = chooseFixLogName(
    info.sheets.map((x) => ({ name: x.name, log: !!known.get(x.name)?.log })),
    s.lang,
  );
  if ((!exists && info.workbookProtected) || (exists && info.sheet(name)?.protected))
    throw hostError("protected", s.lang);
  const head = fixLogHeadRows(s.lang).length;
  return { name, exists, next: Math.max(exists ? known.get(name)!.end : 0, head) + 1 };
}

/**
 * Queues the rows (and the sheet with its head, widths and print setup when there is none yet). Every cell is
 * text ("@" set before the value), so a logged formula stays its text. What it returns runs once synced.
 */
export function queueFixLogRows(s: Session, target: FixLogTarget, entries: readonly FixLogEntry[]): () => void {
  const head = fixLogHeadRows(s.lang);
  const lastCol = columnLetters(FIX_LOG_WIDTHS.length - 1);
  let ws: Excel.Worksheet;
  if (target.exists) ws = s.sheet(target.name);
  else {
    ws = s.ctx.workbook.worksheets.add(target.name);
    const grid = head.map((r) => Array.from({ length: FIX_LOG_WIDTHS.length }, (_, c) => r[c] ?? ""));
    const top = ws.getRange(`A1:${lastCol}${head.length}`);
    top.numberFormat = grid.map((r) => r.map(() => "@"));
    top.values = grid;
    ws.getRange("A1").format.font.bold = true;
    const header = ws.getRange(`A${FIX_LOG_HEADER_ROW}:${lastCol}${FIX_LOG_HEADER_ROW}`).format;
    header.font.bold = true;
    header.fill.color = "#E7E6E6";
    setColumnWidths(ws, FIX_LOG_WIDTHS);
    ws.freezePanes.freezeRows(FIX_LOG_HEADER_ROW);
    setPrintLayout(s, ws, { titleRows: `${FIX_LOG_HEADER_ROW}:${FIX_LOG_HEADER_ROW}`, margins: PRINT_MARGINS });
    ws.load("id");
  }
  const rows = entries.map((e) => fixLogRow(e, s.lang));
  const body = ws.getRange(`A${target.next}:${lastCol}${target.next + rows.length - 1}`);
  body.numberFormat = rows.map((r) => r.map(() => "@"));
  body.values = rows;
  // a sheet Kensa added: its change events are Kensa's own
  return () => {
    if (!target.exists) s.ownSheetIds.push(ws.id);
  };
}

/**
 * Appends rows to the 修正履歴 sheet, adding it (after the other sheets) when the workbook has none. Two syncs
 * (one when the workbook has no sheet of the log's name), besides reading the sheets when `known` is not given.
 */
export async function appendFixLogRows(
  s: Session,
  entries: readonly FixLogEntry[],
  known?: WorkbookInfo,
): Promise<void> {
  if (!entries.length) return;
  const info = known ?? (await loadWorkbookInfo(s, false));
  const after = queueFixLogRows(s, await planFixLog(s, info), entries);
  await s.sync();
  after();
}

/** The 種類 column's text of a computed cell's row, in either language. */
const COMPUTED_KIND = new Set(
  (["ja", "en"] as const).map(
    (lang) => fixLogRow({ at: "", sheet: "", cell: "", kind: "computed", before: "", after: "" }, lang)[3],
  ),
);

/**
 * Kensa's 修正履歴 sheets that hold nothing but the computed cells Kensa wrote — or nothing at all (a log whose
 * first write failed after the sheet was added) — which removing Kensa's changes takes away with those cells. A
 * log with a fix applied stays: it is the record of a figure the person replaced. One sync, when there is a
 * sheet of the log's name.
 */
export async function disposableFixLogs(s: Session, info: WorkbookInfo): Promise<string[]> {
  const names = fixLogCandidates(info.sheets.filter((x) => !x.protected).map((x) => x.name));
  if (!names.length) return [];
  const probes = names.map((name) => {
    const used = s.sheet(name).getUsedRangeOrNullObject(true);
    used.load("values,rowIndex,columnIndex");
    return { name, used };
  });
  await s.sync();
  return probes
    .filter(({ used }) => {
      if (used.isNullObject) return true;
      const rows = used.values;
      if (used.rowIndex !== 0 || used.columnIndex !== 0 || !isFixLogTitle(rows[0]?.[0])) return false;
      return rows.slice(FIX_LOG_HEADER_ROW).every((r) => COMPUTED_KIND.has(String(r[3] ?? "")));
    })
    .map((p) => p.name);
}
