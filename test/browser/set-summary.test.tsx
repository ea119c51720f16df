/**
 * @jest-environment jsdom
 */
import "../support/jsdom-setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { SetSummary } from "../../src/browser/components/SetSummary";
import type { SetOverview } from "../../src/browser/set-check";
import { BROWSER_STRINGS } from "../../src/browser/strings";
import type { Lang } from "../../src/core/values/format";

const PROJECTS = ["全体", "PJ1", "PJ2", "PJ3", "PJ4", "PJ5", "PJ6", "PJ7", "PJ8"];

function overview(patch: Partial<SetOverview> = {}): SetOverview {
  return {
    files: 3,
    checked: 3,
    unchecked: 0,
    unfilled: 0,
    unreadable: 0,
    pending: 0,
    summary: { error: 2, warning: 1, info: 4 },
    rollup: "skipped",
    projects: PROJECTS.map((project, i) =>
      i === 0
        ? { project, places: [{ file: "総括.xlsx", sheet: "様式1" }], state: "present" as const }
        : i === 1
          ? {
              project,
              places: [
                { file: "a.xlsx", sheet: "様式2" },
                { file: "b.xlsx", sheet: "Sheet 1" },
              ],
              state: "duplicate" as const,
            }
          : { project, places: [], state: "missing" as const },
    ),
    missing: PROJECTS.slice(2),
    duplicates: ["PJ1"],
    verdict: "errors",
    ...patch,
  };
}

function renderSummary(o: SetOverview, lang: Lang = "ja", checking = false) {
  const onDownloadAll = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <SetSummary
        s={BROWSER_STRINGS[lang]}
        overview={o}
        checking={checking}
        downloading={false}
        onDownloadAll={onDownloadAll}
      />
    </FluentProvider>,
  );
  return { root: screen.getByTestId("set-summary"), onDownloadAll };
}

describe("SetSummary", () => {
  test("missing and duplicated projects, where each one is, the totals and まとめてダウンロード", () => {
    const { root, onDownloadAll } = renderSummary(overview());
    expect(within(root).getByRole("heading", { name: "提出セット（3ファイル）" })).toBeInTheDocument();
    expect(within(root).getByTestId("set-missing")).toHaveTextContent("不足: PJ2、PJ3、PJ4、PJ5、PJ6、PJ7、PJ8");
    expect(within(root).getByTestId("set-duplicate")).toHaveTextContent(
      "重複: PJ1（「a.xlsx」の「様式2」、「b.xlsx」の「Sheet 1」）",
    );
    expect(within(root).getByTestId("set-status")).toHaveTextContent("全体シートとの集計の検証は省略しました");
    const list = within(root).getByRole("list", { name: "全体・PJ1〜PJ8 の所在" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("data-state"))).toEqual([
      "present",
      "duplicate",
      ...PROJECTS.slice(2).map(() => "missing"),
    ]);
    expect(items[0]).toHaveTextContent("全体「総括.xlsx」の「様式1」");
    expect(items[2]).toHaveTextContent("PJ2不足");
    // something is missing or claimed twice: where each project is shows unfolded
    expect(within(root).getByTestId("set-projects-fold")).toHaveAttribute("open");
    expect(within(root).getByTestId("set-total")).toHaveTextContent("合計3ファイル：エラー2件・警告1件・情報4件");
    expect(within(root).getByTestId("set-verdict")).toHaveTextContent("エラーあり");
    const button = within(root).getByRole("button", {
      name: "提出セット全体の指摘一覧（.xlsx）をまとめてダウンロード",
    });
    fireEvent.click(button);
    expect(onDownloadAll).toHaveBeenCalledTimes(1);
  });

  test("files not checked or not readable are counted apart, and the verdict is never 問題なし", () => {
    const { root } = renderSummary(
      overview({
        unchecked: 1,
        unreadable: 1,
        checked: 1,
        summary: { error: 0, warning: 0, info: 2 },
        verdict: "unreadable",
        rollup: "none",
        missing: [],
        duplicates: [],
      }),
    );
    expect(within(root).getByTestId("set-total")).toHaveTextContent(
      "合計3ファイル（未検証1件・読めなかったファイル1件）：エラー0件・警告0件・情報2件",
    );
    expect(root).not.toHaveTextContent("問題なし");
    expect(within(root).getByTestId("set-status")).toHaveTextContent("全体・PJ のモニタリングシートはありません");
    expect(within(root).queryByTestId("set-projects")).not.toBeInTheDocument();
  });

  test("while the set is being checked: a spinner, no verdict, the download waits", () => {
    const { root } = renderSummary(overview({ pending: 2 }), "ja", true);
    expect(root).toHaveAttribute("aria-busy", "true");
    expect(within(root).getByTestId("set-status")).toHaveTextContent(
      "提出セットを検証しています…（2ファイルを読み込み中）",
    );
    expect(within(root).queryByTestId("set-verdict")).not.toBeInTheDocument();
    expect(within(root).getByTestId("download-all")).toBeDisabled();
  });

  test("English, complete set", () => {
    const { root } = renderSummary(
      overview({
        rollup: "checked",
        missing: [],
        duplicates: [],
        projects: PROJECTS.map((project) => ({
          project,
          places: [{ file: `${project}.xlsx`, sheet: "S" }],
          state: "present" as const,
        })),
        summary: { error: 0, warning: 0, info: 1 },
        verdict: "clean",
      }),
      "en",
    );
    expect(within(root).getByRole("heading", { name: "Submission set (3 files)" })).toBeInTheDocument();
    expect(within(root).getByTestId("set-status")).toHaveTextContent(
      "全体 and PJ1–PJ8 are all present; the roll-up and references were checked across the files.",
    );
    expect(within(root).getByTestId("set-verdict")).toHaveTextContent("No problems");
    expect(within(root).getAllByTestId("set-project")[3]).toHaveTextContent("PJ3S in PJ3.xlsx");
    // every project found once: where each one is folds under its summary line (the findings come sooner)
    const fold = within(root).getByTestId("set-projects-fold");
    expect(fold).not.toHaveAttribute("open");
    expect(fold.querySelector("summary")).toHaveTextContent("Where 全体 and PJ1–PJ8 are");
    expect(
      within(root).getByRole("button", { name: "Download all findings of the whole submission set (.xlsx)" }),
    ).toBeEnabled();
  });
});
