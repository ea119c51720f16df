import { indicatorNumberKey } from "../../../src/core/values/indicator-number";

describe("indicatorNumberKey", () => {
  test.each([
    ["1", "1"],
    ["１", "1"],
    ["01", "1"],
    ["1.", "1"],
    ["1)", "1"],
    ["(1)", "1"],
    ["（１）", "1"],
    ["①", "1"],
    ["⑫", "12"],
    ["No.1", "1"],
    ["No 1", "1"],
    ["#1", "1"],
    ["番号1", "1"],
    ["指標1", "1"],
    ["10", "10"],
    ["0", "0"],
    ["o1", "O1"],
    ["Ｏ１", "O1"],
    ["独自", "独自"],
  ])("%s → %s", (written, key) => {
    expect(indicatorNumberKey(written)).toBe(key);
  });
});
