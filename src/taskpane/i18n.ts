/**
 * The task pane's strings, Japanese first, English otherwise. The language follows Office's display
 * language inside Excel, and the browser's language outside it. The strings themselves: ./strings-ja.ts,
 * ./strings-en.ts (the Japanese table is the shape).
 */
import { createContext, useContext } from "react";
import type { Lang } from "../core/values/format";
import { ja, type Strings } from "./strings-ja";
import { en } from "./strings-en";

export type { Lang };
export { listOf, type ActionName } from "./strings-common";
export type { Strings };
export { formatValue } from "./figures";

export const STRINGS: Record<Lang, Strings> = { ja, en };

/** "ja", "ja-JP" → Japanese; anything else → English. */
export function langFromTag(tag: string | undefined | null): Lang {
  return tag && /^ja(\b|[-_])/i.test(tag.trim()) ? "ja" : "en";
}

/** Office's display language when Office.js is ready, else the browser's. */
export function detectLanguage(): Lang {
  let tag: string | undefined;
  try {
    if (typeof Office !== "undefined") tag = Office.context?.displayLanguage;
  } catch {
    tag = undefined;
  }
  if (!tag && typeof navigator !== "undefined") tag = navigator.language;
  return langFromTag(tag);
}

export interface I18n {
  lang: Lang;
  s: Strings;
}

export const I18nContext = createContext<I18n>({ lang: "ja", s: ja });

export function useI18n(): I18n {
  return useContext(I18nContext);
}
