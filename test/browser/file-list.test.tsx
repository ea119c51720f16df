/**
 * @jest-environment jsdom
 */
import "../support/jsdom-setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import { BrowserHost } from "../../src/browser/browser-host";
import { FileList } from "../../src/browser/components/FileList";
import type { FileEntry } from "../../src/browser/components/BrowserApp";
import { BROWSER_STRINGS } from "../../src/browser/strings";
import { checkWorkbook } from "../../src/core/engine";
import { sheetFromValues, type Workbook } from "../../src/core/model/workbook";
import type { Lang } from "../../src/core/values/format";

/** An インハウス予算 sheet with one wrong total (one error), and a workbook with nothing Kensa knows. */
const BUDGET: Workbook = {
  sheets: [
    sheetFromValues("インハウス", [
      ["機関名", "全体", "健康・医療関係"],
      ["機関A", 100, 40],
      ["機関B", 50, 20],
      ["合計", 160, 60],
    ]),
  ],
};
const MEMO: Workbook = {
  sheets: [
    sheetFromValues("会議メモ", [
      ["日時", "2025年4月1日"],
      ["出席者", "山田、佐藤"],
    ]),
    sheetFromValues("予定", [["日付", "内容"]]),
  ],
};

async function entry(id: string, name: string, workbook: Workbook, lang: Lang): Promise<FileEntry> {
  const host = new BrowserHost(name, new Uint8Array(), lang);
  await host.highlight(checkWorkbook(workbook, { lang }));
  return { id, name, status: "ready", host };
}

async function renderList(lang: Lang) {
  const files = [await entry("a", "予算.xlsx", BUDGET, lang), await entry("b", "メモ.xlsx", MEMO, lang)];
  render(
    <FluentProvider theme={webLightTheme}>
      <FileList
        s={BROWSER_STRINGS[lang]}
        files={files}
        activeId="a"
        downloading={new Set()}
        onShow={() => undefined}
        onDownload={() => undefined}
        onRemove={() => undefined}
      />
    </FluentProvider>,
  );
  const item = (name: string) =>
    screen.getAllByTestId("file-item").find((li) => li.getAttribute("data-file") === name)!;
  return { budget: item("予算.xlsx"), memo: item("メモ.xlsx"), files };
}

describe("FileList: a file with no sheet of a known kind", () => {
  test("gets a 未検証 badge and says nothing was checked, instead of E 0 · W 0", async () => {
    const { budget, memo, files } = await renderList("ja");
    expect(files[1].host!.result!.summary).toEqual({ error: 0, warning: 0, info: 2 }); // the counts that used to read as clean

    expect(memo).toHaveAttribute("data-result", "unchecked");
    const badge = within(memo).getByTestId("file-unchecked");
    expect(badge).toHaveTextContent("未検証");
    expect(badge).toHaveTextContent("様式に当たるシートがないため、何も検証していません");
    expect(within(memo).queryByTestId("file-counts")).not.toBeInTheDocument();
    expect(memo).not.toHaveTextContent(/E 0|エラー0件/);
    // it can still be shown (the pane lists why) and downloaded
    expect(within(memo).getByRole("button", { name: "表示: メモ.xlsx" })).toBeInTheDocument();

    // the checked file keeps its counts and no 未検証
    expect(budget).toHaveAttribute("data-result", "checked");
    expect(within(budget).getByTestId("file-counts")).toHaveAttribute("data-error", "1");
    expect(within(budget).getByTestId("file-counts")).toHaveTextContent("エラー1件・警告0件");
    expect(within(budget).queryByTestId("file-unchecked")).not.toBeInTheDocument();
    expect(budget).not.toHaveTextContent("未検証");
  });

  test("English", async () => {
    const { memo } = await renderList("en");
    const badge = within(memo).getByTestId("file-unchecked");
    expect(badge).toHaveTextContent("Not checked");
    expect(badge).toHaveTextContent("No sheet matches a Kensa template, so nothing was checked");
    expect(within(memo).queryByTestId("file-counts")).not.toBeInTheDocument();
  });
});

describe("FileList: two open files with one name", () => {
  test("the second says the name it has in the submission set", async () => {
    const a = await entry("a", "報告.xlsx", BUDGET, "ja");
    const b = { ...(await entry("b", "報告.xlsx", BUDGET, "ja")), setName: "報告 (2).xlsx" };
    render(
      <FluentProvider theme={webLightTheme}>
        <FileList
          s={BROWSER_STRINGS.ja}
          files={[a, b]}
          activeId="a"
          downloading={new Set()}
          onShow={() => undefined}
          onDownload={() => undefined}
          onRemove={() => undefined}
        />
      </FluentProvider>,
    );
    const [first, second] = screen.getAllByTestId("file-item");
    expect(first).not.toHaveTextContent("提出セット内の名前");
    expect(second).toHaveTextContent("提出セット内の名前: 報告 (2).xlsx");
  });
});
