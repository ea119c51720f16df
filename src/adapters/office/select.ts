/** Selecting a finding's cells: its sheet activated, its cells selected (several through RangeAreas, ExcelApi 1.9). */
import { chunkAddresses } from "./limits";
import { parseCell } from "./runs";
import type { Session } from "./session";

export async function selectCells(s: Session, sheet: string, cells: readonly string[]): Promise<void> {
  const ws = s.sheet(sheet);
  ws.activate();
  const own = cells
    .map((c) => {
      const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(c);
      if (!m) return c;
      const name = (m[1] ?? m[2]).replace(/''/g, "'");
      return name === sheet ? m[3] : undefined;
    })
    .filter((c): c is string => !!c && !!parseCell(c.replace(/\$/g, "").split(":")[0]))
    .map((c) => c.replace(/\$/g, ""));
  if (own.length === 1) ws.getRange(own[0]).select();
  else if (own.length > 1) {
    s.require("1.9");
    ws.getRanges(chunkAddresses(own)[0]).select();
  }
  await s.sync();
}
