/**
 * Metadata above a table (DOMAIN §2): `label：value` in one cell, or a label cell (possibly merged over
 * several columns) with its value in the next non-empty cell to the right of the label's merged area, or
 * in the cell below it (the two-row form).
 */
import { toA1 } from "../../model/address";
import { normalizeLabel } from "../../values/normalize";
import type { Layout } from "./layout";
import { memoByText } from "../../values/text-memo";

export const METADATA_LABELS = ["報告年度", "単位", "統合プロジェクト"] as const;

/** Labels written a little differently for the same thing. */
const ALIASES: Record<string, (typeof METADATA_LABELS)[number]> = {
  報告年度: "報告年度",
  対象年度: "報告年度",
  単位: "単位",
  統合プロジェクト: "統合プロジェクト",
  統合プロジェクト名: "統合プロジェクト",
  プロジェクト名: "統合プロジェクト",
};

function unbracket(text: string): string {
  return text
    .normalize("NFKC")
    .trim()
    .replace(/^[(（【［\[]\s*(.*?)\s*[)）】］\]]$/s, "$1");
}

type MetadataLabel = (typeof METADATA_LABELS)[number];

/** What a text is as metadata: a label alone, a `label：value` pair, or neither (both undefined). */
interface MetadataReading {
  label?: MetadataLabel;
  pair?: [MetadataLabel, string];
}

/**
 * Texts read before: header detection asks of every cell in the rows above a table whether it is metadata, and the
 * sheets of a workbook (the PJ sheets, a batch of files) repeat the same texts. NFKC is the cost. Bounded.
 */
const readingOf = memoByText((text): MetadataReading => {
  const bare = unbracket(text);
  const reading: MetadataReading = {};
  const label = ALIASES[normalizeLabel(bare).replace(/:$/, "")];
  if (label) reading.label = label;
  const pair = pairOf(bare);
  if (pair) reading.pair = pair;
  return reading;
});

/** The metadata label a text is, alone (`統合プロジェクト`, `報告年度：`). */
function labelOf(text: string): MetadataLabel | undefined {
  return readingOf(text).label;
}

/** `報告年度：令和7年度`, `（単位：億円）` → label and value. */
function inlinePair(text: string): [MetadataLabel, string] | undefined {
  return readingOf(text).pair;
}

function pairOf(unbracketed: string): [MetadataLabel, string] | undefined {
  const m = /^([^:：]{1,12})\s*[:：]\s*(.+)$/s.exec(unbracketed);
  if (!m) return undefined;
  const label = ALIASES[normalizeLabel(m[1])];
  return label ? [label, m[2].trim()] : undefined;
}

/** A metadata label or `label：value` pair: such a row is above the table, never a header parent. */
export function isMetadataText(text: string): boolean {
  return labelOf(text) !== undefined || inlinePair(text) !== undefined;
}

/** The value cell for a label at (row, col): right of its merged area, else below it. */
function valueFor(
  layout: Layout,
  row: number,
  col: number,
  belowLimit: number,
): { text: string; row: number; col: number } | undefined {
  const { right } = layout.span(row, col);
  const width = layout.width(row);
  for (let c = right + 1; c < Math.max(width, right + 2); c++) {
    if (!layout.isAnchor(row, c)) continue;
    const text = layout.textAt(row, c);
    if (!text) continue;
    if (labelOf(text) || inlinePair(text)) break;
    return { text, row, col: c };
  }
  const m = layout.mergeAt(row, col);
  const below = (m ? m.bottom : row) + 1;
  if (below < belowLimit) {
    const text = layout.textAt(below, col);
    if (text && !labelOf(text) && !inlinePair(text)) return { text, row: below, col };
  }
  return undefined;
}

export interface Metadata {
  /** Label → value as written. */
  values: Record<string, string>;
  /** Label → A1 of the cell holding the value (the `label：value` cell itself for the one-cell form). */
  cells: Record<string, string>;
}

/**
 * Metadata from the rows above the data (the header rows included: a label may sit beside them). A value
 * below its label must stand above the header (`headerTop`); `skip` tells the header's own label cells.
 */
export function readMetadata(
  layout: Layout,
  lastRow: number,
  headerTop: number,
  skip: (row: number, col: number) => boolean = () => false,
): Metadata {
  const meta: Record<string, string> = {};
  const cells: Record<string, string> = {};
  for (let r = 0; r <= lastRow; r++) {
    const width = layout.width(r);
    for (let c = 0; c < width; c++) {
      if (!layout.isAnchor(r, c) || skip(r, c)) continue;
      const text = layout.textAt(r, c);
      if (!text) continue;
      const pair = inlinePair(text);
      if (pair) {
        if (meta[pair[0]] === undefined) {
          meta[pair[0]] = pair[1];
          cells[pair[0]] = toA1(r, c);
        }
        continue;
      }
      const label = labelOf(text);
      if (!label || meta[label] !== undefined) continue;
      const value = valueFor(layout, r, c, headerTop);
      if (value === undefined) continue;
      meta[label] = value.text;
      cells[label] = toA1(value.row, value.col);
    }
  }
  return { values: meta, cells };
}
