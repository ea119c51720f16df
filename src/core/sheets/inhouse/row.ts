/**
 * One row of an インハウス予算 table and its money cells (DOMAIN §3.1). A money cell is the shared rules'
 * NumericCell, the SumPart of the 小計 / 合計 that add it up and a FigureRef all at once, so that a large sheet
 * costs one small object per cell. How rows are read and grouped: ./read.ts.
 */
import type { Cell } from "../../model/workbook";
import { plainNumberOf, shortestDecimals } from "../../values/parse";
import type { Figure, Parsed } from "../../values/types";
import { rowColumnLabel, type FigureRef, type NumericCell } from "../analysis";
import { a1, amountFigure, amountIsLive, amountText, parseAmount, type AmountCell } from "./amount-cell";
import type { SumPart } from "./sums";

export type InhouseRole = "item" | "subtotal" | "total";

/** The money columns, in the order they are checked. */
export const INHOUSE_AMOUNT_KEYS = ["total", "health", "external"] as const;
export type InhouseAmountKey = (typeof INHOUSE_AMOUNT_KEYS)[number];

/**
 * One row of the table. Its money cells are its own fields (`amounts` is the row itself), declared up
 * front so that every row has the same shape.
 */
export class InhouseRow {
  readonly row: number;
  readonly role: InhouseRole;
  /** 機関名 as written (trimmed); "合計", "小計" for those rows. */
  readonly name: string;
  /** Canonical ministry key (文, 厚, 経, 内, 総, こ…), own or filled down. */
  ministry: string | undefined = undefined;
  /** 所管 as written on this row, when any. */
  ministryText: string | undefined = undefined;
  /** A1 of the 機関名 cell (or the first cell of the row when there is none). */
  readonly nameCell: string;
  note: { cell: string; text: string } | undefined = undefined;
  total: InhouseAmount | undefined = undefined;
  health: InhouseAmount | undefined = undefined;
  external: InhouseAmount | undefined = undefined;

  constructor(row: number, role: InhouseRole, name: string, nameCell: string) {
    this.row = row;
    this.role = role;
    this.name = name;
    this.nameCell = nameCell;
  }

  /** The money cells by column key (全体, 健康・医療関係, 外部資金), for the columns present. */
  get amounts(): Partial<Record<InhouseAmountKey, InhouseAmount>> {
    return this;
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
}

/** Bits of InhouseAmount.flags; `plain`: a plain number, whose parse is not kept. */
const FLAG = { live: 1, innerOf: 2, plain: 4 } as const;

/**
 * One money cell of an インハウス予算 sheet, parsed once. The same object is the shared rules' NumericCell,
 * the SumPart of the 小計 / 合計 that add it up and the FigureRef of part/exceeds-whole (健康・医療関係 as
 * the part, 全体 as the whole), so a cell costs one small object however many places take it. What only
 * messages need (the A1 address, the text, labels) is derived on demand.
 */
export class InhouseAmount implements AmountCell, NumericCell, SumPart, FigureRef {
  readonly owner: InhouseRow;
  readonly spec: InhouseAmountColumn;
  readonly figure: Figure | undefined;
  /** What the cell means; undefined for a plain number, whose parse is rebuilt from the figure on demand. */
  private readonly parsedValue: Parsed | undefined;
  /** The model cell, for the text. */
  private readonly source: Cell | undefined;
  private readonly flags: number;

  constructor(owner: InhouseRow, spec: InhouseAmountColumn, cell: Cell | undefined) {
    this.owner = owner;
    this.spec = spec;
    this.source = cell;
    const plain = plainNumberOf(cell);
    if (plain !== undefined) {
      // The commonest cell: parseCell's fast path. Keep only the figure (the same value and decimals).
      this.parsedValue = undefined;
      this.flags = FLAG.live | FLAG.plain;
      this.figure = { value: plain, decimals: plain % 1 === 0 ? 0 : shortestDecimals(plain), unit: spec.unit };
    } else {
      const { parsed, innerOf } = parseAmount(cell);
      this.parsedValue = parsed;
      this.flags = (amountIsLive(cell) ? FLAG.live : 0) | (innerOf ? FLAG.innerOf : 0);
      this.figure = amountFigure(parsed, spec.unit);
    }
  }

  /** What the cell means (parseCell's reading, with the money-cell readings of parseAmount). */
  get parsed(): Parsed {
    if (this.parsedValue !== undefined) return this.parsedValue;
    const f = this.figure!;
    return { kind: "number", value: f.value, decimals: f.decimals, unitKind: "none" };
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
    return a1(this.owner.row, this.spec.col);
  }
  get text(): string {
    return amountText(this.source);
  }
  get empty(): boolean {
    return this.parsedValue !== undefined && this.parsedValue.kind === "empty";
  }
  get placeholder(): boolean {
    return this.parsedValue !== undefined && this.parsedValue.kind === "placeholder";
  }
  get live(): boolean {
    return (this.flags & FLAG.live) !== 0;
  }
  get innerOf(): true | undefined {
    return (this.flags & FLAG.innerOf) !== 0 ? true : undefined;
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
  // FigureRef (only taken when the cell has a figure)
  get value(): number {
    return this.figure!.value;
  }
  get decimals(): number {
    return this.figure!.decimals;
  }
  get unit(): string | undefined {
    return this.figure!.unit;
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
