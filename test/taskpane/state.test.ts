/**
 * The pane's reducer and views for issue 8 (確認済み) and issue 11 (problems first): sections, the walk of
 * 「次の問題」, counts that follow the other filter, accepted findings counted apart, notices that expire.
 */
import type { Finding } from "../../src/core/model/finding";
import {
  countsBySheet,
  findingSections,
  initialState,
  problemOrder,
  reducer,
  rulesPresent,
  severityCounts,
  stepIndex,
} from "../../src/taskpane/state";
import { FAKE_RESULT, FINDINGS } from "../support/fake-host";

/** FAKE_RESULT with its F2 warning accepted (as the engine marks it). */
const ACCEPTED: Finding[] = FINDINGS.map((f) =>
  f.cell === "F2" ? { ...f, accepted: { reason: "説明済み", by: "山田" } } : f,
);
const RESULT = { ...FAKE_RESULT, findings: ACCEPTED, summary: { error: 3, warning: 0, info: 1, accepted: 1 } };

test("sections: errors and warnings, infos apart, accepted apart whatever their severity", () => {
  const s = findingSections(ACCEPTED);
  expect(s.problems.map((f) => f.cell)).toEqual(["C4", "D4", "E2"]);
  expect(s.infos.map((f) => f.cell)).toEqual(["B2"]);
  expect(s.accepted.map((f) => f.cell)).toEqual(["F2"]);
  // the walk goes through the problems; through the infos only when no problem is shown
  expect(problemOrder(s).map((f) => f.cell)).toEqual(["C4", "D4", "E2"]);
  expect(problemOrder({ problems: [], infos: s.infos, accepted: [] }).map((f) => f.cell)).toEqual(["B2"]);
});

test("次の問題 / 前の問題 wrap around; from no current finding they start at either end", () => {
  expect(stepIndex(3, -1, 1)).toBe(0);
  expect(stepIndex(3, -1, -1)).toBe(2);
  expect(stepIndex(3, 2, 1)).toBe(0);
  expect(stepIndex(3, 0, -1)).toBe(2);
  expect(stepIndex(3, 1, 1)).toBe(2);
  expect(stepIndex(0, -1, 1)).toBe(-1);
});

test("the rule filter's counts follow the severity filter; the severity counts follow the rule filter", () => {
  const noErrors = { error: false, warning: true, info: true };
  expect(rulesPresent(FAKE_RESULT, noErrors)).toEqual([
    { id: "grade/mismatch", count: 1 },
    { id: "label/unknown", count: 1 },
  ]);
  // the rule chosen stays offered (with 0) so the filter never shows a choice that is not in the list
  expect(rulesPresent(FAKE_RESULT, noErrors, "total/row")).toContainEqual({ id: "total/row", count: 0 });
  expect(severityCounts(FAKE_RESULT, "total/row")).toEqual({ error: 2, warning: 0, info: 0, accepted: 0 });
  expect(severityCounts(RESULT, null)).toEqual({ error: 3, warning: 0, info: 1, accepted: 1 });
});

test("per-sheet counts count accepted findings apart, never as warnings", () => {
  const pj1 = countsBySheet(RESULT).find((c) => c.name === "PJ1")!;
  expect(pj1.counts).toEqual({ error: 1, warning: 0, info: 1, accepted: 1 });
  expect(countsBySheet(FAKE_RESULT).find((c) => c.name === "PJ1")!.counts).toEqual({
    error: 1,
    warning: 1,
    info: 1,
    accepted: 0,
  });
});

test("a notice expires only if it is still the one shown", () => {
  const first = { text: "C4 を修正しました。", intent: "success" as const };
  const second = { text: "ハイライトを解除しました。", intent: "info" as const };
  let s = reducer(reducer(initialState, { type: "start", action: "check" }), { type: "done", notice: first });
  expect(reducer(s, { type: "expireNotice", notice: first }).notice).toBeNull();
  s = reducer(reducer(s, { type: "start", action: "clearHighlights" }), { type: "done", notice: second });
  // the first one's timer fires late: the second stays
  expect(reducer(s, { type: "expireNotice", notice: first }).notice).toBe(second);
});
