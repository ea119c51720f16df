/**
 * What the catalogue's problems say, as message tables: a problem carries a message id and language-neutral
 * data (./issues.ts for a catalogue document, ./sheet.ts for the Kensa_指標一覧 sheet), and the report renders it in
 * Japanese or English from these templates ({name} is the datum `name`; the terms are those of
 * src/core/rules/message.ts). The rule catalogue/sheet renders a sheet's problems (its phrases include these);
 * the command line renders a catalogue file's.
 */
import MESSAGES from "./problem-messages.json";
import { RELATION_WORDS, ROLLUP_WORDS, wordList, wordListJa } from "./sheet-columns";

/** Templates in each language, as src/core/rules/message.ts's Templates. */
interface Templates {
  readonly ja: string;
  readonly en: string;
}

/**
 * A datum of a catalogue problem or finding, as src/core/rules/message.ts renders it: a plain value, a list, or
 * a phrase of ../rules/shared/catalogue-sheet.ts or of this file, with its own data.
 */
export type CatalogueDatum =
  | string
  | number
  | { readonly list: readonly CatalogueDatum[]; readonly style: "and" | "clauses" | "quoted" }
  | { readonly phrase: string; readonly data?: CatalogueData };

export interface CatalogueData {
  readonly [name: string]: CatalogueDatum;
}

/**
 * The templates, in ./problem-messages.json (kept as data: a table of sentences, not code):
 * - `issues`: a problem of a catalogue document, read after its path (「indicators[0].rollup がありません」);
 *   `{other}` stands for another place of the document, written as the path is;
 * - `values`: what a value zod expected should have been written as (`{want}`), and the value found (`{found}`);
 * - `sheet`: a problem of the Kensa_指標一覧 sheet, at a cell; `schema` is an `issues` problem named by its column.
 */
export const ISSUE_MESSAGES: Readonly<Record<keyof typeof MESSAGES.issues, Templates>> = MESSAGES.issues;
export const VALUE_PHRASES: Readonly<Record<keyof typeof MESSAGES.values, Templates>> = MESSAGES.values;
export const SHEET_MESSAGES: Readonly<Record<keyof typeof MESSAGES.sheet, Templates>> = MESSAGES.sheet;

export type IssueId = keyof typeof ISSUE_MESSAGES;
export type SheetProblemId = keyof typeof SHEET_MESSAGES;

/** The word lists the sheet's messages name: 「合算」「対象外」… / 合算・対象外・… */
const WORD_LISTS = {
  rollupWords: { ja: wordListJa(ROLLUP_WORDS), en: wordList(ROLLUP_WORDS) },
  relationWords: { ja: wordListJa(RELATION_WORDS), en: wordList(RELATION_WORDS) },
} satisfies Record<string, Templates>;

/** The data of a sheet message that names the word lists: `{rollupWords}`, `{relationWords}`. */
export const WORDS = { rollupWords: { phrase: "rollupWords" }, relationWords: { phrase: "relationWords" } } as const;

/** Every template a catalogue problem's data can name: the phrases of the rule catalogue/sheet and the CLI. */
export const CATALOGUE_PHRASES: Readonly<Record<string, Templates>> = {
  ...ISSUE_MESSAGES,
  ...VALUE_PHRASES,
  ...SHEET_MESSAGES,
  ...WORD_LISTS,
};
