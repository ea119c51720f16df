/**
 * @jest-environment jsdom
 */
/**
 * 「他のブックを追加」 in the Excel pane: the open workbook (the split R7 sample's 全体 file) and the other submitters'
 * files, read in the pane, are one submission set. The open workbook gets the same findings as `checkSet` over the
 * whole set (the six roll-up errors on 全体); only its own result reaches the host; the added files' findings
 * are listed apart, never selected, highlighted or fixed.
 */
import "../support/jsdom-setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { readWorkbookBuffer } from "../../src/adapters/exceljs/read";
import { checkSet, type CheckResult } from "../../src/core/engine";
import type { Workbook } from "../../src/core/model/workbook";
import { isExternalRef } from "../../src/core/model/refs";
import { checkWithAdded, openBookName, ownCells, setMemberNames } from "../../src/taskpane/added-books";
import { App } from "../../src/taskpane/components/App";
import { loadSpec, splitSpecs, SPLIT, xlsxBytes } from "../fixtures/split";
import { createFakeHost } from "../support/fake-host";

jest.setTimeout(120_000);

const OPEN = "提出_総括.xlsx";
const files = new Map<string, Uint8Array>();
const books = new Map<string, Workbook>();
let whole: ReturnType<typeof checkSet>;

beforeAll(async () => {
  for (const { file, spec } of splitSpecs(loadSpec())) {
    const bytes = new Uint8Array(await xlsxBytes(spec));
    files.set(file, bytes);
    books.set(file, await readWorkbookBuffer(bytes));
  }
  // what `kensa check` on the folder gives (the set in SPLIT's order)
  whole = checkSet(
    SPLIT.map((f) => ({ name: f.file, workbook: books.get(f.file)! })),
    { lang: "ja" },
  );
});

const picked = (name: string, bytes: Uint8Array = files.get(name)!) => ({
  name,
  arrayBuffer: async () => bytes.slice().buffer,
});
const others = () => SPLIT.map((f) => f.file).filter((f) => f !== OPEN);
const wholeOf = (name: string): CheckResult => whole.files[SPLIT.findIndex((f) => f.file === name)].result!;
const rows = (findings: readonly { rule: string; sheet: string; cell: string }[]) =>
  findings.map((f) => `${f.rule}|${f.sheet}|${f.cell}`).sort();

function renderPane() {
  const host = createFakeHost(books.get(OPEN));
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} lang="ja" workbookName={OPEN} />
    </FluentProvider>,
  );
  return host;
}

async function addFiles(list: { name: string; arrayBuffer(): Promise<ArrayBuffer> }[]) {
  fireEvent.change(screen.getByTestId("add-books-input"), { target: { files: list } });
}

describe("pure helpers", () => {
  test("the open workbook's name from Office's URL, else 「開いているブック」", () => {
    expect(openBookName("C:\\審査\\提出_総括.xlsx", "ja")).toBe("提出_総括.xlsx");
    expect(
      openBookName("https://contoso.sharepoint.com/sites/a/Shared%20Documents/%E6%8F%90%E5%87%BA.xlsx?web=1", "ja"),
    ).toBe("提出.xlsx");
    expect(openBookName("", "ja")).toBe("開いているブック");
    expect(openBookName(null, "en")).toBe("Open workbook");
    expect(setMemberNames("a.xlsx", ["b.xlsx", "a.xlsx", "a.xlsx"])).toEqual([
      "a.xlsx",
      "b.xlsx",
      "a (2).xlsx",
      "a (3).xlsx",
    ]);
  });

  test("checkWithAdded gives the open workbook the findings kensa check gives it in the whole set", () => {
    const added = others().map((name) => ({ id: name, name, workbook: books.get(name)! }));
    const r = checkWithAdded({ name: OPEN, workbook: books.get(OPEN)! }, added, "ja");
    expect(rows(r.result.findings)).toEqual(rows(wholeOf(OPEN).findings));
    expect(r.result.findings.filter((f) => f.rule.startsWith("rollup/"))).toHaveLength(6);
    expect(r.set.set.rollup).toBe("checked");
    // the open workbook's own findings only: their primary cells are on its sheets
    expect(r.result.findings.every((f) => f.sheet === "様式1")).toBe(true);
    const g6 = r.result.findings.find((f) => f.rule === "rollup/additive" && f.cell === "G6")!;
    expect(g6.cells.some(isExternalRef)).toBe(true);
    expect(ownCells(g6).some(isExternalRef)).toBe(false);
  });
});

describe("the pane with added workbooks", () => {
  test("adds the other 10 files: roll-up checked in place, only the open workbook's result reaches Excel", async () => {
    const host = renderPane();
    // alone: 全体 without the PJ sheets
    fireEvent.click(screen.getByRole("button", { name: "検証" }));
    await screen.findByTestId("severity-summary");
    await waitFor(() => expect(host.highlight).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId("added-findings")).not.toBeInTheDocument();

    await addFiles(others().map((n) => picked(n)));
    await waitFor(() => expect(screen.getByTestId("pane-set")).toHaveAttribute("data-rollup", "checked"), {
      timeout: 60_000,
    });
    await waitFor(() => expect(host.highlight).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.getByRole("button", { name: "検証" })).toBeEnabled());

    // the open workbook: exactly kensa check's findings for 提出_総括.xlsx, the six roll-ups included
    const shown = screen
      .getAllByTestId("finding")
      .map(
        (li) =>
          `${li.getAttribute("data-rule")}|様式1|${li.querySelector("[data-finding-select] span span")?.textContent}`,
      );
    expect(shown.sort()).toEqual(rows(wholeOf(OPEN).findings));
    expect(
      screen.getAllByTestId("finding").filter((li) => li.getAttribute("data-rule")?.startsWith("rollup/")),
    ).toHaveLength(6);
    expect(screen.getByRole("heading", { name: `指摘${wholeOf(OPEN).findings.length}件` })).toBeInTheDocument();
    const g6row = screen
      .getAllByTestId("finding")
      .find((li) => li.getAttribute("data-rule") === "rollup/additive" && li.textContent?.includes("G6"))!;
    expect(g6row).toHaveTextContent("他のファイル: 「提出_医薬品.xlsx」の様式2!G6、");

    // the host got the open workbook's result only: every finding on its own sheet
    const highlighted = host.highlight.mock.calls[1][0];
    expect(rows(highlighted.findings)).toEqual(rows(wholeOf(OPEN).findings));
    expect(highlighted.findings.every((f) => f.sheet === "様式1")).toBe(true);
    // its messages as the engine wrote them (the other files' cells are named on screen only)
    expect(highlighted.findings.find((f) => f.cell === "G6" && f.rule === "rollup/additive")!.message).toBe(
      wholeOf(OPEN).findings.find((f) => f.cell === "G6" && f.rule === "rollup/additive")!.message,
    );

    // the set: 11 books, 全体 and PJ1–PJ8 all there
    const set = screen.getByTestId("pane-set");
    expect(within(set).getAllByTestId("set-book")).toHaveLength(11);
    expect(within(set).getByTestId("pane-set-status")).toHaveTextContent("全体・PJ1〜PJ8 がそろっており");
    expect(within(set).getByTestId("pane-set-total")).toHaveTextContent(
      `合計11ファイル：エラー${whole.summary.error}件・警告${whole.summary.warning}件・情報${whole.summary.info}件`,
    );

    // the added files' findings: listed apart, as text, with no button to select or fix
    const added = screen.getByTestId("added-findings");
    for (const name of others()) {
      const want = wholeOf(name).findings;
      const got = within(added)
        .queryAllByTestId("added-finding")
        .filter((li) => li.getAttribute("data-file") === name);
      expect(
        rows(
          got.map((li) => ({
            rule: li.getAttribute("data-rule")!,
            sheet: li.getAttribute("data-sheet")!,
            cell: li.getAttribute("data-cell")!,
          })),
        ),
      ).toEqual(rows(want));
    }
    expect(within(added).queryAllByRole("button")).toHaveLength(0);
    expect(within(added).getByRole("heading", { name: /提出_医療機器\.xlsx/ })).toBeInTheDocument();

    // selecting a roll-up: only the open workbook's cells go to Excel
    fireEvent.click(g6row.querySelector("[data-finding-select]")!);
    await waitFor(() => expect(host.select).toHaveBeenCalled());
    const [sheet, cells] = host.select.mock.calls.at(-1)!;
    expect(sheet).toBe("様式1");
    expect(cells).toEqual(["G6"]);
    expect(cells.some(isExternalRef)).toBe(false);
    // nothing from an added file reached a write
    for (const call of [...host.highlight.mock.calls])
      expect(call[0].findings.every((f) => f.sheet === "様式1")).toBe(true);
    expect(host.applyFix).not.toHaveBeenCalled();
    expect(host.fillComputed).not.toHaveBeenCalled();

    // removing PJ1's file: checked again, PJ1 missing, the roll-up skipped
    fireEvent.click(within(set).getByRole("button", { name: "「提出_医薬品.xlsx」を提出セットから外す" }));
    await waitFor(() => expect(screen.getByTestId("pane-set")).toHaveAttribute("data-rollup", "skipped"));
    expect(screen.getByTestId("pane-set")).toHaveAttribute("data-missing", "PJ1");
    await waitFor(() =>
      expect(
        screen.getAllByTestId("finding").filter((li) => li.getAttribute("data-rule")?.startsWith("rollup/")),
      ).toHaveLength(0),
    );
    expect(screen.getByTestId("pane-set-status")).toHaveTextContent("不足: PJ1");
  });

  test("a file that cannot be read says why and changes nothing in the set", async () => {
    const host = renderPane();
    await addFiles([picked("メモ.xlsx", new Uint8Array(Buffer.from("これは Excel ではありません", "utf8")))]);
    const error = await screen.findByTestId("book-error");
    expect(error).toHaveTextContent("「メモ.xlsx」を読み込めません: ");
    expect(error).toHaveTextContent("Excelブック（.xlsx）ではありません");
    expect(error).toHaveAttribute("role", "alert");
    // nothing readable was added: no check ran
    expect(host.read).not.toHaveBeenCalled();
    // it can be taken out again
    fireEvent.click(screen.getByRole("button", { name: "「メモ.xlsx」を提出セットから外す" }));
    await waitFor(() => expect(screen.queryByTestId("set-book")).not.toBeInTheDocument());
  });
});
