/**
 * Chaos: every sync of a check → highlight → re-check → clear cycle fails in turn, at every one of its
 * operations (and after all of them, the answer lost), on FakeExcel — a test fake of the Excel JavaScript
 * API, not Excel — which keeps the operations that ran before the failing one, as real Excel does
 * (test/fakes/fake-excel/context.ts, "Partial failure"). After each failure the person clears: every cell of their
 * sheets must be exactly as they had it — value, formula, number format, fill (colour, pattern, pattern
 * colour, both tints) and note. The sample has fills of every kind, notes, and a protected sheet with
 * findings Kensa must never write to.
 *
 * Cycle A is the pane's 検証 twice around a person's edit, then ハイライト解除; cycle B is 再計算・検証 twice
 * (computed cells written) then "Kensa の変更を削除", which must also take Kensa's formulas and sheets out.
 */
import { ExcelHost } from "../../src/adapters/office";
import { STATE_SHEET } from "../../src/adapters/office/state";
import { checkWorkbook } from "../../src/core/engine";
import { FakeExcel, budgetSheetRows, type FakeFill } from "../fakes/fake-excel";

const FILLS: Record<string, FakeFill | null> = {
  none: null,
  white: { color: "#FFFFFF", pattern: "Solid", patternColor: "#000000" },
  solid: { color: "#FFFF00", pattern: "Solid", patternColor: "#000000" },
  themeTint: { color: "#4472C4", pattern: "Solid", patternColor: "#000000", tintAndShade: 0.599993896298105 },
  shade: { color: "#70AD47", pattern: "Solid", patternColor: "#000000", tintAndShade: -0.249977111117893 },
  pattern: { color: "#CCFFCC", pattern: "Gray50", patternColor: "#FF0000", patternTintAndShade: -0.5 },
  patternTinted: {
    color: "#ED7D31",
    pattern: "LightDown",
    patternColor: "#1F4E78",
    tintAndShade: 0.4,
    patternTintAndShade: 0.25,
  },
  gradient: { color: "#5B9BD5", pattern: "LinearGradient", patternColor: "#000000" },
  kensaPink: { color: "#FFC7CE", pattern: "Solid", patternColor: "#000000" },
};

/** The sample: two budget sheets with errors, user fills of every kind and notes on flagged and other cells; the second protected. */
function sample(apiVersion = "1.18"): FakeExcel {
  const fake = new FakeExcel();
  fake.apiVersion = apiVersion;
  const s = fake.addSheet("予算", budgetSheetRows(40, 8));
  // flagged cells (D of the bad rows: rows 4, 9, 14, …) get one kind of fill each; some others too
  const kinds = Object.keys(FILLS);
  const flagged = [4, 9, 14, 19, 24, 29, 34, 39];
  flagged.forEach((row, i) => {
    fake.cell("予算", `D${row}`)!.fill = FILLS[kinds[i % kinds.length]] ? { ...FILLS[kinds[i % kinds.length]]! } : null;
  });
  fake.cell("予算", "D9")!.fill = { ...FILLS.gradient! };
  fake.cell("予算", "A5")!.fill = { ...FILLS.patternTinted! };
  fake.cell("予算", "C6")!.fill = { ...FILLS.white! };
  fake.cell("予算", "D5")!.fill = { ...FILLS.themeTint! }; // not flagged now; flagged after the edit
  s.notes.set("D14", "担当者のメモ\n\n  空白も残す  ");
  s.notes.set("D24", "Kensa:\nこれは人が書いた紛らわしいメモ"); // looks like Kensa's, is the person's
  s.notes.set("A4", "見出しのメモ");
  const p = fake.addSheet("保護", budgetSheetRows(12, 3, "保護機関"));
  fake.cell("保護", "D4")!.fill = { ...FILLS.pattern! };
  p.notes.set("D4", "保護されたシートのメモ");
  p.protected = true;
  return fake;
}

/** The person's edit between the checks: one error fixed (D4), one made (D5). */
function personEdits(fake: FakeExcel): void {
  fake.cell("予算", "D4")!.value = 10;
  fake.cell("予算", "D5")!.value = 999;
}

type Step = (host: ExcelHost, fake: FakeExcel) => Promise<unknown>;

const check: Step = async (host) => host.highlight(checkWorkbook(await host.read()));
const recalcCheck: Step = async (host) => {
  const res = checkWorkbook(await host.recalculateAndRead());
  await host.fillComputed(res);
  return host.highlight(res);
};
const edit: Step = async (_host, fake) => personEdits(fake);

const CYCLES: Record<string, { steps: Step[]; clear: Step; removesAll: boolean }> = {
  "A: 検証 → edit → 検証 → ハイライト解除": {
    steps: [check, edit, check, (h) => h.clearHighlights()],
    clear: (h) => h.clearHighlights(),
    removesAll: false,
  },
  "B: 再計算・検証 → edit → 再計算・検証 → Kensa の変更を削除": {
    steps: [recalcCheck, edit, recalcCheck, (h) => h.clearHighlights({ removeAll: true })],
    clear: (h) => h.clearHighlights({ removeAll: true }),
    removesAll: true,
  },
};

function personSheets(fake: FakeExcel): Record<string, Record<string, string>> {
  return Object.fromEntries(
    fake.sheets.filter((s) => s.name !== STATE_SHEET).map((s) => [s.name, fake.snapshot(s.name)]),
  );
}

/** Runs the steps; stops at the first that throws. Returns whether the edit happened. */
async function runCycle(
  host: ExcelHost,
  fake: FakeExcel,
  steps: Step[],
): Promise<{ edited: boolean; failed: boolean }> {
  let edited = false;
  for (const step of steps) {
    try {
      await step(host, fake);
    } catch {
      return { edited, failed: true };
    }
    if (step === edit) edited = true;
  }
  return { edited, failed: false };
}

const expectedSheets = new Map<string, Record<string, Record<string, string>>>();

/** The person's sheets as they had them, with or without their edit (built once each: asked at every failure point). */
function expected(edited: boolean, apiVersion: string): Record<string, Record<string, string>> {
  const key = `${apiVersion} ${edited}`;
  let sheets = expectedSheets.get(key);
  if (!sheets) {
    const f = sample(apiVersion);
    if (edited) personEdits(f);
    expectedSheets.set(key, (sheets = personSheets(f)));
  }
  return sheets;
}

describe.each(["1.18", "1.20"])("ExcelApi %s", (apiVersion) => {
  describe.each(Object.keys(CYCLES))("cycle %s", (name) => {
    const cycle = CYCLES[name];

    it("without failures, highlights (never on the protected sheet) and clears back to the person's workbook", async () => {
      const fake = sample(apiVersion);
      const host = new ExcelHost({ run: fake.run, requirements: fake.requirements });
      const before = personSheets(fake);
      await cycle.steps[0](host, fake);
      // highlighted, with notes, and nothing on the protected sheet
      expect(fake.cell("予算", "D14")!.fill).toMatchObject({ color: "#FFC7CE", pattern: "Solid" });
      expect(fake.note("予算", "D14")).toMatch(/^担当者のメモ\n\n {2}空白も残す {2}\n\nKensa:\n/);
      expect(fake.cell("予算", "D9")!.fill).toEqual(FILLS.gradient); // a gradient cannot be put back: never highlighted
      expect(personSheets(fake)["保護"]).toEqual(before["保護"]);
      if (cycle.removesAll) expect(fake.cell("予算", "F10")!.formula).toMatch(/^=/);
      else expect(fake.cell("予算", "F10")?.formula).toBeUndefined(); // 検証 changes no value
      const { failed } = await runCycle(host, fake, cycle.steps.slice(1));
      expect(failed).toBe(false);
      expect(personSheets(fake)).toEqual(expected(true, apiVersion));
      if (cycle.removesAll) expect(fake.sheet(STATE_SHEET)).toBeUndefined();
      else expect(fake.sheet(STATE_SHEET)?.visibility ?? "VeryHidden").toBe("VeryHidden");
    });

    it("a failure at any operation of any sync, then clear: every cell as the person had it", async () => {
      // the cycle's syncs and their operations, measured once
      const probe = sample(apiVersion);
      const start = probe.syncCount;
      await runCycle(new ExcelHost({ run: probe.run, requirements: probe.requirements }), probe, cycle.steps);
      const syncs = probe.syncLog.slice(start);
      expect(syncs.length).toBeGreaterThan(8);
      let points = 0;
      const broken: string[] = [];
      for (let i = 0; i < syncs.length; i++) {
        for (let op = 0; op <= syncs[i]; op++) {
          const fake = sample(apiVersion);
          const host = new ExcelHost({ run: fake.run, requirements: fake.requirements });
          fake.failAt = { sync: fake.syncCount + i + 1, op };
          const { edited } = await runCycle(host, fake, cycle.steps);
          fake.failAt = undefined;
          // the person clears (twice is harmless: the second finds nothing to do)
          await cycle.clear(host, fake);
          const got = personSheets(fake);
          const want = expected(edited, apiVersion);
          points++;
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            const diff = Object.keys({ ...want["予算"], ...got["予算"] }).filter(
              (k) => want["予算"]?.[k] !== got["予算"]?.[k],
            );
            broken.push(
              `sync ${i + 1} op ${op}: ${diff
                .slice(0, 4)
                .map((k) => `${k} ${want["予算"]?.[k] ?? "∅"} → ${got["予算"]?.[k] ?? "∅"}`)
                .join("; ")}`,
            );
          }
          if (cycle.removesAll) expect(fake.sheet(STATE_SHEET)).toBeUndefined();
        }
      }
      expect(broken).toEqual([]);
      expect(points).toBeGreaterThan(50);
    }, 240_000);
  });
});
