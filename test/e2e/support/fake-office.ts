/**
 * A FAKE Office host for the e2e tests — not Office, not Excel. page.addInitScript runs the script built
 * here before the task pane's own scripts, so the page sees `window.Office` (onReady answering host
 * Excel, a displayLanguage, the requirement sets — SharedRuntime 1.1 included) and `window.Excel.run` over
 * test/fakes/fake-excel.ts (the Node-side FakeExcel, bundled for the page with esbuild: queued proxies, sync(),
 * PropertyNotLoaded, run options), holding the small workbook below. The test reads the fake back through
 * `window.__kensaFakeExcel`. The shared runtime: the page's Office.actions.associate handlers are kept in
 * `window.__kensaRibbon` (press(name) runs one and resolves when it completes its event), and
 * Office.addin.showAsTaskpane() records `window.__kensaPaneShown`.
 */
import * as path from "node:path";
import { buildSync } from "esbuild";
import type { Workbook } from "../../../src/core/model/workbook";
import { fakeInputOf } from "../../fakes/fake-excel/model";

/** The fake workbook: an in-house budget table with a wrong 合計 and a blank cell, and a sheet of no kind. */
export const FAKE_SHEETS: Record<string, (string | number | null)[][]> = {
  インハウス予算: [
    ["単位：億円"],
    ["機関名", "所管", "全体", "健康・医療関係"],
    ["研究所A", "文", 100, 40],
    ["研究所B", "厚", 50, null],
    ["研究所C", "経", 30, 12],
    ["合計", null, 190, 52],
  ],
  メモ: [["このシートはメモです"]],
};

/** The global the bundle assigns FakeExcel's module to (inside the init script's own scope). */
const BUNDLE_GLOBAL = "__kensaFakeExcelModule";
let bundled: string | undefined;

/** test/fakes/fake-excel.ts and its modules as one script for the page (once per test file). */
function fakeExcelSource(): string {
  if (bundled) return bundled;
  const result = buildSync({
    entryPoints: [path.resolve(__dirname, "../../fakes/fake-excel.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    globalName: BUNDLE_GLOBAL,
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  bundled = result.outputFiles[0].text;
  return bundled;
}

/** A sheet for the fake as JSON: the cells as Excel holds them (as FakeExcel.addWorkbook loads a model), and the layout. */
function fakeSheetsOf(workbook: Workbook): {
  name: string;
  rows: unknown[][];
  layout: { merges?: string[]; hiddenRows?: number[]; hiddenColumns?: number[] };
}[] {
  return workbook.sheets.map((sheet) => ({
    name: sheet.name,
    rows: sheet.rows.map((row) => Array.from(row, (cell) => (cell ? fakeInputOf(cell) : null))),
    layout: { merges: sheet.merges, hiddenRows: sheet.hiddenRows, hiddenColumns: sheet.hiddenColumns },
  }));
}

/**
 * The init script: defines window.Office and window.Excel over a FakeExcel holding FAKE_SHEETS, or the given
 * workbook; `url` is Office.context.document.url (the open workbook's file, absent by default).
 */
export function fakeOfficeScript(
  displayLanguage: "ja-JP" | "en-US",
  options: { workbook?: Workbook; url?: string } = {},
): string {
  return `(() => {
  // the Node-side fake measures payloads with Buffer.byteLength; the page has TextEncoder
  const encoder = new TextEncoder();
  const Buffer = { byteLength: (s) => encoder.encode(String(s)).length };
${fakeExcelSource()}
  const { FakeExcel } = ${BUNDLE_GLOBAL};
  const fake = new FakeExcel();
  const sheets = ${JSON.stringify(FAKE_SHEETS)};
  const workbook = ${JSON.stringify(options.workbook ? fakeSheetsOf(options.workbook) : null)};
  if (workbook) for (const s of workbook) fake.addSheet(s.name, s.rows, s.layout);
  else for (const name of Object.keys(sheets)) fake.addSheet(name, sheets[name]);
  window.__kensaFakeExcel = fake;
  window.Excel = {
    run: (a, b) => fake.run(a, b),
  };
  const handlers = {};
  window.__kensaPaneShown = 0;
  window.__kensaRibbon = {
    press: (name) => new Promise((resolve, reject) => {
      const h = handlers[name];
      if (!h) return reject(new Error("fake: nothing associated with " + name));
      h({ completed: () => resolve(true), source: { id: name } });
    }),
  };
  window.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC" },
    onReady: (cb) => {
      const info = { host: "Excel", platform: "PC" };
      if (typeof cb === "function") cb(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: ${JSON.stringify(displayLanguage)},
      document: { url: ${JSON.stringify(options.url ?? null)} },
      requirements: { isSetSupported: (name, v) => (name === "SharedRuntime" ? true : fake.requirements.isSetSupported(name, v)) },
      ui: { displayDialogAsync: (url, o, cb) => cb({ status: "failed" }), messageParent: () => undefined },
    },
    actions: { associate: (name, handler) => { handlers[name] = handler; } },
    addin: { showAsTaskpane: () => { window.__kensaPaneShown++; return Promise.resolve(); } },
  };
})();`;
}
