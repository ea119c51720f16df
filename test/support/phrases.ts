/** Message data that names a thing by a phrase, as rules give it (rendered per language by the phrase table). */

/** 「指標{number}」: an indicator named by its 番号. */
export const indicator = (number: string) => ({ phrase: "indicator", data: { number } });

/** 「{sheet}」シート. */
export const sheetPhrase = (sheet: string) => ({ phrase: "sheet", data: { sheet } });

/**
 * Figures named by their quoted labels, as comparison messages give them: `{ part: [label, value] }` is
 * `{ part: { quote: label }, partValue: value }`.
 */
export function quotedFigures(figures: Record<string, [label: string, value: string]>) {
  const data: Record<string, { quote: string } | string> = {};
  for (const [key, [label, value]] of Object.entries(figures)) {
    data[key] = { quote: label };
    data[`${key}Value`] = value;
  }
  return data;
}
