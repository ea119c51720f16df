import { normalizeLabel } from "../../values/normalize";
import type { RowKey } from "../../sheets/analysis";
import type { Rule, RuleFinding } from "../rule";

export const rule: Rule = {
  meta: {
    id: "structure/duplicate-row",
    severity: "error",
    description: { ja: "同じ機関名・指標番号の行が重複している", en: "The same institute or indicator number appears twice" },
    messages: {
      duplicate: {
        ja: "{label}「{key}」が重複しています（{cells}）。",
        en: "{label} “{key}” appears more than once ({cells}).",
      },
    },
  },
  check(ctx) {
    const groups = new Map<string, RowKey[]>();
    for (const { analysis } of ctx.analyses()) {
      for (const k of analysis.rowKeys) {
        const id = `${k.sheet}\u0000${k.label}\u0000${normalizeLabel(k.key)}`;
        const list = groups.get(id);
        if (list) list.push(k);
        else groups.set(id, [k]);
      }
    }
    const out: RuleFinding[] = [];
    for (const keys of groups.values()) {
      if (keys.length < 2) continue;
      // Name at most a few occurrences: a key repeated thousands of times must not make this quadratic.
      const shown = keys.slice(0, 5).map((k) => k.cell).join(", ") + (keys.length > 5 ? ` … (${keys.length})` : "");
      const first = keys[0].cell;
      for (const dup of keys.slice(1)) {
        out.push({
          messageId: "duplicate",
          data: { label: dup.label, key: dup.key, cells: shown },
          sheet: dup.sheet,
          cell: dup.cell,
          cells: [dup.cell, first],
        });
      }
    }
    return out;
  },
};
