/**
 * The rule contract, after ESLint and frictionless: metadata, then a check that returns plain
 * findings. Messages are templates with {placeholders}, in Japanese and English.
 */
import type { Finding, Fix, Severity } from "../model/finding";
import type { CheckContext } from "./context";

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
  expected?: number;
  actual?: number;
  fix?: Fix;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: CheckContext): RuleFinding[];
}

export type { Finding };
