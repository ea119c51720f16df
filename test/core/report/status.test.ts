/** A workbook's status (DOMAIN §4, never a silent pass) and the outcome the findings workbook prints for it. */
import { checkStatus } from "../../../src/core/report/status";
import { fileOutcome, outcomeLabel } from "../../../src/core/report/table";

const sheets = [
  { name: "インハウス予算", kind: "inhouse-budget" as const },
  { name: "モニタリング", kind: "monitoring" as const },
  { name: "記入要領", kind: null },
];
const unfilled = (sheet: string) => ({ rule: "structure/unfilled", sheet });

describe("checkStatus", () => {
  test("no sheet of a known kind: unchecked (未検証)", () => {
    expect(checkStatus([{ name: "Sheet1", kind: null }])).toBe("unchecked");
  });

  test("every sheet of a known kind still blank: unfilled (未入力), whatever the sheets of no kind hold", () => {
    expect(checkStatus(sheets, [unfilled("インハウス予算"), unfilled("モニタリング")])).toBe("unfilled");
  });

  test("one sheet filled in: checked, the blank one keeps its own 未入力 info", () => {
    expect(checkStatus(sheets, [unfilled("モニタリング"), { rule: "value/missing", sheet: "インハウス予算" }])).toBe(
      "checked",
    );
  });
});

describe("fileOutcome in the findings workbook", () => {
  const summary = { error: 0, warning: 0, info: 2 };
  test("a blank workbook is 未入力, not 合格", () => {
    const outcome = fileOutcome({ status: "unfilled", summary });
    expect(outcomeLabel(outcome, "ja")).toBe("未入力");
    expect(outcomeLabel(outcome, "en")).toBe("not filled in");
  });

  test("an error still shows as エラーあり", () => {
    expect(fileOutcome({ status: "unfilled", summary: { ...summary, error: 1 } })).toBe("errors");
  });
});
