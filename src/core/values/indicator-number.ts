/**
 * The one 番号 key every reader and the catalogue compare by, so that an indicator numbered `01` on the output
 * sheet, `No.1` in a monitoring sheet, `（１）` in a catalogue override and `1` in the built-in catalogue are the
 * same indicator everywhere.
 */
import { normalizeLabel } from "./normalize";
import { memoByText } from "./text-memo";

const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/**
 * Keys of texts seen before: every reader and the catalogue key the same few numbers (`1`, `No.1`, `（１）`) in
 * every sheet of a workbook. Bounded, as a batch of files brings new texts without end.
 */
const knownKey = memoByText(keyOf);

/**
 * `1` `１` `01` `1.` `1)` `(1)` `（１）` `①` `No.1` `No 1` `#1` `番号1` `指標1` → "1"; `o1` `Ｏ１` → "O1"; `独自` as is.
 * NFKC and no whitespace first (normalizeLabel), then the wrappers people put around a number.
 */
export function indicatorNumberKey(text: string): string {
  return knownKey(text);
}

function keyOf(text: string): string {
  const trimmed = text.trim();
  const circled = trimmed.length === 1 ? CIRCLED.indexOf(trimmed) : -1;
  if (circled >= 0) return String(circled + 1);
  return normalizeLabel(trimmed)
    .replace(/^\(([^()]*)\)$/, "$1")
    .replace(/^(no\.?|#|番号|指標)/i, "")
    .replace(/[).．.。:、]+$/, "")
    .replace(/^0+(?=\d)/, "")
    .toUpperCase();
}
