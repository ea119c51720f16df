/**
 * Cross-sheet references (DOMAIN §3.5) as equalities for the shared xref/mismatch rule:
 * - output indicators 1, 2, 3 = 全体 monitoring #1, #2, #3 指標値; output indicator 4 = 全体 #6 Top1%;
 * - output indicator 20 = output indicator 1 + output indicator 3;
 * - outcome indicators (区分 アウトカム): 薬事承認 = 全体 #4 total, ガイドライン等 = 全体 #5 ガイドライン,
 *   製品上市数 = 全体 #5 ソフトウェア・一般医療機器;
 * - project-specific indicators re-listed on the 全体 sheet = the PJ sheet's value.
 * Indicator 6's two Top1% figures on one sheet are in the monitoring analysis's own equalities.
 *
 * The references run across every workbook of the submission set (DOMAIN §3.4): the output indicators of any file
 * against the set's 全体 sheet, the 全体 sheet's re-listed rows against the PJ sheet of the same project wherever it
 * is. Each equality carries the files of its two sides; a workbook's xref/mismatch reports those whose `a` side
 * (the cell the finding points at) is in it, so a cross-file mismatch is reported once. Indicator 20 = 1 + 3
 * compares rows of one output sheet and stays within its workbook.
 */
import { memoKey, fileOf, setMembers, type CheckContext } from "./context";
import { editDistance } from "../values/edit-distance";
import { indicatorNumberKey } from "../values/indicator-number";
import { normalizeLabel } from "../values/normalize";
import type { Figure, Parsed } from "../values/types";
import { figureRef, type Equality, type FigureRef } from "./analysis";
import { indicatorLabel, itemLabel } from "./monitoring/labels";
import {
  itemFigure,
  type MonIndicator,
  type MonItem,
  type MonitoringSheet,
  type ProjectSpecificRow,
} from "./monitoring/read";
import { groupParts } from "./monitoring/relations";
import { setMonitoringSheets, type SetSheet } from "./monitoring/rollup";
import { readOutput } from "./output/read";

/** An equality between two cells of the set: `aFile` and `bFile` are the workbooks of its sides ("" when alone). */
export interface PlacedEquality extends Equality {
  aFile: string;
  bFile: string;
}

const ACROSS_SET = memoKey<{ outputs: PlacedEquality[]; relisted: PlacedEquality[] }>(
  "cross-references across the set",
);

/**
 * The cross-references whose `a` side is in this workbook (for a workbook checked alone: all of them). Built on
 * each call and kept only where the members of a set share them: xref/mismatch, their only reader, asks once per
 * check, and keeping them held 2.5 MB to the end of a 3,000-sheet check.
 */
export function crossReferences(ctx: CheckContext): PlacedEquality[] {
  const file = fileOf(ctx);
  const acrossTheSet = () => {
    const sheets = setMonitoringSheets(ctx);
    const overall = sheets.find((s) => s.mon.project?.kind === "overall");
    if (!overall) return { outputs: [], relisted: [] };
    const outputs = setMembers(ctx).flatMap((m) =>
      outputToMonitoring(m.ctx, overall.mon).map((e): PlacedEquality => ({
        ...e,
        aFile: m.name,
        bFile: overall.file,
      })),
    );
    return { outputs, relisted: relisted(sheets, overall) };
  };
  const across = ctx.set ? ctx.set.memo(ACROSS_SET, acrossTheSet) : acrossTheSet();
  const own = composite(ctx).map((e): PlacedEquality => ({ ...e, aFile: file, bFile: file }));
  // In the order a workbook checked alone has always had: output ↔ 全体, indicator 20, re-listed rows.
  return [
    ...across.outputs.filter((e) => e.aFile === file),
    ...own,
    ...across.relisted.filter((e) => e.aFile === file),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Figures

function parsedRef(sheet: string, cell: string, p: Parsed, label: string): FigureRef | undefined {
  return p.kind === "number" ? figureRef(sheet, cell, p, p.unitKind, label) : undefined;
}

function indicatorOf(sheet: MonitoringSheet, number: string): MonIndicator | undefined {
  return sheet.indicators.find((i) => i.catalogue?.number === number);
}

/** 指標値 of an indicator on the 全体 sheet (for 6: the Top1% figure, from 指標値 or the item). */
function totalRef(sheet: MonitoringSheet, ind: MonIndicator): FigureRef | undefined {
  const label = `全体 #${ind.catalogue?.number ?? ind.number} ${indicatorLabel(ind)}`;
  const direct = parsedRef(sheet.sheet, ind.totalCell, ind.total, label);
  if (direct) return direct;
  const key = ind.catalogue?.totalItemKey;
  const item = key ? findItem(ind, (it) => it.key === key) : undefined;
  if (item) return itemRef(sheet, ind, item);
  return undefined;
}

function itemRef(sheet: MonitoringSheet, ind: MonIndicator, it: MonItem): FigureRef | undefined {
  const f = itemFigure(it);
  if (!f) return undefined;
  return figureRef(
    sheet.sheet,
    f.cell,
    f.figure,
    f.unitKind,
    `全体 #${ind.catalogue?.number ?? ind.number} ${itemLabel(it)}`,
  );
}

function findItem(ind: MonIndicator, pred: (it: MonItem) => boolean): MonItem | undefined {
  for (const g of ind.groups) for (const it of g.items) if (pred(it)) return it;
  return undefined;
}

/** An indicator with no 指標値 (4): the sum of its first complete exhaustive group, with every part's cell. */
function groupTotalRef(sheet: MonitoringSheet, ind: MonIndicator): { ref: FigureRef; cells: string[] } | undefined {
  const direct = parsedRef(
    sheet.sheet,
    ind.totalCell,
    ind.total,
    `全体 #${ind.catalogue?.number ?? ind.number} ${indicatorLabel(ind)}`,
  );
  if (direct) return { ref: direct, cells: [] };
  for (const g of ind.groups) {
    if (g.catalogueGroup?.relation !== "exhaustive") continue;
    const gp = groupParts(g);
    if (!gp) continue;
    let value = 0;
    let decimals = 0;
    for (const p of gp.parts) {
      value += p.figure.value;
      decimals = Math.max(decimals, p.figure.decimals);
    }
    const f: Figure = { value: Number(value.toPrecision(15)), decimals };
    const unit = gp.parts[0].figure.unit;
    if (unit !== undefined) f.unit = unit;
    const cells = gp.parts.map((p) => p.cell);
    return {
      ref: figureRef(
        sheet.sheet,
        cells[0],
        f,
        gp.unitKind,
        `全体 #${ind.catalogue?.number ?? ind.number} ${indicatorLabel(ind)}の合計`,
      ),
      cells: cells.slice(1),
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Output indicators ↔ 全体 monitoring

const OUTCOME = /アウトカム/;
const SPECIAL = /特設/;

interface OutputFacts {
  sheet: string;
  number: string;
  category: string;
  label: string;
  actual: Parsed;
  actualCell: string;
}

const OUTPUT_ROWS = memoKey<OutputFacts[]>("output rows for cross-references");

function outputRows(ctx: CheckContext): OutputFacts[] {
  return ctx.memo(OUTPUT_ROWS, () => {
    const out: OutputFacts[] = [];
    for (const table of ctx.tablesOf("output-indicators")) {
      const o = readOutput(table, ctx);
      for (const r of o.rows) {
        out.push({
          sheet: o.sheet,
          number: indicatorNumberKey(String(r.number ?? "")),
          category: String(r.category ?? ""),
          label: String(r.indicator ?? ""),
          actual: r.actual,
          actualCell: r.actualCell,
        });
      }
    }
    return out;
  });
}

function isOutcome(r: OutputFacts): boolean {
  return OUTCOME.test(r.category) || /^O\d/i.test(r.number);
}

function outputToMonitoring(ctx: CheckContext, overall: MonitoringSheet): Equality[] {
  const out: Equality[] = [];
  for (const r of outputRows(ctx)) {
    const a = parsedRef(r.sheet, r.actualCell, r.actual, `アウトプット指標${r.number} ${r.label}`.trim());
    if (!a) continue;
    if (isOutcome(r)) {
      a.label = `アウトカム指標 ${r.label}`.trim();
      const lbl = normalizeLabel(r.label);
      if (lbl.includes("薬事承認")) {
        const ind = indicatorOf(overall, "4");
        const b = ind && groupTotalRef(overall, ind);
        if (b) out.push({ a, b: b.ref, bCells: b.cells, reason: "アウトカム指標 薬事承認 = 全体 #4 の合計" });
      } else if (lbl.includes("ガイドライン") || lbl.includes("上市")) {
        const ind = indicatorOf(overall, "5");
        const word = lbl.includes("ガイドライン") ? "ガイドライン" : "上市";
        const it = ind && findItem(ind, (x) => normalizeLabel(x.canonical ?? x.label).includes(word));
        const b = ind && it && itemRef(overall, ind, it);
        if (b) out.push({ a, b, reason: `アウトカム指標 ${r.label} = 全体 #5 ${b.label.replace(/^全体 #5 /, "")}` });
      }
      continue;
    }
    if (SPECIAL.test(r.category)) continue;
    const target = { "1": "1", "2": "2", "3": "3", "4": "6" }[r.number];
    if (!target) continue;
    const ind = indicatorOf(overall, target);
    const b = ind && totalRef(overall, ind);
    if (b)
      out.push({
        a,
        b,
        reason: `アウトプット指標${r.number} = 全体 #${target}${target === "6" ? " Top1%論文数" : ""}`,
      });
  }
  return out;
}

/** Indicator 20 = indicator 1 + indicator 3 (seed: 324 = 158 + 166). */
function composite(ctx: CheckContext): Equality[] {
  const rows = outputRows(ctx).filter((r) => !isOutcome(r));
  // The first indicator 1 and 3 of each sheet, found in one pass: a workbook of many output sheets would
  // otherwise scan every row of every sheet for each indicator 20.
  const firstOf = new Map<string, { "1"?: OutputFacts; "3"?: OutputFacts }>();
  for (const r of rows) {
    if ((r.number !== "1" && r.number !== "3") || SPECIAL.test(r.category)) continue;
    let first = firstOf.get(r.sheet);
    if (!first) firstOf.set(r.sheet, (first = {}));
    first[r.number] ??= r;
  }
  const out: Equality[] = [];
  for (const r20 of rows) {
    if (r20.number !== "20") continue;
    const lbl = normalizeLabel(r20.label);
    if (lbl && !(lbl.includes("企業導出") || lbl.includes("連続的支援"))) continue;
    const r1 = firstOf.get(r20.sheet)?.["1"];
    const r3 = firstOf.get(r20.sheet)?.["3"];
    if (!r1 || !r3 || r1.actual.kind !== "number" || r3.actual.kind !== "number" || r20.actual.kind !== "number")
      continue;
    const a = figureRef(
      r20.sheet,
      r20.actualCell,
      r20.actual,
      r20.actual.unitKind,
      `アウトプット指標20 ${r20.label}`.trim(),
    );
    const sum: Figure = {
      value: Number((r1.actual.value + r3.actual.value).toPrecision(15)),
      decimals: Math.max(r1.actual.decimals, r3.actual.decimals),
    };
    if (r1.actual.unit !== undefined) sum.unit = r1.actual.unit;
    const b = figureRef(r20.sheet, r1.actualCell, sum, r1.actual.unitKind, "アウトプット指標1 + 3");
    out.push({ a, b, bCells: [r3.actualCell], reason: "指標20 = 指標1 + 指標3" });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Project-specific indicators re-listed on the 全体 sheet

/** The PJ row a re-listed row stands for: same name, or (wording drifts: 実用化件数 → 開発件数) a close one. */
function counterpart(row: ProjectSpecificRow, candidates: ProjectSpecificRow[]): ProjectSpecificRow | undefined {
  const want = normalizeLabel(row.label);
  const exact = candidates.find((c) => normalizeLabel(c.label) === want);
  if (exact) return exact;
  const limit = Math.max(2, Math.floor([...want].length * 0.2));
  let best: ProjectSpecificRow | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    // Only a distance within the limit and below the best so far can matter: the alignment stops past it.
    const d = editDistance(want, normalizeLabel(c.label), Math.min(limit, bestD - 1));
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best && bestD <= limit ? best : undefined;
}

function relisted(sheets: SetSheet[], overallAt: SetSheet): PlacedEquality[] {
  const out: PlacedEquality[] = [];
  const overall = overallAt.mon;
  for (const row of overall.projectSpecific) {
    const pj = row.project;
    if (pj?.kind !== "project") continue;
    const sourceAt = sheets.find(
      (s) => s.mon !== overall && s.mon.project?.kind === "project" && s.mon.project.number === pj.number,
    );
    if (!sourceAt) continue;
    const source = sourceAt.mon;
    const match = counterpart(row, source.projectSpecific);
    if (!match) continue;
    const a = parsedRef(overall.sheet, row.valueCell, row.value, `全体（再掲）${pj.code} ${row.label}`);
    const b = parsedRef(source.sheet, match.valueCell, match.value, `${pj.code} ${match.label}`);
    if (a && b) out.push({ a, b, reason: `${pj.code} 独自指標の再掲`, aFile: overallAt.file, bFile: sourceAt.file });
  }
  return out;
}
