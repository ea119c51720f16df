/** Generated workbooks for the benchmarks: realistic budget and monitoring sheets of a given size. */
import type { Cell, Sheet, Workbook } from "../src/core/model/workbook";

const MINISTRIES = ["文", "厚", "経", "内", "総"];

function c(value: Cell["value"]): Cell {
  return { value };
}

/** An インハウス予算 sheet with `rows` institutes (8 columns), numbers typed both as numbers and as text. */
export function inhouseSheet(name: string, rows: number): Sheet {
  const grid: (Cell | undefined)[][] = [
    [c("報告年度"), c("令和7年度")],
    [c("(単位：億円)")],
    [
      "機関名",
      "所管",
      "全体",
      "健康・医療関係",
      "外部資金（健康・医療関係）",
      "健康・医療比率",
      "外部資金比率",
      "備考",
    ].map(c),
  ];
  let total = 0;
  let health = 0;
  for (let i = 0; i < rows; i++) {
    const whole = 100 + (i % 97);
    const part = 10 + (i % 53);
    total += whole;
    health += part;
    grid.push([
      c(`研究機関${i + 1}`),
      c(MINISTRIES[i % MINISTRIES.length]),
      c(whole),
      c(i % 5 === 0 ? `${part}億円` : part),
      c(i % 7 === 0 ? "—" : 3 + (i % 11)),
      undefined,
      undefined,
      c(i % 13 === 0 ? "2025（令和7）年度に拡充" : null),
    ]);
  }
  grid.push([c("合計"), undefined, c(total), c(health)]);
  return { name, rows: grid };
}

/** A workbook of about `cells` cells, split into sheets of at most 50,000 rows. */
export function generatedWorkbook(cells: number): Workbook {
  const rows = Math.max(1, Math.round(cells / 8));
  const sheets: Sheet[] = [];
  for (let done = 0, i = 1; done < rows; i++) {
    const n = Math.min(50_000, rows - done);
    sheets.push(inhouseSheet(`予算${i}`, n));
    done += n;
  }
  return { sheets };
}

export function cellCount(wb: Workbook): number {
  let n = 0;
  for (const s of wb.sheets) for (const r of s.rows) n += r.length;
  return n;
}
