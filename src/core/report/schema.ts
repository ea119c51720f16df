/**
 * The JSON report of `kensa check --format json` (DOMAIN §4), as a zod schema:
 *
 *   { "files": [ { "file", "status", "sheets": [{ "name", "kind" }], "findings": [...], "summary": { "error", "warning", "info" } } ] }
 *
 * `status` (./status.ts) is `checked` when at least one sheet is of a known kind; `unchecked` (未検証) when
 * the workbook was read but no sheet is of a known kind, so nothing was checked (its findings name each sheet
 * and say why; never reported as "no problems"); `unreadable` when the file could not be read (not found, not an
 * .xlsx, corrupt, password-protected, old .xls, empty); `failed` for an unexpected error inside Kensa.
 * An unreadable or failed file, and only such a file, has an `"error": { "code", "message" }` field, an
 * empty `sheets` and `findings` and a zero summary, so every entry has the same fields. `kind` is null for a
 * sheet of no known kind.
 *
 * When several files are checked together as one submission set (DOMAIN §3.4; not with --each), the report also
 * has `"set": { "rollup", "projects", "missing", "duplicates", "summary" }`: `rollup` is `checked` (全体 and
 * PJ1–PJ8 each once), `skipped` (one missing or claimed twice) or `none` (no monitoring sheet names a project);
 * `projects` lists 全体, PJ1…PJ8 with every `{ "file", "sheet" }` claiming each; `summary` counts every finding
 * of every file. A cross-file finding is in the entry of the file holding its `cell`, and its `cells` name the
 * other files' cells as `[file.xlsx]Sheet!A1`.
 *
 * An accepted finding (確認済み, src/core/accept) has `"accepted": { "reason", "by"?, "at"? }`; it is counted in
 * `summary.accepted` (present when there are any), never in `error`, `warning` or `info`.
 */
import { z } from "zod";
import { lazySchemas } from "../catalogue/schema";
import { SHEET_KINDS, type SheetKind } from "../model/kinds";
import { FILE_STATUSES } from "./status";

/** The report's schemas, built on first use (catalogue/schema.ts lazySchema). */
function reportSchemas() {
  const SeveritySchema = z.enum(["error", "warning", "info"]);

  const FixSchema = z.object({
    sheet: z.string(),
    cell: z.string(),
    value: z.union([z.number(), z.string()]).optional(),
    formula: z.string().optional(),
  });

  const FindingSchema = z.object({
    rule: z.string().regex(/^[a-z]+\/[a-z0-9-]+$/),
    severity: SeveritySchema,
    sheet: z.string(),
    cell: z.string().min(1),
    cells: z.array(z.string()).min(1),
    message: z.string().min(1),
    /** 計算値: what Kensa computes from other cells (the sum of the parts, the annual target…). docs/messages.md */
    expected: z.number().optional(),
    /** 記入値: the figure the finding's cell holds, as the person typed it. docs/messages.md */
    actual: z.number().optional(),
    fix: FixSchema.optional(),
    /** An accepted finding (確認済み): never counted in the summary's error, warning or info. */
    accepted: z.object({ reason: z.string().min(1), by: z.string().optional(), at: z.string().optional() }).optional(),
  });

  const SheetKindSchema = z.enum(SHEET_KINDS as unknown as [SheetKind, ...SheetKind[]]);

  const SummarySchema = z.object({
    error: z.number().int().nonnegative(),
    warning: z.number().int().nonnegative(),
    info: z.number().int().nonnegative(),
    /** Accepted findings (確認済み), counted apart; present when there are any. */
    accepted: z.number().int().nonnegative().optional(),
  });

  /** Codes of WorkbookReadError, plus "internal" for an unexpected failure while checking one file. */
  const FileErrorSchema = z.object({
    code: z.string().min(1),
    message: z.string().min(1),
  });

  const FileStatusSchema = z.enum(FILE_STATUSES);

  const FileReportSchema = z
    .object({
      file: z.string(),
      status: FileStatusSchema,
      sheets: z.array(z.object({ name: z.string(), kind: SheetKindSchema.nullable() })),
      findings: z.array(FindingSchema),
      summary: SummarySchema,
      error: FileErrorSchema.optional(),
    })
    .superRefine((r, ctx) => {
      const failed = r.status === "unreadable" || r.status === "failed";
      if (failed !== (r.error !== undefined))
        ctx.addIssue({
          code: "custom",
          path: ["error"],
          message: failed ? `a file ${r.status} needs an error` : `a file ${r.status} has no error`,
        });
      const known = r.sheets.some((s) => s.kind !== null);
      if ((r.status === "checked" || r.status === "unfilled") && !known)
        ctx.addIssue({ code: "custom", path: ["status"], message: `${r.status}, but no sheet of a known kind` });
      if (r.status === "unchecked" && known)
        ctx.addIssue({ code: "custom", path: ["status"], message: "unchecked, but a sheet is of a known kind" });
    });

  const SetReportSchema = z.object({
    rollup: z.enum(["checked", "skipped", "none"]),
    projects: z.array(
      z.object({ project: z.string(), sheets: z.array(z.object({ file: z.string(), sheet: z.string() })) }),
    ),
    missing: z.array(z.string()),
    duplicates: z.array(z.string()),
    summary: SummarySchema,
  });

  const ReportSchema = z.object({
    files: z.array(FileReportSchema),
    set: SetReportSchema.optional(),
  });
  return {
    SeveritySchema,
    FixSchema,
    FindingSchema,
    SheetKindSchema,
    SummarySchema,
    FileErrorSchema,
    FileStatusSchema,
    FileReportSchema,
    SetReportSchema,
    ReportSchema,
  };
}

export const { ReportSchema, FindingSchema, SummarySchema } = lazySchemas(reportSchemas);

type Built = ReturnType<typeof reportSchemas>;
export type FileError = z.infer<Built["FileErrorSchema"]>;
export type FileReport = z.infer<Built["FileReportSchema"]>;
export type Report = z.infer<typeof ReportSchema>;
export type SetReport = z.infer<Built["SetReportSchema"]>;
