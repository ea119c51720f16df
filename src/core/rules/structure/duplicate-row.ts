import { normalizeLabel } from "../../values/normalize";
import type { RowKey, SheetAnalysis } from "../../sheets/analysis";
import { defineRule } from "../rule";

/** Every analysis's row keys in one array of exactly their number. */
function allRowKeys(analyses: readonly { analysis: SheetAnalysis }[]): RowKey[] {
  let n = 0;
  for (const { analysis } of analyses) n += analysis.rowKeys.length;
  const all = new Array<RowKey>(n);
  let i = 0;
  for (const { analysis } of analyses) for (const k of analysis.rowKeys) all[i++] = k;
  return all;
}

/** FNV-1a over UTF-16 code units: a table slot, not a fingerprint (equal slots are compared in full). */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export const rule = defineRule({
  meta: {
    id: "structure/duplicate-row",
    severity: "error",
    description: {
      ja: "同じ機関名・指標番号の行が重複している",
      en: "The same institute or indicator number appears twice",
    },
    messages: {
      duplicate: {
        ja: "{label}「{key}」が重複しています（{cells}）。",
        en: "The {label} “{key}” appears more than once ({cells}).",
      },
    },
    phrases: { inAll: { ja: "ほか（計{count}か所）", en: " … ({count} in all)" } },
  },
  *check(ctx) {
    // Every key in one array, then an open-addressed table of their indices keyed by (sheet, label, normalised
    // key): a table of 10⁵ institutes costs a few bytes per key rather than a Map entry each. Groups are
    // reported in the order of their first key (its index in `all`).
    const all = allRowKeys(ctx.analyses());
    const n = all.length;
    if (n < 2) return;
    let bits = 4;
    while (1 << bits < 2 * n) bits++;
    const size = 1 << bits;
    const slots = new Int32Array(size); // index + 1 of the first key of each (sheet, label, key); 0: free
    const groupOf = new Map<number, RowKey[]>(); // first key's index → its group, once repeated
    const repeated: RowKey[][] = [];
    const firstOf: number[] = [];
    // The scope's hash, for the last scope seen: a sheet's keys come together. The same keys recur across the
    // sheets of a large submission (番号 1, 2, 3… on every indicator sheet), so the scope is part of the slot.
    let scopeSheet: string | undefined;
    let scopeLabel: string | undefined;
    let scopeHash = 0;
    for (let i = 0; i < n; i++) {
      const k = all[i];
      const id = normalizeLabel(k.key);
      if (k.sheet !== scopeSheet || k.label !== scopeLabel) {
        scopeSheet = k.sheet;
        scopeLabel = k.label;
        scopeHash = Math.imul(hashOf(k.sheet), 31) ^ hashOf(k.label);
      }
      let slot = Math.imul(hashOf(id) ^ scopeHash, 0x9e3779b1) >>> (32 - bits);
      for (;;) {
        const at = slots[slot];
        if (at === 0) {
          slots[slot] = i + 1;
          break;
        }
        const first = all[at - 1];
        if (first.sheet === k.sheet && first.label === k.label && normalizeLabel(first.key) === id) {
          const list = groupOf.get(at - 1);
          if (list) list.push(k);
          else {
            const group = [first, k];
            groupOf.set(at - 1, group);
            repeated.push(group);
            firstOf.push(at - 1);
          }
          break;
        }
        slot = (slot + 1) & (size - 1);
      }
    }
    const order = repeated.map((_, i) => i).sort((a, b) => firstOf[a] - firstOf[b]);
    for (const g of order) {
      const keys = repeated[g];
      // Name at most a few occurrences: a key repeated thousands of times must not make this quadratic.
      const first5 = keys.slice(0, 5).map((k) => k.cell);
      const shown = {
        list: first5,
        style: "comma",
        ...(keys.length > 5 ? { rest: { phrase: "inAll", data: { count: keys.length } } as const } : {}),
      } as const;
      const first = keys[0].cell;
      for (const dup of keys.slice(1)) {
        yield {
          messageId: "duplicate",
          data: { label: dup.label, key: dup.key, cells: shown },
          sheet: dup.sheet,
          cell: dup.cell,
          cells: [dup.cell, first],
        };
      }
    }
  },
});
