/**
 * Writing the catalogue sheet (`kensa catalogue --format xlsx`, tests): indicators as the rows of the table that
 * ./sheet.ts reads back.
 */
import { COLUMN_TITLES, RELATION_WORDS, ROLLUP_WORDS, type Column } from "./sheet-columns";
import type { CatalogueIndicator } from "./schema";

/** The header row, in the columns' order. */
export const SHEET_COLUMNS: Exclude<Column, "note">[] = [
  "number",
  "label",
  "rollup",
  "total",
  "group",
  "relation",
  "item",
  "ofWhich",
  "sub",
  "aliases",
];

/** Why an indicator cannot be written as rows of the table (shares), or undefined when it can. */
export function notInTable(ind: CatalogueIndicator): string | undefined {
  for (const g of ind.groups) for (const it of g.items) if (it.shares) return "shares";
  return undefined;
}

/**
 * The rows of the table for these indicators (header first), each row a list of cell texts in SHEET_COLUMNS
 * order. Indicators the table cannot hold (notInTable) are left out.
 */
export function catalogueSheetRows(indicators: readonly CatalogueIndicator[]): string[][] {
  const rows: string[][] = [SHEET_COLUMNS.map((c) => COLUMN_TITLES[c])];
  const row = (v: Partial<Record<Exclude<Column, "note">, string>>) => SHEET_COLUMNS.map((c) => v[c] ?? "");
  const lines = (l: readonly string[]) => l.join("\n");
  for (const ind of indicators) {
    if (notInTable(ind)) continue;
    const total = ind.totalItemKey
      ? ind.groups.flatMap((g) => g.items).find((it) => it.key === ind.totalItemKey)?.label
      : ind.noTotal
        ? "なし"
        : "";
    rows.push(
      row({
        number: ind.number,
        label: ind.label,
        rollup: ROLLUP_WORDS[ind.rollup][0],
        total,
        aliases: lines(ind.aliases),
      }),
    );
    for (const g of ind.groups) {
      rows.push(row({ group: g.label ?? "", relation: RELATION_WORDS[g.relation][0], aliases: lines(g.aliases) }));
      for (const it of g.items) {
        rows.push(row({ item: it.label, ofWhich: it.ofWhichLabel ?? "", aliases: lines(it.aliases) }));
        for (const s of it.subItems?.items ?? []) rows.push(row({ sub: s.label, aliases: lines(s.aliases) }));
        if (it.subItems?.openLabels) rows.push(row({ sub: "＊" }));
      }
    }
  }
  return rows;
}
