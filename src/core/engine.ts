/**
 * The rule engine: detects sheet kinds, runs every rule, renders messages, sorts findings.
 * Pure: no Office, no file I/O.
 *
 * Two entry points:
 * - checkWorkbook(workbook): one workbook on its own;
 * - checkSet([{ name, workbook }, …]): every workbook of a submission set (DOMAIN §3.4) at once. Each workbook is
 *   checked as checkWorkbook checks it, and the roll-up, the cross-references and the duplicate-project check run
 *   across all of them, matched by 統合プロジェクト metadata. A cross-file finding is reported once, in the result of
 *   the file holding its primary cell, with the other files' cells written `[name]Sheet!A1` in its `cells`. A set
 *   of one workbook gives exactly what checkWorkbook gives.
 */
import { defaultCatalogue } from "./catalogue/default";
import type { Catalogue } from "./catalogue/schema";
import { isCatalogueSheet } from "./catalogue/sheet";
import { applyWorkbookCatalogues } from "./catalogue/workbook";
import { catalogueSheetRule, setCatalogueFindings } from "./rules/shared/catalogue-sheet";
import { SEVERITY_RANK, type Finding } from "./model/finding";
import type { Workbook } from "./model/workbook";
import { fromA1 } from "./model/address";
import type { Lang } from "./values/format";
import { renderMessage } from "./rules/message";
import { newMemo, type CheckContext, type SetMember, type SubmissionSet } from "./sheets/context";
import { RULES } from "./rules/index";
import type { Rule } from "./rules/rule";
import { detectTable } from "./sheets/detect";
import type { SheetKind } from "./model/kinds";
import { ANALYSES, READERS } from "./sheets/readers";
import type { DetectedTable } from "./sheets/table";
import { projectClaims, rollupState } from "./sheets/monitoring/rollup";
import { acceptFindings, setAcceptanceStore } from "./accept/context";
import { splitAcceptanceStore } from "./accept/store";

export interface CheckOptions {
  lang?: Lang;
  /**
   * The catalogue to check with (the built-in one by default); a workbook's own Kensa_カタログ sheet is applied
   * on top of it (src/core/catalogue/workbook.ts), its outcome reported as catalogue/sheet findings.
   */
  catalogue?: Catalogue;
  /** Run only these rules (ids); all when absent. */
  rules?: readonly Rule[];
  /**
   * Build only the computed cells that hold a typed value (what the typed-vs-computed rules compare): for a check
   * that writes nothing back. CheckResult.computed then lists only those; leave it off to annotate or recalculate.
   */
  onlyTypedComputed?: boolean;
}

export interface SheetSummary {
  name: string;
  /** null for a sheet of no kind. */
  kind: SheetKind | null;
}

export interface Summary {
  error: number;
  warning: number;
  info: number;
  /** Accepted findings (確認済み, src/core/accept), counted apart from the severities; present when there are any. */
  accepted?: number;
}

export interface CheckResult {
  sheets: SheetSummary[];
  findings: Finding[];
  summary: Summary;
  /** Every computed cell, for recalculation and annotation. */
  computed: ReturnType<CheckContext["analyses"]>[number]["analysis"]["computed"];
}

export function createContext(
  workbook: Workbook,
  catalogue: Catalogue = defaultCatalogue,
  set?: { set: SubmissionSet; file: string },
  onlyTypedComputed = false,
): CheckContext {
  const tables: DetectedTable[] = [];
  for (const sheet of workbook.sheets) {
    if (isCatalogueSheet(sheet)) continue; // the workbook's own catalogue: data for Kensa, not a sheet to check
    const table = detectTable(sheet);
    if (table) tables.push(table);
  }
  const ctx: CheckContext = {
    workbook,
    tables,
    catalogue,
    memo: newMemo(),
    tablesOf: (kind) => tables.filter((t) => t.kind === kind),
    analyses: () =>
      ctx.memo(ANALYSES, () => tables.map((table) => ({ table, analysis: READERS[table.kind](table, ctx) }))),
  };
  if (onlyTypedComputed) ctx.onlyTypedComputed = true;
  if (set) {
    ctx.set = set.set;
    ctx.file = set.file;
  }
  return ctx;
}

/** Row and column of an A1 address (fromA1's reading); a cell that is no address sorts last. */
function position(cell: string): [number, number] {
  // Fast path for the plain form rules produce ("C12"): 1–3 upper-case letters, then digits.
  const n = cell.length;
  let i = 0;
  let col = 0;
  for (; i < n && i < 3; i++) {
    const c = cell.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i > 0 && i < n && n - i <= 15) {
    let row = 0;
    let j = i;
    for (; j < n; j++) {
      const c = cell.charCodeAt(j);
      if (c < 48 || c > 57) break;
      row = row * 10 + (c - 48);
    }
    if (j === n) return [row - 1, col - 1];
  }
  try {
    const { row, col } = fromA1(cell);
    return [row, col];
  } catch {
    return [Number.MAX_SAFE_INTEGER, 0];
  }
}

/** Workbook order: sheet, row, column, severity, rule id. Each finding's position is computed once. */
function sortFindings(findings: Finding[], workbook: Workbook): void {
  if (findings.length < 2) return;
  const sheetOrder = new Map<string, number>();
  workbook.sheets.forEach((s, i) => sheetOrder.set(s.name, i));
  const keyed = findings.map((f) => {
    const [row, col] = position(f.cell);
    return { f, sheet: sheetOrder.get(f.sheet) ?? 1e9, row, col, severity: SEVERITY_RANK[f.severity] };
  });
  keyed.sort(
    (a, b) =>
      a.sheet - b.sheet ||
      a.row - b.row ||
      a.col - b.col ||
      a.severity - b.severity ||
      // rule ids are lower-case ASCII: code-point order is collation order, without loading ICU
      (a.f.rule < b.f.rule ? -1 : a.f.rule > b.f.rule ? 1 : 0),
  );
  for (let i = 0; i < keyed.length; i++) findings[i] = keyed[i].f;
}

/** Adds one summary's counts into a running total (a set, a run of files). */
export function addSummary(total: Summary, s: Summary): Summary {
  total.error += s.error;
  total.warning += s.warning;
  total.info += s.info;
  if (s.accepted) total.accepted = (total.accepted ?? 0) + s.accepted;
  return total;
}

export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) {
    if (f.accepted) summary.accepted = (summary.accepted ?? 0) + 1;
    else summary[f.severity]++;
  }
  return summary;
}

function allComputed(ctx: CheckContext): CheckResult["computed"] {
  const analyses = ctx.analyses();
  // The context ends with this run, so the one analysis's own array can be handed out.
  if (analyses.length === 1) return analyses[0].analysis.computed;
  const out: CheckResult["computed"] = [];
  for (const { analysis } of analyses) {
    const cells = analysis.computed;
    for (let i = 0; i < cells.length; i++) out.push(cells[i]);
  }
  return out;
}

function runRules(ctx: CheckContext, rules: readonly Rule[], lang: Lang): CheckResult {
  const findings: Finding[] = [];
  for (const rule of rules) {
    for (const raw of rule.check(ctx)) {
      const template = rule.meta.messages[raw.messageId];
      if (!template) throw new Error(`${rule.meta.id}: unknown messageId ${raw.messageId}`);
      const cells = raw.cells && raw.cells.length ? raw.cells : [raw.cell];
      const finding: Finding = {
        rule: rule.meta.id,
        severity: raw.severity ?? rule.meta.severity,
        sheet: raw.sheet,
        cell: raw.cell,
        cells: cells[0] === raw.cell ? cells : [raw.cell, ...cells.filter((c) => c !== raw.cell)],
        message: renderMessage(template, raw.data, lang, rule.meta.phrases),
      };
      if (raw.expected !== undefined) finding.expected = raw.expected;
      if (raw.actual !== undefined) finding.actual = raw.actual;
      if (raw.fix) finding.fix = raw.fix;
      findings.push(finding);
    }
  }
  acceptFindings(ctx, findings, lang); // the workbook's accepted findings (確認済み), and the infos about its record
  const workbook = ctx.workbook;
  sortFindings(findings, workbook);
  const kinds = new Map(ctx.tables.map((t) => [t.sheet.name, t.kind]));
  return {
    sheets: workbook.sheets.map((s) => ({ name: s.name, kind: kinds.get(s.name) ?? null })),
    findings,
    summary: summarize(findings),
    computed: allComputed(ctx),
  };
}

/** The rules of a check: the catalogue sheet's findings first, then the rules asked for. */
function withCatalogueRule(rules: readonly Rule[]): readonly Rule[] {
  return rules.includes(catalogueSheetRule) ? rules : [catalogueSheetRule, ...rules];
}

export function checkWorkbook(input: Workbook, options: CheckOptions = {}): CheckResult {
  const { workbook, store } = splitAcceptanceStore(input); // the Kensa_accepted sheet is Kensa's record, not a sheet to check
  const own = applyWorkbookCatalogues(options.catalogue ?? defaultCatalogue, [{ name: "", workbook }]);
  const ctx = createContext(workbook, own.catalogue, undefined, options.onlyTypedComputed);
  setCatalogueFindings(ctx, own.findings[0]);
  setAcceptanceStore(ctx, store);
  return runRules(ctx, withCatalogueRule(options.rules ?? RULES), options.lang ?? "ja");
}

// ---------------------------------------------------------------------------------------------------------
// Submission sets

/** A workbook of a set and the name its cells are written with in other files' findings (`提出_医薬品.xlsx`). */
export interface NamedWorkbook {
  name: string;
  workbook: Workbook;
}

/**
 * One workbook's outcome in a set: its CheckResult (cross-file findings included), or the unexpected error
 * that stopped Kensa while checking it (a bug: the other workbooks are still checked).
 */
export type SetFileResult =
  { name: string; result: CheckResult; error?: undefined } | { name: string; result?: undefined; error: unknown };

/** Where a project's monitoring sheet is in the set. */
export interface SetPlacement {
  file: string;
  sheet: string;
}

/** What the set holds, for a set-level summary above the per-file results. */
export interface SetSummary {
  /** 全体, PJ1…PJ8 in that order, each with every sheet claiming it (empty: missing; two or more: duplicated). */
  projects: { project: string; sheets: SetPlacement[] }[];
  /** Projects with no sheet in the set (全体 first when it is missing). */
  missing: string[];
  /** Projects claimed by two sheets or more (structure/duplicate-project). */
  duplicates: string[];
  /**
   * `checked`: 全体 and PJ1–PJ8 each once, the roll-up ran; `skipped`: some monitoring sheet is missing or
   * duplicated (structure/rollup-skipped says which); `none`: no monitoring sheet names a project.
   */
  rollup: "checked" | "skipped" | "none";
}

export interface SetResult {
  /** One per workbook, in the order given. */
  files: SetFileResult[];
  set: SetSummary;
  /** Every finding of every file, counted once. */
  summary: Summary;
}

/**
 * Checks several workbooks as one submission set (DOMAIN §3.4). Names must be distinct (see setNames for turning
 * paths into names); each file's findings are in its own result. Browser-safe and synchronous.
 */
export function checkSet(workbooks: readonly NamedWorkbook[], options: CheckOptions = {}): SetResult {
  const names = new Set<string>();
  for (const w of workbooks) {
    if (names.has(w.name)) throw new Error(`checkSet: two workbooks are named ${w.name}`);
    names.add(w.name);
  }
  const lang = options.lang ?? "ja";
  const rules = withCatalogueRule(options.rules ?? RULES);
  const split = workbooks.map((w) => ({ name: w.name, ...splitAcceptanceStore(w.workbook) }));
  const own = applyWorkbookCatalogues(options.catalogue ?? defaultCatalogue, split);
  const members: SetMember[] = [];
  const set: SubmissionSet = { members, memo: newMemo() };
  split.forEach((w, i) => {
    const ctx = createContext(w.workbook, own.catalogue, { set, file: w.name }, options.onlyTypedComputed);
    setCatalogueFindings(ctx, own.findings[i]);
    setAcceptanceStore(ctx, w.store);
    members.push({ name: w.name, ctx });
  });
  const files = members.map((m): SetFileResult => {
    try {
      return { name: m.name, result: runRules(m.ctx, rules, lang) };
    } catch (error) {
      return { name: m.name, error };
    }
  });
  const summary: Summary = { error: 0, warning: 0, info: 0 };
  for (const f of files) if (f.result) addSummary(summary, f.result.summary);
  return { files, set: summarizeSet(members), summary };
}

function summarizeSet(members: SetMember[]): SetSummary {
  if (members.length === 0) return { projects: [], missing: [], duplicates: [], rollup: "none" };
  try {
    const ctx = members[0].ctx;
    const claims = projectClaims(ctx);
    const state = rollupState(ctx);
    return {
      projects: claims.map((c) => ({
        project: c.code,
        sheets: c.sheets.map((s) => ({ file: s.file, sheet: s.mon.sheet })),
      })),
      missing: claims.filter((c) => c.sheets.length === 0).map((c) => c.code),
      duplicates: claims.filter((c) => c.sheets.length > 1).map((c) => c.code),
      rollup: state.kind === "ready" ? "checked" : state.kind === "none" ? "none" : "skipped",
    };
  } catch {
    // A workbook that breaks the reader is already reported as failed in its own result.
    return { projects: [], missing: [], duplicates: [], rollup: "none" };
  }
}

/**
 * Names for the files of a set, from their paths: the file name (`提出_医薬品.xlsx`), or, for files sharing a
 * name, the path from the folder they have in common (`a/book.xlsx`, `b/book.xlsx`); the same path twice gets
 * ` (2)`. Works with `/` and `\\` separators, so browser file names (no folder) and CLI paths both fit.
 */
export function setNames(paths: readonly string[]): string[] {
  const parts = paths.map((p) => p.split(/[\\/]+/).filter((x, i) => x !== "" || i === 0));
  const base = parts.map((p) => p[p.length - 1] ?? "");
  const count = new Map<string, number>();
  for (const b of base) count.set(b, (count.get(b) ?? 0) + 1);
  const names = parts.map((p, i) => {
    if (count.get(base[i]) === 1) return base[i];
    const same = parts.filter((q) => q[q.length - 1] === base[i]);
    let common = 0;
    while (same.every((q) => common < q.length - 1 && q[common] === same[0][common])) common++;
    return p.slice(common).join("/");
  });
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    if (k === 1) return n;
    const dot = n.lastIndexOf(".");
    return dot > 0 ? `${n.slice(0, dot)} (${k})${n.slice(dot)}` : `${n} (${k})`;
  });
}
