/**
 * Bundle sizes (gzip) of the built dist/: builds nothing, reads it. The task pane's initial JavaScript is
 * what taskpane.html loads by <script> tags (the entry and its initial chunks); browser mode's chunks
 * are the other JavaScript files (loaded with import() outside Office), apart from the ribbon commands.
 * Browser mode's chunks are split in three: what checking a file loads (the browser chunk, the reader, their
 * vendor code: fflate and saxes), what only writing loads (`writer*`: exceljs and jszip, for annotated
 * copies, the template, downloads and acceptances), and the cell preview (`preview*`), loaded when a finding is
 * first selected.
 * Targets: ≤ 400 KB gzip for the Excel task pane's initial JavaScript; ≤ 30 KB gzip for browser-mode checking.
 *
 *   npx tsx bench/bundles.ts        (after npm run build)
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";

export const INITIAL_BUDGET_BYTES = 400 * 1024;
export const BROWSER_CHECK_BUDGET_BYTES = 30 * 1024;

export interface BundleFile {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BundleReport {
  initial: BundleFile[];
  browserMode: BundleFile[];
  other: BundleFile[];
  initialGzip: number;
  browserModeGzip: number;
  /** Browser mode's chunks loaded to read and check a file (not the writer chunks). */
  browserCheckGzip: number;
  withinBudget: boolean;
}

function measure(dir: string, file: string): BundleFile {
  const data = readFileSync(path.join(dir, file));
  return { file, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

/** Local script sources of an html page, in order. */
export function scriptSources(html: string): string[] {
  const out: string[] = [];
  // html-webpack-plugin minifies: attributes may be unquoted (<script defer src=taskpane.js>)
  for (const m of html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/gi)) {
    const src = m[1] ?? m[2] ?? m[3];
    if (/^(https?:)?\/\//i.test(src)) continue; // office.js from Microsoft's CDN
    out.push(src.replace(/^\.?\//, "").split(/[?#]/)[0]);
  }
  return out;
}

export function bundleReport(dist = path.resolve(__dirname, "..", "dist")): BundleReport {
  const html = path.join(dist, "taskpane.html");
  if (!existsSync(html)) throw new Error(`${html} is missing: run "npm run build" first`);
  const initialNames = scriptSources(readFileSync(html, "utf8"));
  const commandsHtml = path.join(dist, "commands.html");
  const commandNames = existsSync(commandsHtml) ? scriptSources(readFileSync(commandsHtml, "utf8")) : [];
  const js = readdirSync(dist).filter((f) => f.endsWith(".js"));
  const initial = initialNames.filter((f) => js.includes(f)).map((f) => measure(dist, f));
  const rest = js.filter((f) => !initialNames.includes(f));
  const browserMode = rest
    .filter((f) => !commandNames.includes(f) && !/^commands[.-]/.test(f))
    .map((f) => measure(dist, f));
  const other = rest.filter((f) => commandNames.includes(f) || /^commands[.-]/.test(f)).map((f) => measure(dist, f));
  const initialGzip = initial.reduce((n, f) => n + f.gzip, 0);
  const browserModeGzip = browserMode.reduce((n, f) => n + f.gzip, 0);
  const browserCheckGzip = browserMode.filter((f) => isCheckChunk(f.file)).reduce((n, f) => n + f.gzip, 0);
  return {
    initial,
    browserMode,
    other,
    initialGzip,
    browserModeGzip,
    browserCheckGzip,
    withinBudget: initialGzip <= INITIAL_BUDGET_BYTES,
  };
}

/** exceljs, jszip and the code that writes with them: loaded on the first write only (webpack.config.js). */
export function isWriterChunk(file: string): boolean {
  return /^writer[.-]/.test(file);
}

/** The cell preview (src/browser/preview.ts): loaded when a finding is first selected (browser-host.ts select). */
export function isPreviewChunk(file: string): boolean {
  return /^preview[.-]/.test(file);
}

/** What opening and checking a file loads in browser mode. */
export function isCheckChunk(file: string): boolean {
  return !isWriterChunk(file) && !isPreviewChunk(file);
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

export function benchBundles(dist?: string): BundleReport | undefined {
  console.log("\n## Bundle sizes (gzip -9 of dist/, built by npm run build)");
  let r: BundleReport;
  try {
    r = bundleReport(dist);
  } catch (err) {
    console.log(`  skipped: ${(err as Error).message}`);
    return undefined;
  }
  const row = (f: BundleFile): string =>
    `    ${f.file.padEnd(44)} ${kb(f.bytes).padStart(10)} raw ${kb(f.gzip).padStart(9)} gzip`;
  console.log(
    `  Excel task pane, initial JS (taskpane.html's scripts): ${kb(r.initialGzip)} gzip — target ≤ ${kb(INITIAL_BUDGET_BYTES)}: ${r.withinBudget ? "OK" : "OVER"}`,
  );
  r.initial.forEach((f) => console.log(row(f)));
  console.log(`  Browser mode, loaded on demand outside Office: ${kb(r.browserModeGzip)} gzip`);
  console.log(
    `    to read and check a file: ${kb(r.browserCheckGzip)} gzip — target ≤ ${kb(BROWSER_CHECK_BUDGET_BYTES)}: ${r.browserCheckGzip <= BROWSER_CHECK_BUDGET_BYTES ? "OK" : "OVER"}`,
  );
  r.browserMode.filter((f) => isCheckChunk(f.file)).forEach((f) => console.log(row(f)));
  console.log("    on selecting a finding (the cell preview):");
  r.browserMode.filter((f) => isPreviewChunk(f.file)).forEach((f) => console.log(row(f)));
  console.log("    only to write (annotated copy, template, downloads, acceptances):");
  r.browserMode.filter((f) => isWriterChunk(f.file)).forEach((f) => console.log(row(f)));
  if (r.other.length) {
    console.log("  Other (ribbon commands):");
    r.other.forEach((f) => console.log(row(f)));
  }
  return r;
}

if (require.main === module) benchBundles();
