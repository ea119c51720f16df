/**
 * The typed table of an インハウス予算 sheet (DOMAIN §3.1): one row per institute, 小計 rows per ministry
 * (所管) and 合計 rows, with every money cell parsed once (memoised per check run).
 *
 * Which rows a total covers:
 * - 合計 / 計: every institute row since the previous 合計 (小計 rows are not added again). A 合計 with no
 *   institute row above it (placed right below the header) covers the institute rows below it instead.
 * - 小計 with a 所管 (its own 所管 cell, or `小計（文）` / `文部科学省 小計` in 機関名): the institute rows of
 *   that ministry above it, since the previous 合計, not already covered by an earlier 小計 of the same
 *   ministry. This fits both layouts: ministries grouped with a 小計 after each group, and all 小計 rows
 *   at the bottom. A blank 所管 on an institute row takes the 所管 of the row above (merged cells).
 * - 小計 without a 所管 (or whose 所管 matches no row): the institute rows since the previous 小計 or 合計.
 */
import type { Cell } from "../../model/workbook";
import { memoKey, memoPerSheet, type CheckContext } from "../context";
import { normalizeLabel } from "../../values/normalize";
import { cellText } from "../detect";
import { column, headerPathText, type DetectedTable } from "../table";
import { amountUnitIn, sheetUnit } from "./amount-cell";
import {
  INHOUSE_AMOUNT_KEYS,
  InhouseAmount,
  InhouseRow,
  type InhouseAmountColumn,
  type InhouseAmountKey,
  type InhouseRole,
  type InhouseSheetInfo,
} from "./row";
import { blockingPrefix, type SumPart } from "./sums";

// For importers outside this folder (the analyzer, total/row).
export { INHOUSE_AMOUNT_KEYS, inhouseRowLabel, type InhouseAmountKey, type InhouseRow } from "./row";

export type InhouseRatioKey = "healthRatio" | "externalRatio";

export const INHOUSE_LABELS: Record<string, string> = {
  name: "機関名",
  ministry: "所管",
  total: "全体",
  health: "健康・医療関係",
  external: "外部資金",
  healthRatio: "健康・医療比率",
  externalRatio: "外部資金比率",
  note: "備考",
};

/** A 小計 or 合計 row and the institute rows it covers. */
export interface InhouseGroup {
  row: InhouseRow;
  parts: InhouseRow[];
}

export interface InhouseTable {
  table: DetectedTable;
  sheet: string;
  unit: string;
  /** Money column key → 0-based column, for the columns present. */
  cols: Partial<Record<InhouseAmountKey | "healthRatio" | "externalRatio", number>>;
  /** Column key → header as written (whitespace removed), for messages. */
  labels: Record<string, string>;
  rows: InhouseRow[];
  groups: InhouseGroup[];
  /** Prefix counts of data rows: a SUM range over parts must not cross any other data row. */
  blocking: Int32Array;
}

const TOTAL_NAMES = new Set(["合計", "計", "総計", "総合計"]);

const MINISTRY_KEYS = new Map<string, string | undefined>();

/** Canonical ministry key: the first character of its normalised name (文部科学省, 文科省, 文 → 文). */
export function ministryKey(text: string | undefined): string | undefined {
  if (!text) return undefined;
  if (MINISTRY_KEYS.has(text)) return MINISTRY_KEYS.get(text);
  const key = ministryKeyUncached(text);
  if (MINISTRY_KEYS.size < 1000) MINISTRY_KEYS.set(text, key);
  return key;
}

function ministryKeyUncached(text: string): string | undefined {
  const n = normalizeLabel(text)
    .replace(/^\(|\)$/g, "")
    .replace(/所管$/, "");
  if (!n || n === "-") return undefined;
  return n[0];
}

interface RoleOf {
  role: InhouseRole;
  ministry?: string;
}

/** 合計 / 計 / 総計; 小計, 小計（文）, 文部科学省 小計, 文部科学省計; else an institute. */
export function inhouseRole(name: string): RoleOf {
  if (!name.includes("計")) return ITEM;
  const n = normalizeLabel(name);
  if (TOTAL_NAMES.has(n) || /^(総?合計|計)\(.*\)$/.test(n)) return { role: "total" };
  let m = /^小計(?:\((.+)\))?$/.exec(n);
  if (m) return { role: "subtotal", ministry: ministryKey(m[1]) };
  m = /^(.+?)小計$/.exec(n) ?? /^(.+?(?:省|府|庁))計$/.exec(n);
  if (m) return { role: "subtotal", ministry: ministryKey(m[1]) };
  return ITEM;
}

const ITEM: RoleOf = Object.freeze({ role: "item" });

function headerLabel(table: DetectedTable, key: string): string {
  const col = column(table, key);
  const text = col === undefined ? undefined : table.headers.get(col);
  return text ? text.replace(/\s+/g, "") : INHOUSE_LABELS[key];
}

function buildRows(
  table: DetectedTable,
  unit: string,
  cols: InhouseTable["cols"],
  labels: Record<string, string>,
): InhouseRow[] {
  const sheet = table.sheet;
  const nameCol = column(table, "name");
  const ministryCol = column(table, "ministry");
  const totalCol = cols.total;
  const spec = (key: InhouseAmountKey): InhouseAmountColumn | undefined => {
    const col = cols[key];
    const index = INHOUSE_AMOUNT_KEYS.indexOf(key);
    return col === undefined ? undefined : { key, sheet: sheet.name, col, column: labels[key], unit, index };
  };
  const total = spec("total");
  const health = spec("health");
  const external = spec("external");
  const info: InhouseSheetInfo = {
    sheet: sheet.name,
    nameCol: nameCol ?? totalCol ?? 0,
    nameLabel: labels.name,
    ministryCol,
    columns: [total, health, external],
    rows: table.rows,
  };
  const rows: InhouseRow[] = [];
  const dataRows = table.dataRows;
  for (let i = 0; i < dataRows.length; i++) {
    const r = dataRows[i];
    const cells: (Cell | undefined)[] = table.rows[r] ?? [];
    let name = nameCol === undefined ? "" : cellText(cells[nameCol]).trim();
    const ministryText = ministryCol === undefined ? "" : cellText(cells[ministryCol]).trim();
    // A 合計 / 小計 label written in the 所管 column with 機関名 blank.
    let { role, ministry } = inhouseRole(name);
    if (!name && ministryText) {
      const alt = inhouseRole(ministryText);
      if (alt.role !== "item") {
        name = ministryText;
        role = alt.role;
        ministry = alt.ministry;
      }
    }
    if (role !== "total") ministry = ministry ?? ministryKey(name === ministryText ? "" : ministryText);
    const out = new InhouseRow(r, role, name, info);
    if (total) out.total = new InhouseAmount(out, total, cells[total.col]);
    if (health) out.health = new InhouseAmount(out, health, cells[health.col]);
    if (external) out.external = new InhouseAmount(out, external, cells[external.col]);
    if (ministry) out.ministry = ministry;
    rows.push(out);
  }
  return rows;
}

/** Which institute rows each 小計 / 合計 covers (see the file comment). Linear in rows. */
function buildGroups(rows: InhouseRow[]): InhouseGroup[] {
  const groups: InhouseGroup[] = [];
  let sinceTotal: InhouseRow[] = [];
  let sinceSub: InhouseRow[] = [];
  let pending = new Map<string, InhouseRow[]>();
  let covered = new Set<InhouseRow>();
  let fill: string | undefined;
  /** 合計 rows with nothing above: they take the institute rows below, up to the next 合計. */
  let topTotal: InhouseGroup | undefined;
  const closeTop = () => {
    if (topTotal) topTotal.parts = sinceTotal.slice();
    topTotal = undefined;
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.role === "item") {
      if (row.ministry) fill = row.ministry;
      else if (fill) row.ministry = fill;
      sinceTotal.push(row);
      sinceSub.push(row);
      if (row.ministry) {
        const list = pending.get(row.ministry);
        if (list) list.push(row);
        else pending.set(row.ministry, [row]);
      }
    } else if (row.role === "subtotal") {
      let parts: InhouseRow[];
      const mine = row.ministry ? pending.get(row.ministry) : undefined;
      if (mine && mine.length) {
        parts = mine;
        pending.delete(row.ministry!);
      } else {
        parts = sinceSub.filter((r) => !covered.has(r));
      }
      for (let i = 0; i < parts.length; i++) covered.add(parts[i]);
      groups.push({ row, parts });
      sinceSub = [];
      fill = undefined;
    } else {
      if (topTotal) {
        closeTop();
        sinceTotal = [];
      }
      const group: InhouseGroup = { row, parts: sinceTotal };
      groups.push(group);
      if (sinceTotal.length === 0) topTotal = group;
      sinceTotal = [];
      sinceSub = [];
      pending = new Map();
      covered = new Set();
      fill = undefined;
    }
  }
  closeTop();
  return groups;
}

export function buildInhouse(table: DetectedTable): InhouseTable {
  const totalCol = column(table, "total");
  const headerUnit = amountUnitIn(headerPathText(table, totalCol));
  const unit = sheetUnit(table.metadata, headerUnit ?? "億円");
  const cols: InhouseTable["cols"] = {};
  for (const key of ["total", "health", "external", "healthRatio", "externalRatio"] as const) {
    const c = column(table, key);
    if (c !== undefined) cols[key] = c;
  }
  const labels: Record<string, string> = {};
  for (const key of Object.keys(INHOUSE_LABELS)) labels[key] = headerLabel(table, key);
  const rows = buildRows(table, unit, cols, labels);
  const groups = buildGroups(rows);
  const blocking = blockingPrefix(
    table.rows.length,
    rows.map((r) => r.row),
  );
  return { table, sheet: table.sheet.name, unit, cols, labels, rows, groups, blocking };
}

const INHOUSE_BY_SHEET = memoKey<Map<string, InhouseTable>>("in-house tables by sheet");

/** The typed table, read once per check run. */
export function readInhouse(table: DetectedTable, ctx: CheckContext): InhouseTable {
  return memoPerSheet(ctx, INHOUSE_BY_SHEET, table, () => buildInhouse(table));
}

const PARTS = new WeakMap<InhouseGroup, Partial<Record<InhouseAmountKey, SumPart[]>>>();

/**
 * The parts of a group in one money column, as the sum helpers take them: the rows' money cells
 * themselves (an InhouseAmount is a SumPart). The same array for the same group and key.
 */
export function inhouseParts(group: InhouseGroup, key: InhouseAmountKey): SumPart[] {
  let byKey = PARTS.get(group);
  if (!byKey) PARTS.set(group, (byKey = {}));
  const known = byKey[key];
  if (known) return known;
  const out: SumPart[] = [];
  const parts = group.parts;
  for (let i = 0; i < parts.length; i++) {
    const amount = parts[i].amounts[key];
    if (amount) out.push(amount);
  }
  byKey[key] = out;
  return out;
}
