/**
 * What a finding's message says, as data both languages render: message templates with {placeholders}, and the
 * values that fill them. A value is a number, a plain string (a label or text from the workbook, a cell address),
 * or a small term each language writes its own way (a quoted label, a list, a fiscal year, a phrase). Rules never
 * hold a sentence per language in their data: the Japanese and English messages come from the same values.
 */
import { fiscalYearLabel } from "../compute/period";
import type { Lang } from "../values/format";
import { SHARED_PHRASES, type SharedPhraseId } from "./phrases";
import { memoByText } from "../values/text-memo";

/** A message or phrase template in each language; {name} is replaced by the datum `name`. */
export interface Templates {
  readonly ja: string;
  readonly en: string;
}

/** How the items of a list are joined. */
export type ListStyle = keyof typeof LIST_SEPARATORS;

const LIST_SEPARATORS = {
  /** 「PJ1・PJ2」, "PJ1, PJ2". */
  and: { ja: "・", en: ", " },
  /** Cells or clauses: 「C5、C9」, "C5, C9". */
  comma: { ja: "、", en: ", " },
  /** Whole clauses: 「指標1を追加、指標2を置き換え」, "added indicator 1; replaced indicator 2". */
  clauses: { ja: "、", en: "; " },
  /** Quoted header names: 「年度」「金額」, “年度”, “金額” (the outer quotes are the template's). */
  quoted: { ja: "」「", en: "”, “" },
  /** A name and its figure: "理化学研究所 577" in both. */
  space: { ja: " ", en: " " },
  /** The elements of a cell's list value: "[1, 2]" in both. */
  elements: { ja: ", ", en: ", " },
  /** The parts of a sum: "577 + 218" in both. */
  plus: { ja: " + ", en: " + " },
} as const satisfies Record<string, Templates>;

/**
 * A term the report renders per language. `P` is the phrase ids the rule may name (its own and the shared ones).
 * - `{ quote }`: a workbook label in quotation marks: 「理研」 / “理研”; a label the reader already quoted
 *   (「理研」の「全体」) is kept as it is in Japanese and becomes “全体” of “理研” in English.
 * - `{ list, style, rest? }`: items joined (see ListStyle), then `rest` when only the first few are listed
 *   (「ほか（計12か所）」).
 * - `{ fiscalYear }`: 令和7年度 / FY2025.
 * - `{ phrase, data? }`: a phrase of the rule (meta.phrases) or of ./phrases.ts, filled with its own data.
 */
export type Term<P extends string = string> =
  | { readonly quote: string }
  | { readonly list: readonly MessageValue<P>[]; readonly style: ListStyle; readonly rest?: Term<P> }
  | { readonly fiscalYear: number }
  | { readonly phrase: P | SharedPhraseId; readonly data?: MessageData<P> };

export type MessageValue<P extends string = string> = string | number | Term<P>;

export interface MessageData<P extends string = string> {
  readonly [name: string]: MessageValue<P>;
}

/** The placeholder names of a template: "「{row}」の{what}" → "row" | "what". */
export type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The data a message takes: exactly its placeholders, in either language. */
export type DataOf<T extends Templates, P extends string = string> = {
  readonly [K in Placeholders<T["ja"]> | Placeholders<T["en"]>]: MessageValue<P>;
};

/**
 * A name as a message quotes it: 「理化学研究所」. A label the reader already quoted (「理研」の「全体」) is left as it
 * is, so that a message never doubles the brackets.
 */
function quoteJapanese(name: string): string {
  return name.startsWith("「") || name.includes("」") ? name : `「${name}」`;
}

/**
 * A label the readers write in Japanese quotation (「理研」の「全体」), as English quotes it: “全体” of “理研”. A plain
 * label is quoted as it is.
 */
function quoteEnglish(label: string): string {
  const m = /^「([^」]*)」の「([^」]*)」$/.exec(label);
  if (m) return `“${m[2]}” of “${m[1]}”`;
  const plain = /^「([^」]*)」$/.exec(label);
  if (plain) return `“${plain[1]}”`;
  return label.includes("「") ? label.replace(/「/g, "“").replace(/」/g, "”") : `“${label}”`;
}

const QUOTE: Record<Lang, (label: string) => string> = { ja: quoteJapanese, en: quoteEnglish };

/** The templates a rendering can reach: the rule's phrases, then the shared ones. */
export type PhraseBook = Readonly<Record<string, Templates>>;

function renderValue(value: MessageValue, lang: Lang, phrases: PhraseBook | undefined): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if ("quote" in value) return QUOTE[lang](value.quote);
  if ("fiscalYear" in value) return fiscalYearLabel(value.fiscalYear, lang);
  if ("list" in value) {
    const items = value.list.map((v) => renderValue(v, lang, phrases)).join(LIST_SEPARATORS[value.style][lang]);
    return value.rest === undefined ? items : items + renderValue(value.rest, lang, phrases);
  }
  const template = phrases?.[value.phrase] ?? SHARED_PHRASES[value.phrase as SharedPhraseId];
  if (!template) throw new Error(`unknown phrase ${value.phrase}`);
  return renderTemplate(template[lang], value.data ?? {}, lang, phrases);
}

/** A template split at its placeholders: texts[0], names[0], texts[1], …, texts[names.length]. */
interface CompiledTemplate {
  texts: string[];
  names: string[];
}

const PLACEHOLDER = /\{(\w+)\}/g;
/**
 * Templates split once: every finding renders one, and a batch of files renders the same few hundred. Bounded,
 * though templates are the rules' and phrases' own constants.
 */
const compiled = memoByText((template): CompiledTemplate => {
  const out: CompiledTemplate = { texts: [], names: [] };
  let last = 0;
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(template); m !== null; m = PLACEHOLDER.exec(template)) {
    out.texts.push(template.slice(last, m.index));
    out.names.push(m[1]);
    last = m.index + m[0].length;
  }
  out.texts.push(template.slice(last));
  return out;
}, 2048);

/** Replaces {name} placeholders; unknown names stay visible so that a missing datum is noticed. */
export function renderTemplate(template: string, data: MessageData, lang: Lang, phrases?: PhraseBook): string {
  const { texts, names } = compiled(template);
  let out = texts[0];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    out += Object.hasOwn(data, name) ? renderValue(data[name], lang, phrases) : `{${name}}`;
    out += texts[i + 1];
  }
  return out;
}

/** A message in one language, from its templates and data; `phrases` are the rule's own. */
export function renderMessage(templates: Templates, data: MessageData, lang: Lang, phrases?: PhraseBook): string {
  return renderTemplate(templates[lang], data, lang, phrases);
}
