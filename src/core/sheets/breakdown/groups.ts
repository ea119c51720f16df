/**
 * Which rows a 小計 or 合計 of a 予算内訳 sheet adds up, and the うち rows of each row (the rules: ./read.ts).
 */
import type { BreakdownGroup, BreakdownRow, OfWhichSet } from "./types";

function isItem(row: BreakdownRow): boolean {
  return (row.role === "detail" || row.role === "other") && !row.heading;
}

/** Groups (see the comment of ./read.ts). Linear in rows. */
export function buildGroups(rows: BreakdownRow[]): BreakdownGroup[] {
  const n = rows.length;
  // itemsBelow[i]: an item follows row i before the next 小計 / 合計; contentBelow[i]: an item or 小計 before the next 合計.
  const itemsBelow = new Uint8Array(n);
  const contentBelow = new Uint8Array(n);
  let seenItem = 0;
  let seenContent = 0;
  for (let i = n - 1; i >= 0; i--) {
    const row = rows[i];
    if (row.role === "subtotal" || row.role === "total") {
      itemsBelow[i] = seenItem;
      contentBelow[i] = seenContent;
      seenItem = 0;
      if (row.role === "total") seenContent = 0;
      else seenContent = 1;
    } else if (isItem(row)) {
      seenItem = 1;
      seenContent = 1;
    }
  }

  const groups: BreakdownGroup[] = [];
  let mode: "below" | "above" | undefined;
  let open: BreakdownRow[] = [];
  let unclaimed: BreakdownRow[] = [];
  let topSub: BreakdownGroup | undefined;
  let topTotal: BreakdownGroup | undefined;
  let prevTotals: BreakdownRow[] = [];
  const byRow = (a: BreakdownRow, b: BreakdownRow) => a.row - b.row;

  const closeScope = (group: BreakdownGroup) => {
    group.parts = [...unclaimed, ...open].sort(byRow);
    unclaimed = [];
    open = [];
  };

  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (isItem(row)) {
      if (topSub) topSub.parts.push(row);
      else open.push(row);
      continue;
    }
    if (row.role === "subtotal") {
      topSub = undefined;
      if (mode === undefined) mode = open.length === 0 && itemsBelow[i] ? "above" : "below";
      let group: BreakdownGroup;
      if (open.length) {
        group = { row, kind: "subtotal", style: "below", parts: open };
        open = [];
      } else if (mode === "above" && itemsBelow[i]) {
        group = { row, kind: "subtotal", style: "above", parts: [] };
        topSub = group;
      } else if (unclaimed.length) {
        group = { row, kind: "subtotal", style: "nested", parts: unclaimed };
        unclaimed = [];
      } else {
        group = { row, kind: "subtotal", style: "empty", parts: [] };
      }
      groups.push(group);
      unclaimed.push(row);
      continue;
    }
    if (row.role === "total") {
      topSub = undefined;
      if (topTotal) {
        closeScope(topTotal);
        prevTotals.push(topTotal.row);
        topTotal = undefined;
      }
      let group: BreakdownGroup;
      if (unclaimed.length || open.length) {
        group = { row, kind: "total", style: "below", parts: [] };
        closeScope(group);
        prevTotals.push(row);
      } else if (contentBelow[i]) {
        group = { row, kind: "total", style: "above", parts: [] };
        topTotal = group;
      } else if (prevTotals.length >= 2) {
        group = { row, kind: "total", style: "grand", parts: prevTotals };
        prevTotals = [];
      } else {
        group = { row, kind: "total", style: "empty", parts: [] };
      }
      groups.push(group);
    }
  }
  if (topTotal) closeScope(topTotal);
  return groups;
}

/** うち rows and the nearest row above each run of them that is not うち. */
export function buildOfWhich(rows: BreakdownRow[]): OfWhichSet[] {
  const sets: OfWhichSet[] = [];
  let current: OfWhichSet | undefined;
  let lastWhole: BreakdownRow | undefined;
  for (const row of rows) {
    if (row.role === "of-which") {
      if (!lastWhole) continue;
      if (!current || current.whole !== lastWhole) {
        current = { whole: lastWhole, parts: [] };
        sets.push(current);
      }
      current.parts.push(row);
    } else {
      lastWhole = row;
      current = undefined;
    }
  }
  return sets;
}
