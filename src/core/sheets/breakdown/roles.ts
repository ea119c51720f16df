/**
 * The role of a 予算内訳 row (DOMAIN §3.2): from 区分 when it names one, else from 名称 (see ./read.ts), and the
 * key a 再掲 row is matched with its original by.
 */
import { normalizeLabel } from "../../values/normalize";

export type BreakdownRole = "detail" | "subtotal" | "total" | "other" | "of-which" | "inner" | "relisted";

export const ROLE_LABELS: Record<BreakdownRole, string> = {
  detail: "明細",
  subtotal: "小計",
  total: "合計",
  other: "その他",
  "of-which": "うち",
  inner: "内数",
  relisted: "再掲",
};

const EXPLICIT: Record<string, BreakdownRole> = {
  明細: "detail",
  内訳: "detail",
  項目: "detail",
  小計: "subtotal",
  合計: "total",
  計: "total",
  総計: "total",
  その他: "other",
  うち: "of-which",
  "(うち)": "of-which",
  内数: "inner",
  再掲: "relisted",
  "(再掲)": "relisted",
};

/** 区分 text → role, when it names one. */
export function explicitRole(text: string): BreakdownRole | undefined {
  if (!text) return undefined;
  const n = normalizeLabel(text);
  if (!n) return undefined;
  const hit = EXPLICIT[n];
  if (hit) return hit;
  if (/^小計/.test(n)) return "subtotal";
  if (/^(総?合計)(\(.*\))?$/.test(n)) return "total";
  return undefined;
}

/** 名称 → role (DOMAIN §3.2). */
const ROLE_HINT = /再掲|内数|うち|小|計|その他|其の他/;

export function inferRole(name: string): BreakdownRole {
  if (!ROLE_HINT.test(name)) return "detail";
  const n = normalizeLabel(name);
  if (!n) return "detail";
  if (/再掲/.test(n)) return "relisted";
  if (/内数\)?$/.test(n)) return "inner";
  if (/^\(?うち/.test(n)) return "of-which";
  if (/^小計|小計(\(.*\))?$/.test(n)) return "subtotal";
  if (/^(総?合計|計)(\(.*\))?$|合計(\(.*\))?$/.test(n)) return "total";
  // `PJ1 計`: 計 standing apart at the end (not 会計, 設計, 統計).
  if (/[\s\u3000]計$/.test(name.trim())) return "total";
  if (/^\(?その他/.test(n)) return "other";
  return "detail";
}

const LEADING_MARK = /^[\s●○◆◇■□・◎▼▽►]*[①-⑳]?\s*/;

/** Key for matching a 再掲 row with its original: （再掲）markers, bullets and spacing removed. */
export function nameKey(name: string): string {
  const n = normalizeLabel(name.replace(LEADING_MARK, ""))
    .replace(/\([^()]*再掲[^()]*\)/g, "")
    .replace(/再掲/g, "")
    .replace(/^\((\d+)\)|^\d+\.|^[IVX]+\./, "");
  return n;
}
