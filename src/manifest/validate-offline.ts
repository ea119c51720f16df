/**
 * Offline XSD validation of manifest.xml with xmllint-wasm (libxml2 compiled to WebAssembly; no network,
 * no native build). Microsoft's online validator (`npm run validate`) needs the internet; this does not.
 *
 * By default it uses Kensa's subset schemas in assets/schemas/ (see the README there). Given a folder of
 * Microsoft's own [MS-OWEMXML] schema files instead, it applies the two fixes libxml2 needs (the XML Schema
 * namespace written with https, and the .NET lazy quantifier `{0,3}?` in the Version pattern) and stubs any
 * imported schema file that is missing, so the official copies can be used unmodified on disk.
 *
 * XSD catches misplaced, misordered, unknown and missing elements, bad attribute values and over-long
 * strings. It does not resolve `resid`s; src/manifest/lint.ts does that.
 */
import * as fs from "fs";
import * as path from "path";
import { validateXML } from "xmllint-wasm";

export const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
export const DEFAULT_SCHEMA_DIR = path.resolve(__dirname, "../../assets/schemas");

export interface SchemaFile {
  fileName: string;
  contents: string;
}

const XS_NS = "http://www.w3.org/2001/XMLSchema";

/** The fixes Microsoft's published XSDs need before libxml2 compiles them; a no-op on Kensa's files. */
export function patchSchema(text: string): string {
  return text.split(`"https://www.w3.org/2001/XMLSchema"`).join(`"${XS_NS}"`).split("{0,3}?").join("{0,3}");
}

/** Every .xsd in `dir`, patched, plus a stub for each `<xs:import schemaLocation>` that is not there. */
export function loadSchemas(dir: string = DEFAULT_SCHEMA_DIR): SchemaFile[] {
  const files: SchemaFile[] = fs
    .readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith(".xsd"))
    .sort()
    .map((f) => ({ fileName: f, contents: patchSchema(fs.readFileSync(path.join(dir, f), "utf8")) }));
  if (!files.some((f) => f.fileName === MAIN_SCHEMA)) {
    throw new Error(`${dir} has no ${MAIN_SCHEMA}`);
  }
  const present = new Set(files.map((f) => f.fileName));
  const importRe = /<xs:import\b[^>]*>/g;
  for (const f of [...files]) {
    for (const tag of f.contents.match(importRe) ?? []) {
      const loc = /schemaLocation="([^"]+)"/.exec(tag)?.[1];
      const ns = /namespace="([^"]+)"/.exec(tag)?.[1];
      if (!loc || !ns || present.has(loc)) continue;
      present.add(loc);
      // An empty namespace with a VersionOverrides element of any content: the official OfficeAppManifest
      // refers to {contentappversionoverrides}VersionOverrides, which Kensa never uses.
      files.push({
        fileName: loc,
        contents:
          `<?xml version="1.0" encoding="UTF-8"?>\n<xs:schema xmlns:xs="${XS_NS}" targetNamespace="${ns}" ` +
          `elementFormDefault="qualified"><xs:element name="VersionOverrides"/></xs:schema>\n`,
      });
    }
  }
  return files;
}

export interface XsdResult {
  valid: boolean;
  /** "manifest.xml:12: Element '…': This element is not expected. Expected is ( … )." */
  problems: string[];
}

/** Validates `xml` against the schemas; `fileName` only labels the messages. */
export async function validateManifestXsd(
  xml: string,
  options: { schemaDir?: string; fileName?: string } = {},
): Promise<XsdResult> {
  const fileName = options.fileName ?? "manifest.xml";
  const schemas = loadSchemas(options.schemaDir ?? DEFAULT_SCHEMA_DIR);
  const main = schemas.find((s) => s.fileName === MAIN_SCHEMA)!;
  let result: Awaited<ReturnType<typeof validateXML>>;
  try {
    result = await validateXML({
      xml: { fileName: path.basename(fileName), contents: xml },
      schema: [main],
      preload: schemas.filter((s) => s !== main),
    });
  } catch (err) {
    // xmllint's other exit codes: not well-formed XML (1), schemas that do not compile (5), …
    const text = err instanceof Error ? err.message : String(err);
    const lines = text
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    return {
      valid: false,
      problems: lines.length ? lines.map((l) => `${fileName}: ${l}`) : [`${fileName}: xmllint failed`],
    };
  }
  if (result.valid) return { valid: true, problems: [] };
  const problems = result.errors
    .map((e) => ({ ...e, message: e.message.replace(/^Schemas validity error : /, "") }))
    .map((e) => (e.loc ? `${fileName}:${e.loc.lineNumber}: ${e.message}` : `${fileName}: ${e.message}`))
    .filter((m) => !/fails to validate$/.test(m.trim()));
  return { valid: false, problems: problems.length ? problems : [`${fileName}: ${result.rawOutput.trim()}`] };
}
