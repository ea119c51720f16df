/**
 * The rule contract, after ESLint and frictionless: metadata, then a check that returns plain
 * findings. Messages are templates with {placeholders}, in Japanese and English.
 */
import type { Finding, Fix, Severity } from "../model/finding";
import type { CheckContext } from "../sheets/context";

/** The id of every rule in the registry (src/core/rules/index.ts), as in DOMAIN §4. */
export type RuleId =
  | "value/not-a-number"
  | "value/formula-error"
  | "value/missing"
  | "value/negative"
  | "value/placeholder"
  | "structure/unknown-sheet"
  | "structure/hidden-column"
  | "structure/layout-unknown"
  | "structure/duplicate-row"
  | "structure/unfilled"
  | "part/exceeds-whole"
  | "xref/mismatch"
  | "ratio/mismatch"
  | "target/annual-share"
  | "change/amount"
  | "change/rate"
  | "date/era-mismatch"
  | "total/row"
  | "sum/subtotal"
  | "grade/invalid"
  | "grade/missing"
  | "grade/mismatch"
  | "grade/below-pace"
  | "period/parts"
  | "period/average"
  | "sum/breakdown"
  | "sum/exceeds-total"
  | "sum/incomplete"
  | "sum/groups-differ"
  | "order/violated"
  | "percent/sum"
  | "label/unknown"
  | "rollup/additive"
  | "rollup/bounds"
  | "structure/rollup-skipped"
  | "structure/duplicate-project"
  | "structure/project-unknown";

export interface Messages {
  [messageId: string]: { ja: string; en: string };
}

export interface RuleMeta {
  /** Stable id, as in DOMAIN §4: "sum/subtotal". The module lives at src/core/rules/<id>.ts. */
  id: string;
  /** Default severity; a finding may override it (info for rounding-only differences). */
  severity: Severity;
  description: { ja: string; en: string };
  messages: Messages;
}

/** What a check returns; the engine adds the rule id, default severity and the rendered message. */
export interface RuleFinding {
  messageId: string;
  data: Record<string, string | number>;
  sheet: string;
  cell: string;
  cells?: string[];
  severity?: Severity;
  /** 計算値: what Kensa computes (the sum of the parts, the projects' sum, the pace…); never a year. */
  expected?: number;
  /** 記入値: the figure in the workbook that the finding is about (the stated total, the typed ratio…). */
  actual?: number;
  /** Only for an error Kensa can correct: never on a difference within rounding (docs/messages.md). */
  fix?: Fix;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: CheckContext): RuleFinding[];
}

export type { Finding };
