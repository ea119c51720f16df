/**
 * The parts of an .xlsx read before its sheets (./read.ts): the relationships that find every part, the
 * workbook part (its sheets and date system), the styles (each cell style's number format) and the shared
 * strings (their plain text).
 */
import { WorkbookReadError } from "../exceljs/errors";
import { BUILTIN_FORMATS, decodeEscapes } from "./formats";
import * as limits from "./limits";
import { parseXmlPart } from "./xml";
import type { ZipArchive } from "./zip";

const { MAX_SHARED_STRINGS, MAX_TEXT_CHARS } = limits;

export const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
export const REL_WORKSHEET = /\/worksheet$/;
export const REL_STYLES = /\/styles$/;
export const REL_SHARED_STRINGS = /\/sharedStrings$/;

export interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

export function textTooLong(part: string): WorkbookReadError {
  return new WorkbookReadError("text-too-long", undefined, { detail: { part } });
}

/** A part name from a relationship's target, relative to the part holding the relationship. */
export function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/");
  parts.pop();
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** The relationships of a part, by id; none when it has no .rels part. */
export function readRelationships(zip: ZipArchive, part: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const name = zip.find(relsPartOf(part));
  if (!name) return rels;
  parseXmlPart(zip, name, {
    open(el, a) {
      if (el === "Relationship" && a.Id !== undefined && a.Target !== undefined) {
        const external = a.TargetMode === "External";
        rels.set(a.Id, { type: a.Type ?? "", target: external ? a.Target : resolveTarget(part, a.Target), external });
      }
    },
    close() {},
    text() {},
  });
  return rels;
}

export function firstOfType(rels: Map<string, Relationship>, type: RegExp): Relationship | undefined {
  for (const rel of rels.values()) if (type.test(rel.type)) return rel;
  return undefined;
}

export interface SheetRef {
  name: string;
  rId: string;
}

export function readWorkbookPart(zip: ZipArchive, part: string): { sheets: SheetRef[]; date1904: boolean } {
  const sheets: SheetRef[] = [];
  let date1904 = false;
  parseXmlPart(zip, part, {
    open(el, a) {
      if (el === "sheet") {
        const rId = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
        if (rId !== undefined) sheets.push({ name: a.name ?? "", rId });
      } else if (el === "workbookPr") {
        date1904 = a.date1904 === "1" || a.date1904 === "true";
      }
    },
    close() {},
    text() {},
  });
  return { sheets, date1904 };
}

/** The number format of each cell style: `<cellXfs><xf numFmtId>` through `<numFmts>` or the built-in table. */
export function readStyles(zip: ZipArchive, part: string | undefined): (string | undefined)[] {
  if (!part) return [];
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  parseXmlPart(zip, part, {
    open(el, a) {
      if (el === "numFmt") {
        // exceljs unescapes backslashes in format codes (numfmt-xform.js).
        if (a.formatCode !== undefined) custom.set(parseInt(a.numFmtId, 10), a.formatCode.replace(/[\\](.)/g, "$1"));
      } else if (el === "cellXfs") {
        inCellXfs = true;
      } else if (el === "xf" && inCellXfs) {
        ids.push(parseInt(a.numFmtId, 10));
      }
    },
    close(el) {
      if (el === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  return ids.map((id) => (id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined));
}

/** The plain text of each shared string: its `<t>`, or its runs' `<t>` joined; phonetic runs left out. */
export function readSharedStrings(zip: ZipArchive, part: string | undefined): string[] | undefined {
  if (!part) return undefined;
  const strings: string[] = [];
  let plain: string | undefined;
  let runs: string | undefined;
  let text: string | undefined;
  let depthRun = false;
  let collecting = false;
  parseXmlPart(zip, part, {
    skip: (el) => el === "rPh",
    open(el) {
      switch (el) {
        case "si":
          plain = undefined;
          runs = undefined;
          break;
        case "r":
          depthRun = true;
          runs ??= "";
          break;
        case "t":
          text = "";
          collecting = true;
          break;
      }
    },
    text(t) {
      if (!collecting) return;
      text += t;
      if (text!.length > MAX_TEXT_CHARS) throw textTooLong(part);
    },
    close(el) {
      switch (el) {
        case "t":
          collecting = false;
          if (depthRun) runs += decodeEscapes(text!);
          else plain = decodeEscapes(text!);
          break;
        case "r":
          depthRun = false;
          break;
        case "si":
          if (strings.length >= MAX_SHARED_STRINGS)
            throw new WorkbookReadError("too-many-strings", undefined, { detail: { part } });
          strings.push(runs ?? plain ?? "");
          if (runs !== undefined && runs.length > MAX_TEXT_CHARS) throw textTooLong(part);
          break;
      }
    },
  });
  return strings;
}
