/**
 * @jest-environment jsdom
 */
/** Japanese messages break between words, and never inside an era year (「令和／7年度末」 was seen in the pane). */
import "../support/jsdom-setup";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";

type PhrasesModule = typeof import("../../src/taskpane/components/Phrases");

/** The component as loaded where `word-break: auto-phrase` is (Chromium) or is not (WebKit) supported. */
function loadPhrases(autoPhrase: boolean): PhrasesModule["Phrases"] {
  const css = (globalThis as { CSS?: unknown }).CSS;
  (globalThis as { CSS?: unknown }).CSS = {
    supports: (prop: string, value: string) => autoPhrase && value === "auto-phrase",
  };
  try {
    let loaded!: PhrasesModule;
    jest.isolateModules(() => {
      loaded = jest.requireActual<PhrasesModule>("../../src/taskpane/components/Phrases");
    });
    return loaded.Phrases;
  } finally {
    (globalThis as { CSS?: unknown }).CSS = css;
  }
}

const TEXT = "累積実績0件は令和7年度末時点の進捗ペース4件を下回っています（平成 30 年度比）。";

function nowrapSpans(element: ReactElement): { text: string; spans: string[]; wbr: number; html: string } {
  const { container } = render(element);
  const spans = [...container.querySelectorAll<HTMLElement>("span")]
    .filter((s) => s.style.whiteSpace === "nowrap")
    .map((s) => s.innerHTML);
  return {
    text: container.textContent ?? "",
    spans,
    wbr: container.querySelectorAll("wbr").length,
    html: container.innerHTML,
  };
}

describe.each([
  ["auto-phrase (Chromium)", true],
  ["Intl.Segmenter with <wbr> (WebKit)", false],
])("Phrases, %s", (_name, autoPhrase) => {
  const Phrases = loadPhrases(autoPhrase);

  it("keeps each era year whole and the text unchanged", () => {
    const got = nowrapSpans(<Phrases text={TEXT} lang="ja" />);
    expect(got.text).toBe(TEXT);
    expect(got.spans).toEqual(["令和7年度末", "平成 30 年度"]);
    if (autoPhrase) expect(got.wbr).toBe(0);
    else expect(got.wbr).toBeGreaterThan(5); // still broken into words elsewhere
  });

  it("leaves English and text without an era year as it is", () => {
    expect(nowrapSpans(<Phrases text="FY2025 (令和7年度) target" lang="en" />).html).toBe("FY2025 (令和7年度) target");
    expect(nowrapSpans(<Phrases text="空欄です。" lang="ja" />).spans).toEqual([]);
  });
});
