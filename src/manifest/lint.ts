/**
 * Lint of manifest.xml for what the XSDs cannot say (they have no key/keyref, and Microsoft's online
 * validator passes dangling resids too, Office-Addin-Scripts#892):
 *
 *   - every `resid` resolves to a resource of the right kind (bt:Image, bt:Url, short or long bt:String);
 *     resource ids are unique and each is used;
 *   - every URL is https and on the add-in's origin (so one rewrite deploys them all), and the project has
 *     the file it serves: assets/… as is, taskpane.html and commands.html from their source templates;
 *   - icons are real PNG files of the pixel size the manifest gives them (bt:Image size, IconUrl 32,
 *     HighResolutionIconUrl 64), and each ribbon <Icon> has the mandatory 16, 32 and 80 px images;
 *   - the ExecuteFunction names are exactly COMMAND_FUNCTIONS (src/commands/function-names.ts), a
 *     FunctionFile is declared, and commands.ts (when it exists) associates each of them;
 *   - the shared runtime (SharedRuntime 1.1): SharedRuntime is required, one <Runtime lifetime="long">,
 *     and the FunctionFile and every ShowTaskpane source use its resid ("The shared runtime won't load
 *     if the resid of the runtime isn't consistent in the manifest", configure-your-add-in-to-use-a-
 *     shared-runtime.md), with no TaskpaneId (one task pane);
 *   - DefaultLocale ja-JP, and DisplayName, Description and every string resource have exactly one
 *     en-US override;
 *   - Id is a GUID, Version has four parts, host Workbook, ReadWriteDocument, ExcelApi floor declared,
 *     group and control ids unique.
 *
 * Pure: the caller supplies the file system (see scripts/check-manifest.ts). Problems are strings,
 * "line N: …" where the manifest has a line for them.
 */
import { COMMAND_FUNCTIONS } from "../commands/function-names";

export const DEFAULT_LOCALE = "ja-JP";
export const OVERRIDE_LOCALE = "en-US";
/** getRanges (RangeAreas), getCellProperties, WorksheetCollection.onChanged; see the comment in manifest.xml. */
export const EXCEL_API_FLOOR = "1.9";
export const DEV_BASE_URL = "https://localhost:3000/";
/** Pages webpack builds from templates: URL path under the base → the project file it comes from. */
export const BUILT_PAGES: Record<string, string> = {
  "taskpane.html": "src/taskpane/taskpane.html",
  "commands.html": "src/commands/commands.html",
};
export const RIBBON_ICON_SIZES = [16, 32, 80];

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

export interface LintOptions {
  /** Bytes of a project file (for PNG pixel sizes); without it only existence is checked. */
  readFile?: (relPath: string) => Uint8Array | undefined;
  /** The ExecuteFunction names; default COMMAND_FUNCTIONS. */
  functionNames?: Readonly<Record<string, string>>;
  baseUrl?: string;
  pages?: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------------------
// A small namespace-aware XML reader (the manifest is well-formed; the XSD step reports syntax errors).

export interface XmlElement {
  /** Local name. */
  name: string;
  /** Namespace URI ("" when none). */
  ns: string;
  /** Attributes by qualified name as written (resid, xsi:type, DefaultValue, …). */
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
  parent?: XmlElement;
}

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

export function parseXml(xml: string): XmlElement {
  const tokenRe =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  const attrRe = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  type Open = { el: XmlElement; nsMap: Record<string, string> };
  const stack: Open[] = [];
  let root: XmlElement | undefined;
  let line = 1;
  let m: RegExpExecArray | null;
  while ((m = tokenRe.exec(xml))) {
    const tokenLine = line;
    line += (m[0].match(/\n/g) ?? []).length;
    if (m[1] !== undefined) {
      if (stack.length) stack[stack.length - 1].el.text += m[1];
    } else if (m[2] !== undefined) {
      const top = stack.pop();
      if (!top || `${prefixOf(top.el)}${top.el.name}` !== m[2])
        throw new Error(`line ${tokenLine}: unexpected </${m[2]}>`);
    } else if (m[3] !== undefined) {
      const raw: Record<string, string> = {};
      let a: RegExpExecArray | null;
      attrRe.lastIndex = 0;
      while ((a = attrRe.exec(m[4] ?? ""))) raw[a[1]] = decode(a[2] ?? a[3] ?? "");
      const nsMap = {
        ...(stack.length ? stack[stack.length - 1].nsMap : { xml: "http://www.w3.org/XML/1998/namespace" }),
      };
      for (const [k, v] of Object.entries(raw)) {
        if (k === "xmlns") nsMap[""] = v;
        else if (k.startsWith("xmlns:")) nsMap[k.slice(6)] = v;
      }
      const [prefix, local] = m[3].includes(":") ? m[3].split(":", 2) : ["", m[3]];
      const el: XmlElement = {
        name: local,
        ns: nsMap[prefix] ?? "",
        attrs: raw,
        children: [],
        text: "",
        line: tokenLine,
        parent: stack.length ? stack[stack.length - 1].el : undefined,
      };
      PREFIX.set(el, prefix ? `${prefix}:` : "");
      XSI.set(el, (k) => {
        for (const [q, v] of Object.entries(raw)) {
          const [p, l] = q.includes(":") ? q.split(":", 2) : ["", q];
          if (p && l === k && nsMap[p] === NS.xsi) return v;
        }
        return undefined;
      });
      if (el.parent) el.parent.children.push(el);
      else if (root) throw new Error(`line ${tokenLine}: a second root element`);
      else root = el;
      if (m[5] !== "/") stack.push({ el, nsMap });
    } else if (m[6] !== undefined) {
      if (stack.length) stack[stack.length - 1].el.text += decode(m[6]);
    }
  }
  if (!root) throw new Error("no root element");
  if (stack.length)
    throw new Error(`line ${stack[stack.length - 1].el.line}: <${stack[stack.length - 1].el.name}> is not closed`);
  return root;
}

const PREFIX = new WeakMap<XmlElement, string>();
const XSI = new WeakMap<XmlElement, (local: string) => string | undefined>();
function prefixOf(el: XmlElement): string {
  return PREFIX.get(el) ?? "";
}
/** The local part of xsi:type ("Button", "ExecuteFunction", …). */
export function xsiType(el: XmlElement): string | undefined {
  const v = XSI.get(el)?.("type");
  return v?.includes(":") ? v.split(":")[1] : v;
}

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}
function child(el: XmlElement | undefined, name: string, ns?: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name && (ns === undefined || c.ns === ns));
}
function kids(el: XmlElement | undefined, name: string, ns?: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name && (ns === undefined || c.ns === ns)) : [];
}

// ---------------------------------------------------------------------------------------------------------
// PNG

/** Width and height from a PNG's IHDR, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) return undefined;
  if (String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]) !== "IHDR") return undefined;
  const u32 = (o: number) => ((bytes[o] << 24) | (bytes[o + 1] << 16) | (bytes[o + 2] << 8) | bytes[o + 3]) >>> 0;
  return { width: u32(16), height: u32(20) };
}

// ---------------------------------------------------------------------------------------------------------
// commands.ts

function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:\\])\/\/.*$/gm, "$1");
}

/** The function names a commands source passes to Office.actions.associate (literals and COMMAND_FUNCTIONS.x). */
export function associatedNames(
  source: string,
  names: Readonly<Record<string, string>> = COMMAND_FUNCTIONS,
): Set<string> {
  const found = new Set<string>();
  const re = /\bactions\s*\.\s*associate\s*\(\s*([^,)]+?)\s*,/g;
  let m: RegExpExecArray | null;
  const src = stripComments(source);
  while ((m = re.exec(src))) {
    const arg = m[1];
    const lit = /^(["'`])([^"'`]*)\1$/.exec(arg);
    const member = /^COMMAND_FUNCTIONS\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*(["'])([^"']*)\2\s*\])$/.exec(arg);
    if (lit) found.add(lit[2]);
    else if (member) {
      const key = member[1] ?? member[3];
      if (Object.prototype.hasOwnProperty.call(names, key)) found.add(names[key]);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// The lint

type Kind = "image" | "url" | "short" | "long";
const KIND_LABEL: Record<Kind, string> = {
  image: "bt:Images/bt:Image",
  url: "bt:Urls/bt:Url",
  short: "bt:ShortStrings/bt:String",
  long: "bt:LongStrings/bt:String",
};
/** Which resource kind a resid on this element refers to. */
function refKind(el: XmlElement): Kind | undefined {
  if (el.name === "Image" && el.ns === NS.bt) return "image";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl", "Runtime"].includes(el.name)) return "url";
  if (["Label", "Title"].includes(el.name)) return "short";
  if (el.name === "Description") return "long";
  return undefined;
}

/**
 * @param xml manifest.xml text
 * @param fileExists whether a project-relative path (e.g. "assets/icon-16.png") is a file
 * @param commandsSource src/commands/commands.ts, or undefined when it does not exist (yet)
 */
export function lintManifest(
  xml: string,
  fileExists: (relPath: string) => boolean,
  commandsSource: string | undefined,
  options: LintOptions = {},
): string[] {
  const problems: string[] = [];
  const at = (el: XmlElement | undefined, msg: string) => problems.push(el ? `line ${el.line}: ${msg}` : msg);
  const names = options.functionNames ?? COMMAND_FUNCTIONS;
  const base = options.baseUrl ?? DEV_BASE_URL;
  const pages = options.pages ?? BUILT_PAGES;

  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (err) {
    return [`manifest.xml is not well-formed: ${err instanceof Error ? err.message : String(err)}`];
  }
  if (root.name !== "OfficeApp" || root.ns !== NS.app) return [`the root element is not {${NS.app}}OfficeApp`];
  if (xsiType(root) !== "TaskPaneApp") at(root, `OfficeApp xsi:type is "${xsiType(root)}", expected "TaskPaneApp"`);

  // --- identity, locale, host, permissions, requirements
  const id = child(root, "Id", NS.app);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id?.text.trim() ?? "")) {
    at(id ?? root, `<Id> "${id?.text.trim() ?? ""}" is not a GUID`);
  }
  const version = child(root, "Version", NS.app);
  if (!/^\d{1,5}(\.\d{1,5}){3}$/.test(version?.text.trim() ?? "")) {
    at(version ?? root, `<Version> "${version?.text.trim() ?? ""}" is not of the form n.n.n.n`);
  }
  const defaultLocale = child(root, "DefaultLocale", NS.app);
  if (defaultLocale?.text.trim() !== DEFAULT_LOCALE) {
    at(defaultLocale ?? root, `<DefaultLocale> is "${defaultLocale?.text.trim() ?? ""}", expected ${DEFAULT_LOCALE}`);
  }
  const checkOverrides = (el: XmlElement, what: string) => {
    const locales = el.children.filter((c) => c.name === "Override").map((c) => c.attrs.Locale ?? "");
    const norm = locales.map((l) => l.toLowerCase());
    if (!norm.includes(OVERRIDE_LOCALE.toLowerCase())) at(el, `${what} has no ${OVERRIDE_LOCALE} <Override>`);
    if (norm.includes(DEFAULT_LOCALE.toLowerCase())) at(el, `${what} overrides the default locale ${DEFAULT_LOCALE}`);
    const dup = norm.find((l, i) => norm.indexOf(l) !== i);
    if (dup) at(el, `${what} has more than one ${dup} <Override>`);
  };
  for (const name of ["DisplayName", "Description"]) {
    const el = child(root, name, NS.app);
    if (el) checkOverrides(el, `<${name}>`);
  }
  const hostNames = kids(child(root, "Hosts", NS.app), "Host", NS.app).map((h) => h.attrs.Name);
  if (!hostNames.includes("Workbook")) at(root, `<Hosts> does not list <Host Name="Workbook"/>`);
  const permissions = child(root, "Permissions", NS.app);
  if (permissions?.text.trim() !== "ReadWriteDocument") {
    at(permissions ?? root, `<Permissions> is "${permissions?.text.trim() ?? ""}", expected ReadWriteDocument`);
  }
  const excelSet = kids(child(child(root, "Requirements", NS.app), "Sets", NS.app), "Set", NS.app).find(
    (s) => s.attrs.Name === "ExcelApi",
  );
  if (!excelSet) at(root, `<Requirements> does not declare <Set Name="ExcelApi" MinVersion="${EXCEL_API_FLOOR}"/>`);
  else if (excelSet.attrs.MinVersion !== EXCEL_API_FLOOR) {
    at(excelSet, `ExcelApi MinVersion is "${excelSet.attrs.MinVersion ?? ""}", expected ${EXCEL_API_FLOOR}`);
  }

  const sharedSet = kids(child(child(root, "Requirements", NS.app), "Sets", NS.app), "Set", NS.app).find(
    (s) => s.attrs.Name === "SharedRuntime",
  );
  if (!sharedSet) at(root, `<Requirements> does not declare <Set Name="SharedRuntime" MinVersion="1.1"/>`);

  const vo = child(root, "VersionOverrides", NS.ov);
  const workbookHosts = kids(child(vo, "Hosts", NS.ov), "Host", NS.ov).filter((h) => xsiType(h) === "Workbook");
  if (vo && !workbookHosts.length) at(vo, `<VersionOverrides> has no <Host xsi:type="Workbook">`);

  // --- the shared runtime: one long-lived page for the pane and the ribbon
  for (const host of workbookHosts) {
    const runtimes = kids(child(host, "Runtimes", NS.ov), "Runtime", NS.ov);
    const long = runtimes.filter((r) => r.attrs.lifetime === "long");
    if (long.length !== 1) {
      at(
        host,
        `<Host xsi:type="Workbook"> needs exactly one <Runtime lifetime="long"> (the shared runtime), found ${long.length}`,
      );
      continue;
    }
    const rid = long[0].attrs.resid;
    for (const el of walk(host)) {
      if (el.name === "FunctionFile" && el.attrs.resid !== rid)
        at(el, `<FunctionFile resid="${el.attrs.resid ?? ""}"> is not the shared runtime's resid "${rid}"`);
      if (el.name === "Action" && xsiType(el) === "ShowTaskpane") {
        const src = child(el, "SourceLocation", NS.ov);
        if (src && src.attrs.resid !== rid)
          at(
            src,
            `ShowTaskpane <SourceLocation resid="${src.attrs.resid ?? ""}"> is not the shared runtime's resid "${rid}"`,
          );
        if (child(el, "TaskpaneId", NS.ov))
          at(el, `a ShowTaskpane action of the shared runtime has a <TaskpaneId> (a shared runtime has one task pane)`);
      }
    }
  }

  // --- resources
  const resources = new Map<string, { kind: Kind; el: XmlElement; used: boolean }>();
  const res = child(vo, "Resources", NS.ov);
  const collections: [string, string, Kind][] = [
    ["Images", "Image", "image"],
    ["Urls", "Url", "url"],
    ["ShortStrings", "String", "short"],
    ["LongStrings", "String", "long"],
  ];
  for (const [coll, item, kind] of collections) {
    for (const el of kids(child(res, coll, NS.bt), item, NS.bt)) {
      const rid = el.attrs.id ?? "";
      if (resources.has(rid)) at(el, `resource id "${rid}" is defined more than once`);
      else resources.set(rid, { kind, el, used: false });
      if (kind === "short" || kind === "long") checkOverrides(el, `string "${rid}"`);
    }
  }

  // --- resid references
  const imageSizes = new Map<string, Set<number>>();
  for (const el of walk(root)) {
    const rid = el.attrs.resid;
    if (rid === undefined) continue;
    const kind = refKind(el);
    const tag = `<${prefixOf(el)}${el.name} resid="${rid}">`;
    if (!kind) {
      at(el, `${tag}: no resource kind is known for <${el.name}>`);
      continue;
    }
    const r = resources.get(rid);
    if (!r) at(el, `${tag}: resid "${rid}" does not resolve (no ${KIND_LABEL[kind]} with id "${rid}")`);
    else if (r.kind !== kind)
      at(el, `${tag}: resid "${rid}" is a ${KIND_LABEL[r.kind]}, expected a ${KIND_LABEL[kind]}`);
    else r.used = true;
    if (kind === "image") {
      const size = Number(el.attrs.size);
      if (!imageSizes.has(rid)) imageSizes.set(rid, new Set());
      imageSizes.get(rid)!.add(size);
    }
  }
  for (const [rid, r] of resources) if (!r.used) at(r.el, `resource "${rid}" is never used`);

  // --- ribbon icon lists, ids
  for (const el of walk(root)) {
    if (el.name !== "Icon" || el.ns !== NS.ov) continue;
    const sizes = kids(el, "Image", NS.bt).map((i) => Number(i.attrs.size));
    for (const s of RIBBON_ICON_SIZES)
      if (!sizes.includes(s)) at(el, `<Icon> has no ${s} px <bt:Image> (16, 32 and 80 are required)`);
  }
  const seenIds = new Map<string, XmlElement>();
  for (const el of walk(root)) {
    if (el.ns !== NS.ov || !["Group", "Control"].includes(el.name) || el.attrs.id === undefined) continue;
    if (seenIds.has(el.attrs.id))
      at(el, `<${el.name} id="${el.attrs.id}"> repeats an id already used on line ${seenIds.get(el.attrs.id)!.line}`);
    else seenIds.set(el.attrs.id, el);
  }

  // --- URLs and the files behind them
  const urlChecks: { el: XmlElement; url: string; what: string; pixels?: number[] }[] = [];
  const addUrls = (el: XmlElement | undefined, what: string, pixels?: number[]) => {
    if (!el) return;
    if (el.attrs.DefaultValue !== undefined) urlChecks.push({ el, url: el.attrs.DefaultValue, what, pixels });
    for (const o of el.children.filter((c) => c.name === "Override")) {
      urlChecks.push({ el: o, url: o.attrs.Value ?? "", what: `${what} (${o.attrs.Locale} override)`, pixels });
    }
  };
  addUrls(child(root, "IconUrl", NS.app), "<IconUrl>", [32]);
  addUrls(child(root, "HighResolutionIconUrl", NS.app), "<HighResolutionIconUrl>", [64]);
  addUrls(child(root, "SupportUrl", NS.app), "<SupportUrl>");
  addUrls(child(child(root, "DefaultSettings", NS.app), "SourceLocation", NS.app), "<DefaultSettings><SourceLocation>");
  for (const [rid, r] of resources) {
    if (r.kind === "image") addUrls(r.el, `image "${rid}"`, [...(imageSizes.get(rid) ?? [])]);
    if (r.kind === "url") addUrls(r.el, `URL "${rid}"`);
  }
  for (const d of kids(child(root, "AppDomains", NS.app), "AppDomain", NS.app)) {
    if (!d.text.trim().startsWith("https://")) at(d, `<AppDomain> "${d.text.trim()}" is not https`);
  }
  for (const { el, url, what, pixels } of urlChecks) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      at(el, `${what}: "${url}" is not an absolute URL`);
      continue;
    }
    if (parsed.protocol !== "https:") {
      at(el, `${what}: "${url}" is not https`);
      continue;
    }
    if (!url.startsWith(base)) {
      at(el, `${what}: "${url}" is not under ${base} (every URL must be, so that one rewrite deploys them all)`);
      continue;
    }
    const rel = decodeURIComponent(parsed.pathname.slice(new URL(base).pathname.length));
    const file = pages[rel] ?? (rel.startsWith("assets/") ? rel : undefined);
    if (!file) {
      at(
        el,
        `${what}: "${url}" is not a page or asset the build produces (${Object.keys(pages).join(", ")}, assets/…)`,
      );
      continue;
    }
    if (!fileExists(file)) {
      at(el, `${what}: "${url}" needs ${file}, which does not exist`);
      continue;
    }
    if (pixels) {
      if (!/\.png$/i.test(file)) {
        at(el, `${what}: "${url}" is not a .png file`);
        continue;
      }
      const bytes = options.readFile?.(file);
      if (!bytes) continue;
      const size = pngSize(bytes);
      if (!size) at(el, `${what}: ${file} is not a PNG file`);
      else {
        for (const px of pixels) {
          if (size.width !== px || size.height !== px) {
            at(el, `${what}: ${file} is ${size.width}×${size.height} pixels, expected ${px}×${px}`);
          }
        }
      }
    }
  }

  // --- ExecuteFunction names, FunctionFile, commands.ts
  const expected = Object.entries(names);
  const expectedNames = new Set(Object.values(names));
  const inManifest = new Map<string, XmlElement>();
  for (const el of walk(root)) {
    if (el.name !== "Action" || xsiType(el) !== "ExecuteFunction") continue;
    const fn = child(el, "FunctionName", NS.ov)?.text.trim() ?? "";
    if (!expectedNames.has(fn)) {
      at(
        el,
        `ExecuteFunction "${fn}" is not in COMMAND_FUNCTIONS (${[...expectedNames].join(", ")}; src/commands/function-names.ts)`,
      );
    }
    if (!inManifest.has(fn)) inManifest.set(fn, el);
  }
  for (const [key, fn] of expected) {
    if (!inManifest.has(fn))
      at(undefined, `COMMAND_FUNCTIONS.${key} ("${fn}") has no ExecuteFunction button in the manifest`);
  }
  if (inManifest.size) {
    for (const host of workbookHosts) {
      for (const ff of host.children) {
        if (ff.name === "Runtimes") continue;
        if (!child(ff, "FunctionFile", NS.ov)) at(ff, `<${ff.name}> has ExecuteFunction buttons but no <FunctionFile>`);
      }
    }
  }
  if (commandsSource !== undefined) {
    const associated = associatedNames(commandsSource, names);
    for (const [key, fn] of expected) {
      if (!associated.has(fn)) {
        problems.push(
          `src/commands/commands.ts does not associate "${fn}": expected Office.actions.associate(COMMAND_FUNCTIONS.${key}, …) or Office.actions.associate("${fn}", …)`,
        );
      }
    }
    for (const fn of associated) {
      if (!expectedNames.has(fn))
        problems.push(`src/commands/commands.ts associates "${fn}", which is not in COMMAND_FUNCTIONS`);
    }
  }
  return problems;
}
