/**
 * Writing the acceptance store (src/core/accept/store.ts) into an .xlsx or .xlsm, for `kensa accept` and browser
 * mode. The file is edited as the zip it is, not loaded and saved again through exceljs: only the store's own
 * worksheet part is written (added when missing, with its entry in xl/workbook.xml, the workbook's relationships
 * and [Content_Types].xml), and every other part of the package is kept byte for byte — values, styles,
 * merges, other sheets, charts, pivot tables, macros, whatever exceljs would not know how to write back.
 *
 * The sheet is very hidden (`state="veryHidden"`: only code can show it), every cell an inline string (no
 * change to the shared strings). Before the bytes are handed back, the result is read again: every other part
 * must be unchanged, and the store must read back as written; otherwise nothing is returned but an error.
 * Browser-safe (JSZip only); the CLI writes the bytes with writeFileAtomic (temp file, then rename).
 */
import type JSZip from "jszip";
import { loadZip } from "./excel-valid";
import { ACCEPT_SHEET, isAcceptSheet, parseAcceptanceGrid, type AcceptanceStore } from "../../core/accept/store";
import { columnLetters } from "../../core/model/address";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const OFFICE_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

/** Why the store could not be written; `code` for callers, `message` in English (the CLI says it in Japanese). */
export class StoreWriteError extends Error {
  constructor(
    readonly code: "not-xlsx" | "no-workbook" | "strict" | "not-ours" | "verify",
    message: string,
  ) {
    super(message);
    this.name = "StoreWriteError";
  }
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === "amp") return "&";
    if (e === "lt") return "<";
    if (e === "gt") return ">";
    if (e === "quot") return '"';
    if (e === "apos") return "'";
    const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : "";
  });
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The attributes of one start tag: `name="x" r:id="rId1"` → Map (values unescaped). */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g))
    out.set(m[1], unescapeXml(m[3] ?? m[4] ?? ""));
  return out;
}

/** The prefix a namespace is bound to in an element's start tag ("" for the default namespace), or undefined. */
function prefixOf(startTag: string, ns: string): string | undefined {
  for (const [k, v] of attributes(startTag)) {
    if (v !== ns) continue;
    if (k === "xmlns") return "";
    if (k.startsWith("xmlns:")) return k.slice(6);
  }
  return undefined;
}

/** `xl/worksheets/sheet1.xml` for a target relative to `xl/workbook.xml`'s folder (or absolute). */
function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relsPathOf(part: string): string {
  const cut = part.lastIndexOf("/");
  return `${part.slice(0, cut + 1)}_rels/${part.slice(cut + 1)}.rels`;
}

/** The worksheet part for the store's grid: inline strings only. */
export function storeSheetXml(grid: readonly (readonly string[])[]): string {
  const rows: string[] = [];
  let lastCol = 0;
  grid.forEach((cells, r) => {
    const cs: string[] = [];
    cells.forEach((v, c) => {
      if (v === "") return;
      lastCol = Math.max(lastCol, c);
      const ref = `${columnLetters(c)}${r + 1}`;
      cs.push(`<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`);
    });
    if (cs.length) rows.push(`<row r="${r + 1}">${cs.join("")}</row>`);
  });
  const dim = `A1:${columnLetters(lastCol)}${Math.max(grid.length, 1)}`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="${dim}"/>` +
    `<sheetViews><sheetView workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    `<cols><col min="1" max="3" width="18" customWidth="1"/><col min="4" max="5" width="30" customWidth="1"/><col min="6" max="7" width="10" customWidth="1"/><col min="8" max="8" width="60" customWidth="1"/><col min="9" max="10" width="20" customWidth="1"/></cols>` +
    `<sheetData>${rows.join("")}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `</worksheet>`
  );
}

interface Package {
  zip: JSZip;
  workbookPath: string;
  workbookXml: string;
  relsPath: string;
  relsXml: string;
  typesXml: string;
  /** The store sheet's `<sheet …/>` element and its part, when the workbook has one. */
  store?: { tag: string; part: string };
  /** Every `<sheet …/>` element. */
  sheets: { tag: string; name: string; id: number; rid: string }[];
}

async function text(zip: JSZip, path: string): Promise<string | undefined> {
  const f = zip.file(path);
  return f ? f.async("string") : undefined;
}

async function openPackage(bytes: Uint8Array): Promise<Package> {
  let zip: JSZip;
  try {
    zip = await loadZip(bytes);
  } catch (err) {
    throw new StoreWriteError("not-xlsx", `not an .xlsx package (${err instanceof Error ? err.message : String(err)})`);
  }
  const rootRels = await text(zip, "_rels/.rels");
  let workbookPath = "xl/workbook.xml";
  if (rootRels) {
    for (const m of rootRels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const a = attributes(m[0]);
      if (a.get("Type") === OFFICE_DOC_REL && a.get("Target")) workbookPath = resolvePart("", a.get("Target")!);
    }
  }
  const workbookXml = await text(zip, workbookPath);
  const typesXml = await text(zip, "[Content_Types].xml");
  if (!workbookXml || !typesXml) throw new StoreWriteError("no-workbook", "no workbook part in the package");
  const root = /<(\w+:)?workbook\b[^>]*>/.exec(workbookXml);
  if (!root || prefixOf(root[0], MAIN_NS) === undefined)
    throw new StoreWriteError(
      "strict",
      "the workbook is not in the transitional SpreadsheetML namespace (Strict Open XML is not supported)",
    );
  const relsPath = relsPathOf(workbookPath);
  const relsXml =
    (await text(zip, relsPath)) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.get("Id") && a.get("Target")) targets.set(a.get("Id")!, a.get("Target")!);
  }
  const sheets: Package["sheets"] = [];
  let store: Package["store"];
  for (const m of workbookXml.matchAll(/<(\w+:)?sheet\b[^>]*?\/?>/g)) {
    const a = attributes(m[0]);
    const rid = [...a].find(([k]) => k === "r:id" || /:id$/.test(k))?.[1] ?? "";
    const entry = { tag: m[0], name: a.get("name") ?? "", id: Number(a.get("sheetId") ?? 0), rid };
    sheets.push(entry);
    if (isAcceptSheet(entry.name) && !store) {
      const target = targets.get(rid);
      if (target) store = { tag: m[0], part: resolvePart(workbookPath, target) };
    }
  }
  if (!/<(\w+:)?sheets\b/.test(workbookXml)) throw new StoreWriteError("no-workbook", "the workbook lists no sheets");
  return { zip, workbookPath, workbookXml, relsPath, relsXml, typesXml, store, sheets };
}

/** The store as the package holds it now (from the sheet's XML), for the check before writing. */
async function readStorePart(zip: JSZip, part: string): Promise<{ grid: string[][]; hasContent: boolean }> {
  const xml = (await text(zip, part)) ?? "";
  const grid: string[][] = [];
  // enough of SpreadsheetML to see whether the sheet is Kensa's: A1's text
  const shared = await text(zip, "xl/sharedStrings.xml");
  // the text runs of each shared string, without its phonetic (furigana) runs
  const strings = shared
    ? [...shared.matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>/g)].map((m) =>
        [
          ...m[1]
            .replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "")
            .matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g),
        ]
          .map((t) => unescapeXml(t[1]))
          .join(""),
      )
    : [];
  let hasContent = false;
  for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
    const a = attributes(m[1]);
    const body = m[2] ?? "";
    const ref = a.get("r") ?? "";
    const at = /^([A-Z]+)(\d+)$/.exec(ref);
    let value = "";
    if (a.get("t") === "inlineStr")
      value = [...body.matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)].map((t) => unescapeXml(t[1])).join("");
    else {
      const v = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body)?.[1];
      if (v !== undefined) value = a.get("t") === "s" ? (strings[Number(v)] ?? "") : unescapeXml(v);
    }
    if (value !== "") hasContent = true;
    if (!at) continue;
    const row = Number(at[2]) - 1;
    let col = 0;
    for (const ch of at[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    if (row > 10_000 || col > 64) continue;
    (grid[row] ??= [])[col - 1] = value;
  }
  return { grid: Array.from(grid, (r) => Array.from(r ?? [], (v) => v ?? "")), hasContent };
}

/** The acceptance store of an .xlsx package, read from its store sheet (an empty store when it has none). */
export async function readStoreFromPackage(bytes: Uint8Array): Promise<AcceptanceStore> {
  const pkg = await openPackage(bytes);
  if (!pkg.store) return { entries: [], problems: [] };
  const { grid } = await readStorePart(pkg.zip, pkg.store.part);
  return parseAcceptanceGrid(grid, pkg.sheets.find((s) => s.tag === pkg.store!.tag)?.name ?? ACCEPT_SHEET);
}

function withAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, ` ${name}="${escapeXml(value)}"`);
  return tag.replace(/\s*(\/?>)$/, ` ${name}="${escapeXml(value)}"$1`);
}

export interface WriteStoreOptions {
  /** Overwrite a sheet named Kensa_accepted that is not Kensa's record (its A1 lacks the mark). Off by default. */
  force?: boolean;
}

/**
 * The package with the store sheet's content replaced by `grid` (storeGrid's rows), the sheet added very
 * hidden when missing. Everything else is kept as it was; the result is verified before it is returned.
 */
export async function writeStoreToPackage(
  bytes: Uint8Array,
  grid: readonly (readonly string[])[],
  options: WriteStoreOptions = {},
): Promise<Uint8Array> {
  const pkg = await openPackage(bytes);
  const { zip } = pkg;
  const changed = new Set<string>();
  let part: string;
  if (pkg.store) {
    part = pkg.store.part;
    const now = await readStorePart(zip, part);
    const mark = (now.grid[0]?.[0] ?? "").trim();
    if (now.hasContent && !mark.startsWith("Kensa accepted") && !options.force) {
      throw new StoreWriteError(
        "not-ours",
        `the sheet “${ACCEPT_SHEET}” is not Kensa's record (A1 is “${mark.slice(0, 40)}”): not overwritten`,
      );
    }
    const tag = withAttribute(pkg.store.tag, "state", "veryHidden");
    if (tag !== pkg.store.tag) {
      zip.file(pkg.workbookPath, pkg.workbookXml.replace(pkg.store.tag, tag));
      changed.add(pkg.workbookPath);
    }
  } else {
    // a new part, relationship and sheet entry
    let n = 1;
    while (zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
    part = `xl/worksheets/sheet${n}.xml`;
    const ids = new Set([...pkg.relsXml.matchAll(/\bId\s*=\s*"([^"]*)"/g)].map((m) => m[1]));
    let r = 1;
    while (ids.has(`rId${r}`)) r++;
    const rid = `rId${r}`;
    const baseDir = pkg.workbookPath.split("/").slice(0, -1).join("/");
    const target = baseDir && part.startsWith(`${baseDir}/`) ? part.slice(baseDir.length + 1) : `/${part}`;
    const rel = `<Relationship Id="${rid}" Type="${WORKSHEET_REL}" Target="${target}"/>`;
    const relsClose = /<\/(\w+:)?Relationships>\s*$/.exec(pkg.relsXml);
    if (!relsClose) throw new StoreWriteError("no-workbook", "the workbook's relationships cannot be read");
    const relPrefix = relsClose[1] ?? "";
    zip.file(
      pkg.relsPath,
      pkg.relsXml.slice(0, relsClose.index) +
        (relPrefix ? rel.replace("<Relationship", `<${relPrefix}Relationship`) : rel) +
        pkg.relsXml.slice(relsClose.index),
    );
    const typesClose = /<\/(\w+:)?Types>\s*$/.exec(pkg.typesXml);
    if (!typesClose) throw new StoreWriteError("no-workbook", "[Content_Types].xml cannot be read");
    const override = `<${typesClose[1] ?? ""}Override PartName="/${part}" ContentType="${WORKSHEET_TYPE}"/>`;
    zip.file(
      "[Content_Types].xml",
      pkg.typesXml.slice(0, typesClose.index) + override + pkg.typesXml.slice(typesClose.index),
    );
    const root = /<(\w+:)?workbook\b[^>]*>/.exec(pkg.workbookXml)!;
    const mainPrefix = root[1] ?? "";
    const relPrefixInBook = prefixOf(root[0], REL_NS);
    const idAttr = relPrefixInBook ? `${relPrefixInBook}:id="${rid}"` : `xmlns:kr="${REL_NS}" kr:id="${rid}"`;
    const sheetId = Math.max(0, ...pkg.sheets.map((s) => (Number.isFinite(s.id) ? s.id : 0))) + 1;
    const entry = `<${mainPrefix}sheet name="${ACCEPT_SHEET}" sheetId="${sheetId}" state="veryHidden" ${idAttr}/>`;
    const sheetsClose = new RegExp(`</${mainPrefix}sheets>`).exec(pkg.workbookXml);
    let workbookXml: string;
    if (sheetsClose)
      workbookXml = pkg.workbookXml.slice(0, sheetsClose.index) + entry + pkg.workbookXml.slice(sheetsClose.index);
    else {
      const empty = new RegExp(`<${mainPrefix}sheets\\s*/>`).exec(pkg.workbookXml);
      if (!empty) throw new StoreWriteError("no-workbook", "the workbook lists no sheets");
      workbookXml = pkg.workbookXml.replace(empty[0], `<${mainPrefix}sheets>${entry}</${mainPrefix}sheets>`);
    }
    zip.file(pkg.workbookPath, workbookXml);
    changed.add(pkg.relsPath).add("[Content_Types].xml").add(pkg.workbookPath);
  }
  zip.file(part, storeSheetXml(grid));
  changed.add(part);
  const out = await zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  await verify(bytes, out, changed, part, grid);
  return out;
}

/** Every part not meant to change is unchanged, and the store reads back as written. */
async function verify(
  before: Uint8Array,
  after: Uint8Array,
  changed: ReadonlySet<string>,
  part: string,
  grid: readonly (readonly string[])[],
): Promise<void> {
  const a = await loadZip(before);
  const b = await loadZip(after);
  const names = (z: JSZip) => Object.keys(z.files).filter((n) => !z.files[n].dir);
  const missing = names(a).filter((n) => !b.file(n));
  if (missing.length) throw new StoreWriteError("verify", `parts lost: ${missing.slice(0, 3).join(", ")}`);
  for (const n of names(a)) {
    if (changed.has(n)) continue;
    const [x, y] = await Promise.all([a.file(n)!.async("uint8array"), b.file(n)!.async("uint8array")]);
    if (x.length !== y.length || x.some((v, i) => v !== y[i]))
      throw new StoreWriteError("verify", `the part ${n} changed`);
  }
  const back = await readStorePart(b, part);
  const want = grid.map((r) => r.join("\u0000").replace(/\u0000+$/, ""));
  const got = grid.map((_, i) => (back.grid[i] ?? []).join("\u0000").replace(/\u0000+$/, ""));
  if (want.some((w, i) => w !== got[i]))
    throw new StoreWriteError("verify", "the record does not read back as written");
}
