/**
 * @jest-environment jsdom
 *
 * Browser mode's cell preview on the R7 sample (a real .xlsx): what the finding's cell is (its row's item, its
 * column's header), the grid with a spreadsheet's column letters and row numbers, and the finding's cells on other
 * sheets with their values; and the order 「次の問題」 walks the errors and warnings of the open files in.
 */
import "../support/jsdom-setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { readWorkbookBuffer } from "../../src/adapters/exceljs/read";
import { CellPreview } from "../../src/browser/components/CellPreview";
import { problemKey, problemsOf, step } from "../../src/browser/components/problems";
import { ProblemNav } from "../../src/browser/components/ProblemNav";
import { cellText, labelOf, surroundingCells } from "../../src/browser/preview";
import { BROWSER_STRINGS } from "../../src/browser/strings";
import { fromA1 } from "../../src/core/model/address";
import type { Finding } from "../../src/core/model/finding";
import type { Sheet, Workbook } from "../../src/core/model/workbook";

const SAMPLE = path.resolve(__dirname, "../../samples/r7-report.xlsx");
let wb: Workbook;
beforeAll(async () => {
  wb = await readWorkbookBuffer(readFileSync(SAMPLE));
});

const sheet = (name: string): Sheet => wb.sheets.find((s) => s.name === name)!;
/** What a cell of the sample holds, read straight from the model (whitespace as the label shows it). */
const at = (name: string, a1: string): string => {
  const { row, col } = fromA1(a1);
  return cellText(sheet(name).rows[row]?.[col]).replace(/\s+/g, " ").trim();
};

describe("what the previewed cell is", () => {
  it("a monitoring sheet's 値: the indicator (from the row with its 番号), its 内訳 group and the row's 項目", () => {
    const p = surroundingCells(wb, "PJ5", ["G6"]);
    // PJ5's indicator 1 starts on row 5: 番号 in A5, name in B5; 導出形態別 is written on row 5 only
    expect(at("PJ5", "A6")).toBe("");
    expect(at("PJ5", "D6")).toBe("");
    expect(p.label).toEqual({
      row: [`${at("PJ5", "A5")} ${at("PJ5", "B5")}`, at("PJ5", "D5"), at("PJ5", "E6")],
      column: "値",
    });
    expect(p.label!.row[1]).toBe("導出形態別の件数");
  });

  it("a cell of the indicator's own columns (指標値) is the indicator alone", () => {
    const p = surroundingCells(wb, "PJ5", ["C5", "G5", "G6", "G7"], {
      primary: "C5",
    });
    expect(p.label).toEqual({
      row: [`${at("PJ5", "A5")} ${at("PJ5", "B5")}`],
      column: "指標値",
    });
  });

  it("the budget sheets: the institute or programme named on the row, and the column's header", () => {
    expect(labelOf(sheet("インハウス予算"), fromA1("D18").row, fromA1("D18").col)).toEqual({
      row: ["国立健康危機管理研究機構"],
      column: "健康・医療関係",
    });
    const d28 = labelOf(sheet("予算内訳"), fromA1("D28").row, fromA1("D28").col)!;
    expect(d28.row).toEqual(["ライフサイエンス研究基盤整備事業"]);
    expect(d28.column).toMatch(/予算額/);
  });

  it("the output indicators: 番号 and 指標 of the row", () => {
    const j15 = labelOf(sheet("アウトプット指標"), fromA1("J15").row, fromA1("J15").col)!;
    expect(j15.row).toHaveLength(1);
    expect(j15.row[0]).toMatch(/^8 /);
    expect(j15.column).toBe("進捗");
  });

  it("a cell above any table or on a sheet of no known kind: the names left of it on its row, or nothing", () => {
    const memo: Workbook = {
      sheets: [
        {
          name: "メモ",
          rows: [[{ value: "出席者" }, { value: 3 }, { value: "山田" }, { value: 12 }]],
        },
      ],
    };
    expect(surroundingCells(memo, "メモ", ["D1"]).label).toEqual({
      row: ["出席者", "山田"],
    });
    expect(surroundingCells(memo, "メモ", ["A1"]).label).toBeUndefined();
  });

  it("a roll-up on 全体 lists the PJ sheets' cells with their values and what each is", () => {
    const cells = ["G6", ...["PJ1", "PJ2", "PJ8"].map((pj) => `'${pj}'!G6`), "'PJ9'!G6"];
    const p = surroundingCells(wb, "全体", cells);
    expect(p.elsewhere.map((c) => [c.ref, c.sheet, c.cell, c.text])).toEqual([
      ["'PJ1'!G6", "PJ1", "G6", at("PJ1", "G6")],
      ["'PJ2'!G6", "PJ2", "G6", at("PJ2", "G6")],
      ["'PJ8'!G6", "PJ8", "G6", at("PJ8", "G6")],
      // no such sheet: no value (not a blank)
      ["'PJ9'!G6", "PJ9", "G6", undefined],
    ]);
    expect(p.elsewhere[0].text).toMatch(/^\d+件$/);
    expect(p.elsewhere[0].label?.row).toEqual([
      `${at("PJ1", "A5")} ${at("PJ1", "B5")}`,
      at("PJ1", "D5"),
      at("PJ1", "E6"),
    ]);
  });
});

function renderPreview(preview: ReturnType<typeof surroundingCells> | null, lang: "ja" | "en" = "ja") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <CellPreview preview={preview} s={BROWSER_STRINGS[lang]} />
    </FluentProvider>,
  );
}

describe("CellPreview", () => {
  it("shows column letters and row numbers as a spreadsheet does, the selected cells' headers marked", () => {
    renderPreview(surroundingCells(wb, "PJ5", ["C5", "G5", "G6", "G7"], { primary: "C5" }));
    const grid = screen.getByTestId("preview-grid");
    const columns = within(grid)
      .getAllByRole("columnheader")
      .map((th) => th.textContent);
    const rows = within(grid)
      .getAllByRole("rowheader")
      .map((th) => th.textContent);
    // the window starts at B (padding, with the selection C…G kept whole) and row 3
    expect(columns).toEqual(["B", "C", "D", "E", "F", "G"]);
    expect(rows).toEqual(["3", "4", "5", "6", "7", "8", "9"]);
    const active = (role: "columnheader" | "rowheader") =>
      within(grid)
        .getAllByRole(role)
        .filter((th) => th.getAttribute("data-active") === "true")
        .map((th) => th.textContent);
    expect(active("columnheader")).toEqual(["C", "G"]);
    expect(active("rowheader")).toEqual(["5", "6", "7"]);
    // each cell at its address, showing what the sheet shows
    const c5 = grid.querySelector('td[data-address="C5"]')!;
    expect(c5).toHaveAttribute("data-primary", "true");
    expect(c5.textContent).toContain(at("PJ5", "C5"));
    expect(c5.getAttribute("title")).toBe(`C5: ${at("PJ5", "C5")}`);
  });

  it("says which cell it is, the row's item and the column's header", () => {
    renderPreview(surroundingCells(wb, "PJ5", ["G6"]));
    expect(screen.getByTestId("preview-cell")).toHaveTextContent("PJ5!G6");
    expect(screen.getByTestId("preview-row-label").textContent).toBe(
      [`${at("PJ5", "A5")} ${at("PJ5", "B5")}`, "導出形態別の件数", at("PJ5", "E6")].join("›"),
    );
    expect(screen.getByTestId("preview-column-label")).toHaveTextContent("値");
    const terms = within(screen.getByTestId("preview-label"))
      .getAllByRole("term")
      .map((dt) => dt.textContent);
    expect(terms).toEqual(["セル", "項目", "列の見出し"]);
  });

  it("lists the related cells on other sheets with their values and items", () => {
    renderPreview(surroundingCells(wb, "全体", ["G6", "'PJ1'!G6", "'PJ5'!G6", "'PJ9'!G6"]));
    const list = screen.getByTestId("preview-elsewhere");
    expect(list).toHaveAccessibleName("他のシートの関連セル");
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("data-ref"))).toEqual(["'PJ1'!G6", "'PJ5'!G6", "'PJ9'!G6"]);
    expect(within(items[0]).getByTestId("related-value").textContent).toBe(at("PJ1", "G6"));
    expect(within(items[1]).getByTestId("related-value").textContent).toBe(at("PJ5", "G6"));
    expect(within(items[0]).getByTestId("related-label").textContent).toContain(at("PJ1", "E6"));
    expect(within(items[2]).getByTestId("related-value").textContent).toBe("（値を読めません）");
    expect(items[0].textContent).toMatch(/^PJ1!G6/);
  });

  it("a related cell that holds nothing reads （空欄）, never a bare dash; other files' cells likewise", () => {
    const blank: Workbook = {
      sheets: [
        { name: "S", rows: [[{ value: 1 }]] },
        { name: "T", rows: [] },
      ],
    };
    renderPreview(
      surroundingCells(blank, "S", ["A1", "'T'!B2", "[x.xlsx]U!C3"], {
        lookup: (file, sh, cell) => (file === "x.xlsx" && sh === "U" && cell === "C3" ? "" : undefined),
      }),
    );
    expect(within(screen.getByTestId("preview-elsewhere")).getByTestId("related-value").textContent).toBe("（空欄）");
    const other = within(screen.getByTestId("preview-other-files")).getByRole("listitem");
    expect(other.textContent).toBe("「x.xlsx」のU!C3（空欄）");
  });

  it("in English", () => {
    renderPreview(surroundingCells(wb, "PJ5", ["G6", "'PJ1'!G6"]), "en");
    expect(screen.getByText("Around PJ5!G6")).toBeInTheDocument();
    expect(
      within(screen.getByTestId("preview-label"))
        .getAllByRole("term")
        .map((dt) => dt.textContent),
    ).toEqual(["Cell", "Item", "Column"]);
    expect(screen.getByTestId("preview-elsewhere")).toHaveAccessibleName("Related cells on other sheets");
  });

  it("before a finding is selected: says what it will show", () => {
    renderPreview(null);
    expect(screen.getByTestId("cell-preview")).toHaveTextContent(BROWSER_STRINGS.ja.previewEmpty);
    expect(screen.queryByTestId("preview-grid")).toBeNull();
  });
});

const f = (
  severity: Finding["severity"],
  sheet: string,
  cell: string,
  rule = "sum/breakdown",
  extra: Partial<Finding> = {},
): Finding => ({
  rule,
  severity,
  sheet,
  cell,
  cells: [cell],
  message: `${sheet}!${cell}`,
  ...extra,
});

describe("「次の問題」: the order of the problems", () => {
  const files = [
    {
      id: "a",
      name: "提出_総括.xlsx",
      // the first finding (an info) is on 様式3: the pane's list of problems starts with 様式1, and so does the walk
      findings: [
        f("info", "様式3", "C5"),
        f("warning", "様式1", "B2"),
        f("error", "様式1", "G6"),
        f("error", "様式2", "A1"),
        f("error", "様式1", "C28"),
        f("error", "様式3", "E1"),
      ],
    },
    {
      id: "b",
      name: "提出_成果指標.xlsx",
      findings: [f("info", "様式3", "A1")],
    },
    {
      id: "c",
      name: "提出_予算.xlsx",
      findings: [
        f("error", "様式5", "D28", "sum/subtotal", {
          accepted: { reason: "確認済み" },
        }),
        f("warning", "様式4", "D18"),
      ],
    },
  ];
  const problems = problemsOf(files);
  const order = problems.map((p) => `${p.fileId}:${p.finding.sheet}!${p.finding.cell}`);
  const fileOrder = files.map((x) => x.id);

  it("file by file, sheet by sheet as the pane lists them; no infos, no accepted findings", () => {
    expect(order).toEqual(["a:様式1!B2", "a:様式1!G6", "a:様式1!C28", "a:様式2!A1", "a:様式3!E1", "c:様式4!D18"]);
  });

  it("steps forward and back from the selected problem, across files, wrapping round", () => {
    const key = (i: number) => ({ fileId: problems[i].fileId, key: problemKey(problems[i].finding) });
    const last = problems.length - 1;
    expect(step(problems, key(4), 1, fileOrder)?.problem.finding.cell).toBe("D18");
    expect(step(problems, key(last), 1, fileOrder)?.index).toBe(0);
    expect(step(problems, key(0), -1, fileOrder)?.index).toBe(last);
    expect(step(problems, key(2), -1, fileOrder)?.problem.finding.cell).toBe("G6");
    expect(step(problems, null, 1, fileOrder)?.index).toBe(0);
    expect(step(problems, null, -1, fileOrder)?.index).toBe(last);
  });

  it("from a file with nothing selected: its first problem, or the next file's when it has none", () => {
    expect(step(problems, { fileId: "b" }, 1, fileOrder)?.problem.fileId).toBe("c");
    expect(step(problems, { fileId: "b" }, -1, fileOrder)?.problem.finding.cell).toBe("E1");
    expect(step(problems, { fileId: "c" }, 1, fileOrder)?.problem.finding.cell).toBe("D18");
    expect(step([], { fileId: "a" }, 1, fileOrder)).toBeNull();
  });

  it("the bar: position, where the problem is (rule in Japanese) and the shortcuts; buttons step", () => {
    const steps: number[] = [];
    const { rerender } = render(
      <FluentProvider theme={webLightTheme}>
        <ProblemNav s={BROWSER_STRINGS.ja} lang="ja" problems={problems} index={-1} onStep={(d) => steps.push(d)} />
      </FluentProvider>,
    );
    expect(screen.getByTestId("nav-position")).toHaveTextContent(
      `エラー・警告${problems.length}件（開いたすべてのファイル）`,
    );
    expect(screen.getByRole("toolbar", { name: "問題の移動" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "次の問題" }));
    fireEvent.click(screen.getByRole("button", { name: "前の問題" }));
    expect(steps).toEqual([1, -1]);
    expect(screen.getByRole("button", { name: "次の問題" })).toHaveAttribute("aria-keyshortcuts", "F8");
    expect(screen.getByRole("button", { name: "前の問題" })).toHaveAttribute("aria-keyshortcuts", "Shift+F8");
    rerender(
      <FluentProvider theme={webLightTheme}>
        <ProblemNav
          s={BROWSER_STRINGS.ja}
          lang="ja"
          problems={problems}
          index={problems.length - 1}
          onStep={() => undefined}
        />
      </FluentProvider>,
    );
    expect(screen.getByTestId("nav-position")).toHaveTextContent(`${problems.length}件中${problems.length}件目`);
    expect(screen.getByTestId("nav-where")).toHaveTextContent("「提出_予算.xlsx」の様式4!D18：");
    expect(screen.getByTestId("nav-where").textContent).not.toContain("sum/breakdown");
    rerender(
      <FluentProvider theme={webLightTheme}>
        <ProblemNav s={BROWSER_STRINGS.ja} lang="ja" problems={[]} index={-1} onStep={() => undefined} />
      </FluentProvider>,
    );
    expect(screen.getByTestId("nav-position")).toHaveTextContent("移動できるエラー・警告はありません。");
    expect(screen.getByRole("button", { name: "次の問題" })).toBeDisabled();
  });
});
