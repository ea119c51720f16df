/**
 * Roll-up across the PJ1–PJ8 monitoring sheets and the 全体 sheet (DOMAIN §3.4), per item, 細目, うち and
 * indicator total. Sheets are identified by their 統合プロジェクト metadata, never by file or sheet name, across
 * every workbook of the submission set (one workbook checked alone is a set of one): the state is computed
 * once per set, and each sheet carries the file it is in.
 *
 * A PJ sheet that lists a group but not one of its items counts 0 for it (the seeds print only the
 * disease areas that occur); an item of 0, or one broken down into 細目, counts 0 for the 細目 it does
 * not list. Anything else absent leaves that key out of the roll-up.
 *
 * A sheet with no figure in its indicators beside sheets that have some (the template sent back blank) counts
 * like a missing one: the roll-up is skipped once, instead of every figure being compared with an empty 全体 or
 * an empty PJ counting 0 for everything.
 */
import type { CatalogueIndicator, CatalogueItem } from "../../catalogue/schema";
import { memoKey, setMembers, setMemo, type CheckContext } from "../context";
import { normalizeLabel } from "../../values/normalize";
import type { Figure, UnitKind } from "../../values/types";
import { indicatorLabel, itemLabel, shortName, subItemLabel } from "./labels";
import { figureOf, itemFigure } from "./figures";
import { PROJECT_COUNT } from "./project";
import { monitoringSheets } from "./read";
import type { MonIndicator, MonitoringSheet } from "./types";

export type RollupMode = "additive" | "deduplicated" | "share-bounds";

export interface RollupEntry {
  figure: Figure;
  unitKind: UnitKind;
  /** Undefined when the sheet does not list the item and it counts 0. */
  cell?: string;
}

export interface RollupCheck {
  key: string;
  mode: RollupMode;
  /** For messages: "指標1 実施許諾". */
  label: string;
  unitKind: UnitKind;
  /** The workbook of the 全体 sheet in the set ("" for a workbook checked alone). */
  overallFile: string;
  overallSheet: string;
  /** The 全体 figure; its cell is where the finding points (for an absent item: the group's first cell). */
  overall: RollupEntry & { cell: string };
  /** One per PJ sheet, PJ1 first. */
  projects: { code: string; file: string; sheet: string; entry: RollupEntry }[];
}

/** A monitoring sheet of the set, with the workbook it is in ("" for a workbook checked alone). */
export interface SetSheet {
  file: string;
  mon: MonitoringSheet;
}

/** A project (`全体`, `PJ1`…`PJ8`) and every monitoring sheet of the set that claims it, in set order. */
export interface ProjectClaim {
  code: string;
  sheets: SetSheet[];
}

export type RollupState =
  /** No 全体 and no PJ sheet in the set: nothing to roll up. */
  | { kind: "none" }
  /** PJ sheets but no 全体 sheet; `missing` is 全体 and every absent PJ, `projects` the PJ sheets in PJ order. */
  | { kind: "no-overall"; projects: SetSheet[]; missing: string[] }
  /**
   * A sheet missing, claimed twice, or blank. `missing` names every code without a sheet, `blank` every code whose
   * sheet is there but holds no figure while other sheets of the set do (全体 first).
   */
  | { kind: "skipped"; overall: SetSheet; missing: string[]; duplicates: string[]; blank: string[] }
  | { kind: "ready"; overall: SetSheet; projects: SetSheet[]; checks: RollupCheck[] };

/** The codes a set may hold, in report order. */
export const PROJECT_CODES: readonly string[] = [
  "全体",
  ...Array.from({ length: PROJECT_COUNT }, (_, i) => `PJ${i + 1}`),
];

/** What one sheet says of one roll-up key. */
interface Slot {
  /** The first statement of the key; undefined when the sheet only counts it 0 (zeroOk) or not at all. */
  entry: RollupEntry | undefined;
  /** The key counts 0 when absent. */
  zeroOk: boolean;
  /** For a key counted 0: a cell near where it would be written. */
  anchor: string | undefined;
  /** The key's label, in words. */
  label: string;
  mode: RollupMode;
}

interface SheetValues {
  /** One slot per key: a sheet's keys are looked up once per put and once per comparison, not once per fact. */
  slots: Map<string, Slot>;
  /** Keys with an entry, in reading order. */
  order: string[];
}

const ZERO = (unitKind: UnitKind, unit?: string): Figure =>
  unit !== undefined ? { value: 0, decimals: 0, unit } : { value: 0, decimals: 0 };

/**
 * The roll-up keys and labels of one catalogue item, built once per process rather than once per sheet: every
 * sheet of every workbook asks for the same ones (and a key string used again keeps its hash for the lookups).
 */
interface ItemKeys {
  /** The indicator's number and the group's key the keys were built for. */
  n: string;
  groupKey: string;
  /** `${n}|${group}|${item}`. */
  base: string;
  /** The item's slot (`I|` + base; also the one counted 0 in its group), and its label counted 0. */
  zeroKey: string;
  zeroLabel: string;
  /** `指標n ` + the item's short name; undefined when the catalogue has none (the written label is taken). */
  name: string | undefined;
  /** The うち slot (`O|` + base). */
  ofWhichKey: string;
  /** Its label, for the catalogue's short name (built on first use). */
  ofWhichLabel: string | undefined;
  /** 細目 and share keys and labels, by the 細目's or share's key (only for the catalogue's short name). */
  subs: Map<string, { key: string; label: string }>;
  shares: Map<string, { key: string; label: string }>;
}

const ITEM_KEYS = new WeakMap<CatalogueItem, ItemKeys>();

function itemKeys(n: string, groupKey: string, ci: CatalogueItem): ItemKeys {
  let k = ITEM_KEYS.get(ci);
  // (An item read under another group than its catalogue one gets keys of its own, as before.)
  if (k === undefined || k.n !== n || k.groupKey !== groupKey) {
    const pre = `指標${n}`;
    const short = shortName(ci);
    k = {
      n,
      groupKey,
      base: `${n}|${groupKey}|${ci.key}`,
      zeroKey: `I|${n}|${groupKey}|${ci.key}`,
      zeroLabel: `${pre} ${short ?? ci.label}`,
      name: short !== undefined ? `${pre} ${short}` : undefined,
      ofWhichKey: `O|${n}|${groupKey}|${ci.key}`,
      ofWhichLabel: undefined,
      subs: new Map(),
      shares: new Map(),
    };
    ITEM_KEYS.set(ci, k);
  }
  return k;
}

const TOTAL_KEYS = new WeakMap<CatalogueIndicator, { key: string; label: string | undefined }>();

/** The indicator total's slot, and its label when the catalogue has a short name (else the label as written). */
function totalKeys(cat: CatalogueIndicator): { key: string; label: string | undefined } {
  let k = TOTAL_KEYS.get(cat);
  if (k === undefined) {
    const short = shortName(cat);
    k = { key: `T|${cat.number}`, label: short !== undefined ? `指標${cat.number} ${short}` : undefined };
    TOTAL_KEYS.set(cat, k);
  }
  return k;
}

/** A key and label under `base`, remembered in `memo` by `part` when the label does not depend on the sheet. */
function keyed(
  memo: Map<string, { key: string; label: string }> | undefined,
  prefix: string,
  base: string,
  part: string,
  label: () => string,
): { key: string; label: string } {
  let e = memo?.get(part);
  if (e === undefined) {
    e = { key: `${prefix}|${base}|${part}`, label: label() };
    memo?.set(part, e);
  }
  return e;
}

function modeOf(cat: CatalogueIndicator): RollupMode {
  return cat.rollup;
}

function collect(sheet: MonitoringSheet): SheetValues {
  const sv: SheetValues = { slots: new Map(), order: [] };
  const put = (key: string, label: string, mode: RollupMode, entry: RollupEntry) => {
    const slot = sv.slots.get(key);
    if (slot?.entry) return; // the first statement wins (a repeated row is structure/duplicate-row's business)
    // Every slot is made with all its fields, in one order: one object shape for the lookups to stay fast on.
    if (!slot) sv.slots.set(key, { entry, zeroOk: false, anchor: undefined, label, mode });
    else {
      slot.entry = entry; // a key counted 0 before it is written: the written one, with its own label
      slot.label = label;
      slot.mode = mode;
    }
    sv.order.push(key);
  };
  const zero = (key: string, label: string, mode: RollupMode, anchor: string) => {
    const slot = sv.slots.get(key);
    if (!slot) sv.slots.set(key, { entry: undefined, zeroOk: true, anchor, label, mode });
    else {
      slot.zeroOk = true;
      slot.anchor ??= anchor;
    }
  };
  const seen = new Set<string>();
  for (const ind of sheet.indicators) {
    const cat = ind.catalogue;
    if (!cat) continue;
    // A repeated indicator number: only the first block rolls up.
    if (seen.has(cat.number)) continue;
    seen.add(cat.number);
    const n = cat.number;
    const mode = modeOf(cat);
    const pre = `指標${n}`;

    if (mode !== "share-bounds") {
      const t = totalEntry(ind);
      if (t) {
        const tk = totalKeys(cat);
        put(tk.key, tk.label ?? `${pre} ${indicatorLabel(ind)}`, mode, t);
      }
    }

    for (const g of ind.groups) {
      const cg = g.catalogueGroup;
      if (!cg) continue;
      const rel = cg.relation;
      if ((rel === "exhaustive" || rel === "partial") && g.items.length > 0) {
        const anchor = g.labelCell ?? g.items[0].labelCell;
        for (const ci of cg.items) {
          const k = itemKeys(n, cg.key, ci);
          zero(k.zeroKey, k.zeroLabel, mode, anchor);
        }
      }
      for (const it of g.items) {
        if (!it.key || !it.catalogueItem) continue;
        if (cat.totalItemKey === it.key) continue; // rolled up as the indicator total
        const ik = itemKeys(n, cg.key, it.catalogueItem);
        const base = ik.base;
        // The catalogue's short name, else the label as written (itemLabel): only the first is the same everywhere.
        const name = ik.name ?? `${pre} ${itemLabel(it)}`;
        const fixed = ik.name !== undefined;
        if (it.shares.length > 0 || it.value.kind === "shares") {
          // Each share on its own: the overall share lies between the smallest and the largest PJ share.
          for (const s of it.shares) {
            if (!s.figure) continue;
            const share = s.key ?? shareKey(it.catalogueItem, s.label);
            const shareName = s.canonical ?? s.label;
            // Keyed by its catalogue share only when the label is the canonical one (a share the catalogue lacks
            // is keyed by its normalised label, which several spellings share).
            const k = keyed(
              fixed && s.canonical !== undefined ? ik.shares : undefined,
              "P",
              base,
              share,
              () => `${name}の${shareName}`,
            );
            put(k.key, k.label, "share-bounds", { figure: s.figure, unitKind: "percent", cell: s.cell });
          }
          continue;
        }
        const f = itemFigure(it);
        if (!f) continue;
        put(ik.zeroKey, name, mode, { figure: f.figure, unitKind: f.unitKind, cell: f.cell });

        // 細目: listed ones, and 0 for the others when the item is 0 or broken down.
        const subs = it.catalogueItem.subItems?.items ?? [];
        const broken = it.subItems.some((s) => s.key);
        const subMemo = fixed ? ik.subs : undefined;
        for (const s of it.subItems) {
          if (!s.key || !s.figure) continue;
          const label = subItemLabel(s);
          // A 細目 with a key has its canonical label: the same as the catalogue's (cs.label below).
          const k =
            s.canonical !== undefined ? keyed(subMemo, "S", base, s.key, () => `${name}（${label}）`) : undefined;
          put(k?.key ?? `S|${base}|${s.key}`, k?.label ?? `${name}（${label}）`, mode, {
            figure: s.figure,
            unitKind: s.unitKind,
            cell: s.cell,
          });
        }
        if (broken || f.figure.value === 0) {
          for (const cs of subs) {
            const k = keyed(subMemo, "S", base, cs.key, () => `${name}（${cs.label}）`);
            zero(k.key, k.label, mode, f.cell);
          }
        }
        // うち
        const ow = it.ofWhich[0];
        const ofWhichLabel = it.catalogueItem.ofWhichLabel;
        if (ow || (f.figure.value === 0 && ofWhichLabel)) {
          let owName = fixed ? ik.ofWhichLabel : undefined;
          if (owName === undefined) {
            owName = `${name}（${ofWhichLabel ? ofWhichLabel.replace(/^[（(]|[）)]$/g, "") : "うち"}）`;
            if (fixed) ik.ofWhichLabel = owName;
          }
          if (ow) put(ik.ofWhichKey, owName, mode, { figure: ow.figure, unitKind: ow.unitKind, cell: ow.cell });
          else zero(ik.ofWhichKey, owName, mode, f.cell);
        }
      }
    }
  }
  return sv;
}

/** A share's catalogue key (男性 → male), or its normalised label. */
function shareKey(item: CatalogueItem, label: string): string {
  const n = normalizeLabel(label);
  for (const sh of item.shares ?? []) {
    if ([sh.label, ...(sh.aliases ?? [])].some((l) => normalizeLabel(l) === n)) return sh.key;
  }
  return n;
}

/** The indicator total: 指標値, or for indicator 6 the Top1% item when 指標値 is `—`. */
function totalEntry(ind: MonIndicator): RollupEntry | undefined {
  if (ind.total.kind === "number")
    return { figure: figureOf(ind.total), unitKind: ind.total.unitKind, cell: ind.totalCell };
  const key = ind.catalogue?.totalItemKey;
  if (!key) return undefined;
  for (const g of ind.groups) {
    for (const it of g.items) {
      if (it.key !== key) continue;
      const f = itemFigure(it);
      if (f) return { figure: f.figure, unitKind: f.unitKind, cell: f.cell };
    }
  }
  return undefined;
}

/** Whether any 指標値, 値, 細目, share or うち of the sheet's indicators is a number (project-specific rows aside). */
function hasFigure(sheet: MonitoringSheet): boolean {
  return sheet.indicators.some(
    (ind) =>
      ind.total.kind === "number" ||
      ind.groups.some((g) =>
        g.items.some(
          (it) =>
            it.value.kind === "number" ||
            it.value.kind === "shares" ||
            it.ofWhich.length > 0 ||
            it.subItems.some((s) => s.figure) ||
            it.shares.some((s) => s.figure),
        ),
      ),
  );
}

const SET_SHEETS = memoKey<SetSheet[]>("monitoring sheets of the set");

/** Every monitoring sheet of the set, workbook by workbook in set order, each sheet in its workbook's order. */
export function setMonitoringSheets(ctx: CheckContext): SetSheet[] {
  return setMemo(ctx, SET_SHEETS, () =>
    setMembers(ctx).flatMap((m) => monitoringSheets(m.ctx).map((mon) => ({ file: m.name, mon }))),
  );
}

const CLAIMS = memoKey<ProjectClaim[]>("project claims");

/** Which sheets of the set claim 全体 and each of PJ1…PJ8 (by their 統合プロジェクト metadata), in that order. */
export function projectClaims(ctx: CheckContext): ProjectClaim[] {
  return setMemo(ctx, CLAIMS, () => claimsOf(setMonitoringSheets(ctx)));
}

function codeOf(s: MonitoringSheet): string | undefined {
  const p = s.project;
  if (p?.kind === "overall") return "全体";
  if (p?.kind === "project" && p.number >= 1 && p.number <= PROJECT_COUNT) return `PJ${p.number}`;
  return undefined;
}

function claimsOf(sheets: SetSheet[]): ProjectClaim[] {
  const claims = PROJECT_CODES.map((code): ProjectClaim => ({ code, sheets: [] }));
  for (const s of sheets) {
    const code = codeOf(s.mon);
    if (code) claims[PROJECT_CODES.indexOf(code)].sheets.push(s);
  }
  return claims;
}

const ROLLUP = memoKey<RollupState>("roll-up");

export function rollupState(ctx: CheckContext): RollupState {
  return setMemo(ctx, ROLLUP, () => compute(projectClaims(ctx)));
}

function compute(claims: ProjectClaim[]): RollupState {
  const [overalls, ...byProject] = claims;
  const missing = byProject.filter((c) => c.sheets.length === 0).map((c) => c.code);
  if (overalls.sheets.length === 0) {
    const present = byProject.filter((c) => c.sheets.length > 0).map((c) => c.sheets[0]);
    return present.length === 0
      ? { kind: "none" }
      : { kind: "no-overall", projects: present, missing: ["全体", ...missing] };
  }
  const overallAt = overalls.sheets[0];
  const duplicates = claims.filter((c) => c.sheets.length > 1).map((c) => c.code);
  // A sheet left blank beside sheets with figures (the template sent back unfilled) has nothing to roll up or
  // to be compared with: it counts like a missing sheet, not as a zero for every figure.
  const present = [overalls, ...byProject].filter((c) => c.sheets.length > 0);
  const filled = present.filter((c) => hasFigure(c.sheets[0].mon));
  const blank = filled.length > 0 ? present.filter((c) => !filled.includes(c)).map((c) => c.code) : [];
  if (missing.length > 0 || duplicates.length > 0 || blank.length > 0)
    return { kind: "skipped", overall: overallAt, missing, duplicates, blank };

  const projectsAt = byProject.map((c) => c.sheets[0]);
  const overall = overallAt.mon;
  const projects = projectsAt.map((p) => p.mon);
  const ov = collect(overall);
  const pv = projects.map(collect);

  const sheets = [ov, ...pv];
  const keys = new Set<string>();
  for (const v of sheets) for (const k of v.order) keys.add(k);

  const checks: RollupCheck[] = [];
  const slots: (Slot | undefined)[] = new Array<Slot | undefined>(sheets.length);
  keys: for (const key of keys) {
    // A key some sheet neither states nor counts 0 is not compared: found before any entry is made.
    let real: RollupEntry | undefined;
    for (let i = 0; i < sheets.length; i++) {
      const slot = sheets[i].slots.get(key);
      if (slot === undefined || (slot.entry === undefined && !slot.zeroOk)) continue keys;
      slots[i] = slot;
      real ??= slot.entry;
    }
    const unitKind = real!.unitKind;
    const unit = real!.figure.unit;
    const entryOf = (slot: Slot): RollupEntry =>
      slot.entry ?? { figure: ZERO(unitKind, unit), unitKind, cell: undefined };
    const oSlot = slots[0]!;
    const o = entryOf(oSlot);
    const oCell = o.cell ?? oSlot.anchor;
    if (!oCell) continue;
    const pes = new Array<RollupEntry>(sheets.length - 1);
    for (let i = 1; i < sheets.length; i++) pes[i - 1] = entryOf(slots[i]!);
    checks.push({
      key,
      mode: oSlot.mode,
      label: oSlot.label,
      unitKind,
      overallFile: overallAt.file,
      overallSheet: overall.sheet,
      overall: { ...o, cell: oCell },
      projects: projectsAt.map((s, i) => ({
        code: PROJECT_CODES[i + 1],
        file: s.file,
        sheet: s.mon.sheet,
        entry: pes[i],
      })),
    });
  }
  return { kind: "ready", overall: overallAt, projects: projectsAt, checks };
}
