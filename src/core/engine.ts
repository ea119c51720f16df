/**
 * The rule engine: detects sheet kinds, runs every rule, renders messages, sorts findings.
 * Pure: no Office, no file I/O.
 */
import { defaultCatalogue } from "./catalogue/default";
import type { Catalogue } from "./catalogue/schema";
import type { Finding, Severity } from "./model/finding";
import type { Workbook } from "./model/workbook";
import { fromA1 } from "./model/address";
import { render, type Lang } from "./report/format";
import type { CheckContext } from "./rules/context";
import { RULES } from "./rules/index";
import type { Rule } from "./rules/rule";
import type { SheetAnalysis } from "./sheets/analysis";
import { detectTable } from "./sheets/detect";
import type { SheetKind } from "./sheets/kinds";
import { READERS } from "./sheets/readers";
import type { DetectedTable } from "./sheets/table";

export interface CheckOptions {
  lang?: Lang;
  catalogue?: Catalogue;
  /** Run only these rules (ids); all when absent. */
  rules?: readonly Rule[];
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
}

export interface CheckResult {
  sheets: SheetSummary[];
  findings: Finding[];
  summary: Summary;
  /** Every computed cell, for recalculation and annotation. */
  computed: ReturnType<CheckContext["analyses"]>[number]["analysis"]["computed"];
}

export function createContext(workbook: Workbook, catalogue: Catalogue = defaultCatalogue): CheckContext {
  const tables: DetectedTable[] = [];
  for (const sheet of workbook.sheets) {
    const table = detectTable(sheet);
    if (table) tables.push(table);
  }
  const memo = new Map<string, unknown>();
  const ctx: CheckContext = {
    workbook,
    tables,
    catalogue,
    memo<T>(key: string, make: () => T): T {
      if (!memo.has(key)) memo.set(key, make());
      return memo.get(key) as T;
    },
    tablesOf: (kind) => tables.filter((t) => t.kind === kind),
    analyses: () =>
      ctx.memo("analyses", () =>
        tables.map((table) => ({ table, analysis: READERS[table.kind](table, ctx) as SheetAnalysis })),
      ),
  };
  return ctx;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

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
    return { f, sheet: sheetOrder.get(f.sheet) ?? 1e9, row, col, severity: SEVERITY_ORDER[f.severity] };
  });
  keyed.sort(
    (a, b) =>
      a.sheet - b.sheet || a.row - b.row || a.col - b.col || a.severity - b.severity || a.f.rule.localeCompare(b.f.rule),
  );
  for (let i = 0; i < keyed.length; i++) findings[i] = keyed[i].f;
}

export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
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

export function checkWorkbook(workbook: Workbook, options: CheckOptions = {}): CheckResult {
  const lang = options.lang ?? "ja";
  const ctx = createContext(workbook, options.catalogue);
  const findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
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
        message: render(template[lang], raw.data),
      };
      if (raw.expected !== undefined) finding.expected = raw.expected;
      if (raw.actual !== undefined) finding.actual = raw.actual;
      if (raw.fix) finding.fix = raw.fix;
      findings.push(finding);
    }
  }
  sortFindings(findings, workbook);
  const kinds = new Map(ctx.tables.map((t) => [t.sheet.name, t.kind]));
  return {
    sheets: workbook.sheets.map((s) => ({ name: s.name, kind: kinds.get(s.name) ?? null })),
    findings,
    summary: summarize(findings),
    computed: allComputed(ctx),
  };
}
