/**
 * One row of a 予算内訳 table and its cells (DOMAIN §3.2). As in the インハウス予算 reader (../inhouse/row.ts), a
 * money cell is at once the reading's AmountCell, the shared rules' NumericCell and its own Figure, and a
 * 増減額 / 増減率 cell is its own NumericCell: one small object per cell, with the A1 address, the text and the
 * labels (which only messages need) derived on demand (issue 13, memory). How rows are read and grouped: ./read.ts.
 */
import type { Cell } from "../../model/workbook";
import { parseCell, plainNumberOf, shortestDecimals } from "../../values/parse";
import type { Figure, Parsed } from "../../values/types";
import type { NumericCell, TextCell } from "../analysis";
import { cellText } from "../detect";
import { amountFigure, amountIsLive, amountText, parseAmount, type AmountCell } from "../inhouse/amount-cell";
import { toA1 } from "../../model/address";
import { AMOUNT_FLAG, amountBits, bitsDecimals, bitsIndex, decimalsFit } from "../inhouse/amount-bits";
import type { AmountColumn } from "./columns";
import { ROLE_LABELS, type BreakdownRole } from "./roles";

/** What the rows of one table share. */
export interface BreakdownSheetInfo {
  sheet: string;
  amountCols: AmountColumn[];
  /** Index into amountCols of 当年度 (only with two or more amount columns). */
  cur: number | undefined;
  /** 0-based column of 名称 (else 区分, else 0): where a row's name is. */
  nameCol: number;
  /** 0-based column of 備考, when there is one. */
  noteCol: number;
  /** The table's rows (the model's cells), read again for what only messages need. */
  rows: readonly (readonly (Cell | undefined)[] | undefined)[];
}

/** A row of the table. Its fields are all declared up front, so that every row has the same shape. */
const ROLES = Object.keys(ROLE_LABELS) as BreakdownRole[];
const ROLE_INDEX = new Map(ROLES.map((r, i) => [r, i]));
/** BreakdownRow.bits: heading, explicit, the role's index (×4), the sheet row (×32). */
const HEADING = 1;
const EXPLICIT = 2;
const ROLE_SHIFT = 4;
const ROW_SHIFT = 32;

export class BreakdownRow {
  /** The sheet row, the role and two flags, in one small integer rather than four fields. */
  private bits: number;
  /** 名称 as written (trimmed); falls back to 区分 when 名称 is blank. */
  readonly name: string;
  readonly info: BreakdownSheetInfo;
  /** Per amount column, aligned with BreakdownTable.amountCols. */
  amounts: BreakdownAmount[] = [];
  change: ChangeCell | undefined = undefined;
  changeRate: ChangeCell | undefined = undefined;
  /** 備考, when written: the shared rules' TextCell. */
  note: NoteCell | undefined = undefined;

  constructor(row: number, role: BreakdownRole, explicit: boolean, name: string, info: BreakdownSheetInfo) {
    this.bits = row * ROW_SHIFT + ROLE_INDEX.get(role)! * ROLE_SHIFT + (explicit ? EXPLICIT : 0);
    this.name = name;
    this.info = info;
  }

  get row(): number {
    return Math.floor(this.bits / ROW_SHIFT);
  }
  get role(): BreakdownRole {
    return ROLES[((this.bits % ROW_SHIFT) / ROLE_SHIFT) | 0];
  }
  set role(role: BreakdownRole) {
    this.bits += (ROLE_INDEX.get(role)! - ROLE_INDEX.get(this.role)!) * ROLE_SHIFT;
  }
  /** The role was written in 区分. */
  get explicit(): boolean {
    return (this.bits & EXPLICIT) !== 0;
  }
  /** 明細 / その他 with every amount empty: a heading, neither added nor required. */
  get heading(): boolean {
    return (this.bits & HEADING) !== 0;
  }
  set heading(heading: boolean) {
    if (heading !== this.heading) this.bits += heading ? HEADING : -HEADING;
  }
  get nameCell(): string {
    return toA1(this.row, this.info.nameCol);
  }
}

/** "小計（Ⅰ＋Ⅱ＋Ⅲ）", or the role word when the row has no name. */
export function rowLabel(row: BreakdownRow): string {
  return row.name || ROLE_LABELS[row.role] || `${row.row + 1}行目`;
}

/** The parse of a plain number (parseCell's fast path), rebuilt on demand. */
function plainParsed(v: number, decimals: number): Parsed {
  return { kind: "number", value: v, decimals, unitKind: "none" };
}

const FLAG = AMOUNT_FLAG;

/** A money cell whose figure is not its parse's (a unit converted, or decimals past the bits): both, apart. */
interface Reading {
  parsed: Parsed;
  value: number;
  decimals: number;
}

/**
 * One money cell, parsed once: the AmountCell, the NumericCell (taken for rows that are not headings) and, when
 * it holds a number, its own Figure in the column's unit.
 */
export class BreakdownAmount implements AmountCell, NumericCell, Figure {
  readonly owner: BreakdownRow;
  /**
   * A plain number (whose parse is rebuilt on demand); the parse of any other cell; a Reading when the figure is
   * in another unit than the cell's parse.
   */
  private readonly v: number | Parsed | Reading;
  /** FLAG bits, the figure's decimals and the column's index, in one small integer rather than three fields. */
  private readonly bits: number;

  constructor(owner: BreakdownRow, ci: number, cell: Cell | undefined) {
    this.owner = owner;
    const plain = plainNumberOf(cell);
    if (plain !== undefined) {
      this.v = plain;
      const decimals = plain % 1 === 0 ? 0 : shortestDecimals(plain);
      this.bits = amountBits(FLAG.live + FLAG.figure, decimals, ci);
    } else {
      const { parsed, innerOf } = parseAmount(cell);
      const figure = amountFigure(parsed, owner.info.amountCols[ci].unit);
      const flags = (amountIsLive(cell) ? FLAG.live : 0) + (innerOf ? FLAG.innerOf : 0);
      if (!figure) {
        this.v = parsed;
        this.bits = amountBits(flags, 0, ci);
      } else if (
        parsed.kind === "number" &&
        figure.value === parsed.value &&
        figure.decimals === parsed.decimals &&
        decimalsFit(figure.decimals)
      ) {
        // A formatted number cell (`#,##0.0`) reads as a plain number would: kept as one, its parse rebuilt.
        const plainShaped = typeof cell?.value === "number" && parsed.unit === undefined && parsed.unitKind === "none";
        this.v = plainShaped ? parsed.value : parsed;
        this.bits = amountBits(flags + FLAG.figure, figure.decimals, ci);
      } else {
        this.v = { parsed, value: figure.value, decimals: figure.decimals };
        this.bits = amountBits(flags + FLAG.figure, 0, ci);
      }
    }
  }

  /** Index of the column in BreakdownTable.amountCols. */
  get ci(): number {
    return bitsIndex(this.bits);
  }
  private get spec(): AmountColumn {
    return this.owner.info.amountCols[this.ci];
  }
  /** The figure in the column's unit, when the cell is a number: the cell itself. */
  get figure(): Figure | undefined {
    return (this.bits & FLAG.figure) !== 0 ? this : undefined;
  }
  get parsed(): Parsed {
    const v = this.v;
    return typeof v === "number" ? plainParsed(v, this.decimals) : "kind" in v ? v : v.parsed;
  }
  get row(): number {
    return this.owner.row;
  }
  get col(): number {
    return this.spec.col;
  }
  get cell(): string {
    return toA1(this.owner.row, this.spec.col);
  }
  get text(): string {
    return amountText(this.owner.info.rows[this.owner.row]?.[this.spec.col]);
  }
  get empty(): boolean {
    return typeof this.v !== "number" && this.parsed.kind === "empty";
  }
  get placeholder(): boolean {
    return typeof this.v !== "number" && this.parsed.kind === "placeholder";
  }
  get live(): boolean {
    return (this.bits & FLAG.live) !== 0;
  }
  get innerOf(): true | undefined {
    return (this.bits & FLAG.innerOf) !== 0 ? true : undefined;
  }
  // NumericCell
  get sheet(): string {
    return this.owner.info.sheet;
  }
  get column(): string {
    return this.spec.label;
  }
  get rowLabel(): string {
    return rowLabel(this.owner);
  }
  /** Previous-year columns may be blank (a new programme, or not given per item). */
  get required(): boolean {
    const role = this.owner.role;
    const cur = this.owner.info.cur;
    return (role === "detail" || role === "other") && (cur === undefined || this.ci === cur);
  }
  get placeholderAllowed(): boolean {
    return placeholderAllowed(this.owner, this.ci);
  }
  // Figure (only taken when the cell has a figure)
  get value(): number {
    const v = this.v;
    return typeof v === "number" ? v : "kind" in v ? (v.kind === "number" ? v.value : 0) : v.value;
  }
  get decimals(): number {
    const v = this.v;
    if (typeof v !== "number" && !("kind" in v)) return v.decimals;
    return bitsDecimals(this.bits);
  }
  get unit(): string {
    return this.spec.unit;
  }
}

/** Placeholders (`—`) are accepted in previous-year columns (a new programme) and on うち / 内数 / 再掲 rows. */
export function placeholderAllowed(row: BreakdownRow, ci: number): boolean {
  const role = row.role;
  const n = row.info.amountCols.length;
  return role === "of-which" || role === "inner" || role === "relisted" || (n >= 2 && ci !== (row.info.cur ?? n - 1));
}

/** A 増減額 or 増減率 column: where it is and its header. */
export interface ChangeColumn {
  col: number;
  label: string;
}

/** A 増減額 or 増減率 cell: what the change rules compare, and its own NumericCell when it claims a number. */
export class ChangeCell implements NumericCell {
  readonly owner: BreakdownRow;
  /** What the cells of the column share. */
  readonly spec: ChangeColumn;
  /** A plain number (rebuilt on demand), or the parse of any other cell. */
  private readonly v: number | Parsed;

  constructor(owner: BreakdownRow, spec: ChangeColumn, cell: Cell | undefined) {
    this.owner = owner;
    this.spec = spec;
    const plain = plainNumberOf(cell);
    this.v = plain !== undefined ? plain : parseCell(cell);
  }

  get col(): number {
    return this.spec.col;
  }
  /** The column's header, for messages. */
  get column(): string {
    return this.spec.label;
  }

  get parsed(): Parsed {
    const v = this.v;
    return typeof v === "number" ? plainParsed(v, v % 1 === 0 ? 0 : shortestDecimals(v)) : v;
  }
  /** As written or shown, trimmed. */
  get text(): string {
    return cellText(this.owner.info.rows[this.owner.row]?.[this.col]).trim();
  }
  get cell(): string {
    return toA1(this.owner.row, this.col);
  }
  get sheet(): string {
    return this.owner.info.sheet;
  }
  get rowLabel(): string {
    return rowLabel(this.owner);
  }
  get required(): boolean {
    return false;
  }
  get placeholderAllowed(): boolean {
    return true;
  }
  get negativeAllowed(): boolean {
    return true;
  }
}

/** 備考 as written: the shared rules' TextCell. */
export class NoteCell implements TextCell {
  readonly owner: BreakdownRow;
  readonly text: string;

  constructor(owner: BreakdownRow, text: string) {
    this.owner = owner;
    this.text = text;
  }

  get sheet(): string {
    return this.owner.info.sheet;
  }
  get cell(): string {
    return toA1(this.owner.row, this.owner.info.noteCol);
  }
}
