/**
 * `Kensa_state`, Kensa's record of the cells it changed (layout in src/adapters/office/state.ts), read back
 * from a workbook. Anyone who can edit the workbook can edit or forge the sheet, so each row is validated
 * (zod) like any input before either adapter acts on it: a row that is not one Kensa writes is skipped, and a
 * record longer than Kensa could have written is ignored as a whole, with a warning, so neither a forged row
 * (a fill whose gradient `stops` is not a list) nor a huge one (60,000 cells at XFD) can crash or stall
 * annotating or clearing. Pure: values in, validated rows out.
 */
import { z } from "zod";
import { lazySchemas } from "../catalogue/schema";
import { RESULT_SHEET_MARKER } from "../model/kensa-sheets";
import { fromA1 } from "../model/address";
import type { Lang } from "../values/format";

export const STATE_SHEET = "Kensa_state";
export const STATE_MARK = `${RESULT_SHEET_MARKER} state v1`;

/**
 * Rows Kensa reads from its record at most. Kensa writes one row per cell it highlighted (one per column run for
 * computed cells); the largest workbook the adapters are tested on (10 sheets × 10,000 rows) writes 10,000, and
 * a record of more cells than this is not one a person could review anyway.
 */
export const MAX_STATE_ROWS = 200_000;
/** Excel's grid (XFD1048576). */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
/** A fill or note record is a short JSON text; anything longer is not Kensa's. */
const MAX_RECORD_CHARS = 32_767;

function isExcelCell(a1: string): boolean {
  try {
    const { row, col } = fromA1(a1);
    return row >= 0 && row < MAX_ROW && col >= 0 && col < MAX_COL;
  } catch {
    return false;
  }
}

/** The record's schemas, built on first use (catalogue/schema.ts lazySchema). */
function stateSchemas() {
  const SheetName = z.string().min(1).max(31);
  const Cell = z
    .string()
    .max(12)
    .refine(isExcelCell)
    .transform((c) => c.replace(/\$/g, "").toUpperCase());
  /** "F4" or "F4:F10003", one column. */
  const Run = z
    .string()
    .max(25)
    .transform((c) => c.replace(/\$/g, "").toUpperCase())
    .refine((r) => {
      const [a, b, ...rest] = r.split(":");
      if (rest.length || !isExcelCell(a) || (b !== undefined && !isExcelCell(b))) return false;
      return b === undefined || fromA1(a).col === fromA1(b).col;
    });
  const RecordText = z.union([z.literal(""), z.string().max(MAX_RECORD_CHARS)]).optional();

  const HighlightRowSchema = z.tuple([SheetName, Cell, RecordText, RecordText]);
  const WrittenRowSchema = z.tuple([SheetName, Run, z.string().min(1).max(8192), RecordText]);
  const BeforeSchema = z.object({ f: z.string().max(8192).optional(), nf: z.string().max(255).optional() });

  /** A color in an exceljs fill as Kensa records it. */
  const ColorSchema = z.object({
    argb: z
      .string()
      .regex(/^[0-9A-Fa-f]{6,8}$/)
      .optional(),
    theme: z.number().int().min(0).max(64).optional(),
    tint: z.number().min(-1).max(1).optional(),
    indexed: z.number().int().min(0).max(65).optional(),
  });
  /**
   * The exceljs Fill the exceljs adapter gives back to a cell: only a pattern fill with well-formed colours, or a
   * gradient with a list of stops — exactly what exceljs can write (a gradient whose `stops` is not a list stops
   * exceljs while it writes the file).
   */
  const ExceljsFillSchema = z.union([
    z.object({
      type: z.literal("pattern"),
      pattern: z.string().regex(/^[a-zA-Z0-9]{1,20}$/),
      fgColor: ColorSchema.optional(),
      bgColor: ColorSchema.optional(),
    }),
    z.object({
      type: z.literal("gradient"),
      gradient: z.enum(["angle", "path"]),
      degree: z.number().finite().optional(),
      center: z.object({ left: z.number().finite(), top: z.number().finite() }).optional(),
      stops: z.array(z.object({ position: z.number().min(0).max(1), color: ColorSchema })).max(16),
    }),
  ]);
  return { HighlightRowSchema, WrittenRowSchema, BeforeSchema, ExceljsFillSchema };
}

/**
 * HighlightRowSchema: columns A–D of a highlighted cell's row (sheet, cell, fill record, note record).
 * WrittenRowSchema: columns F–I of a computed cells' row (sheet, cell or run, formula, what was there before).
 * BeforeSchema: column I, what the cells held before Kensa wrote them.
 * ExceljsFillSchema: the exceljs Fill the exceljs adapter gives back to a cell (what exceljs can write).
 */
export const { HighlightRowSchema, WrittenRowSchema, BeforeSchema, ExceljsFillSchema } = lazySchemas(stateSchemas);

export type ExceljsFillRecord = z.infer<typeof ExceljsFillSchema>;

/** The exceljs fill a record gives back: a fill, "none" for no fill, or undefined when the record is not Kensa's. */
export function exceljsFillOf(json: string | undefined): ExceljsFillRecord | "none" | undefined {
  if (!json) return "none";
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  const fill = ExceljsFillSchema.safeParse(parsed);
  return fill.success ? fill.data : undefined;
}

/** Why Kensa set aside some or all of its record. */
export interface StateProblem {
  kind: "too-large" | "bad-rows";
  /** Rows set aside. */
  rows: number;
}

/** The warning a face shows (and the result sheet carries) when Kensa set aside its record. */
export function stateProblemText(p: StateProblem, lang: Lang): string {
  if (lang === "en")
    return p.kind === "too-large"
      ? `Kensa's record of its changes (sheet ${STATE_SHEET}) has ${p.rows} rows, more than Kensa writes (${MAX_STATE_ROWS}): it was ignored, and cells highlighted earlier were not given back.`
      : `${p.rows} rows of Kensa's record of its changes (sheet ${STATE_SHEET}) are not in Kensa's format and were ignored.`;
  return p.kind === "too-large"
    ? `Kensa の変更記録（シート「${STATE_SHEET}」）が${p.rows}行あり、Kensa が書く上限（${MAX_STATE_ROWS}行）を超えるため読み込みませんでした。以前の強調表示は元に戻していません。`
    : `Kensa の変更記録（シート「${STATE_SHEET}」）のうち${p.rows}行は Kensa の形式ではないため読み飛ばしました。`;
}
