/**
 * TEST FAKE of the Excel JavaScript API (Office.js) — NOT Excel.
 *
 * An in-memory workbook behind just the part of the Excel JS object model that the Office.js adapter
 * (src/adapters/office) uses, with the request/sync semantics that matter for correctness and cost. Each
 * behaviour says, in the module that models it, what it follows; "docs/…" is a page of OfficeDev/office-js-docs-pr,
 * "ref" the API reference (learn.microsoft.com/javascript/api/excel, the same text as @types/office-js), "#n" an
 * issue of OfficeDev/office-js. Where Microsoft documents nothing, the fake takes the case that is worse for Kensa
 * and says so.
 *
 * The fake is split along the object model, each module carrying the behaviours it models and their sources:
 * - fake-excel/context.ts: the queue and sync(), payload and address limits, partial failure (`failAt`), undo;
 * - fake-excel/excel.ts: FakeExcel, Excel.run and its options (delayForCellEdit, cell-edit mode), test set-up;
 * - fake-excel/workbook.ts, worksheet.ts: the workbook, its worksheet collection and the worksheets;
 * - fake-excel/range.ts, range-areas.ts: ranges and RangeAreas; cells.ts: what a written value becomes, how a
 *   fill reads back (#4900, #6218), what clear leaves; format.ts: fills as set, fonts, row heights, widths;
 * - fake-excel/merges.ts: merged areas, hidden rows and columns, visible cells;
 * - fake-excel/notes.ts, data-validation.ts, page-layout.ts, protection.ts, events.ts (worksheets.onChanged);
 * - fake-excel/model.ts: what the fake holds (sheets, cells, limits, FakeExcelError, stats).
 *
 * What it does NOT model: formula calculation (formulas keep the cached value a test gives them, or
 * null; HYPERLINK shows its text), alignment and borders beyond accepting them, writing into merged cells
 * through the API, filters, theme colours (a fill is the RGB colour Office.js reports), how a page breaks,
 * and real Excel's timing. Real-Excel verification is a manual step.
 *
 * The e2e tests run this fake in a page: test/e2e/support/fake-office.ts bundles this file with esbuild, so the
 * modules import nothing at run time from outside test/fakes/fake-excel/ (types only) and use no Node API but
 * Buffer.byteLength, which the page is given.
 */
export { budgetSheetRows } from "./fake-excel/budget-rows";
export type { FakeChangedEvent } from "./fake-excel/events";
export { FakeExcel } from "./fake-excel/excel";
export {
  FAKE_ERROR_VALUES,
  FAKE_MAX_ADDRESS,
  FAKE_MAX_GET_CELLS,
  FAKE_MAX_MERGED_AREAS,
  FAKE_PAYLOAD_LIMIT,
  FakeExcelError,
  FakeSheet,
} from "./fake-excel/model";
export type {
  FakeCell,
  FakeFill,
  FakeInput,
  FakeLayout,
  FakePageLayoutState,
  FakeStats,
  FakeValidation,
} from "./fake-excel/model";
