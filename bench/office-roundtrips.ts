/**
 * Round trips of the Office.js adapter at scale, measured on FakeExcel (a test fake of the Excel
 * JavaScript API that counts syncs, proxy objects and payload bytes and enforces Excel on the web's
 * 5 MB limit) — not on Excel. Ten sheets of 10,000 rows; 10 findings vs 10,000 findings.
 *
 *   npx tsx bench/office-roundtrips.ts
 */
import { ExcelHost } from "../src/adapters/office";
import { checkWorkbook } from "../src/core/engine";
import { FakeExcel, budgetSheetRows, type FakeStats } from "../test/fakes/fake-excel";

const COUNTED = [
  "syncs",
  "proxies",
  "operations",
  "requestBytes",
  "responseBytes",
  "maxRequestBytes",
  "maxResponseBytes",
  "rangeAreas",
] as const;

export type StepCounts = Pick<FakeStats, (typeof COUNTED)[number]> & { ms: number };

export interface ScaleCase {
  findings: number;
  highlighted: number;
  read: StepCounts;
  fill: StepCounts;
  highlight: StepCounts;
  rehighlight: StepCounts;
  clear: StepCounts;
  resultSheet: StepCounts;
}

function counts(s: FakeStats, ms: number): StepCounts {
  return { ...(Object.fromEntries(COUNTED.map((k) => [k, s[k]])) as Pick<FakeStats, (typeof COUNTED)[number]>), ms };
}

/** `sheets` sheets of `rows` rows with `badPerSheet` part/exceeds-whole errors each. */
export async function scaleCase(badPerSheet: number, sheets = 10, rows = 10_000): Promise<ScaleCase> {
  const fake = new FakeExcel();
  for (let i = 1; i <= sheets; i++) fake.addSheet(`予算${i}`, budgetSheetRows(rows, badPerSheet, `機関${i}-`));
  const host = new ExcelHost({ run: fake.run, requirements: fake.requirements });
  const step = async (f: () => Promise<unknown>): Promise<StepCounts> => {
    fake.resetStats();
    const t = Date.now();
    await f();
    return counts(fake.stats, Date.now() - t);
  };
  let wb = await host.read();
  const read = await step(async () => (wb = await host.read()));
  const result = checkWorkbook(wb);
  const fill = await step(() => host.fillComputed(result));
  const highlight = await step(() => host.highlight(result));
  const rehighlight = await step(() => host.highlight(result));
  const resultSheet = await step(() => host.writeResultSheet(result));
  const clear = await step(() => host.clearHighlights());
  return {
    findings: result.findings.length,
    highlighted: result.findings.filter((f) => f.severity !== "info").length,
    read,
    fill,
    highlight,
    rehighlight,
    clear,
    resultSheet,
  };
}

export async function benchOfficeRoundTrips(): Promise<void> {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  for (const bad of [1, 1000]) {
    const c = await scaleCase(bad);
    console.log(
      `\n10 sheets × 10,000 rows, ${c.findings} findings (FakeExcel — a test fake of the Excel JS API, not Excel)`,
    );
    console.log("step          syncs  proxies  ops     request   response  max req   max resp  getRanges  ms");
    for (const [name, s] of Object.entries({
      read: c.read,
      fillComputed: c.fill,
      highlight: c.highlight,
      "highlight×2": c.rehighlight,
      resultSheet: c.resultSheet,
      clear: c.clear,
    })) {
      console.log(
        `${name.padEnd(13)} ${String(s.syncs).padStart(5)}  ${String(s.proxies).padStart(7)}  ${String(s.operations).padStart(6)}  ${kb(s.requestBytes).padStart(8)}  ${kb(s.responseBytes).padStart(8)}  ${kb(s.maxRequestBytes).padStart(8)}  ${kb(s.maxResponseBytes).padStart(8)}  ${String(s.rangeAreas).padStart(9)}  ${String(s.ms).padStart(5)}`,
      );
    }
  }
}

if (require.main === module) {
  benchOfficeRoundTrips().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
