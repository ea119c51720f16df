/**
 * @jest-environment jsdom
 */
import "../support/jsdom-setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import type { CheckFn } from "../../src/taskpane/run-check";
import { HostError } from "../../src/host/host";
import type { CheckResult } from "../../src/core/engine";
import { sheetFromValues, type Workbook } from "../../src/core/model/workbook";
import { CLEAN_RESULT, createFakeHost, FAKE_RESULT, FAKE_WORKBOOK, type FakeHost } from "../support/fake-host";

type Lang = "ja" | "en";

function renderPane(host: FakeHost, lang: Lang = "ja", check: CheckFn = jest.fn(() => FAKE_RESULT)) {
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} lang={lang} check={check} />
    </FluentProvider>,
  );
  return { ...utils, check };
}

async function checkNow(name = "検証"): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name }));
  await screen.findByTestId("severity-summary");
  // wait until the whole action (highlight, fillComputed) is over
  await waitFor(() => expect(screen.getByRole("button", { name })).toBeEnabled());
}

function findingButton(cell: string): HTMLElement {
  const row = screen.getAllByTestId("finding").find((li) => within(li).queryByText(cell, { selector: "span" }));
  if (!row) throw new Error(`no finding at ${cell}`);
  return row.querySelector("button[data-finding-select]") as HTMLElement;
}

describe("task pane", () => {
  test("shows an empty state, then the summary by severity and by sheet after 検証", async () => {
    const host = createFakeHost();
    const { check } = renderPane(host);
    expect(screen.getByTestId("empty-state")).toHaveTextContent("まだ検証していません");

    await checkNow();

    expect(host.read).toHaveBeenCalledTimes(1);
    expect(check).toHaveBeenCalledWith(FAKE_WORKBOOK, "ja");
    expect(host.highlight).toHaveBeenCalledWith(FAKE_RESULT);
    // 検証 never changes a value: computed cells are 再計算・検証's
    expect(host.fillComputed).not.toHaveBeenCalled();
    expect(screen.queryByTestId("empty-state")).not.toBeInTheDocument();

    const summary = screen.getByTestId("severity-summary");
    expect(within(summary).getByText("エラー3件")).toBeInTheDocument();
    expect(within(summary).getByText("警告1件")).toBeInTheDocument();
    expect(within(summary).getByText("情報1件")).toBeInTheDocument();

    const bySheet = screen.getByTestId("sheet-summary");
    expect(within(bySheet).getByLabelText("インハウス: エラー2件、警告0件、情報0件")).toHaveTextContent(
      "インハウス予算",
    );
    expect(within(bySheet).getByLabelText("PJ1: エラー1件、警告1件、情報1件")).toHaveTextContent("アウトプット指標");
    expect(within(bySheet).getByLabelText("メモ: エラー0件、警告0件、情報0件")).toHaveTextContent("対象外のシート");

    expect(screen.queryByTestId("notice")).not.toBeInTheDocument();
  });

  test("groups findings by sheet, with the cell, the message and the numbers", async () => {
    renderPane(createFakeHost());
    await checkNow();
    // errors and warnings first, by sheet; the infos apart, folded
    const groups = within(screen.getByTestId("problem-findings")).getAllByTestId("sheet-group");
    expect(groups.map((g) => g.getAttribute("data-sheet"))).toEqual(["インハウス", "PJ1"]);
    expect(within(groups[0]).getAllByTestId("finding")).toHaveLength(2);
    expect(
      within(groups[1])
        .getAllByTestId("finding")
        .map((f) => f.getAttribute("data-severity")),
    ).toEqual(["error", "warning"]);
    expect(within(groups[0]).getByRole("button", { name: /インハウス（2件）/ })).toBeInTheDocument();
    const infos = screen.getByTestId("info-findings");
    expect(infos).not.toHaveAttribute("open");
    expect(infos.querySelector("summary")).toHaveTextContent("情報（1件）");
    expect(
      within(infos)
        .getAllByTestId("finding")
        .map((f) => f.getAttribute("data-cell")),
    ).toEqual(["B2"]);
    // the rule's Japanese name, its id after it
    expect(within(groups[0]).getAllByTestId("finding")[0]).toHaveTextContent(/（total\/row）/);

    const first = within(groups[0]).getAllByTestId("finding")[0];
    expect(first).toHaveTextContent("C4");
    expect(first).toHaveTextContent("合計 160 が内訳の和 150 と一致しません");
    expect(first).toHaveTextContent("記入値 160 / 計算値 150");
    expect(within(first).getByRole("img", { name: "エラー" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "指摘5件" })).toBeInTheDocument();
  });

  test("filters by severity with toggle buttons and by rule with the dropdown", async () => {
    renderPane(createFakeHost());
    await checkNow();

    const errors = screen.getByRole("button", { name: /エラー 3/ });
    expect(errors).toHaveAttribute("aria-pressed", "true");
    fireEvent.click(errors);
    expect(errors).toHaveAttribute("aria-pressed", "false");
    expect(screen.getAllByTestId("finding").map((f) => f.getAttribute("data-severity"))).toEqual(["warning", "info"]);
    expect(screen.getByRole("heading", { name: "指摘5件中2件を表示" })).toBeInTheDocument();
    expect(
      within(screen.getByTestId("problem-findings"))
        .getAllByTestId("sheet-group")
        .map((g) => g.getAttribute("data-sheet")),
    ).toEqual(["PJ1"]);
    // the rule filter's counts follow the severity filter: with errors hidden, the error-only rules are not offered
    fireEvent.click(screen.getByRole("combobox", { name: "ルールで絞り込み" }));
    const ruleIds = () =>
      screen
        .getAllByRole("option")
        .slice(1)
        .map((o) => o.textContent.match(/[a-z]+\/[a-z-]+$/)![0]);
    expect(ruleIds()).toEqual(["grade/mismatch", "label/unknown"]);
    fireEvent.keyDown(screen.getByRole("combobox", { name: "ルールで絞り込み" }), { key: "Escape" });
    fireEvent.click(errors);
    expect(screen.getAllByTestId("finding")).toHaveLength(5);

    fireEvent.click(screen.getByRole("combobox", { name: "ルールで絞り込み" }));
    const options = screen.getAllByRole("option").map((o) => o.textContent);
    expect(options[0]).toBe("すべてのルール");
    expect(ruleIds()).toEqual(["grade/mismatch", "label/unknown", "ratio/mismatch", "total/row"]);
    // led by the Japanese name with the count, the id under it
    for (const o of screen.getAllByRole("option").slice(1))
      expect(o.textContent).toMatch(/^[^a-z/]+（\d+件）[a-z]+\/[a-z-]+$/);
    const total = screen.getAllByRole("option").find((o) => o.textContent.endsWith("total/row"))!;
    expect(total).toHaveTextContent(/（2件）/);
    fireEvent.click(total);
    await waitFor(() => expect(screen.getAllByTestId("finding")).toHaveLength(2));
    expect(screen.getAllByTestId("finding").every((f) => f.getAttribute("data-rule") === "total/row")).toBe(true);

    // both filters at once: hiding errors leaves nothing of total/row
    fireEvent.click(errors);
    expect(screen.queryAllByTestId("finding")).toHaveLength(0);
    expect(screen.getByText("絞り込みに一致する指摘はありません。")).toBeInTheDocument();
  });

  test("selecting a finding (mouse, Enter, Space) calls select with its sheet and cells; arrows move focus", async () => {
    const host = createFakeHost();
    renderPane(host);
    await checkNow();

    fireEvent.click(findingButton("C4"));
    await waitFor(() => expect(host.select).toHaveBeenCalledWith("インハウス", ["C4", "C2", "C3"]));
    expect(findingButton("C4")).toHaveAttribute("aria-current", "true");

    const e2 = findingButton("E2");
    e2.focus();
    fireEvent.keyDown(e2, { key: "Enter" });
    await waitFor(() => expect(host.select).toHaveBeenLastCalledWith("PJ1", ["E2", "D2", "C2"]));

    // roving focus: one tab stop per list, arrows move it
    expect(e2).toHaveAttribute("tabindex", "0");
    fireEvent.keyDown(e2, { key: "ArrowDown" });
    const f2 = findingButton("F2");
    expect(f2).toHaveFocus();
    expect(f2).toHaveAttribute("tabindex", "0");
    expect(e2).toHaveAttribute("tabindex", "-1");
    fireEvent.keyDown(f2, { key: " " });
    await waitFor(() => expect(host.select).toHaveBeenLastCalledWith("PJ1", ["F2", "D2", "C2"]));
    fireEvent.keyDown(f2, { key: "Home" });
    expect(findingButton("E2")).toHaveFocus();
    // the list of PJ1's errors and warnings ends at F2 (its info is in the folded infos)
    fireEvent.keyDown(findingButton("E2"), { key: "End" });
    expect(findingButton("F2")).toHaveFocus();
    expect(host.select).toHaveBeenCalledTimes(3);
  });

  test("修正 opens a preview of old → new and applies only on confirmation, then re-checks", async () => {
    const host = createFakeHost();
    renderPane(host);
    await checkNow();

    fireEvent.click(screen.getByRole("button", { name: "C4を修正" }));
    const dialog = await screen.findByRole("dialog");
    // focus moves into the dialog (its first button)
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    expect(within(dialog).getByText("インハウス!C4の修正")).toBeInTheDocument();
    expect(within(dialog).getByTestId("fix-old")).toHaveTextContent("=C2+C3+10");
    expect(within(dialog).getByTestId("fix-new")).toHaveTextContent("=SUM(C2:C3)");
    expect(within(dialog).getByText("計算結果: 150")).toBeInTheDocument();

    fireEvent.click(within(dialog).getByRole("button", { name: "キャンセル" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(host.applyFix).not.toHaveBeenCalled();

    // a constant fix: the current value from the last read → the new value
    // the rest of the pane is accessible again once the modal is gone (tabster updates aria-hidden on a timer)
    fireEvent.click(await screen.findByRole("button", { name: "E2を修正" }));
    const dialog2 = await screen.findByRole("dialog");
    expect(within(dialog2).getByTestId("fix-old")).toHaveTextContent("0.5");
    expect(within(dialog2).getByTestId("fix-new")).toHaveTextContent("1.2");
    expect(host.applyFix).not.toHaveBeenCalled();
    fireEvent.click(within(dialog2).getByRole("button", { name: "修正する" }));

    await waitFor(() =>
      expect(host.applyFix).toHaveBeenCalledWith({ sheet: "PJ1", cell: "E2", value: 1.2 }, "ratio/mismatch"),
    );
    await waitFor(() => expect(host.read).toHaveBeenCalledTimes(2));
    expect(await screen.findByText(/E2を修正しました。/)).toBeInTheDocument();
    // the re-check is over when the notice shows: it does not say it is still to come
    await waitFor(() => expect(screen.getByRole("button", { name: "検証" })).toBeEnabled());
    expect(screen.getByTestId("notice")).not.toHaveTextContent("再検証します");
    expect(host.applyFix).toHaveBeenCalledTimes(1);
  });

  test("a host failure shows one message with a retry that re-runs the action", async () => {
    const host = createFakeHost();
    host.read.mockRejectedValueOnce(
      new HostError("cell-edit-mode", "セルの編集を終えてから、もう一度実行してください。"),
    );
    renderPane(host);

    fireEvent.click(screen.getByRole("button", { name: "検証" }));
    const bar = await screen.findByTestId("failure");
    expect(bar).toHaveTextContent("検証できませんでした");
    expect(bar).toHaveTextContent("セルの編集を終えてから、もう一度実行してください。");
    expect(screen.getAllByTestId("failure")).toHaveLength(1);
    // the pane is never blank: the empty state is still there
    expect(screen.getByTestId("empty-state")).toBeInTheDocument();

    fireEvent.click(within(bar).getByRole("button", { name: "再試行" }));
    await screen.findByTestId("severity-summary");
    await waitFor(() => expect(screen.queryByTestId("failure")).not.toBeInTheDocument());
    expect(host.read).toHaveBeenCalledTimes(2);
  });

  test("anything thrown (not only HostError) becomes a message; retry re-runs the failed action only", async () => {
    const host = createFakeHost();
    renderPane(host);
    await checkNow();

    host.writeResultSheet.mockRejectedValueOnce(new TypeError("boom"));
    fireEvent.click(screen.getByRole("button", { name: "結果シート出力" }));
    const bar = await screen.findByTestId("failure");
    expect(bar).toHaveTextContent("結果シートを出力できませんでした");
    expect(bar).toHaveTextContent("予期しないエラーが発生しました: boom");
    // the result stays visible
    expect(screen.getAllByTestId("finding")).toHaveLength(5);

    fireEvent.click(within(bar).getByRole("button", { name: "再試行" }));
    expect(await screen.findByText("結果シートを出力しました。")).toBeInTheDocument();
    expect(host.writeResultSheet).toHaveBeenCalledTimes(2);
    expect(host.writeResultSheet).toHaveBeenLastCalledWith(FAKE_RESULT);
    expect(host.read).toHaveBeenCalledTimes(1);

    // a failing select also shows the message
    host.select.mockRejectedValueOnce(new HostError("workbook-changed", "確認中にブックが変更されました。"));
    fireEvent.click(findingButton("C4"));
    expect(await screen.findByTestId("failure")).toHaveTextContent("セルを選択できませんでした");
    fireEvent.click(within(screen.getByTestId("failure")).getByRole("button", { name: "再試行" }));
    await waitFor(() => expect(screen.queryByTestId("failure")).not.toBeInTheDocument());
    expect(host.select).toHaveBeenCalledTimes(2);
  });

  test("テンプレート挿入, ハイライト解除 and 再計算・検証 call the host", async () => {
    const host = createFakeHost();
    renderPane(host);
    expect(screen.getByRole("button", { name: "結果シート出力" })).toBeDisabled();

    fireEvent.click(screen.getByRole("button", { name: "テンプレート挿入" }));
    expect(await screen.findByText("シートを追加しました: インハウス予算、予算内訳")).toBeInTheDocument();
    expect(host.insertTemplate).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole("button", { name: "ハイライト解除" }));
    expect(await screen.findByText("ハイライトを解除しました。")).toBeInTheDocument();
    expect(host.clearHighlights).toHaveBeenCalledTimes(1);

    await checkNow("再計算・検証");
    expect(host.recalculateAndRead).toHaveBeenCalledTimes(1);
    expect(host.read).not.toHaveBeenCalled();
    // 再計算・検証 fills the computed cells (this host says how many): announced as a notice
    expect(host.fillComputed).toHaveBeenCalledWith(FAKE_RESULT);
    expect(await screen.findByText("計算セル2個を入力しました。")).toBeInTheDocument();

    fireEvent.click(screen.getByRole("button", { name: "Kensa の変更を削除" }));
    await waitFor(() => expect(host.clearHighlights).toHaveBeenLastCalledWith({ removeAll: true }));
  });

  test("a clean workbook shows the no-problems state", async () => {
    renderPane(createFakeHost(), "ja", () => CLEAN_RESULT);
    await checkNow();
    expect(screen.getByTestId("no-problems")).toHaveTextContent("問題は見つかりませんでした");
    expect(screen.getByTestId("no-problems")).toHaveTextContent("3枚のシートを確認しました。");
    expect(screen.queryAllByTestId("finding")).toHaveLength(0);
    expect(screen.queryByTestId("not-checked")).not.toBeInTheDocument();
    // a green tick for each checked sheet, none for the sheet of no kind (メモ was not checked)
    const ticks = screen.getAllByTestId("sheet-ok").map((el) => el.closest("li")!.getAttribute("data-sheet"));
    expect(ticks).toEqual(["インハウス", "PJ1"]);
  });

  describe("a workbook with no sheet of a known kind: 未検証, never 「問題なし」", () => {
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
      // no severity filters either (their 「エラー 0」 would read as clean)
      expect(screen.queryByRole("button", { name: /エラー 0/ })).not.toBeInTheDocument();
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
      fireEvent.click(screen.getByRole("button", { name: /情報 1/ }));
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

  test("English strings when the display language is not Japanese", async () => {
    const host = createFakeHost();
    renderPane(host, "en");
    expect(screen.getByText("Not checked yet")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Recalculate & check" })).toBeInTheDocument();
    await checkNow("Check");
    const summary = screen.getByTestId("severity-summary");
    expect(within(summary).getByText("3 errors")).toBeInTheDocument();
    expect(within(summary).getByText("1 warning")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "5 findings" })).toBeInTheDocument();
    expect(within(screen.getByTestId("sheet-summary")).getByText("In-house budget")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Fix C4" })).toBeInTheDocument();
    expect(screen.getAllByTestId("finding")[0]).toHaveTextContent("Entered 160 / Computed 150");
  });

  test("automatic re-check after edits: off by default, debounced when on", async () => {
    const host = createFakeHost();
    renderPane(host);
    await checkNow();
    const toggle = screen.getByRole("switch", { name: /編集後に自動で再検証/ });
    expect(toggle).not.toBeChecked();
    expect(host.onChanged).not.toHaveBeenCalled();

    jest.useFakeTimers();
    try {
      fireEvent.click(toggle);
      await act(async () => undefined);
      expect(host.onChanged).toHaveBeenCalledTimes(1);
      host.edit();
      await act(async () => jest.advanceTimersByTime(1000));
      host.edit(); // a second edit restarts the wait
      await act(async () => jest.advanceTimersByTime(1000));
      expect(host.read).toHaveBeenCalledTimes(1);
      await act(async () => jest.advanceTimersByTime(600));
      expect(host.read).toHaveBeenCalledTimes(2);
      await act(async () => jest.advanceTimersByTime(200));
    } finally {
      jest.useRealTimers();
    }
    await waitFor(() => expect(screen.getByRole("button", { name: "検証" })).toBeEnabled());
  });

  test("autoCheck (browser mode) checks once as soon as the pane mounts", async () => {
    const host = createFakeHost();
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} lang="ja" check={() => FAKE_RESULT} autoCheck />
      </FluentProvider>,
    );
    await screen.findByTestId("severity-summary");
    await waitFor(() => expect(screen.getByRole("button", { name: "検証" })).toBeEnabled());
    expect(host.read).toHaveBeenCalledTimes(1);
  });

  test("a check that runs the real engine renders without a failure", async () => {
    const { defaultCheck } = await import("../../src/taskpane/run-check");
    const host = createFakeHost();
    renderPane(host, "ja", defaultCheck);
    await checkNow();
    expect(screen.queryByTestId("failure")).not.toBeInTheDocument();
    expect(screen.getByTestId("sheet-summary")).toHaveTextContent("インハウス");
  });
});
