/**
 * Accepted findings (確認済み, DOMAIN §4): a finding accepted with a reason, like a lint suppression but for
 * cells, stored inside the workbook (./store.ts: the very hidden sheet `Kensa_accepted`) and keyed by rule and
 * cells plus a fingerprint of the values involved (./fingerprint.ts), so that it lapses by itself when a
 * number changes. The engine reads the store from the workbook model for every check (./apply.ts), so every
 * face honours it; this module is what a face calls to accept or revoke.
 *
 * Accepting, in any face:
 *
 *   const result = checkSet(...) or checkWorkbook(workbook);               // the finding to accept is in it
 *   const store = readAcceptanceStore(workbook);                           // from the model, as read
 *   const entry = acceptanceOf(finding, workbookLookup(workbook, others), reason, { by, at: localTimestamp() });
 *   const grid = storeGrid(withAcceptance(store.entries, entry));          // the sheet's new content
 *   (or, for the findings at one place: storeGrid(acceptedEntries(store.entries, found, lookup, reason)))
 *   → write `grid` into the sheet `Kensa_accepted` (ACCEPT_SHEET): created very hidden when missing, its old
 *     content cleared, every cell text; then check again.
 *
 * Revoking: `storeGrid(withoutAcceptance(store.entries, finding).entries)`, written the same way.
 *
 * The command line and browser mode write the grid into the .xlsx itself (src/adapters/exceljs/accept.ts);
 * the add-in writes it through Office.js. Pure: no I/O.
 */
import type { Finding } from "../model/finding";
import type { Workbook } from "../model/workbook";
import type { Lang } from "../values/format";
import { renderMessage, type Templates } from "../rules/message";
import { fingerprintOf, workbookLookup, type CellLookup } from "./fingerprint";
import {
  ACCEPT_LIMITS,
  AcceptanceSchema,
  normalCell,
  withAcceptance,
  withoutAcceptance,
  type Acceptance,
} from "./store";

export * from "./store";
export * from "./fingerprint";
export {
  ACCEPT_RULES,
  applyAcceptances,
  lapsedRule,
  storeRule,
  unusedRule,
  type ApplyAcceptanceOptions,
} from "./apply";

/** What accepting says in words, each language from the same data. */
const MESSAGES = {
  reasonEmpty: { ja: "確認済みにする理由を書いてください", en: "Give the reason for accepting the finding" },
  reasonTooLong: {
    ja: "理由は {max} 文字までです（{length} 文字）",
    en: "The reason can be at most {max} characters ({length})",
  },
  notRecordable: {
    ja: "この指摘は確認済みとして記録できません（{path}）",
    en: "This finding cannot be recorded as accepted ({path})",
  },
  withWho: { ja: "{reason}（{who}）", en: "{reason} ({who})" },
} as const satisfies Record<string, Templates>;

/** Why a reason cannot be used (empty, too long), or undefined when it can. */
export function reasonProblem(reason: string, lang: Lang): string | undefined {
  const r = reason.trim();
  if (!r) return renderMessage(MESSAGES.reasonEmpty, {}, lang);
  if (r.length > ACCEPT_LIMITS.reason)
    return renderMessage(MESSAGES.reasonTooLong, { max: ACCEPT_LIMITS.reason, length: r.length }, lang);
  return undefined;
}

/** Thrown by acceptanceOf for a reason or finding that cannot be recorded; `message` is in the language asked. */
export class AcceptanceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AcceptanceError";
  }
}

/**
 * The acceptance of `finding` made now: its key, its fingerprint read through `lookup` (the workbook the finding
 * is in, and the set's other workbooks for a cross-file finding), the reason and who and when. Throws an
 * AcceptanceError when the reason is empty or too long, or the finding too large to record.
 */
export function acceptanceOf(
  finding: Finding,
  lookup: CellLookup,
  reason: string,
  meta: { by?: string; at?: string; lang?: Lang } = {},
): Acceptance {
  const lang = meta.lang ?? "ja";
  const problem = reasonProblem(reason, lang);
  if (problem) throw new AcceptanceError(problem);
  const fp = fingerprintOf(finding, lookup);
  const a: Acceptance = {
    rule: finding.rule,
    sheet: finding.sheet,
    cell: normalCell(finding.cell),
    cells: finding.cells.slice(),
    ...fp,
    reason: reason.trim(),
  };
  const by = meta.by?.trim();
  if (by) a.by = by.slice(0, ACCEPT_LIMITS.by);
  if (meta.at) a.at = meta.at;
  const valid = AcceptanceSchema.safeParse(a);
  if (!valid.success) {
    const path = valid.error.issues[0]?.path.join(".") ?? "";
    throw new AcceptanceError(renderMessage(MESSAGES.notRecordable, { path }, lang));
  }
  return a;
}

/** The acceptance of a finding of `workbook` (with the other workbooks of its set, by their names in it). */
export function acceptanceIn(
  workbook: Workbook,
  finding: Finding,
  reason: string,
  meta: { by?: string; at?: string; lang?: Lang; others?: ReadonlyMap<string, Workbook> } = {},
): Acceptance {
  return acceptanceOf(finding, workbookLookup(workbook, meta.others), reason, meta);
}

/**
 * The store's entries with `found` accepted now: findings at one place (rule, sheet, primary cell), each read
 * through `lookup`. Older records of that place (its cells since changed) give way to the new ones. Throws an
 * AcceptanceError as acceptanceOf does.
 */
export function acceptedEntries(
  entries: readonly Acceptance[],
  found: readonly Finding[],
  lookup: CellLookup,
  reason: string,
  meta: { by?: string; lang?: Lang } = {},
): Acceptance[] {
  if (!found.length) return entries.slice();
  const { rule, sheet, cell } = found[0];
  const at = localTimestamp();
  let out = withoutAcceptance(entries, { rule, sheet, cell }).entries;
  for (const f of found) out = withAcceptance(out, acceptanceOf(f, lookup, reason, { ...meta, at }));
  return out;
}

/** Now, as ISO 8601 with the local offset and no milliseconds: `2025-12-02T10:15:00+09:00`. */
export function localTimestamp(date: Date = new Date()): string {
  const p = (n: number) => String(Math.trunc(Math.abs(n))).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}${sign}${p(offset / 60)}:${p(offset % 60)}`;
}

/** 「理由（山田、2025-12-02）」: an acceptance's reason with who and the day, for lists and sheets. */
export function acceptedText(a: { reason: string; by?: string; at?: string }, lang: Lang): string {
  const who = [a.by, a.at?.slice(0, 10)].filter((w): w is string => !!w);
  if (!who.length) return a.reason;
  return renderMessage(MESSAGES.withWho, { reason: a.reason, who: { list: who, style: "comma" } }, lang);
}
