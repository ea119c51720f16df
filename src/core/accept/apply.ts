/**
 * Applying a workbook's acceptances to its findings (the engine calls this for every check, so every face
 * honours them):
 *
 * - a finding whose rule, sheet, cells and fingerprint match an acceptance gets `accepted: { reason, by, at }`:
 *   still listed (as 確認済み, with its reason), never counted as an error, warning or info;
 * - a finding at the place of an acceptance (rule, sheet, cell) whose values changed is not accepted, and an
 *   info `accepted/lapsed` says so, naming what changed and the reason that was given;
 * - an acceptance no finding matches any more gives an info `accepted/unused` (the numbers were corrected, or
 *   the finding changed), so the record can be revoked; not when it names cells of files that are not checked
 *   with this one (a roll-up accepted in a submission set, the file now checked alone);
 * - rows of the store that cannot be read give one warning `accepted/store` naming them.
 */
import type { Finding, Severity } from "../model/finding";
import type { Lang } from "../values/format";
import { renderMessage, type MessageData, type MessageValue, type PhraseBook, type Term } from "../rules/message";
import { ruleName } from "../rules/names";
import { parseRef } from "../model/refs";
import { fingerprintOf, sameFingerprint, valueTerm, type CellLookup, type Fingerprint } from "./fingerprint";
import {
  ACCEPT_LIMITS,
  ACCEPT_SHEET,
  acceptanceKey,
  normalCell,
  STORE_PROBLEM_PHRASES,
  type Acceptance,
  type AcceptanceStore,
} from "./store";

interface AcceptRuleMeta {
  id: string;
  severity: Severity;
  description: { ja: string; en: string };
  messages: Record<string, { ja: string; en: string }>;
  phrases?: PhraseBook;
}

export const lapsedRule: AcceptRuleMeta = {
  id: "accepted/lapsed",
  severity: "info",
  description: {
    ja: "確認済みにした指摘の値が変わったため、確認済みではなくなった",
    en: "An accepted finding whose values changed: it is no longer accepted",
  },
  messages: {
    changed: {
      ja: "{cell}の指摘（{rule}）は確認済みでしたが、値が変わったため確認済みではなくなりました（{changes}）。内容を確かめ、よければ改めて確認済みにしてください。確認済みにした理由: {reason}",
      en: "The finding at {cell} ({rule}) was accepted, but its values changed ({changes}), so it is no longer accepted. Look at it again and accept it again if it is right. The reason given: {reason}",
    },
  },
  phrases: {
    cellsMoved: { ja: "関連するセルが変わりました", en: "the cells involved changed" },
    cell: { ja: "{cell}: {before} → {after}", en: "{cell}: {before} → {after}" },
    // 記入値 / 計算値 as every report names Finding.actual / Finding.expected
    entered: { ja: "記入値: {before} → {after}", en: "entered: {before} → {after}" },
    computed: { ja: "計算値: {before} → {after}", en: "computed: {before} → {after}" },
    valuesChanged: { ja: "値が変わりました", en: "values changed" },
    more: { ja: " ほか {more} 件", en: " and {more} more" },
    blank: { ja: "空欄", en: "blank" },
    none: { ja: "なし", en: "none" },
    text: { ja: "「{text}」", en: "“{text}”" },
    array: { ja: "[{items}]", en: "[{items}]" },
  },
};

export const unusedRule: AcceptRuleMeta = {
  id: "accepted/unused",
  severity: "info",
  description: {
    ja: "確認済みにした指摘が、今回の検証では出ていない（記録は取り消せる）",
    en: "An accepted finding that this check no longer gives (the record can be revoked)",
  },
  messages: {
    unused: {
      ja: "{cell}の指摘（{rule}）は確認済みにされていますが、今回は出ていません（数値が直されたか、指摘の内容が変わりました）。この記録は使われていないため、不要なら取り消してください。確認済みにした理由: {reason}",
      en: "The finding at {cell} ({rule}) is recorded as accepted but was not given this time (the numbers were corrected, or the finding changed). The record is unused: revoke it if it is no longer needed. The reason given: {reason}",
    },
  },
};

export const storeRule: AcceptRuleMeta = {
  id: "accepted/store",
  severity: "warning",
  description: {
    ja: "確認済みの記録（シート「Kensa_accepted」）に読めない行がある（その行は使っていない）",
    en: "The record of accepted findings (sheet “Kensa_accepted”) has rows that cannot be read (not used)",
  },
  messages: {
    unreadable: {
      ja: "確認済みの記録（シート「{sheet}」）のうち{count}件を読めないため使っていません: {details}。その指摘は確認済みになりません。Kensa で確認済みにし直してください。",
      en: "{count} entries of the record of accepted findings (sheet “{sheet}”) cannot be read and are not used: {details}. Those findings are not accepted; accept them again with Kensa.",
    },
  },
  phrases: { more: { ja: " ほか {more} 件", en: " and {more} more" }, ...STORE_PROBLEM_PHRASES },
};

/** Every finding id the acceptances can add, for `kensa rules` and rule names. */
export const ACCEPT_RULES: readonly AcceptRuleMeta[] = [lapsedRule, unusedRule, storeRule];

export interface ApplyAcceptanceOptions {
  lang: Lang;
  /**
   * The names of the workbooks checked together with this one (its own included); undefined when it is checked
   * alone. An acceptance naming cells of a file not among them is not reported as unused.
   */
  files?: ReadonlySet<string>;
}

function finding(
  meta: AcceptRuleMeta,
  messageId: string,
  lang: Lang,
  data: MessageData,
  at: { sheet: string; cell: string; cells?: string[] },
): Finding {
  return {
    rule: meta.id,
    severity: meta.severity,
    sheet: at.sheet,
    cell: at.cell,
    cells: at.cells && at.cells.length ? at.cells : [at.cell],
    message: renderMessage(meta.messages[messageId], data, lang, meta.phrases),
  };
}

/** 「進捗ペース未達 grade/below-pace」: the rule's short name and id. */
function ruleLabel(id: string, lang: Lang): string {
  const name = ruleName(id, lang);
  return name === id ? id : `${name} ${id}`;
}

function clip(s: string, n = 200): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** 「H15: 0 → 2、計算値: 4 → 6」: the cells and numbers that changed (the first few), in lapsedRule's phrases. */
function changes(before: Acceptance, now: Fingerprint, f: Finding): Term {
  const parts: Term[] = [];
  const sameCells = before.cells.length === f.cells.length && before.cells.every((c, i) => c === f.cells[i]);
  if (!sameCells) parts.push({ phrase: "cellsMoved" });
  else {
    f.cells.forEach((cell, i) => {
      const a = JSON.stringify(before.values[i] ?? null);
      const b = JSON.stringify(now.values[i] ?? null);
      if (a !== b)
        parts.push({
          phrase: "cell",
          data: { cell, before: valueTerm(before.values[i]), after: valueTerm(now.values[i]) },
        });
    });
  }
  const num = (phrase: "entered" | "computed", a: number | undefined, b: number | undefined) => {
    const show = (n: number | undefined): MessageValue => (n === undefined ? { phrase: "none" } : String(n));
    if (a !== b) parts.push({ phrase, data: { before: show(a), after: show(b) } });
  };
  num("entered", before.actual, now.actual);
  num("computed", before.expected, now.expected);
  if (parts.length === 0) parts.push({ phrase: "valuesChanged" });
  const shown = parts.slice(0, 5);
  const more = parts.length - shown.length;
  return { list: shown, style: "comma", ...(more ? { rest: { phrase: "more", data: { more } } } : {}) };
}

/** The files an acceptance names cells of (`[提出_医薬品.xlsx]様式2!G6` → 提出_医薬品.xlsx). */
function filesOf(a: Acceptance): string[] {
  const out: string[] = [];
  for (const c of a.cells) {
    const file = parseRef(c).file;
    if (file !== undefined && !out.includes(file)) out.push(file);
  }
  return out;
}

/**
 * Marks the accepted findings (in place) and appends the acceptance infos to `findings`. The caller sorts and
 * counts afterwards. Never throws for anything in the store.
 */
export function applyAcceptances(
  findings: Finding[],
  store: AcceptanceStore,
  lookup: CellLookup,
  options: ApplyAcceptanceOptions,
): void {
  const { lang } = options;
  const added: Finding[] = [];
  if (store.entries.length) {
    const byPlace = new Map<string, Acceptance[]>();
    const place = (x: { rule: string; sheet: string; cell: string }) =>
      JSON.stringify([x.rule, x.sheet, normalCell(x.cell)]);
    for (const a of store.entries) {
      const k = place(a);
      const list = byPlace.get(k);
      if (list) list.push(a);
      else byPlace.set(k, [a]);
    }
    const used = new Set<Acceptance>();
    const count = findings.length;
    // 1. the findings whose acceptance still holds (the exact finding, the same values)
    const open: { f: Finding; candidates: Acceptance[]; key: string; now: Fingerprint }[] = [];
    for (let i = 0; i < count; i++) {
      const f = findings[i];
      const candidates = byPlace.get(place(f));
      if (!candidates) continue;
      const key = acceptanceKey(f);
      const now = fingerprintOf(f, lookup);
      const match = candidates.find((a) => !used.has(a) && acceptanceKey(a) === key && sameFingerprint(a, now));
      if (!match) {
        open.push({ f, candidates, key, now });
        continue;
      }
      used.add(match);
      f.accepted = { reason: match.reason };
      if (match.by) f.accepted.by = match.by;
      if (match.at) f.accepted.at = match.at;
    }
    // 2. a finding where an acceptance is, whose values (or cells) are not the ones accepted: it lapsed
    for (const { f, candidates, key, now } of open) {
      const before =
        candidates.find((a) => !used.has(a) && acceptanceKey(a) === key) ?? candidates.find((a) => !used.has(a));
      if (!before) continue;
      used.add(before);
      added.push(
        finding(
          lapsedRule,
          "changed",
          lang,
          {
            cell: f.cell,
            rule: ruleLabel(f.rule, lang),
            changes: changes(before, now, f),
            reason: clip(before.reason),
          },
          { sheet: f.sheet, cell: f.cell, cells: f.cells },
        ),
      );
    }
    for (const a of store.entries) {
      if (used.has(a)) continue;
      const others = filesOf(a);
      if (others.length && (!options.files || others.some((file) => !options.files!.has(file)))) continue;
      added.push(
        finding(
          unusedRule,
          "unused",
          lang,
          { cell: a.cell, rule: ruleLabel(a.rule, lang), reason: clip(a.reason) },
          { sheet: a.sheet, cell: a.cell },
        ),
      );
    }
  }
  if (store.problems.length) {
    const listed = store.problems.slice(0, ACCEPT_LIMITS.problemsListed);
    const more = store.problems.length - listed.length;
    const details = {
      list: listed.map((p) => ({ phrase: p.id, data: p.data })),
      style: "clauses",
      ...(more ? { rest: { phrase: "more", data: { more } } } : {}),
    } as const;
    const sheet = store.sheet ?? ACCEPT_SHEET;
    added.push(
      finding(
        storeRule,
        "unreadable",
        lang,
        { sheet, count: store.problems.length, details },
        { sheet, cell: `A${store.problems[0].row}` },
      ),
    );
  }
  for (const f of added) findings.push(f);
}
