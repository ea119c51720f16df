/**
 * The rule contract, after ESLint and frictionless: metadata, then a check that returns plain
 * findings. Messages are templates with {placeholders}, in Japanese and English, filled from language-neutral data
 * (./message.ts); the engine renders them.
 */
import type { Finding, Fix, Severity } from "../model/finding";
import type { CheckContext } from "../sheets/context";
import type { DataOf, MessageData, PhraseBook, Templates } from "./message";

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

/** Every message of a rule by id, in Japanese and English. */
export type Messages = Readonly<Record<string, Templates>>;

export interface RuleMeta {
  /** Stable id, as in DOMAIN §4: "sum/subtotal". The module lives at src/core/rules/<id>.ts. */
  id: string;
  /** Default severity; a finding may override it (info for rounding-only differences). */
  severity: Severity;
  description: Templates;
  messages: Messages;
  /** Phrases the rule's data names (`{ phrase: id, data }`), beside the shared ones of ./phrases.ts. */
  phrases?: PhraseBook;
}

/** Where a finding is and what it involves, besides what its message says. */
export interface FindingPlace {
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

/** What a check returns; the engine adds the rule id, default severity and the rendered message. */
export interface RuleFinding extends FindingPlace {
  messageId: string;
  data: MessageData;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: CheckContext): RuleFinding[];
}

/** A finding of a rule whose messages are `M` and phrases `P`: a known message id with the data it names. */
export type FindingOf<M extends Messages, P extends string = never> = {
  [Id in keyof M & string]: FindingPlace & { messageId: Id; data: DataOf<M[Id], P> };
}[keyof M & string];

/**
 * A rule, with its message ids and their data typed from its own messages (after typescript-eslint's
 * `createRule<Options, MessageIds>`): a check returning an unknown message id, or data missing a placeholder of
 * its message, does not compile (an extra datum is not caught: TypeScript checks no excess property there). Phrase
 * ids in the data are the rule's phrases and the shared ones.
 */
export function defineRule<const M extends Messages, const P extends PhraseBook = Record<never, Templates>>(rule: {
  meta: { id: RuleId | "catalogue/sheet"; severity: Severity; description: Templates; messages: M; phrases?: P };
  /** An array, or a generator yielding the findings (its `yield`s are typed too). */
  check(ctx: CheckContext): Iterable<FindingOf<M, keyof P & string>>;
}): Rule {
  const check = rule.check.bind(rule);
  return {
    meta: rule.meta,
    check: (ctx): RuleFinding[] => {
      const found: Iterable<RuleFinding> = check(ctx);
      return Array.isArray(found) ? (found as RuleFinding[]) : Array.from(found);
    },
  };
}

export type { Finding };
