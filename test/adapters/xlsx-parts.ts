/**
 * Hand-written .xlsx files for the reader's tests: the parts as XML strings, zipped with fflate, or a zip
 * laid out byte by byte (rawZip) when a test needs headers that lie.
 */
import { deflateSync, zipSync, strToU8 } from "fflate";

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface Parts {
  /** Sheet XML bodies (inside <worksheet>), by sheet name, in order. */
  sheets: [string, string][];
  /** <si> elements. */
  sharedStrings?: string[];
  /** <numFmts> and <cellXfs> contents. */
  numFmts?: string;
  cellXfs?: string[];
  workbookPr?: string;
  /** Relationships of sheet i (0-based), e.g. hyperlinks. */
  sheetRels?: Record<number, string>;
  /** Replaces the whole XML of a part. */
  raw?: Record<string, string | Uint8Array>;
}

export function sheetXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>${body}</worksheet>`;
}

/** The parts of a minimal workbook, as a name → bytes map. */
export function partsOf(p: Parts): Record<string, Uint8Array> {
  const files: Record<string, string | Uint8Array> = {
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${p.workbookPr ?? ""}<sheets>${p.sheets
      .map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${p.sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join(
        "",
      )}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>${p.sharedStrings ? `<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
    "xl/styles.xml": `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${p.numFmts ?? ""}<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs>${(
      p.cellXfs ?? ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']
    ).join("")}</cellXfs></styleSheet>`,
  };
  if (p.sharedStrings) {
    files["xl/sharedStrings.xml"] =
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${p.sharedStrings.length}">${p.sharedStrings.join("")}</sst>`;
  }
  p.sheets.forEach(([, body], i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(body)));
  for (const [i, rels] of Object.entries(p.sheetRels ?? {})) {
    files[`xl/worksheets/_rels/sheet${Number(i) + 1}.xml.rels`] =
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;
  }
  Object.assign(files, p.raw ?? {});
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === "string" ? strToU8(v) : v]));
}

export function xlsx(p: Parts): Uint8Array {
  return zipSync(partsOf(p), { level: 6 });
}

export interface RawEntry {
  name: string;
  /** The bytes as stored (deflated unless method is 0). */
  stored: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the headers declare. */
  size: number;
  /** Write this entry's central record pointing at another entry's local header (an overlapping zip). */
  sameDataAs?: string;
}

/** A zip laid out byte by byte: local headers and data, then the central directory, then its end record. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const offsets = new Map<string, number>();
  const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
  for (const e of entries) {
    if (e.sameDataAs) continue;
    const name = strToU8(e.name);
    const header = new Uint8Array([
      ...u32(0x04034b50),
      ...u16(20),
      ...u16(0),
      ...u16(e.method),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(e.stored.length),
      ...u32(e.size),
      ...u16(name.length),
      ...u16(0),
    ]);
    offsets.set(e.name, offset);
    chunks.push(header, name, e.stored);
    offset += header.length + name.length + e.stored.length;
  }
  const dirStart = offset;
  for (const e of entries) {
    const name = strToU8(e.name);
    const data = e.sameDataAs ? entries.find((x) => x.name === e.sameDataAs)! : e;
    const rec = new Uint8Array([
      ...u32(0x02014b50),
      ...u16(20),
      ...u16(20),
      ...u16(0),
      ...u16(data.method),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(data.stored.length),
      ...u32(e.size),
      ...u16(name.length),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(offsets.get(data.name)!),
    ]);
    chunks.push(rec, name);
    offset += rec.length + name.length;
  }
  chunks.push(
    new Uint8Array([
      ...u32(0x06054b50),
      ...u16(0),
      ...u16(0),
      ...u16(entries.length),
      ...u16(entries.length),
      ...u32(offset - dirStart),
      ...u32(dirStart),
      ...u16(0),
    ]),
  );
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** The parts of a workbook as raw entries (deflated, honest sizes), to be altered by a test. */
export function rawEntries(p: Parts): RawEntry[] {
  return Object.entries(partsOf(p)).map(([name, data]) => ({
    name,
    stored: deflateSync(data),
    method: 8 as const,
    size: data.length,
  }));
}
