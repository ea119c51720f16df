/**
 * The catalogue a check runs with: the catalogue given (built in, or kensa check --catalogue FILE) with the
 * Kensa_カタログ sheets of the workbooks checked applied on top (./sheet.ts). The core engine calls this for every
 * check, so the command line, the browser mode and the Excel add-in all honour a workbook's own catalogue.
 *
 * In a submission set (several workbooks checked together) a sheet's indicators apply to the whole set: the
 * roll-up compares the PJ sheets with 全体 across files, and they must be read alike. Two workbooks defining the
 * same 番号 alike is fine (the ministry's template carries the sheet into every submission); defining it
 * differently is an error in the later file, whose definition is then not used.
 *
 * Every outcome is a finding of `catalogue/sheet` (reported by rules/shared/catalogue-sheet.ts) in the workbook holding the sheet: an info naming what it
 * added or replaced, or an error per problem (with its cell) saying that nothing of the sheet was used. A
 * broken sheet never falls back in silence.
 */
import type { Workbook } from "../model/workbook";
import type { Severity } from "../model/finding";
import { changesOf, mergeCatalogue, sameIndicator } from "./load";
import { indicatorNumberKey } from "../values/indicator-number";
import type { Catalogue, CatalogueIndicator } from "./schema";
import type { CatalogueData, CatalogueDatum } from "./messages";
import { isCatalogueSheet, readCatalogueSheet } from "./sheet";

export type { CatalogueData, CatalogueDatum } from "./messages";

/** One outcome of a catalogue sheet; the catalogue/sheet rule (rules/shared/catalogue-sheet.ts) reports it. */
export interface CatalogueFinding {
  messageId: "applied" | "invalid" | "conflict" | "twoSheets";
  /** Language-neutral: the rule renders it from its messages and phrases (./messages.ts has the problems'). */
  data: CatalogueData;
  sheet: string;
  cell: string;
  severity?: Severity;
}

export interface WorkbookCatalogues {
  /** The catalogue to check every workbook with. */
  catalogue: Catalogue;
  /** Per workbook, in the order given: its catalogue/sheet findings. */
  findings: CatalogueFinding[][];
}

/** "指標3・5を追加" / "added indicator 3, 5": one kind of change, or nothing when no indicator had it. */
function changed(numbers: string[], phrase: "added" | "replaced" | "unchanged"): CatalogueDatum[] {
  return numbers.length ? [{ phrase, data: { numbers: { list: numbers, style: "and" } } }] : [];
}

/**
 * Applies the catalogue sheets of these workbooks to `base`. `name` is how a workbook is named in another's
 * findings (its file name in a set; "" for a workbook checked alone).
 */
export function applyWorkbookCatalogues(
  base: Catalogue,
  workbooks: readonly { name: string; workbook: Workbook }[],
): WorkbookCatalogues {
  const findings: CatalogueFinding[][] = workbooks.map(() => []);
  const defined = new Map<string, { file: string; sheet: string; ind: CatalogueIndicator }>();
  let catalogue = base;
  workbooks.forEach((w, k) => {
    let first: string | undefined;
    for (const sheet of w.workbook.sheets) {
      if (!isCatalogueSheet(sheet)) continue;
      if (first !== undefined) {
        findings[k].push({ messageId: "twoSheets", data: { first, sheet: sheet.name }, sheet: sheet.name, cell: "A1" });
        continue;
      }
      first = sheet.name;
      const r = readCatalogueSheet(sheet, base);
      if (!r.ok) {
        for (const p of r.problems) {
          findings[k].push({
            messageId: "invalid",
            data: { sheet: sheet.name, cell: p.cell, detail: { phrase: p.id, data: p.data } },
            sheet: sheet.name,
            cell: p.cell,
          });
        }
        continue;
      }
      const accepted: CatalogueIndicator[] = [];
      r.indicators.forEach((ind, i) => {
        const n = indicatorNumberKey(ind.number);
        const prev = defined.get(n);
        if (prev && !sameIndicator(prev.ind, ind)) {
          findings[k].push({
            messageId: "conflict",
            severity: "error",
            data: {
              sheet: sheet.name,
              number: ind.number,
              otherFile: prev.file || "（このブック）",
              otherSheet: prev.sheet,
            },
            sheet: sheet.name,
            cell: r.cellOf(["indicators", i]),
          });
          return;
        }
        if (!prev) defined.set(n, { file: w.name, sheet: sheet.name, ind });
        accepted.push(ind);
      });
      // every indicator conflicted with another file's: the conflict errors say it all
      if (r.indicators.length > 0 && accepted.length === 0) continue;
      const changes = changesOf(base, accepted);
      const parts = [
        ...changed(changes.added, "added"),
        ...changed(changes.replaced, "replaced"),
        ...changed(changes.unchanged, "unchanged"),
      ];
      findings[k].push({
        messageId: "applied",
        severity: "info",
        data: {
          sheet: sheet.name,
          changes: parts.length ? { list: parts, style: "clauses" } : { phrase: "noIndicator" },
          scope: workbooks.length > 1 ? { phrase: "scope" } : "",
        },
        sheet: sheet.name,
        cell: r.cellOf(accepted.length ? ["indicators", r.indicators.indexOf(accepted[0])] : []),
      });
      if (accepted.length) catalogue = mergeCatalogue(catalogue, { indicators: accepted });
    }
  });
  return { catalogue, findings };
}
