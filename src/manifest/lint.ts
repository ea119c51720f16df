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
import { associatedNames, pngSize } from "./sources";
import { child, kids, parseXml, prefixOf, walk, xsiType, type XmlElement } from "./xml";

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
