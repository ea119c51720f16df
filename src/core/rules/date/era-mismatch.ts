import { toA1, fromA1 } from "../../model/address";
import type { Sheet } from "../../model/workbook";
import { findEraMismatches, mayHoldEraPair } from "../../values/era";
import type { Rule, RuleFinding } from "../rule";

/**
 * DOMAIN §3.6: every text cell of every recognised sheet, whatever its column (備考, 進捗の詳細, a title above
 * the header, a footnote below the table, a header), is scanned for Western/Japanese era pairs; each mismatch
 * is reported once, at its cell. The readers' text cells are scanned too when they are not plain string
 * cells of those sheets (text the reader derived from another kind of cell).
 */
export const rule: Rule = {
  meta: {
    id: "date/era-mismatch",
    severity: "error",
    description: { ja: "西暦と和暦の組が合っていない", en: "A Western year and its Japanese era year disagree" },
    messages: {
      mismatch: {
        ja: "「{match}」：{era}{eraYear}年は {expected}年です（{western}年ではありません）。",
        en: "“{match}”: {era} {eraYear} is {expected}, not {western}.",
      },
    },
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const report = (sheet: string, cell: string, text: string) => {
      for (const m of findEraMismatches(text)) {
        out.push({
          messageId: "mismatch",
          data: { match: m.match, era: m.era, eraYear: m.eraYear, expected: m.expectedWestern, western: m.western },
          sheet,
          cell,
          expected: m.expectedWestern,
          actual: m.western,
        });
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
          if (typeof v === "string" && mayHoldEraPair(v)) report(sheet.name, toA1(r, c), v);
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
        report(t.sheet, t.cell, t.text);
      }
    }
    return out;
  },
};
