/**
 * Scale: ten sheets of 10,000 rows through the Office.js adapter on FakeExcel (a test fake of the
 * Excel JavaScript API that enforces Excel on the web's 5 MB payload limit — not Excel). The number of
 * round trips is small, fixed, and the same for 10 findings as for 10,000.
 */
import { scaleCase, type ScaleCase } from "../../bench/office-roundtrips";

const LIMIT = 5 * 1024 * 1024;

describe("Office.js adapter at scale (10 sheets × 10,000 rows)", () => {
  let few: ScaleCase;
  let many: ScaleCase;
  beforeAll(async () => {
    few = await scaleCase(1);
    many = await scaleCase(1000);
  }, 120_000);

  it("has 10 and 10,000 findings", () => {
    expect(few.findings).toBe(10);
    expect(many.findings).toBe(10_000);
  });

  it("uses a small fixed number of syncs per step", () => {
    for (const c of [few, many]) {
      expect(c.read.syncs).toBe(9); // sheets + used ranges + 7 byte-sized batches of 16.6 MB of cells
      // sheets, protection and state + probe of 200,000 cells (2 batches) + Kensa's record of what it writes
      // (one row per column run) + 200,000 formulas (14.6 MB) in byte-sized batches
      expect(c.fill.syncs).toBe(8);
      // sheets, protection, state and the flagged cells' fills and notes + the record (appended) + the cells
      expect(c.highlight.syncs).toBe(3);
      expect(c.rehighlight.syncs).toBe(1); // nothing changed: nothing written, not even the record
      // sheets and state + the given-back cells' fills and notes + the cells + forgetting their rows
      expect(c.clear.syncs).toBe(4);
      expect(c.resultSheet.syncs).toBe(3);
    }
  });

  it("does not grow the round trips or the range objects with the number of findings", () => {
    for (const k of ["read", "fill", "highlight", "rehighlight", "clear", "resultSheet"] as const)
      expect(many[k].syncs).toBe(few[k].syncs);
    expect(many.highlight.rangeAreas).toBe(few.highlight.rangeAreas);
    expect(many.highlight.rangeAreas).toBeLessThanOrEqual(20);
    expect(many.rehighlight.rangeAreas).toBe(0); // an unchanged workbook: no write at all
    expect(many.clear.rangeAreas).toBe(few.clear.rangeAreas);
  });

  it("never sends or receives more than 5 MB in one sync", () => {
    for (const c of [few, many])
      for (const s of [c.read, c.fill, c.highlight, c.rehighlight, c.clear, c.resultSheet]) {
        expect(s.maxRequestBytes).toBeLessThanOrEqual(LIMIT);
        expect(s.maxResponseBytes).toBeLessThanOrEqual(LIMIT);
      }
  });
});
