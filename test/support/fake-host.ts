/**
 * A WorkbookHost for the task pane tests: a plain object whose methods are jest mocks, reading a
 * small workbook, plus a canned CheckResult with errors, a warning and an info on two sheets.
 */
import type { CheckResult } from "../../src/core/engine";
import type { Finding, Fix } from "../../src/core/model/finding";
import { sheetFromValues, type Workbook } from "../../src/core/model/workbook";
import type { ProgressListener, WorkbookHost } from "../../src/host/host";

export const FAKE_WORKBOOK: Workbook = {
  sheets: [
    sheetFromValues("インハウス", [
      ["機関名", "所管", "全体", "健康・医療関係"],
      ["機関A", "文", 100, 40],
      ["機関B", "厚", 50, 20],
      ["合計", null, 160, 60],
    ]),
    sheetFromValues("PJ1", [
      ["番号", "指標", "目標値", "実績", "達成率", "進捗"],
      [1, "論文数", 100, 120, 0.5, "B"],
    ]),
    sheetFromValues("メモ", [["備考"]]),
  ],
};
// C4 is a formula in the fake workbook, so the fix preview shows it
FAKE_WORKBOOK.sheets[0].rows[3][2] = { value: 160, formula: "C2+C3+10" };

export const FINDINGS: Finding[] = [
  {
    rule: "total/row",
    severity: "error",
    sheet: "インハウス",
    cell: "C4",
    cells: ["C4", "C2", "C3"],
    message: "合計 160 が内訳の和 150 と一致しません",
    expected: 150,
    actual: 160,
    fix: { sheet: "インハウス", cell: "C4", formula: "SUM(C2:C3)" },
  },
  {
    rule: "total/row",
    severity: "error",
    sheet: "インハウス",
    cell: "D4",
    cells: ["D4", "D2", "D3"],
    message: "合計 60 が内訳の和 60 と一致しません（テスト）",
  },
  {
    rule: "ratio/mismatch",
    severity: "error",
    sheet: "PJ1",
    cell: "E2",
    cells: ["E2", "D2", "C2"],
    message: "達成率 50% が計算値 120% と一致しません",
    expected: 1.2,
    actual: 0.5,
    fix: { sheet: "PJ1", cell: "E2", value: 1.2 },
  },
  {
    rule: "grade/mismatch",
    severity: "warning",
    sheet: "PJ1",
    cell: "F2",
    cells: ["F2", "D2", "C2"],
    message: "進捗 B ですが実績は目標以上です",
  },
  {
    rule: "label/unknown",
    severity: "info",
    sheet: "PJ1",
    cell: "B2",
    cells: ["B2"],
    message: "指標名「論文数」はカタログにありません",
  },
];

export const FAKE_RESULT: CheckResult = {
  sheets: [
    { name: "インハウス", kind: "inhouse-budget" },
    { name: "PJ1", kind: "output-indicators" },
    { name: "メモ", kind: null },
  ],
  findings: FINDINGS,
  summary: { error: 3, warning: 1, info: 1 },
  computed: [],
};

export const CLEAN_RESULT: CheckResult = { ...FAKE_RESULT, findings: [], summary: { error: 0, warning: 0, info: 0 } };

export type FakeHost = {
  [K in keyof Required<WorkbookHost>]: Required<WorkbookHost>[K] extends (...args: infer A) => infer R
    ? jest.Mock<R, A>
    : Required<WorkbookHost>[K];
} & {
  recalculateAndRead: jest.Mock<Promise<Workbook>, [ProgressListener?]>;
  /** Fires the listener registered through onChanged, like an edit in Excel. */
  edit(): void;
};

export function createFakeHost(workbook: Workbook = FAKE_WORKBOOK): FakeHost {
  let listener: (() => void) | null = null;
  const read = async (onProgress?: ProgressListener): Promise<Workbook> => {
    onProgress?.({ step: "読み取り 1/2", fraction: 0.5 });
    onProgress?.({ step: "読み取り 2/2", fraction: 1 });
    return workbook;
  };
  const host: FakeHost = {
    kind: "excel",
    read: jest.fn(read),
    recalculateAndRead: jest.fn(read),
    highlight: jest.fn(async (_result: CheckResult) => undefined),
    clearHighlights: jest.fn(async () => undefined),
    select: jest.fn(async (_sheet: string, _cells: string[]) => undefined),
    fillComputed: jest.fn(async (_result: CheckResult) => 2),
    applyFix: jest.fn(async (_fix: Fix) => undefined),
    writeResultSheet: jest.fn(async (_result: CheckResult) => undefined),
    insertTemplate: jest.fn(async () => ["インハウス予算", "予算内訳"]),
    onChanged: jest.fn(async (l: () => void) => {
      listener = l;
      return () => {
        listener = null;
      };
    }),
    edit() {
      listener?.();
    },
  };
  return host;
}
