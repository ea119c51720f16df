/**
 * @jest-environment jsdom
 */
import "../support/jsdom-setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import type { CheckResult } from "../../src/core/engine";
import { sheetFromValues, type Workbook } from "../../src/core/model/workbook";
import { createFakeHost, FAKE_RESULT } from "../support/fake-host";
import { checkNow, renderPane } from "./render-pane";

describe("task pane: a workbook with no sheet of a known kind: 未検証, never 「問題なし」", () => {
  const unknownSheet = (sheet: string) => ({
    rule: "structure/unknown-sheet",
    severity: "info" as const,
    sheet,
    cell: "A1",
    cells: ["A1"],
    message: `シート「${sheet}」は見出し行が見つからないため検証していません（最初の30行に様式の見出しがありません）。`,
  });
  const UNCHECKED: CheckResult = {
    sheets: [
      { name: "会議メモ", kind: null },
      { name: "予定", kind: null },
    ],
    findings: [unknownSheet("会議メモ"), unknownSheet("予定")],
    summary: { error: 0, warning: 0, info: 2 },
    computed: [],
  };

  async function checkUnchecked(name = "検証"): Promise<HTMLElement> {
    fireEvent.click(screen.getByRole("button", { name }));
    const bar = await screen.findByTestId("not-checked");
    await waitFor(() => expect(screen.getByRole("button", { name })).toBeEnabled());
    return bar;
  }

  test("Excel: a warning message that nothing was checked and why, with テンプレート挿入; no counts, no ticks", async () => {
    const host = createFakeHost();
    renderPane(host, "ja", () => UNCHECKED);
    const bar = await checkUnchecked();
    expect(within(bar).getByRole("heading", { name: "未検証：様式に当たるシートがありません" })).toBeInTheDocument();
    expect(bar).toHaveTextContent(
      "このブックの2枚のシートは、どれも Kensa の様式（インハウス予算・予算内訳・アウトプット指標・モニタリング）に当たりません。どのシートの最初の30行にも様式の見出し行が見つからなかったため、何も検証していません。",
    );
    expect(bar).toHaveTextContent("様式のシートを追加するには「テンプレート挿入」を押してください。");
    expect(bar).toHaveTextContent(
      "見出しの文言（例:「機関名」「全体」「健康・医療関係」）が様式どおりか確認してください。",
    );
    expect(bar).toHaveTextContent("シートごとの理由は、下の「情報」の指摘にあります。");
    expect(screen.queryByTestId("no-problems")).not.toBeInTheDocument();
    expect(screen.queryByTestId("severity-summary")).not.toBeInTheDocument();
    expect(screen.queryByText(/エラー0件/)).not.toBeInTheDocument();
    // no severity filters either (their 「エラー0件」 would read as clean)
    expect(screen.queryByTestId("severity-filters")).not.toBeInTheDocument();
    expect(screen.queryByRole("combobox", { name: "ルールで絞り込み" })).not.toBeInTheDocument();
    expect(screen.queryByText(/に検証しました/)).not.toBeInTheDocument();
    expect(screen.getByText(/に読み取りました$/)).toBeInTheDocument();
    // both sheets listed as not checked, without a green tick; the infos name them
    const bySheet = screen.getByTestId("sheet-summary");
    expect(within(bySheet).getAllByText("対象外のシート")).toHaveLength(2);
    expect(screen.queryAllByTestId("sheet-ok")).toHaveLength(0);
    expect(screen.getAllByTestId("finding").map((f) => f.textContent)).toEqual([
      expect.stringContaining("シート「会議メモ」は見出し行が見つからないため検証していません"),
      expect.stringContaining("シート「予定」は見出し行が見つからないため検証していません"),
    ]);
    // the hint's action: insert the template
    fireEvent.click(within(bar).getByRole("button", { name: "テンプレート挿入" }));
    await waitFor(() => expect(host.insertTemplate).toHaveBeenCalledTimes(1));
    expect(await screen.findByText("シートを追加しました: インハウス予算、予算内訳")).toBeInTheDocument();
  });

  test("with no finding at all (e.g. the info rule not run) it is still 未検証, not 「問題は見つかりませんでした」", async () => {
    renderPane(createFakeHost(), "ja", () => ({
      ...UNCHECKED,
      findings: [],
      summary: { error: 0, warning: 0, info: 0 },
    }));
    const bar = await checkUnchecked();
    expect(bar).toHaveTextContent("何も検証していません");
    expect(bar).not.toHaveTextContent("シートごとの理由");
    expect(screen.queryByTestId("no-problems")).not.toBeInTheDocument();
    expect(screen.queryByText("問題は見つかりませんでした")).not.toBeInTheDocument();
  });

  test("infos hidden by a filter on an earlier result are all shown: the reasons are never filtered away", async () => {
    let next: CheckResult = FAKE_RESULT;
    renderPane(createFakeHost(), "ja", () => next);
    await checkNow();
    fireEvent.click(screen.getByText("情報1件", { selector: "button" }));
    expect(screen.getAllByTestId("finding").map((f) => f.getAttribute("data-severity"))).not.toContain("info");
    next = UNCHECKED;
    await checkUnchecked();
    expect(screen.getAllByTestId("finding")).toHaveLength(2);
    expect(screen.getByRole("heading", { name: "指摘2件" })).toBeInTheDocument();
  });

  test("browser mode (no workbook actions): the hint points at the template download, no insert button", async () => {
    const host = createFakeHost();
    render(
      <FluentProvider theme={webLightTheme}>
        <App
          host={host}
          lang="ja"
          check={() => ({ ...UNCHECKED, sheets: [UNCHECKED.sheets[0]], findings: [UNCHECKED.findings[0]] })}
          workbookActions={false}
        />
      </FluentProvider>,
    );
    const bar = await checkUnchecked();
    expect(bar).toHaveTextContent(
      "このブックのシートは Kensa の様式（インハウス予算・予算内訳・アウトプット指標・モニタリング）に当たりません。",
    );
    expect(bar).toHaveTextContent("「テンプレートをダウンロード」で様式を確かめ");
    expect(within(bar).queryByRole("button")).not.toBeInTheDocument();
  });

  test("English", async () => {
    renderPane(createFakeHost(), "en", () => UNCHECKED);
    const bar = await checkUnchecked("Check");
    expect(
      within(bar).getByRole("heading", { name: "Not checked: no sheet matches a Kensa template" }),
    ).toBeInTheDocument();
    expect(bar).toHaveTextContent("None of the 2 sheets of this workbook matches a Kensa template");
    expect(bar).toHaveTextContent("so nothing was checked.");
    expect(bar).toHaveTextContent("Press “Insert template”");
    expect(screen.queryByTestId("no-problems")).not.toBeInTheDocument();
    expect(within(screen.getByTestId("sheet-summary")).getAllByText("Not a checked sheet")).toHaveLength(2);
  });

  test("the real engine on a workbook of no known kind gives the same 未検証 state", async () => {
    const { defaultCheck } = await import("../../src/taskpane/run-check");
    const memo: Workbook = { sheets: [sheetFromValues("会議メモ", [["出席者", "山田"]])] };
    renderPane(createFakeHost(memo), "ja", defaultCheck);
    const bar = await checkUnchecked();
    expect(bar).toHaveTextContent("何も検証していません");
    expect(screen.getAllByTestId("finding")[0]).toHaveTextContent("シート「会議メモ」");
    expect(screen.queryByTestId("no-problems")).not.toBeInTheDocument();
  });
});
