import { langFromTag, STRINGS } from "../../src/taskpane/i18n";
import { groupBySheet, initialState, reducer, rulesPresent, visibleFindings } from "../../src/taskpane/state";
import { FAKE_RESULT, FINDINGS } from "../support/fake-host";

test("Office display languages ja* are Japanese, everything else English", () => {
  expect(langFromTag("ja-JP")).toBe("ja");
  expect(langFromTag("ja")).toBe("ja");
  expect(langFromTag("JA_jp")).toBe("ja");
  expect(langFromTag("en-US")).toBe("en");
  expect(langFromTag("jav")).toBe("en");
  expect(langFromTag(undefined)).toBe("en");
});

test("Japanese and English have the same keys", () => {
  expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.ja).sort());
  expect(Object.keys(STRINGS.en.failedAction).sort()).toEqual(Object.keys(STRINGS.ja.failedAction).sort());
});

test("state: filters, grouping, the one message", () => {
  let s = reducer(initialState, { type: "result", result: FAKE_RESULT, at: 1 });
  expect(groupBySheet(visibleFindings(s)).map((g) => [g.sheet, g.findings.length])).toEqual([
    ["インハウス", 2],
    ["PJ1", 3],
  ]);
  expect(rulesPresent(FAKE_RESULT)).toEqual([
    { id: "grade/mismatch", count: 1 },
    { id: "label/unknown", count: 1 },
    { id: "ratio/mismatch", count: 1 },
    { id: "total/row", count: 2 },
  ]);
  s = reducer(s, { type: "setRule", rule: "total/row" });
  expect(visibleFindings(s)).toEqual(FINDINGS.slice(0, 2));
  s = reducer(s, { type: "toggleSeverity", severity: "error" });
  expect(visibleFindings(s)).toEqual([]);
  // a new result without that rule resets the rule filter
  s = reducer(s, { type: "result", result: { ...FAKE_RESULT, findings: FINDINGS.slice(2) }, at: 2 });
  expect(s.rule).toBeNull();
  s = reducer(s, {
    type: "fail",
    failure: { action: "check", title: "t", message: "m", intent: "error", retryable: true },
  });
  s = reducer(s, { type: "start", action: "check" });
  expect(s.failure).toBeNull();
});
