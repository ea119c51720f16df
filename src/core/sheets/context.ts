/**
 * What a rule's check and a sheet reader receive: the workbook, its recognised tables, the catalogue and a typed
 * cache; and, when the workbook is checked as one of a submission set (DOMAIN §3.4), the set it belongs to.
 * It lives in the sheets layer because the readers cache their typed tables in it; the engine builds it.
 */
import type { Catalogue } from "../catalogue/schema";
import type { SheetKind } from "../model/kinds";
import type { Workbook } from "../model/workbook";
import type { SheetAnalysis } from "./analysis";
import type { DetectedTable } from "./table";

declare const memoType: unique symbol;

/**
 * A cache key that carries the type of what is cached under it. Each key is its own object, so two readers can
 * never collide on a name, and `memo(key, make)` returns what `make` built for that key, typed.
 */
export interface MemoKey<T> {
  /** For debugging only: keys are compared by identity. */
  readonly name: string;
  readonly [memoType]?: T;
}

/** A new key: declare it once, next to the reader whose results it caches. */
export function memoKey<T>(name: string): MemoKey<T> {
  return Object.freeze({ name });
}

/** Computes `make()` once per key. */
export type Memo = <T>(key: MemoKey<T>, make: () => T) => T;

/** A fresh cache for a check context or a submission set. */
export function newMemo(): Memo {
  const cache = new Map<MemoKey<unknown>, unknown>();
  return <T>(key: MemoKey<T>, make: () => T): T => cached(cache, key, make) as T;
}

/** map's value for key, made and kept on the first ask: one lookup when kept, has() only for a kept undefined. */
function cached<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined && !map.has(key)) map.set(key, (value = make()));
  return value as V;
}

export interface CheckContext {
  workbook: Workbook;
  tables: DetectedTable[];
  catalogue: Catalogue;
  /** Computes once per check run; kind readers memoise their typed tables here. */
  memo: Memo;
  tablesOf(this: void, kind: SheetKind): DetectedTable[];
  /** Every table's analysis (numeric cells, relations, computed cells), computed once. */
  analyses(this: void): { table: DetectedTable; analysis: SheetAnalysis }[];
  /**
   * The submission set this workbook is checked in (itself included), when it is checked together with other
   * workbooks (checkSet); undefined when it is checked alone (checkWorkbook), which is a set of one.
   */
  set?: SubmissionSet;
  /** This workbook's name in the set (`提出_医薬品.xlsx`): how other files' findings refer to its cells. */
  file?: string;
  /**
   * When true, analyzers build only the computed cells whose cell holds a typed value (the rest matter only when
   * Kensa writes computed cells back: --annotate, the add-in's 再計算, browser download).
   */
  onlyTypedComputed?: boolean;
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
  memo: Memo;
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
export function setMemo<T>(ctx: CheckContext, key: MemoKey<T>, make: () => T): T {
  return ctx.set ? ctx.set.memo(key, make) : ctx.memo(key, make);
}

/** Memoises per sheet: one cache under `key`, one entry per sheet name (a reader's typed table). */
export function memoPerSheet<T>(
  ctx: CheckContext,
  key: MemoKey<Map<string, T>>,
  table: DetectedTable,
  make: () => T,
): T {
  return cached(
    ctx.memo(key, () => new Map<string, T>()),
    table.sheet.name,
    make,
  );
}
