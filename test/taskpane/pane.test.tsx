/**
 * @jest-environment jsdom
 */
import "../support/jsdom-setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { HostError } from "../../src/host/host";
import { CLEAN_RESULT, createFakeHost, FAKE_RESULT, FAKE_WORKBOOK } from "../support/fake-host";
import { checkNow, renderPane } from "./render-pane";

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

    const errors = screen.getByText("エラー3件", { selector: "button" });
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
