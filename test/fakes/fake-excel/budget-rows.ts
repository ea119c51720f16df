import { INHOUSE_HEADER } from "../../support/sheets";
import type { FakeInput } from "./model";

/**
 * Test data for the fake: an インハウス予算 sheet (DOMAIN §3.1) of `rows` institutes, of which `bad`
 * (spread evenly) state 健康・医療関係 above 全体 (one part/exceeds-whole error each). The ratio columns
 * are left empty for Kensa to fill.
 */
export function budgetSheetRows(rows: number, bad = 0, prefix = "研究機関"): FakeInput[][] {
  const out: FakeInput[][] = [["報告年度", "令和7年度"], ["(単位：億円)"], [...INHOUSE_HEADER] as FakeInput[]];
  const step = bad > 0 ? Math.max(1, Math.floor(rows / bad)) : Infinity;
  let badLeft = bad;
  for (let i = 0; i < rows; i++) {
    const whole = 100 + (i % 97);
    const isBad = badLeft > 0 && i % step === 0;
    if (isBad) badLeft--;
    out.push([
      `${prefix}${i + 1}`,
      ["文", "厚", "経"][i % 3],
      whole,
      isBad ? whole + 5 : 10 + (i % 53),
      3 + (i % 11),
      null,
      null,
      i % 13 === 0 ? "2025（令和7）年度に拡充" : null,
    ]);
  }
  return out;
}
