/** What a rule's check receives: the workbook, its recognised tables, the catalogue and a memo. */
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
}
