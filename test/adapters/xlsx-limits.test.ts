/**
 * The reader's hard limits (src/adapters/xlsx/limits.ts) on hostile files: each is refused with one
 * WorkbookReadError whose one-line message, in Japanese and English, names the limit and the part.
 * Timings and peak memory of the same inputs are in the benchmark (bench/hostile.ts), not asserted here.
 */
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { deflateSync, strToU8, zipSync } from "fflate";
import { WorkbookReadError } from "../../src/adapters/exceljs/errors";
import {
  MAX_CELLS,
  MAX_FILE_BYTES,
  MAX_GRID_SLOTS,
  MAX_INFLATED_BYTES,
  MAX_MERGES,
  MAX_PART_BYTES,
  MAX_ROWS,
  MAX_TEXT_CHARS,
  MAX_ZIP_ENTRIES,
} from "../../src/adapters/xlsx/limits";
import { readWorkbookBytes } from "../../src/adapters/xlsx/read";
import { nodeInflateRaw, readWorkbookFile } from "../../src/adapters/xlsx/read-file";
import { tempDir } from "../fixtures/workbooks";
import { partsOf, rawEntries, rawZip, sheetXml, xlsx, type Parts } from "./xlsx-parts";

/** The error reading `bytes` gives (the same with fflate and with Node's native inflate, the CLI's path). */
function refusal(bytes: Uint8Array): WorkbookReadError {
  const native = (() => {
    try {
      readWorkbookBytes(bytes, { inflateRaw: nodeInflateRaw });
    } catch (err) {
      return err as WorkbookReadError;
    }
    return undefined;
  })();
  try {
    readWorkbookBytes(bytes);
  } catch (err) {
    expect(native?.code).toBe((err as WorkbookReadError).code);
    expect(err).toBeInstanceOf(WorkbookReadError);
    const e = err as WorkbookReadError;
    for (const lang of ["ja", "en"] as const) expect(e.messageIn(lang)).not.toMatch(/[\r\n]/);
    return e;
  }
  throw new Error("read without an error");
}

const one = (body: string): Parts => ({ sheets: [["S", body]] });
/** A workbook of tens of megabytes of XML, deflated at level 1: the same reading, in half the time to build. */
const bigXlsx = (p: Parts): Uint8Array => zipSync(partsOf(p), { level: 1 });
const SHEET = "xl/worksheets/sheet1.xml";

test("the bomb of the issue: 1.1 million one-cell rows is not a valid sheet (row 1,048,577)", () => {
  const rows: string[] = [];
  for (let r = 1; r <= 1_100_000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  const e = refusal(bigXlsx(one(`<sheetData>${rows.join("")}</sheetData>`)));
  expect(e.code).toBe("out-of-range");
  expect(e.messageIn("ja")).toContain("1,048,576行");
  expect(e.messageIn("ja")).toContain(SHEET);
  expect(e.messageIn("en")).toContain("XFD");
});

test("a large sheet whose last rows lie past the grid is refused from its end, before it is parsed", () => {
  // 18 MB of rows after a broken tag: parsed, the part is damaged at its start (fflate's path, which streams);
  // with the native inflater its end is looked at first and names the row past the grid.
  const filler = '<row r="2"><c r="A2"><v>1</v></c></row>'.repeat(450_000);
  const tail = `<row r="${MAX_ROWS + 5}"><c r="A${MAX_ROWS + 5}"><v>1</v></c></row>`;
  const bytes = xlsx(one(`<sheetData><row r="1"><c r="A1"><v>1</v></c></row><<${filler}${tail}</sheetData>`));
  const read = (inflateRaw?: typeof nodeInflateRaw) => {
    try {
      readWorkbookBytes(bytes, { inflateRaw });
    } catch (err) {
      return err as WorkbookReadError;
    }
    throw new Error("read without an error");
  };
  const e = read(nodeInflateRaw);
  expect(e.code).toBe("out-of-range");
  expect(e.messageIn("ja")).toContain(`${MAX_ROWS + 5}行`);
  expect(read().code).toBe("corrupt");
  // a column past XFD at the end, likewise
  const wide = xlsx(one(`<sheetData><<${filler}<row r="3"><c r="XFE3"><v>1</v></c></row></sheetData>`));
  expect(() => readWorkbookBytes(wide, { inflateRaw: nodeInflateRaw })).toThrow(/XFE3/);
});

test("a row past 1,048,576 or a column past XFD, however it is written", () => {
  expect(refusal(xlsx(one(`<sheetData><row r="${MAX_ROWS + 1}"><c><v>1</v></c></row></sheetData>`))).code).toBe(
    "out-of-range",
  );
  const e = refusal(xlsx(one('<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>')));
  expect(e.code).toBe("out-of-range");
  expect(e.messageIn("ja")).toContain("XFE1");
  expect(refusal(xlsx(one('<sheetData><row r="1"><c r="A1048577"><v>1</v></c></row></sheetData>'))).code).toBe(
    "out-of-range",
  );
  expect(
    refusal(xlsx(one('<sheetData><row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row></sheetData>'))).code,
  ).toBe("out-of-range");
  // the last cell of the grid is fine
  expect(
    readWorkbookBytes(
      xlsx(one(`<sheetData><row r="${MAX_ROWS}"><c r="XFD${MAX_ROWS}"><v>1</v></c></row></sheetData>`)),
    ),
  ).toBeDefined();
});

test("a part declared larger than the limit is refused unread", () => {
  const entries = rawEntries(one('<sheetData><row r="1"><c><v>1</v></c></row></sheetData>'));
  entries.find((e) => e.name === SHEET)!.size = MAX_PART_BYTES + 1;
  const e = refusal(rawZip(entries));
  expect(e.code).toBe("part-too-large");
  expect(e.messageIn("ja")).toBe(
    `ブック内の部品が展開すると大きすぎます（上限 ${MAX_PART_BYTES / 1024 / 1024} MB）（${SHEET}）`,
  );
});

test("a part whose header lies (declares less than it inflates to) stops at the declared size", () => {
  const big = strToU8(sheetXml(`<sheetData>${" ".repeat(10_000_000)}</sheetData>`));
  const entries = rawEntries(one(""));
  Object.assign(
    entries.find((e) => e.name === SHEET)!,
    { stored: deflateSync(big), size: 1000 },
  );
  expect(refusal(rawZip(entries)).code).toBe("corrupt");
});

test("parts that together inflate beyond the workbook's limit (an overlapping zip: one stored part named many times)", () => {
  const sheets = Math.ceil(MAX_INFLATED_BYTES / (100 * 1024 * 1024)) + 1;
  const parts: Parts = { sheets: Array.from({ length: sheets }, (_, i) => [`S${i + 1}`, ""] as [string, string]) };
  const entries = rawEntries(parts);
  const body = strToU8(sheetXml(`<sheetData>${" ".repeat(100 * 1024 * 1024)}</sheetData>`));
  Object.assign(
    entries.find((e) => e.name === SHEET)!,
    { stored: deflateSync(body, { level: 1 }), size: body.length },
  );
  for (let i = 2; i <= sheets; i++)
    Object.assign(
      entries.find((e) => e.name === `xl/worksheets/sheet${i}.xml`)!,
      { sameDataAs: SHEET, size: body.length },
    );
  const e = refusal(rawZip(entries));
  expect(e.code).toBe("workbook-too-large");
  expect(e.messageIn("en")).toContain(`${MAX_INFLATED_BYTES / 1024 / 1024} MB`);
});

test("too many zip entries", () => {
  const entries = rawEntries(one('<sheetData><row r="1"><c><v>1</v></c></row></sheetData>'));
  for (let i = 0; i < MAX_ZIP_ENTRIES; i++)
    entries.push({ name: `x/${i}`, stored: new Uint8Array(0), method: 0, size: 0 });
  expect(refusal(rawZip(entries)).code).toBe("too-many-parts");
});

test("entity expansion and external entities are errors, never expanded or fetched", () => {
  const lol = `<!DOCTYPE worksheet [<!ENTITY a "${"a".repeat(1000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`;
  const withDoctype = (doctype: string, text: string) =>
    xlsx({
      sheets: [["S", ""]],
      raw: {
        [SHEET]: `<?xml version="1.0"?>${doctype}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`,
      },
    });
  expect(refusal(withDoctype(lol, "&c;")).code).toBe("corrupt");
  expect(refusal(withDoctype('<!DOCTYPE worksheet [<!ENTITY e SYSTEM "file:///etc/passwd">]>', "&e;")).code).toBe(
    "corrupt",
  );
  expect(refusal(withDoctype('<!DOCTYPE worksheet [<!ENTITY e SYSTEM "http://127.0.0.1:9/x">]>', "&e;")).code).toBe(
    "corrupt",
  );
});

test("a text longer than Excel's 32,767 characters: shared, inline, formula", () => {
  const long = "あ".repeat(MAX_TEXT_CHARS + 1);
  const shared = refusal(
    xlsx({
      sharedStrings: [`<si><t>${long}</t></si>`],
      sheets: [["S", '<sheetData><row r="1"><c t="s"><v>0</v></c></row></sheetData>']],
    }),
  );
  expect(shared.code).toBe("text-too-long");
  expect(shared.messageIn("ja")).toBe("Excelの上限（32,767文字）を超える文字列があります（xl/sharedStrings.xml）");
  expect(
    refusal(xlsx({ sharedStrings: [`<si><r><t>${long.slice(1)}</t></r><r><t>ab</t></r></si>`], sheets: [["S", ""]] }))
      .code,
  ).toBe("text-too-long");
  expect(
    refusal(xlsx(one(`<sheetData><row r="1"><c t="inlineStr"><is><t>${long}</t></is></c></row></sheetData>`))).code,
  ).toBe("text-too-long");
  expect(
    refusal(xlsx(one(`<sheetData><row r="1"><c><f>${"1+".repeat(MAX_TEXT_CHARS / 2 + 1)}1</f></c></row></sheetData>`)))
      .code,
  ).toBe("text-too-long");
  // a 5 MB string: the same single line
  expect(refusal(xlsx({ sharedStrings: [`<si><t>${"x".repeat(5_000_000)}</t></si>`], sheets: [["S", ""]] })).code).toBe(
    "text-too-long",
  );
  // exactly at the limit is read
  const at = readWorkbookBytes(
    xlsx({
      sharedStrings: [`<si><t>${long.slice(1)}</t></si>`],
      sheets: [["S", '<sheetData><row r="1"><c t="s"><v>0</v></c></row></sheetData>']],
    }),
  );
  expect((at.sheets[0].rows[0][0]?.value as string).length).toBe(MAX_TEXT_CHARS);
});

test("too many non-empty cells", () => {
  const perRow = 10_000;
  const rows: string[] = [];
  const cells = "<c><v>1</v></c>".repeat(perRow);
  for (let r = 1; r <= MAX_CELLS / perRow + 1; r++) rows.push(`<row r="${r}">${cells}</row>`);
  const e = refusal(bigXlsx(one(`<sheetData>${rows.join("")}</sheetData>`)));
  expect(e.code).toBe("too-many-cells");
  expect(e.messageIn("ja")).toContain("2,000,000個");
});

test("rows spanning too large an area (one cell at XFD on each of many rows)", () => {
  const rows: string[] = [];
  for (let r = 1; r <= Math.ceil(MAX_GRID_SLOTS / 16_384) + 1; r++)
    rows.push(`<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`);
  expect(refusal(xlsx(one(`<sheetData>${rows.join("")}</sheetData>`))).code).toBe("grid-too-large");
});

test("too many merged ranges in a sheet; overlapping ranges are a damaged file", () => {
  const merges = Array.from(
    { length: MAX_MERGES + 1 },
    (_, i) => `<mergeCell ref="A${2 * i + 1}:B${2 * i + 1}"/>`,
  ).join("");
  const cell = '<sheetData><row r="1"><c><v>1</v></c></row></sheetData>';
  expect(refusal(xlsx(one(`${cell}<mergeCells>${merges}</mergeCells>`))).code).toBe("too-many-merges");
  expect(
    refusal(xlsx(one(`${cell}<mergeCells><mergeCell ref="A1:C3"/><mergeCell ref="C3:D4"/></mergeCells>`))).code,
  ).toBe("corrupt");
  expect(
    refusal(xlsx(one(`${cell}<mergeCells><mergeCell ref="B1:B9"/><mergeCell ref="A5:C5"/></mergeCells>`))).code,
  ).toBe("corrupt");
  // side by side and one under the other are fine
  const ok = readWorkbookBytes(
    xlsx(
      one(
        `<sheetData><row r="1"><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row><row r="2"><c><v>4</v></c><c><v>5</v></c><c><v>6</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="C1:C2"/><mergeCell ref="A2:B2"/></mergeCells>`,
      ),
    ),
  );
  expect(ok.sheets[0].rows).toEqual([[{ value: 1 }, undefined, { value: 3 }], [{ value: 4 }]]);
});

describe("files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir("kensa-xlsx-limits-");
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test("a file over the size limit is refused from its size, unread (a sparse file)", async () => {
    const file = path.join(dir, "huge.xlsx");
    await fs.writeFile(file, "");
    await fs.truncate(file, MAX_FILE_BYTES + 1);
    const err = await readWorkbookFile(file).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "file-too-large", file });
    expect((err as WorkbookReadError).messageIn("ja")).toBe(
      `ファイルが大きすぎます（上限 ${MAX_FILE_BYTES / 1024 / 1024} MB）`,
    );
  });

  test("a named pipe is not opened (it would block): one line, at once", async () => {
    const fifo = path.join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    await expect(readWorkbookFile(fifo)).rejects.toMatchObject({ code: "unreadable", file: fifo });
  });
});
