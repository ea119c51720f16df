import { toA1, fromA1 } from "../../model/address";
import type { Sheet } from "../../model/workbook";
import { findEraMismatches, mayHoldEraPair } from "../../values/era";
import { defineRule } from "../rule";

/** A Western year as its Japanese era year: 2025 → 令和7, 2019 → 令和元, 2018 → 平成30. */
export function eraYearOf(year: number): string {
  const [era, base] = year >= 2019 ? ["令和", 2018] : year >= 1989 ? ["平成", 1988] : ["昭和", 1925];
  const n = year - base;
  return `${era}${n === 1 ? "元" : n}`;
}

/**
 * DOMAIN §3.6: every text cell of every recognised sheet, whatever its column (備考, 進捗の詳細, a title above
 * the header, a footnote below the table, a header), is scanned for Western/Japanese era pairs; each mismatch
 * is reported once, at its cell. The readers' text cells are scanned too when they are not plain string
 * cells of those sheets (text the reader derived from another kind of cell).
 */
export const rule = defineRule({
  meta: {
    id: "date/era-mismatch",
    severity: "error",
    description: { ja: "西暦と和暦の組が合っていない", en: "A Western year and its Japanese era year disagree" },
    // The half in brackets is the one named as disagreeing: it was written to restate the other. Both readings are
    // given, so that whichever half is wrong can be corrected. Years are written without separators (2026, not 2,026).
    messages: {
      eraInBrackets: {
        ja: "「{match}」の括弧内の和暦{era}{eraYear}年が、西暦{western}年と合っていません（{western}年は{westernEra}年、{era}{eraYear}年は{expected}年です）。",
        en: "“{match}”: the era year in brackets, {era}{eraYear}, does not match {western} ({western} is {westernEra}; {era}{eraYear} is {expected}).",
      },
      westernInBrackets: {
        ja: "「{match}」の括弧内の西暦{western}年が、和暦{era}{eraYear}年と合っていません（{era}{eraYear}年は{expected}年、{western}年は{westernEra}年です）。",
        en: "“{match}”: the Western year in brackets, {western}, does not match {era}{eraYear} ({era}{eraYear} is {expected}; {western} is {westernEra}).",
      },
    },
  },
  *check(ctx) {
    const report = function* (sheet: string, cell: string, text: string) {
      for (const m of findEraMismatches(text)) {
        yield {
          messageId: /^[0-9０-９]/.test(m.match) ? "eraInBrackets" : "westernInBrackets",
          data: {
            match: m.match,
            era: m.era,
            eraYear: m.eraYear === 1 ? "元" : String(m.eraYear),
            expected: String(m.expectedWestern),
            western: String(m.western),
            westernEra: eraYearOf(m.western),
          },
          sheet,
          cell,
          // No expected / actual: they are years, not figures, and every face would show them as numbers
          // (「2,026」); the message names both.
        } as const;
      }
    };

    // Every string cell of each recognised sheet, once (several tables may share a sheet).
    const scanned = new Map<string, Sheet>();
    for (const table of ctx.tables) {
      const sheet = table.sheet;
      if (scanned.get(sheet.name) === sheet) continue;
      scanned.set(sheet.name, sheet);
      const rows = sheet.rows;
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r];
        if (!row) continue;
        for (let c = 0; c < row.length; c++) {
          const v = row[c]?.value;
          if (typeof v === "string" && mayHoldEraPair(v)) yield* report(sheet.name, toA1(r, c), v);
        }
      }
    }

    // The readers' text cells that the scan above did not read: not a string cell of a scanned sheet. A cell
    // that is empty in the sheet is a merged area's copy of a cell already scanned.
    for (const { analysis } of ctx.analyses()) {
      for (const t of analysis.textCells) {
        if (!mayHoldEraPair(t.text)) continue;
        const sheet = scanned.get(t.sheet);
        if (sheet) {
          let raw: unknown;
          try {
            const { row, col } = fromA1(t.cell);
            raw = sheet.rows[row]?.[col]?.value;
          } catch {
            raw = undefined;
          }
          if (typeof raw === "string" || raw === null || raw === undefined) continue;
        }
        yield* report(t.sheet, t.cell, t.text);
      }
    }
  },
});
