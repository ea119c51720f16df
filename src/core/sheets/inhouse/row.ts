/**
 * One row of an インハウス予算 table and its money cells (DOMAIN §3.1). A money cell is the shared rules'
 * NumericCell, the SumPart of the 小計 / 合計 that add it up, a FigureRef and its own Figure all at once; a row is
 * its own RowKey and PartOfWhole: a sheet of 10⁵ rows costs one small object per cell and per row (issue 13,
 * peak memory). How rows are read and grouped: ./read.ts.
 */
import type { Cell } from "../../model/workbook";
import { plainNumberOf, shortestDecimals } from "../../values/parse";
import type { Figure, Parsed } from "../../values/types";
import { rowColumnLabel, type FigureRef, type NumericCell, type PartOfWhole, type RowKey } from "../analysis";
import { cellText } from "../detect";
import { amountFigure, amountIsLive, amountText, parseAmount, type AmountCell } from "./amount-cell";
import { toA1 } from "../../model/address";
import { AMOUNT_FLAG, amountBits, bitsDecimals, bitsIndex } from "./amount-bits";
import type { SumPart } from "./sums";

export type InhouseRole = "item" | "subtotal" | "total";

/** The money columns, in the order they are checked. */
export const INHOUSE_AMOUNT_KEYS = ["total", "health", "external"] as const;
export type InhouseAmountKey = (typeof INHOUSE_AMOUNT_KEYS)[number];

/** What the rows of one table share: where they are and how their names are labelled. */
export interface InhouseSheetInfo {
  sheet: string;
  /** 0-based column of 機関名 (or the first money column when there is none). */
  nameCol: number;
  /** 機関名's header as written, for messages. */
  nameLabel: string;
  /** 0-based column of 所管, when there is one. */
  ministryCol: number | undefined;
  /** The money columns present, by their index in INHOUSE_AMOUNT_KEYS. */
  columns: (InhouseAmountColumn | undefined)[];
  /** The table's rows (the model's cells), for what is read again only for messages. */
  rows: readonly (readonly (Cell | undefined)[] | undefined)[];
}

/**
 * One row of the table. Its money cells are its own fields (`amounts` is the row itself), declared up
 * front so that every row has the same shape. The row is also the shared rules' RowKey (its 機関名) and its
 * PartOfWhole (健康・医療関係 of 全体), so that a large sheet costs no object per row for either.
 */
export class InhouseRow implements RowKey, PartOfWhole {
  readonly row: number;
  readonly role: InhouseRole;
  /** 機関名 as written (trimmed); "合計", "小計" for those rows. */
  readonly name: string;
  /** Canonical ministry key (文, 厚, 経, 内, 総, こ…), own or filled down. */
  ministry: string | undefined = undefined;
  readonly info: InhouseSheetInfo;
  total: InhouseAmount | undefined = undefined;
  health: InhouseAmount | undefined = undefined;
  external: InhouseAmount | undefined = undefined;

  constructor(row: number, role: InhouseRole, name: string, info: InhouseSheetInfo) {
    this.row = row;
    this.role = role;
    this.name = name;
    this.info = info;
  }

  /** The money cells by column key (全体, 健康・医療関係, 外部資金), for the columns present. */
  get amounts(): Partial<Record<InhouseAmountKey, InhouseAmount>> {
    return this;
  }
  /** 所管 as written on this row, when any (and not what 機関名 took). Read again: only messages need it. */
  get ministryText(): string | undefined {
    const col = this.info.ministryCol;
    if (col === undefined) return undefined;
    const text = cellText(this.info.rows[this.row]?.[col]).trim();
    return text && text !== this.name ? text : undefined;
  }
  /** A1 of the 機関名 cell (or the first money cell of the row when there is none). */
  get nameCell(): string {
    return toA1(this.row, this.info.nameCol);
  }
  // RowKey (taken for institute rows with a name)
  get sheet(): string {
    return this.info.sheet;
  }
  get cell(): string {
    return this.nameCell;
  }
  get key(): string {
    return this.name;
  }
  get label(): string {
    return this.info.nameLabel;
  }
  // PartOfWhole (taken when both cells hold a figure)
  get part(): InhouseAmount {
    return this.health!;
  }
  get whole(): InhouseAmount {
    return this.total!;
  }
}

/** What the money cells of one column share. */
export interface InhouseAmountColumn {
  key: InhouseAmountKey;
  sheet: string;
  /** 0-based column. */
  col: number;
  /** Header as written, for messages. */
  column: string;
  unit: string;
  /** The key's index in INHOUSE_AMOUNT_KEYS. */
  index: number;
}

const FLAG = AMOUNT_FLAG;

/** A money cell that is not a plain number: what it means, and its figure in the column's unit. */
interface Reading {
  parsed: Parsed;
  value: number;
  decimals: number;
}

/**
 * One money cell of an インハウス予算 sheet, parsed once. The same object is the shared rules' NumericCell,
 * the SumPart of the 小計 / 合計 that add it up, the FigureRef of part/exceeds-whole (健康・医療関係 as
 * the part, 全体 as the whole) and its own Figure, so a cell costs one small object of three fields however
 * many places take it. What only messages need (the A1 address, the text, labels) is derived on demand.
 */
export class InhouseAmount implements AmountCell, NumericCell, SumPart, FigureRef, Figure {
  readonly owner: InhouseRow;
  /** A plain number (the commonest cell, whose parse is rebuilt on demand), or the reading of any other cell. */
  private readonly v: number | Reading;
  /** FLAG bits, the column's index and the figure's decimals, in one small integer rather than three fields. */
  private readonly bits: number;

  constructor(owner: InhouseRow, spec: InhouseAmountColumn, cell: Cell | undefined) {
    this.owner = owner;
    const plain = plainNumberOf(cell);
    if (plain !== undefined) {
      // parseCell's fast path: the figure is the number (the same value and decimals).
      this.v = plain;
      const decimals = plain % 1 === 0 ? 0 : shortestDecimals(plain); // at most 17: it fits the bits
      this.bits = amountBits(FLAG.live + FLAG.figure, decimals, spec.index);
    } else {
      const { parsed, innerOf } = parseAmount(cell);
      const figure = amountFigure(parsed, spec.unit);
      this.v = { parsed, value: figure ? figure.value : 0, decimals: figure ? figure.decimals : 0 };
      const flags = (amountIsLive(cell) ? FLAG.live : 0) + (innerOf ? FLAG.innerOf : 0) + (figure ? FLAG.figure : 0);
      this.bits = amountBits(flags, 0, spec.index);
    }
  }

  /** What the cells of this column share. */
  get spec(): InhouseAmountColumn {
    return this.owner.info.columns[bitsIndex(this.bits)]!;
  }
  /** The figure in the column's unit, when the cell is a number: the cell itself. */
  get figure(): Figure | undefined {
    return (this.bits & FLAG.figure) !== 0 ? this : undefined;
  }
  /** What the cell means (parseCell's reading, with the money-cell readings of parseAmount). */
  get parsed(): Parsed {
    const v = this.v;
    if (typeof v !== "number") return v.parsed;
    return { kind: "number", value: v, decimals: this.decimals, unitKind: "none" };
  }
  /** The model cell, for the text. */
  private get source(): Cell | undefined {
    return this.owner.info.rows[this.owner.row]?.[this.spec.col];
  }

  get key(): InhouseAmountKey {
    return this.spec.key;
  }
  get sheet(): string {
    return this.spec.sheet;
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
    return amountText(this.source);
  }
  get empty(): boolean {
    return typeof this.v !== "number" && this.v.parsed.kind === "empty";
  }
  get placeholder(): boolean {
    return typeof this.v !== "number" && this.v.parsed.kind === "placeholder";
  }
  get live(): boolean {
    return (this.bits & FLAG.live) !== 0;
  }
  get innerOf(): true | undefined {
    return (this.bits & FLAG.innerOf) !== 0 ? true : undefined;
  }
  // NumericCell
  /** Column header, for messages. */
  get column(): string {
    return this.spec.column;
  }
  get rowLabel(): string {
    return inhouseRowLabel(this.owner);
  }
  /** Empty is value/missing on institute rows, in 全体 and 健康・医療関係. */
  get required(): boolean {
    return this.owner.role === "item" && this.spec.key !== "external";
  }
  /** A placeholder (`—`) is allowed (info) in 外部資金 only. */
  get placeholderAllowed(): boolean {
    return this.spec.key === "external";
  }
  // SumPart
  get name(): string {
    return this.owner.name;
  }
  get amount(): AmountCell {
    return this;
  }
  /** 外部資金 may be `—`: it counts as nothing in a sum, not as missing. */
  get placeholderIsZero(): boolean | undefined {
    return this.spec.key === "external" ? true : undefined;
  }
  // FigureRef and Figure (only taken when the cell has a figure)
  get value(): number {
    const v = this.v;
    return typeof v === "number" ? v : v.value;
  }
  get decimals(): number {
    const v = this.v;
    return typeof v === "number" ? bitsDecimals(this.bits) : v.decimals;
  }
  get unit(): string {
    return this.spec.unit;
  }
  get unitKind(): "amount" {
    return "amount";
  }
  /** 「理化学研究所」の「健康・医療関係」 for the part, 「全体」 for the whole. */
  get label(): string {
    return this.spec.key === "health"
      ? rowColumnLabel(inhouseRowLabel(this.owner), this.spec.column)
      : `「${this.spec.column}」`;
  }
}

/** How a row is named in messages: "理化学研究所", "小計（文部科学省）", "合計". */
export function inhouseRowLabel(row: InhouseRow): string {
  const base = row.name || (row.role === "total" ? "合計" : row.role === "subtotal" ? "小計" : `${row.row + 1}行目`);
  if (row.role === "subtotal" && row.ministryText && !base.includes(row.ministryText))
    return `${base}（${row.ministryText}）`;
  return base;
}
