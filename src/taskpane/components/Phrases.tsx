/**
 * Japanese text that breaks between words, never inside one (「検証しま/す」). Chromium (Edge WebView2, Excel on the
 * web) does it with `word-break: auto-phrase`, set on the pane; where that is not supported (Safari's WebKit in
 * Excel for Mac), the text is cut into words with Intl.Segmenter, joined by <wbr>, under `word-break: keep-all`,
 * so a line breaks only at a word's end. Other languages, and engines without Intl.Segmenter, get the text as is.
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

/** `text` broken into words (a long reference still wraps anywhere rather than overflow the pane). */
export function Phrases({ text, lang }: { text: string; lang: Lang }) {
  const words = AUTO_PHRASE || lang !== "ja" ? null : japaneseWords();
  if (!words) return <>{text}</>;
  const parts = Array.from(words.segment(text), (s) => s.segment);
  return (
    <span style={{ wordBreak: "keep-all", overflowWrap: "anywhere" }}>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {p}
        </Fragment>
      ))}
    </span>
  );
}
