/**
 * The reader's XML layer (src/adapters/xlsx/xml.ts), as any parser behind it must behave: a part that fails
 * half-read leaves nothing behind for the next workbook, a part read during another (no handler does so today,
 * one may) is parsed on its own, and a large part reads the same through either inflater.
 */
import { WorkbookReadError } from "../../src/adapters/exceljs/errors";
import { readWorkbookBytes } from "../../src/adapters/xlsx/read";
import { nodeInflateRaw } from "../../src/adapters/xlsx/read-file";
import { parseXmlPart } from "../../src/adapters/xlsx/xml";
import { ZipArchive } from "../../src/adapters/xlsx/zip";
import { xlsx } from "./xlsx-parts";

const native = { inflateRaw: nodeInflateRaw };
const good = xlsx({
  sharedStrings: ["<si><t>予算額</t></si>"],
  sheets: [["S", '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12</v></c></row></sheetData>']],
});
const expected = {
  sheets: [{ name: "S", rows: [[{ value: "予算額" }, { value: 12 }]] }],
};

function kindOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (err) {
    return err instanceof WorkbookReadError ? err.code : "not a WorkbookReadError";
  }
  return undefined;
}

test("a part cut short, or refused by a limit half-read, leaves the next workbook read as it should be", () => {
  const cut = xlsx({ sheets: [["S", '<sheetData><row r="1"><c r="A1"><v>1</v></c>']] });
  // the row past the grid is refused from the handler, mid-part, with the parser inside <sheetData>
  const pastGrid = xlsx({
    sheets: [["S", '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048577"></row></sheetData>']],
  });
  const broken = xlsx({ sheets: [["S", '<sheetData><row r="1"><c r="A1"><v>1</v></row></c></sheetData>']] });
  for (const [bad, kind] of [
    [cut, "corrupt"],
    [pastGrid, "out-of-range"],
    [broken, "corrupt"],
  ] as const) {
    for (const options of [native, {}]) {
      expect(kindOf(() => readWorkbookBytes(bad, options))).toBe(kind);
      expect(readWorkbookBytes(good, options)).toEqual(expected);
    }
  }
});

test("a part read while another is being read is parsed on its own", () => {
  const zip = ZipArchive.open(good, nodeInflateRaw);
  const outer: string[] = [];
  const inner: string[] = [];
  parseXmlPart(zip, "xl/worksheets/sheet1.xml", {
    open(el, a) {
      outer.push(`<${el}${a.r ? ` ${a.r}` : ""}`);
      if (el === "row")
        parseXmlPart(zip, "xl/sharedStrings.xml", {
          open: (e) => inner.push(`<${e}`),
          close: (e) => inner.push(`/${e}`),
          text: (t) => inner.push(t),
        });
    },
    close: (el) => outer.push(`/${el}`),
    text: (t) => void (t.trim() && outer.push(t)),
  });
  expect(inner).toEqual(["<sst", "<si", "<t", "予算額", "/t", "/si", "/sst"]);
  expect(outer).toEqual(
    [
      "<worksheet",
      "<sheetData",
      "<row 1",
      "<c A1",
      "<v",
      "0",
      "/v",
      "/c",
      "<c B1",
      "<v",
      "12",
      "/v",
      "/c",
      "/row",
    ].concat(["/sheetData", "/worksheet"]),
  );
  // and reading goes on as before afterwards
  expect(readWorkbookBytes(good, native)).toEqual(expected);
});

test("a part of more than 1 MB, its characters cut between chunks, reads as it does streamed through fflate", () => {
  // 3-byte characters in strings of odd length: chunk borders fall inside characters
  const text = "予算執行".repeat(1000) + "額";
  const rows = Array.from(
    { length: 120 },
    (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>${text}${r}</t></is></c></row>`,
  );
  const big = xlsx({ sheets: [["S", `<sheetData>${rows.join("")}</sheetData>`]] });
  const viaNative = readWorkbookBytes(big, native);
  expect(viaNative.sheets[0].rows).toHaveLength(120);
  expect(viaNative.sheets[0].rows[119]).toEqual([{ value: `${text}119` }]);
  expect(readWorkbookBytes(big, {})).toEqual(viaNative);
});
