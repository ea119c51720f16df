/**
 * The layout of a range in the FAKE Excel (see test/fakes/fake-excel.ts): merged areas, hidden rows and columns,
 * visible cells.
 *
 *   - a merged area keeps its value in its top-left cell only; the other cells read "" — "The value of a
 *     merged range is specified in the cell of the range's upper-left corner"
 *     (https://learn.microsoft.com/office/vba/api/excel.range.merge); FakeExcel.merge empties them;
 *   - Range.getMergedAreasOrNullObject (ExcelApi 1.13): the merged areas whose top-left cell is in the
 *     range, whole (#3611); a null object when there is none; fails above 512 areas (ref; the error code
 *     is not documented: the fake says GeneralException);
 *   - Range.rowHidden / columnHidden (ExcelApi 1.2): true when all rows (columns) of the range are hidden,
 *     false when none is, null when some are (ref);
 *   - getSpecialCells / getSpecialCellsOrNullObject("Visible") (ExcelApi 1.9): one area per run of visible
 *     rows × run of visible columns; ItemNotFound / a null object when there is none
 *     (docs/excel/excel-add-ins-ranges-special-cells.md).
 * - Range.merge / unmerge (ExcelApi 1.2): merging keeps the top-left cell's value only, as FakeExcel.merge.
 *   Whether Range.clear("All") unmerges is not documented: the fake keeps the merges (the worse case);
 */
import { rectAddress } from "./address";
import { FAKE_MAX_MERGED_AREAS, FakeExcelError, type FakeSheet, type Rect } from "./model";
import type { FakeRange } from "./range";
import { FakeRangeAreas } from "./range-areas";

/**
 * ExcelApi 1.13. The merged areas whose top-left cell is in this range, whole
 * (https://github.com/OfficeDev/office-js/issues/3611); a null object when there is none; fails above
 * 512 areas (Range.getMergedAreasOrNullObject reference; the error code is not documented).
 */
export function mergedAreasOf(range: FakeRange): FakeRangeAreas {
  const areas = new FakeRangeAreas(range.context, range.worksheet);
  range.context.fake.stats.layoutRequests++;
  range.context.enqueue({
    bytes: 40,
    minVersion: "1.13",
    exec: () => {
      const r = range.rect!;
      const found = range.worksheet
        .resolve()
        .merges.filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right);
      if (found.length > FAKE_MAX_MERGED_AREAS)
        throw new FakeExcelError(
          "GeneralException",
          `fake: ${found.length} merged areas (more than ${FAKE_MAX_MERGED_AREAS})`,
        );
      areas.resolveTo(found.map((m) => ({ ...m })));
    },
  });
  return areas;
}

function visibleAreas(range: FakeRange): Rect[] {
  const s = range.worksheet.resolve();
  const r = range.rect!;
  const runs = (first: number, last: number, hidden: Set<number>): [number, number][] => {
    const out: [number, number][] = [];
    for (let i = first; i <= last; i++) {
      if (hidden.has(i)) continue;
      const prev = out[out.length - 1];
      if (prev && prev[1] === i - 1) prev[1] = i;
      else out.push([i, i]);
    }
    return out;
  };
  const out: Rect[] = [];
  for (const [top, bottom] of runs(r.top, r.bottom, s.hiddenRows))
    for (const [left, right] of runs(r.left, r.right, s.hiddenColumns)) out.push({ top, left, bottom, right });
  return out;
}

/** ExcelApi 1.9: the visible cells; ItemNotFound (orNull: a null object) when there is none (special-cells article). */
export function specialCellsOf(range: FakeRange, cellType: string, orNull: boolean): FakeRangeAreas {
  const areas = new FakeRangeAreas(range.context, range.worksheet);
  range.context.fake.stats.layoutRequests++;
  range.context.enqueue({
    bytes: 40 + cellType.length,
    minVersion: "1.9",
    exec: () => {
      if (cellType !== "Visible")
        throw new FakeExcelError("InvalidArgument", `fake: special cells ${cellType} are not modelled`);
      const found = visibleAreas(range);
      if (found.length === 0 && !orNull) throw new FakeExcelError("ItemNotFound", "fake: no cells were found");
      areas.resolveTo(found);
    },
  });
  return areas;
}

/** A change of the sheet's merged areas (ExcelApi 1.2), once the range is known. */
function merging(range: FakeRange, change: (s: FakeSheet, r: Rect) => void): void {
  range.context.enqueue({
    bytes: 40,
    minVersion: "1.2",
    exec: () => {
      const s = range.worksheet.resolve();
      range.context.touch(s);
      change(s, range.rect!);
    },
  });
}

/** Merges the range (across: each row apart); the top-left value stays, as FakeExcel.merge. */
export function mergeRange(range: FakeRange, across: boolean): void {
  merging(range, (s, r) => {
    const rows = across ? Array.from({ length: r.bottom - r.top + 1 }, (_, i) => r.top + i) : [r.top];
    for (const top of rows) range.context.fake.merge(s, rectAddress({ ...r, top, bottom: across ? top : r.bottom }));
  });
}

/** The merged areas inside the range (the whole sheet without an address) are unmerged. */
export function unmergeRange(range: FakeRange): void {
  merging(range, (s, r) => {
    const inside = (m: Rect) => m.top >= r.top && m.bottom <= r.bottom && m.left >= r.left && m.right <= r.right;
    for (let i = s.merges.length - 1; i >= 0; i--) if (inside(s.merges[i])) s.merges.splice(i, 1);
  });
}
