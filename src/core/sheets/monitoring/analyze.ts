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
import { itemFigure, itemName, readMonitoring, type MonIndicator, type MonItem } from "./read";

const COLUMN = { total: "指標値", value: "値", ofWhich: "うち" } as const;

export function analyzeMonitoring(table: DetectedTable, ctx: CheckContext): SheetAnalysis {
  const m = readMonitoring(table, ctx);
  const a = emptyAnalysis();
  const sheet = m.sheet;

  const numeric = (
    cell: string,
    column: string,
    rowLabel: string,
    parsed: Parsed,
    required: boolean,
    placeholderAllowed: boolean,
  ) => {
    const n: NumericCell = { sheet, cell, column, rowLabel, parsed, required, placeholderAllowed };
    a.numericCells.push(n);
  };

  for (const ind of m.indicators) {
    const indLabel = `${ind.number} ${ind.label || ind.catalogue?.label || ""}`.trim();
    a.rowKeys.push({ sheet, cell: ind.numberCell, key: ind.number, label: "番号" });

    // 指標値: required unless the indicator has none (4, 5, 7) or lists its total as an item (6's Top1%).
    const cat = ind.catalogue;
    const totalItem = cat?.totalItemKey ? findItem(ind, cat.totalItemKey) : undefined;
    const totalOptional = !cat || cat.noTotal || totalItem !== undefined;
    const quiet = ind.total.kind === "empty" || ind.total.kind === "placeholder";
    // A `—` or blank where no total is expected is the template's own content: not worth a finding.
    if (!(totalOptional && quiet))
      numeric(ind.totalCell, COLUMN.total, indLabel, ind.total, !totalOptional, totalOptional);

    for (const g of ind.groups) {
      for (const it of g.items) {
        const rowLabel = itemName(it) || indLabel;
        if (it.hasValueRow) numeric(it.valueCell, COLUMN.value, rowLabel, it.value, true, false);
        for (const sub of it.subItems) {
          if (!sub.composite && sub.parsed)
            numeric(sub.cell, COLUMN.value, `${rowLabel}（${sub.label ?? ""}）`, sub.parsed, true, false);
        }
        for (const sh of it.shares) {
          if (!sh.composite && sh.parsed)
            numeric(sh.cell, COLUMN.value, `${rowLabel}（${sh.label}）`, sh.parsed, true, false);
        }
        // An item named in 内訳 with neither a value nor shares below it: its 値 is missing.
        if (!it.hasValueRow && it.subItems.length === 0 && it.shares.length === 0)
          numeric(it.valueCell, COLUMN.value, rowLabel, { kind: "empty" }, true, false);
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
        if (it.ofWhichColumn)
          numeric(it.ofWhichColumn.cell, COLUMN.ofWhich, rowLabel, it.ofWhichColumn.parsed, false, true);
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

  for (const p of m.projectSpecific) {
    numeric(p.valueCell, p.valueColumn, p.label, p.value, true, false);
  }

  for (const n of m.notes) a.textCells.push({ sheet, cell: n.cell, text: n.text });
  return a;
}

function stripUchi(label: string): string {
  return label.replace(/^[（(]?\s*うち/, "うち").replace(/[）)]\s*$/, "");
}

export function findItem(ind: MonIndicator, key: string): MonItem | undefined {
  for (const g of ind.groups) for (const it of g.items) if (it.key === key) return it;
  return undefined;
}
