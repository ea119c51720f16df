/**
 * Messages as data: each term renders per language from the same data, and defineRule types message ids and
 * their data (the @ts-expect-error lines fail `npm run typecheck` the day the types stop catching them). A datum no
 * template names is not caught by the types (TypeScript checks no excess property there); it is never rendered.
 */
import { createContext } from "../../../src/core/engine";
import { renderMessage, type MessageData, type Templates } from "../../../src/core/rules/message";
import { defineRule } from "../../../src/core/rules/rule";

const both = (t: Templates, data: MessageData, phrases?: Record<string, Templates>) => ({
  ja: renderMessage(t, data, "ja", phrases),
  en: renderMessage(t, data, "en", phrases),
});

test("a quoted label: 「」 in Japanese, “” in English, a reader's 「a」の「b」 as “b” of “a”", () => {
  const t = { ja: "{label}が違います。", en: "{label} differs." };
  expect(both(t, { label: { quote: "理研" } })).toEqual({ ja: "「理研」が違います。", en: "“理研” differs." });
  expect(both(t, { label: { quote: "「理研」の「全体」" } })).toEqual({
    ja: "「理研」の「全体」が違います。",
    en: "“全体” of “理研” differs.",
  });
});

test("lists join per language and style, with the rest named after the first few", () => {
  const t = { ja: "（{cells}）", en: "({cells})" };
  expect(both(t, { cells: { list: ["PJ1", "PJ2"], style: "and" } })).toEqual({ ja: "（PJ1・PJ2）", en: "(PJ1, PJ2)" });
  expect(both(t, { cells: { list: ["年度", "金額"], style: "quoted" } })).toEqual({
    ja: "（年度」「金額）",
    en: "(年度”, “金額)",
  });
  const rest = { phrase: "inAll", data: { count: 7 } };
  const phrases = { inAll: { ja: "ほか（計{count}か所）", en: " … ({count} in all)" } };
  expect(both(t, { cells: { list: ["C5", "C9"], style: "comma", rest } }, phrases)).toEqual({
    ja: "（C5、C9ほか（計7か所））",
    en: "(C5, C9 … (7 in all))",
  });
});

test("a fiscal year, a rule's phrase, a shared phrase and a nested one", () => {
  const t = { ja: "{year}末の{row}", en: "{row} at the end of {year}" };
  const data = { year: { fiscalYear: 2025 }, row: { phrase: "indicator", data: { number: "3" } } };
  expect(both(t, data)).toEqual({ ja: "令和7年度末の指標3", en: "indicator 3 at the end of FY2025" });
  const phrases = { mean: { ja: "平均{m}（{list}）", en: "the mean {m} ({list})" } };
  const nested = { phrase: "mean", data: { m: "3件", list: { list: ["R6 4件", "R7 2件"], style: "comma" } } } as const;
  expect(both({ ja: "{x}", en: "{x}" }, { x: nested }, phrases)).toEqual({
    ja: "平均3件（R6 4件、R7 2件）",
    en: "the mean 3件 (R6 4件, R7 2件)",
  });
});

test("a datum a template does not name stays visible; an unknown phrase is a bug", () => {
  expect(renderMessage({ ja: "{a}と{b}", en: "" }, { a: 1 }, "ja")).toBe("1と{b}");
  expect(() => renderMessage({ ja: "{a}", en: "" }, { a: { phrase: "nope" } }, "ja")).toThrow(/unknown phrase nope/);
});

describe("defineRule", () => {
  const rule = defineRule({
    meta: {
      id: "grade/invalid",
      severity: "error",
      description: { ja: "説明", en: "description" },
      messages: { bad: { ja: "「{row}」の「{text}」", en: "“{text}” of “{row}”" }, none: { ja: "なし", en: "none" } },
      phrases: { own: { ja: "自前", en: "own" } },
    },
    *check() {
      yield { messageId: "bad", data: { row: { phrase: "own" }, text: "C" }, sheet: "S", cell: "A1" };
      yield { messageId: "none", data: {}, sheet: "S", cell: "A2" };
    },
  });

  test("a generator's findings come back as an array, phrases kept in meta", () => {
    const found = rule.check(createContext({ sheets: [] }));
    expect(found.map((f) => f.messageId)).toEqual(["bad", "none"]);
    expect(renderMessage(rule.meta.messages.bad, found[0].data, "en", rule.meta.phrases)).toBe("“C” of “own”");
  });

  test("unknown message ids, missing data and unknown phrases do not compile", () => {
    const meta = {
      id: "grade/invalid",
      severity: "error",
      description: { ja: "説明", en: "description" },
      messages: { m: { ja: "{a}", en: "{a}" } },
    } as const;
    const rules = [
      defineRule({ meta, check: () => [{ messageId: "m", data: { a: 1 }, sheet: "S", cell: "A1" }] }),
      // @ts-expect-error an unknown message id
      defineRule({ meta, check: () => [{ messageId: "other", data: { a: 1 }, sheet: "S", cell: "A1" }] }),
      // @ts-expect-error a placeholder without its datum
      defineRule({ meta, check: () => [{ messageId: "m", data: {}, sheet: "S", cell: "A1" }] }),
      // @ts-expect-error a phrase the rule does not have
      defineRule({ meta, check: () => [{ messageId: "m", data: { a: { phrase: "own" } }, sheet: "S", cell: "A1" }] }),
    ];
    expect(rules.map((r) => r.check(createContext({ sheets: [] })).length)).toEqual([1, 1, 1, 1]);
  });
});

test("text around placeholders is kept as written: braces that name nothing, `$` patterns, adjacent placeholders", () => {
  expect(renderMessage({ ja: "{{a}}{b}$&{c", en: "" }, { a: "x$1", b: 2 }, "ja")).toBe("{x$1}2$&{c");
  expect(renderMessage({ ja: "{a}{a}", en: "" }, { a: "→" }, "ja")).toBe("→→");
});
