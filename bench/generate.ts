/**
 * Generated workbooks for the benchmarks: large budget tables of a given size (as models), the R7 report
 * repeated (as .xlsx bytes: monitoring-heavy, like the real reports) and issue 13's bomb.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { Cell, Sheet, Workbook } from "../src/core/model/workbook";

const SAMPLE = join(resolve(__dirname, ".."), "samples", "r7-report.xlsx");

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

/**
 * The R7 report's sheets repeated `times` times in one workbook (the parts copied, new sheet names): 12 sheets,
 * 8 of them monitoring PJ sheets, 1,693 non-empty cells in about 4,000 of used range, each time.
 */
export function repeatedReport(times: number): Uint8Array {
  const files = unzipSync(readFileSync(SAMPLE));
  const workbook = strFromU8(files["xl/workbook.xml"]);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]);
  const types = strFromU8(files["[Content_Types].xml"]);
  const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"\/>/g)].map((m) => {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)!;
    return { name: m[1], part: `xl/${target[1] ?? target[2]}` };
  });
  let sheetXml = "";
  let relXml = "";
  let typeXml = "";
  let n = 0;
  for (let k = 1; k < times; k++) {
    for (const s of sheets) {
      n++;
      // named as Excel names sheet parts: exceljs, the bench's baseline, reads only xl/worksheets/sheetN.xml
      // (it saw 12 of report ×250's 3,000 sheets while the parts were copyN.xml)
      const part = `xl/worksheets/sheet${sheets.length + n}.xml`;
      files[part] = files[s.part];
      sheetXml += `<sheet name="${s.name.slice(0, 24)}_${k}" sheetId="${1000 + n}" r:id="rCopy${n}"/>`;
      relXml += `<Relationship Id="rCopy${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${part.slice(3)}"/>`;
      typeXml += `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
    }
  }
  files["xl/workbook.xml"] = strToU8(workbook.replace("</sheets>", `${sheetXml}</sheets>`));
  files["xl/_rels/workbook.xml.rels"] = strToU8(rels.replace("</Relationships>", `${relXml}</Relationships>`));
  files["[Content_Types].xml"] = strToU8(types.replace("</Types>", `${typeXml}</Types>`));
  return zipSync(files, { level: 6 });
}

/** Issue 13's bomb: one sheet of 1.1 million one-cell rows (8 MB zipped, 47 MB of XML). */
export function bomb(): Uint8Array {
  const rows: string[] = [];
  for (let r = 1; r <= 1_100_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r % 1000}</v></c></row>`);
  const files = unzipSync(readFileSync(SAMPLE));
  const keep: Record<string, Uint8Array> = {};
  for (const name of ["[Content_Types].xml", "_rels/.rels", "xl/styles.xml"]) keep[name] = files[name];
  keep["xl/workbook.xml"] = strToU8(
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  keep["xl/_rels/workbook.xml.rels"] = strToU8(
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  );
  keep["xl/worksheets/sheet1.xml"] = strToU8(
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`,
  );
  return zipSync(keep, { level: 9 });
}
