/**
 * The アウトプット指標 cells the shared rules take (NumericCell, TextCell, RowKey), each one small object pointing at
 * its row: the A1 address and the row's label are derived on demand, as only messages need them (issue 13, memory).
 */
import type { Parsed } from "../../values/types";
import type { NumericCell, RowKey, TextCell } from "../analysis";
import { address, type OutputRow } from "./read";

const REQUIRED = 1;
const PLACEHOLDER_ALLOWED = 2;

export class OutputNumericCell implements NumericCell {
  readonly owner: OutputRow;
  readonly col: number | undefined;
  /** Column header, for messages. */
  readonly column: string;
  readonly parsed: Parsed;
  private readonly flags: number;

  constructor(
    owner: OutputRow,
    col: number | undefined,
    column: string,
    parsed: Parsed,
    required: boolean,
    placeholderAllowed: boolean,
  ) {
    this.owner = owner;
    this.col = col;
    this.column = column;
    this.parsed = parsed;
    this.flags = (required ? REQUIRED : 0) + (placeholderAllowed ? PLACEHOLDER_ALLOWED : 0);
  }

  get sheet(): string {
    return this.owner.info.sheet;
  }
  get cell(): string {
    return address(this.owner.row, this.col);
  }
  get rowLabel(): string {
    return this.owner.label;
  }
  get required(): boolean {
    return (this.flags & REQUIRED) !== 0;
  }
  get placeholderAllowed(): boolean {
    return (this.flags & PLACEHOLDER_ALLOWED) !== 0;
  }
}

export class OutputTextCell implements TextCell {
  readonly owner: OutputRow;
  readonly col: number | undefined;
  readonly text: string;

  constructor(owner: OutputRow, col: number | undefined, text: string) {
    this.owner = owner;
    this.col = col;
    this.text = text;
  }

  get sheet(): string {
    return this.owner.info.sheet;
  }
  get cell(): string {
    return address(this.owner.row, this.col);
  }
}

/** 番号, unique within the sheet (taken for rows with a 番号 column and a 番号). */
export class OutputRowKey implements RowKey {
  readonly owner: OutputRow;

  constructor(owner: OutputRow) {
    this.owner = owner;
  }

  get sheet(): string {
    return this.owner.info.sheet;
  }
  get cell(): string {
    return this.owner.numberCell!;
  }
  get key(): string {
    return this.owner.key;
  }
  get label(): string {
    return "番号";
  }
}
