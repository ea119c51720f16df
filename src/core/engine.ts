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

function position(cell: string): [number, number] {
  try {
    const { row, col } = fromA1(cell);
    return [row, col];
  } catch {
    return [Number.MAX_SAFE_INTEGER, 0];
  }
}

export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return summary;
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
  const sheetOrder = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  findings.sort((a, b) => {
    const s = (sheetOrder.get(a.sheet) ?? 1e9) - (sheetOrder.get(b.sheet) ?? 1e9);
    if (s) return s;
    const [ar, ac] = position(a.cell);
    const [br, bc] = position(b.cell);
    return ar - br || ac - bc || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.rule.localeCompare(b.rule);
  });
  const kinds = new Map(ctx.tables.map((t) => [t.sheet.name, t.kind]));
  return {
    sheets: workbook.sheets.map((s) => ({ name: s.name, kind: kinds.get(s.name) ?? null })),
    findings,
    summary: summarize(findings),
    computed: ctx.analyses().flatMap((a) => a.analysis.computed),
  };
}
