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
import type { CheckContext } from "../../rules/context";
import { normalizeLabel } from "../../values/normalize";
import { parseCell } from "../../values/parse";
import type { Parsed } from "../../values/types";
import { cellText } from "../detect";
import { column, type DetectedTable } from "../table";
import { a1, amountUnitIn, blockingPrefix, readAmount, sheetUnit, type AmountCell, type SumPart } from "./amounts";

export type InhouseRole = "item" | "subtotal" | "total";

/** The money columns, in the order they are checked. */
export const INHOUSE_AMOUNT_KEYS = ["total", "health", "external"] as const;
export type InhouseAmountKey = (typeof INHOUSE_AMOUNT_KEYS)[number];

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

export interface InhouseRow {
  row: number;
  role: InhouseRole;
  /** 機関名 as written (trimmed); "合計", "小計" for those rows. */
  name: string;
  /** Canonical ministry key (文, 厚, 経, 内, 総, こ…), own or filled down. */
  ministry?: string;
  /** 所管 as written on this row, when any. */
  ministryText?: string;
  /** A1 of the 機関名 cell (or the first cell of the row when there is none). */
  nameCell: string;
  amounts: Partial<Record<InhouseAmountKey, AmountCell>>;
  /** The typed ratio cells (computed columns), parsed. */
  ratios: Partial<Record<InhouseRatioKey, { cell: string; col: number; parsed: Parsed }>>;
  note?: { cell: string; text: string };
}

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

/** Canonical ministry key: the first character of its normalised name (文部科学省, 文科省, 文 → 文). */
/** How a row is named in messages: "理化学研究所", "小計（文部科学省）", "合計". */
export function inhouseRowLabel(row: InhouseRow): string {
  const base = row.name || (row.role === "total" ? "合計" : row.role === "subtotal" ? "小計" : `${row.row + 1}行目`);
  if (row.role === "subtotal" && row.ministryText && !base.includes(row.ministryText)) return `${base}（${row.ministryText}）`;
  return base;
}

const MINISTRY_KEYS = new Map<string, string | undefined>();

export function ministryKey(text: string | undefined): string | undefined {
  if (!text) return undefined;
  if (MINISTRY_KEYS.has(text)) return MINISTRY_KEYS.get(text);
  const key = ministryKeyUncached(text);
  if (MINISTRY_KEYS.size < 1000) MINISTRY_KEYS.set(text, key);
  return key;
}

function ministryKeyUncached(text: string): string | undefined {
  const n = normalizeLabel(text).replace(/^\(|\)$/g, "").replace(/所管$/, "");
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

function buildRows(table: DetectedTable, unit: string, cols: InhouseTable["cols"]): InhouseRow[] {
  const sheet = table.sheet;
  const nameCol = column(table, "name");
  const ministryCol = column(table, "ministry");
  const noteCol = column(table, "note");
  const rows: InhouseRow[] = [];
  for (const r of table.dataRows) {
    const cells: (Cell | undefined)[] = sheet.rows[r] ?? [];
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
    const amounts: InhouseRow["amounts"] = {};
    for (const key of ["total", "health", "external"] as const) {
      const c = cols[key];
      if (c !== undefined) amounts[key] = readAmount(cells[c], r, c, unit);
    }
    const ratios: InhouseRow["ratios"] = {};
    for (const key of ["healthRatio", "externalRatio"] as const) {
      const c = cols[key];
      if (c !== undefined) ratios[key] = { cell: a1(r, c), col: c, parsed: parseCell(cells[c]) };
    }
    const out: InhouseRow = { row: r, role, name, nameCell: a1(r, nameCol ?? cols.total ?? 0), amounts, ratios };
    if (ministry) out.ministry = ministry;
    if (ministryText && name !== ministryText) out.ministryText = ministryText;
    if (noteCol !== undefined) {
      const text = cellText(cells[noteCol]).trim();
      if (text) out.note = { cell: a1(r, noteCol), text };
    }
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
  for (const row of rows) {
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
      for (const p of parts) covered.add(p);
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
  const headerUnit = amountUnitIn(totalCol === undefined ? undefined : table.headers.get(totalCol));
  const unit = sheetUnit(table.metadata, headerUnit ?? "億円");
  const cols: InhouseTable["cols"] = {};
  for (const key of ["total", "health", "external", "healthRatio", "externalRatio"] as const) {
    const c = column(table, key);
    if (c !== undefined) cols[key] = c;
  }
  const labels: Record<string, string> = {};
  for (const key of Object.keys(INHOUSE_LABELS)) labels[key] = headerLabel(table, key);
  const rows = buildRows(table, unit, cols);
  const groups = buildGroups(rows);
  const blocking = blockingPrefix(
    table.sheet.rows.length,
    rows.map((r) => r.row),
  );
  return { table, sheet: table.sheet.name, unit, cols, labels, rows, groups, blocking };
}

/** The typed table, read once per check run. */
export function readInhouse(table: DetectedTable, ctx: CheckContext): InhouseTable {
  return ctx.memo(`inhouse/read:${table.sheet.name}`, () => buildInhouse(table));
}

/** The parts of a group in one money column, as the sum helpers take them. */
export function inhouseParts(group: InhouseGroup, key: InhouseAmountKey): SumPart[] {
  const out: SumPart[] = [];
  for (const p of group.parts) {
    const amount = p.amounts[key];
    if (!amount) continue;
    const part: SumPart = { row: p.row, name: p.name, amount };
    if (amount.figure) part.figure = amount.figure;
    if (key === "external") part.placeholderIsZero = true;
    out.push(part);
  }
  return out;
}
