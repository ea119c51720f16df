/**
 * The exceljs-free reader on hand-written parts: what other writers put in a sheet (inline and rich strings,
 * escapes, shared and array formulas, cached errors, 1904 dates, hyperlinks, built-in and custom formats),
 * checked against the exceljs reader (the oracle) and against the values Excel shows.
 */
import { readWorkbookBuffer as readWithExcelJS } from "../../src/adapters/exceljs/read";
import { readWorkbookBuffer } from "../../src/adapters/xlsx/read";
import { xlsx } from "./xlsx-parts";

const row = (r: number, cells: string, attrs = "") => `<row r="${r}"${attrs}>${cells}</row>`;
const data = (...rows: string[]) => `<sheetData>${rows.join("")}</sheetData>`;

async function both(bytes: Uint8Array) {
  const ours = await readWorkbookBuffer(bytes);
  expect(ours).toEqual(await readWithExcelJS(bytes));
  return ours;
}

describe("cells as the exceljs reader reads them", () => {
  test("shared, inline and rich strings, escapes, str results, booleans, errors", async () => {
    const wb = await both(
      xlsx({
        sharedStrings: [
          "<si><t>予算</t></si>",
          '<si><r><rPr><b/></rPr><t>太字</t></r><r><t xml:space="preserve"> と普通</t></r></si>',
          '<si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh><phoneticPr fontId="1"/></si>',
          "<si><t>改行_x000D_あり</t></si>",
          "<si><t/></si>",
        ],
        sheets: [
          [
            "S",
            data(
              row(
                1,
                '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c>',
              ),
              row(
                2,
                '<c r="A2" t="inlineStr"><is><t>インライン</t></is></c><c r="B2" t="inlineStr"><is><r><t>リッチ</t></r><r><t>_x0041_</t></r></is></c><c r="C2" t="str"><v>a &amp;lt; b</v></c>',
              ),
              row(
                3,
                '<c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3"><v>-1.5E-3</v></c><c r="E3" s="0"/>',
              ),
            ),
          ],
        ],
      }),
    );
    expect(wb.sheets[0].rows).toEqual([
      [{ value: "予算" }, { value: "太字 と普通" }, { value: "漢字" }, { value: "改行\rあり" }, { value: "" }],
      [{ value: "インライン" }, { value: "リッチA" }, { value: "a < b" }],
      [{ value: true }, { value: false }, { value: { error: "#N/A" } }, { value: -0.0015 }],
    ]);
  });

  test("formulas: cached results of every type, shared formulas translated, array formulas on their first cell", async () => {
    const wb = await both(
      xlsx({
        sheets: [
          [
            "F",
            data(
              row(
                1,
                '<c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+$A$1</f><v>3</v></c><c r="C1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>',
              ),
              row(
                2,
                '<c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>5</v></c><c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D2" t="b"><f>TRUE()</f><v>1</v></c>',
              ),
              row(
                3,
                '<c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>7</v></c><c r="C3"><f t="array" ref="C3:C4">SUM(A1:A3*2)</f><v>12</v></c><c r="D3"><f>A1</f></c>',
              ),
              row(4, '<c r="C4"><v>0</v></c>'),
            ),
          ],
        ],
      }),
    );
    const rows = wb.sheets[0].rows;
    expect(rows[1][1]).toEqual({ value: 5, formula: "A2*2+$A$1" });
    expect(rows[2][1]).toEqual({ value: 7, formula: "A3*2+$A$1" });
    expect(rows[0][2]).toEqual({ value: "ab", formula: '"a"&"b"' });
    expect(rows[1][2]).toEqual({ value: { error: "#DIV/0!" }, formula: "1/0" });
    expect(rows[1][3]).toEqual({ value: true, formula: "TRUE()" });
    expect(rows[2][2]).toEqual({ value: 12, formula: "SUM(A1:A3*2)" });
    expect(rows[2][3]).toEqual({ value: null, formula: "A1" });
    expect(rows[3][2]).toEqual({ value: 0 });
  });

  test("number formats: built-in, custom (backslashes as exceljs reads them), dates in the 1900 and 1904 systems", async () => {
    const parts = (pr: string) =>
      xlsx({
        workbookPr: pr,
        numFmts:
          '<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.0\\ &quot;億円&quot;"/><numFmt numFmtId="165" formatCode="[$-ja-JP]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>',
        cellXfs: [
          '<xf numFmtId="14"/>',
          '<xf numFmtId="14"/>',
          '<xf numFmtId="10"/>',
          '<xf numFmtId="164"/>',
          '<xf numFmtId="165"/>',
          '<xf numFmtId="0"/>',
        ],
        sheets: [
          [
            "D",
            data(
              row(
                1,
                '<c r="A1" s="1"><v>45748</v></c><c r="B1" s="2"><v>0.891</v></c><c r="C1" s="3"><v>12.5</v></c><c r="D1" s="4"><v>45748</v></c><c r="E1" s="5"><v>7</v></c><c r="F1" s="0"><v>45748</v></c>',
              ),
            ),
          ],
        ],
      });
    const wb1900 = await both(parts(""));
    expect(wb1900.sheets[0].rows[0]).toEqual([
      { value: new Date(Date.UTC(2025, 3, 1)), numFmt: "mm-dd-yy" },
      { value: 0.891, numFmt: "0.00%" },
      { value: 12.5, numFmt: '#,##0.0 "億円"' },
      { value: new Date(Date.UTC(2025, 3, 1)), numFmt: '[$-ja-JP]ggge"年"m"月"d"日"' },
      { value: 7 },
      { value: 45748 },
    ]);
    const wb1904 = await both(parts('<workbookPr date1904="1"/>'));
    expect(wb1904.sheets[0].rows[0][0]?.value).toEqual(new Date(Date.UTC(2029, 3, 2)));
  });

  test("external hyperlinks make a cell its text; merges empty the covered cells; layout cut to the used box", async () => {
    const wb = await both(
      xlsx({
        cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="3"/>'],
        sheetRels: {
          0: '<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/>',
        },
        sheets: [
          [
            "L",
            `<cols><col min="2" max="2" width="0" hidden="1" customWidth="1"/><col min="6" max="16384" hidden="true"/></cols>` +
              data(
                row(
                  1,
                  '<c r="A1" t="inlineStr"><is><t>見出し</t></is></c><c r="B1"><v>9</v></c><c r="C1" s="1"><v>1234</v></c>',
                ),
                row(
                  2,
                  '<c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2" s="1"/><c r="D2"><v>4</v></c>',
                  ' hidden="1"',
                ),
                row(3, '<c r="A3"><v>5</v></c><c r="D3"><v>6</v></c>'),
              ) +
              '<mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="D2:E9"/></mergeCells>' +
              '<hyperlinks><hyperlink ref="C1" r:id="rIdH1"/><hyperlink ref="C2" r:id="rIdH1"/><hyperlink ref="A3" location="L!A1"/></hyperlinks>',
          ],
        ],
      }),
    );
    const s = wb.sheets[0];
    expect(s.rows).toEqual([
      [{ value: "見出し" }, undefined, { value: "1234" }],
      [{ value: 1 }, { value: 2 }, { value: "" }, { value: 4 }],
      [{ value: 5 }],
    ]);
    expect(s.merges).toEqual(["A1:B1", "D2:D3"]);
    expect(s.hiddenRows).toEqual([1]);
    expect(s.hiddenColumns).toEqual([1]);
  });
});

describe("what Excel reads and exceljs does not", () => {
  test("rows and cells without an address follow the previous one; prefixed element names", async () => {
    const wb = await readWorkbookBuffer(
      xlsx({
        sheets: [
          [
            "P",
            '<sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row></sheetData>',
          ],
          ["X", ""],
        ],
        raw: {
          "xl/worksheets/sheet2.xml":
            '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>',
        },
      }),
    );
    expect(wb.sheets[0].rows).toEqual([
      [{ value: 1 }, { value: 2 }],
      [undefined, undefined, { value: 3 }, { value: 4 }],
    ]);
    expect(wb.sheets[1].rows).toEqual([[{ value: 7 }]]);
  });
});

describe("memory", () => {
  test("cells holding the same shared string or the same number in one style are one cell; dates and formulas are not", async () => {
    const wb = await both(
      xlsx({
        sharedStrings: ["<si><t>文</t></si>"],
        numFmts: '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0"/></numFmts>',
        cellXfs: [
          '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
          '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
        ],
        sheets: [
          [
            "S",
            data(
              ...[1, 2].map((r) =>
                row(
                  r,
                  `<c r="A${r}" t="s"><v>0</v></c><c r="B${r}"><v>12</v></c><c r="C${r}" s="1"><v>12</v></c>` +
                    `<c r="D${r}" s="2"><v>45000</v></c><c r="E${r}"><f>B${r}</f><v>12</v></c>`,
                ),
              ),
            ),
          ],
        ],
      }),
    );
    const [first, second] = wb.sheets[0].rows;
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second[2]).toBe(first[2]);
    expect(first[2]).not.toBe(first[1]); // another style: another number format
    expect(first[2]).toEqual({ value: 12, numFmt: "#,##0.0" });
    expect(second[3]).not.toBe(first[3]);
    expect(second[3]).toEqual(first[3]);
    expect(second[4]).not.toBe(first[4]);
  });
});
