/**
 * The JSON report of `kensa check --format json` (DOMAIN §4), as a zod schema:
 *
 *   { "files": [ { "file", "sheets": [{ "name", "kind" }], "findings": [...], "summary": { "error", "warning", "info" } } ] }
 *
 * A file that could not be read (not found, not an .xlsx, corrupt, password-protected, old .xls, empty)
 * appears with an `"error": { "code", "message" }` field, an empty `sheets` and `findings` and a zero
 * summary, so every entry has the same fields. `kind` is null for a sheet of no known kind.
 */
import { z } from "zod";
import { SHEET_KINDS, type SheetKind } from "../sheets/kinds";

export const SeveritySchema = z.enum(["error", "warning", "info"]);

export const FixSchema = z.object({
  sheet: z.string(),
  cell: z.string(),
  value: z.union([z.number(), z.string()]).optional(),
  formula: z.string().optional(),
});

export const FindingSchema = z.object({
  rule: z.string().regex(/^[a-z]+\/[a-z0-9-]+$/),
  severity: SeveritySchema,
  sheet: z.string(),
  cell: z.string().min(1),
  cells: z.array(z.string()).min(1),
  message: z.string().min(1),
  expected: z.number().optional(),
  actual: z.number().optional(),
  fix: FixSchema.optional(),
});

export const SheetKindSchema = z.enum(SHEET_KINDS as unknown as [SheetKind, ...SheetKind[]]);

export const SummarySchema = z.object({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});

/** Codes of WorkbookReadError, plus "internal" for an unexpected failure while checking one file. */
export const FileErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string().min(1),
});

export const FileReportSchema = z.object({
  file: z.string(),
  sheets: z.array(z.object({ name: z.string(), kind: SheetKindSchema.nullable() })),
  findings: z.array(FindingSchema),
  summary: SummarySchema,
  error: FileErrorSchema.optional(),
});

export const ReportSchema = z.object({
  files: z.array(FileReportSchema),
});

export type FileError = z.infer<typeof FileErrorSchema>;
export type FileReport = z.infer<typeof FileReportSchema>;
export type Report = z.infer<typeof ReportSchema>;
