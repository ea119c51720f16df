/**
 * What a rule's check receives: the workbook, its recognised tables, the catalogue and a memo; and, when the
 * workbook is checked as one of a submission set (DOMAIN §3.4), the set it belongs to.
 */
import type { Catalogue } from "../catalogue/schema";
import type { Workbook } from "../model/workbook";
import type { SheetAnalysis } from "../sheets/analysis";
import type { SheetKind } from "../sheets/kinds";
import type { DetectedTable } from "../sheets/table";

export interface CheckContext {
  workbook: Workbook;
  tables: DetectedTable[];
  catalogue: Catalogue;
  /** Computes once per check run; kind readers memoise their typed tables here. */
  memo<T>(key: string, make: () => T): T;
  tablesOf(kind: SheetKind): DetectedTable[];
  /** Every table's analysis (numeric cells, relations, computed cells), computed once. */
  analyses(): { table: DetectedTable; analysis: SheetAnalysis }[];
  /**
   * The submission set this workbook is checked in (itself included), when it is checked together with other
   * workbooks (checkSet); undefined when it is checked alone (checkWorkbook), which is a set of one.
   */
  set?: SubmissionSet;
  /** This workbook's name in the set (`提出_医薬品.xlsx`): how other files' findings refer to its cells. */
  file?: string;
}

/** One workbook of a submission set. */
export interface SetMember {
  /** The file name cells of this workbook are written with in other files' findings (`[name]Sheet!A1`). */
  name: string;
  ctx: CheckContext;
}

/**
 * Every workbook checked in one run (DOMAIN §3.4): projects are matched by their 統合プロジェクト metadata across
 * the members, and the roll-up and cross-references run over all of them. Rules that look across workbooks
 * compute once per set (setMemo) and report, in each member's own check, only the findings whose primary cell
 * is in that member: a cross-file finding is reported once.
 */
export interface SubmissionSet {
  members: SetMember[];
  /** Computes once per set. */
  memo<T>(key: string, make: () => T): T;
}

/** The workbooks a cross-workbook rule looks at: the set's members, or the workbook alone as a set of one. */
export function setMembers(ctx: CheckContext): SetMember[] {
  return ctx.set ? ctx.set.members : [{ name: ctx.file ?? "", ctx }];
}

/** This workbook's name in its set ("" when it is checked alone). */
export function fileOf(ctx: CheckContext): string {
  return ctx.file ?? "";
}

/** Memoises across the whole set (per workbook when it is checked alone). */
export function setMemo<T>(ctx: CheckContext, key: string, make: () => T): T {
  return ctx.set ? ctx.set.memo(key, make) : ctx.memo(key, make);
}
