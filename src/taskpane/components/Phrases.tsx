/**
 * Japanese text that breaks between words, never inside one (「検証しま/す」). Chromium (Edge WebView2, Excel on the
 * web) does it with `word-break: auto-phrase`, set on the pane; where that is not supported (Safari's WebKit in
 * Excel for Mac), the text is cut into words with Intl.Segmenter, joined by <wbr>, under `word-break: keep-all`,
 * so a line breaks only at a word's end. Other languages, and engines without Intl.Segmenter, get the text as is.
 * Neither keeps an era year whole (auto-phrase broke 「令和／7年度末」 in the pane), so era years are set apart as
 * unbreakable spans first.
 */
import { Fragment } from "react";
import type { Lang } from "../i18n";

const AUTO_PHRASE =
  typeof CSS !== "undefined" && typeof CSS.supports === "function" && CSS.supports("word-break", "auto-phrase");

let segmenter: Intl.Segmenter | null | undefined;
function japaneseWords(): Intl.Segmenter | null {
  if (segmenter === undefined)
    segmenter =
      typeof Intl !== "undefined" && typeof Intl.Segmenter === "function"
        ? new Intl.Segmenter("ja", { granularity: "word" })
        : null;
  return segmenter;
}

/** 令和7年度, 平成元年, 令和 7 年度末: an era year and what directly qualifies it. */
const ERA_YEAR = /(?:令和|平成|昭和)\s*(?:\d+|元)\s*年度?(?:末|当初|中)?/;

/** The text cut into runs, every other one an era year (odd indices). */
function eraRuns(text: string): string[] {
  return text.split(new RegExp(`(${ERA_YEAR.source})`));
}

const NO_BREAK = { whiteSpace: "nowrap" } as const;

/** `text` broken into words (a long reference still wraps anywhere rather than overflow the pane). */
export function Phrases({ text, lang }: { text: string; lang: Lang }) {
  if (lang !== "ja") return <>{text}</>;
  const runs = eraRuns(text);
  const words = AUTO_PHRASE ? null : japaneseWords();
  if (!words) {
    if (runs.length === 1) return <>{text}</>;
    return (
      <>
        {runs.map((run, i) =>
          i % 2 ? (
            <span key={i} style={NO_BREAK}>
              {run}
            </span>
          ) : (
            run
          ),
        )}
      </>
    );
  }
  const parts = runs.flatMap((run, i) =>
    i % 2 ? [{ run, whole: true }] : Array.from(words.segment(run), (s) => ({ run: s.segment, whole: false })),
  );
  return (
    <span style={{ wordBreak: "keep-all", overflowWrap: "anywhere" }}>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {p.whole ? <span style={NO_BREAK}>{p.run}</span> : p.run}
        </Fragment>
      ))}
    </span>
  );
}
