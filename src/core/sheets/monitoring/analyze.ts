/**
 * What a モニタリング sheet gives the shared rules (DOMAIN §3.4): numeric cells (指標値, 値, うち), 備考 text,
 * indicator numbers that must be unique, うち ≤ value, and indicator 6's two Top1% figures.
 * The monitoring-specific relations (group sums, order, percentages, roll-up) are rules of their own
 * over the typed reader (./read.ts).
 */
import type { CheckContext } from "../context";
import type { Parsed } from "../../values/types";
import { emptyAnalysis, figureRef, type NumericCell, type SheetAnalysis } from "../analysis";
import type { DetectedTable } from "../table";
import { NumberKey, type Indicator, type Item, type ProjectRow } from "./item";
import { itemFigure, itemName, readMonitoring, type MonIndicator, type MonItem } from "./read";

export function analyzeMonitoring(table: DetectedTable, ctx: CheckContext): SheetAnalysis {
  const m = readMonitoring(table, ctx);
  const a = emptyAnalysis();
  const sheet = m.sheet;

  /** A 細目 or share row's 値 (few: a literal each). */
  const numeric = (cell: string, rowLabel: string, parsed: Parsed) => {
    const n: NumericCell = { sheet, cell, column: "値", rowLabel, parsed, required: true, placeholderAllowed: false };
    a.numericCells.push(n);
  };

  // The reader makes every indicator an Indicator and every item an Item (./item.ts).
  for (const ind of m.indicators as Indicator[]) {
    a.rowKeys.push(new NumberKey(ind));

    // 指標値: required unless the indicator has none (4, 5, 7) or lists its total as an item (6's Top1%).
    // The indicator is the NumericCell of its 指標値 (./item.ts).
    const cat = ind.catalogue;
    const totalItem = ind.totalItem;
    const quiet = ind.total.kind === "empty" || ind.total.kind === "placeholder";
    // A `—` or blank where no total is expected is the template's own content: not worth a finding.
    if (!(ind.totalOptional && quiet)) a.numericCells.push(ind);

    for (const g of ind.groups) {
      for (const it of g.items as Item[]) {
        const rowLabel = it.rowLabel;
        // The item is the NumericCell of its 値 (./item.ts).
        if (it.hasValueRow) a.numericCells.push(it);
        for (const sub of it.subItems) {
          if (!sub.composite && sub.parsed) numeric(sub.cell, `${rowLabel}（${sub.label ?? ""}）`, sub.parsed);
        }
        for (const sh of it.shares) {
          if (!sh.composite && sh.parsed) numeric(sh.cell, `${rowLabel}（${sh.label}）`, sh.parsed);
        }
        // An item named in 内訳 with neither a value nor shares below it: its 値 is missing.
        // (Its value is then still the empty one: the item itself is that cell.)
        if (!it.hasValueRow && it.subItems.length === 0 && it.shares.length === 0) a.numericCells.push(it);
        const whole = it.ofWhich.length > 0 ? itemFigure(it) : undefined; // a figure only for an item with うち
        for (const ow of it.ofWhich) {
          if (!whole || whole.derived) continue;
          const partLabel = it.catalogueItem?.ofWhichLabel
            ? `「${rowLabel}」の${stripUchi(it.catalogueItem.ofWhichLabel)}`
            : `「${rowLabel}」のうち数`;
          a.partsOfWhole.push({
            part: figureRef(sheet, ow.cell, ow.figure, ow.unitKind, partLabel),
            whole: figureRef(sheet, whole.cell, whole.figure, whole.unitKind, rowLabel),
          });
        }
        // うち column cells (numbers or not) are numeric cells too; a `—` there means none.
        if (it.ofWhichColumn) a.numericCells.push(it.ofWhichColumn);
      }
    }

    // Indicator 6: 指標値 is the Top1% figure; a Top1% item listed as well must equal it.
    if (cat?.totalItemKey && ind.total.kind === "number" && totalItem) {
      const f = itemFigure(totalItem);
      if (f) {
        a.equalities.push({
          a: figureRef(sheet, f.cell, f.figure, f.unitKind, itemName(totalItem)),
          b: figureRef(sheet, ind.totalCell, ind.total, ind.total.unitKind, `「${ind.label || cat.label}」の指標値`),
          reason: `指標値と項目「${itemName(totalItem)}」は同じ値です`,
        });
      }
    }
  }

  for (const p of m.projectSpecific as ProjectRow[]) a.numericCells.push(p);

  for (const n of m.notes) a.textCells.push({ sheet, cell: n.cell, text: n.text });
  // The analyses are held until the run ends: lists grown by push are copied to their length.
  if (a.numericCells.length > 0) a.numericCells = a.numericCells.slice();
  if (a.rowKeys.length > 0) a.rowKeys = a.rowKeys.slice();
  if (a.partsOfWhole.length > 0) a.partsOfWhole = a.partsOfWhole.slice();
  if (a.textCells.length > 0) a.textCells = a.textCells.slice();
  return a;
}

function stripUchi(label: string): string {
  return label.replace(/^[（(]?\s*うち/, "うち").replace(/[）)]\s*$/, "");
}

export function findItem(ind: MonIndicator, key: string): MonItem | undefined {
  for (const g of ind.groups) for (const it of g.items) if (it.key === key) return it;
  return undefined;
}
