import { normalizeLabel } from "../../values/normalize";
import type { RowKey } from "../../sheets/analysis";
import { defineRule } from "../rule";

/** Keys of one sheet and label, by normalised key: the first occurrence's index, or every one once repeated. */
type KeyGroups = Map<string, number | RowKey[]>;

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
    // sheet → label → normalised key. Groups are reported in the order of their first key (its index in
    // `all`), as a single map over every key would give them.
    const scopes = new Map<string, Map<string, KeyGroups>>();
    const all: RowKey[] = [];
    const repeated: RowKey[][] = [];
    const firstOf: number[] = [];
    for (const { analysis } of ctx.analyses()) {
      for (const k of analysis.rowKeys) {
        let bySheet = scopes.get(k.sheet);
        if (!bySheet) scopes.set(k.sheet, (bySheet = new Map<string, KeyGroups>()));
        let groups = bySheet.get(k.label);
        if (!groups) bySheet.set(k.label, (groups = new Map<string, number | RowKey[]>()));
        const id = normalizeLabel(k.key);
        const seen = groups.get(id);
        if (seen === undefined) groups.set(id, all.length);
        else if (typeof seen === "number") {
          const list = [all[seen], k];
          groups.set(id, list);
          repeated.push(list);
          firstOf.push(seen);
        } else seen.push(k);
        all.push(k);
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
