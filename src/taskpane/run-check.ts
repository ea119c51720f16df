/**
 * Running the rule engine from the pane without freezing it. checkWorkbook is synchronous, so the pane
 * first lets the browser paint the spinner (a frame, then a macrotask) and only then runs it. On the
 * R7-sized workbooks this takes well under a second; a Web Worker can replace `defaultCheck` later
 * (the pane takes any CheckFn) if much larger workbooks appear.
 */
import { checkWorkbook, type CheckResult } from "../core/engine";
import type { Workbook } from "../core/model/workbook";
import type { Lang } from "../core/values/format";

export type CheckFn = (workbook: Workbook, lang: Lang) => CheckResult | Promise<CheckResult>;

export const defaultCheck: CheckFn = (workbook, lang) => checkWorkbook(workbook, { lang });

/** Resolves after the browser had a chance to paint (or after 50 ms when frames are not delivered). */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(finish);
    setTimeout(finish, 50);
  });
}
