/** The commands besides check and accept: `kensa template`, `kensa rules` and `kensa catalogue`. */
import { promises as fs } from "fs";
import * as path from "path";
import { ACCEPT_RULES } from "../core/accept/index";
import { defaultCatalogue } from "../core/catalogue/default";
import type { Catalogue } from "../core/catalogue/schema";
import { catalogueSheetRule } from "../core/rules/shared/catalogue-sheet";
import { RULES } from "../core/rules/index";
import type { Rule } from "../core/rules/rule";
import type { Lang } from "../core/values/format";
import { writeFileAtomic, writeTemplate } from "../adapters/exceljs/files";

/** The catalogue-file module and its YAML parser, loaded only when a command asks for a file (not on `check`). */
const catalogueFiles = () => import("./catalogue-file");
import { escapeControls as safe, filtered, safeTerminalText } from "./terminal";
import { displayWidth, severityWords } from "./text-report";
import { outputProblem, reason, type CliIO } from "./io";
import { UI } from "./ui";

/**
 * The catalogue of a run: the built-in one, or with the --catalogue file applied (its effect said on stderr);
 * undefined after writing why the file cannot be used.
 */
export async function runCatalogue(
  file: string | undefined,
  lang: Lang,
  io: CliIO,
  say: boolean,
): Promise<Catalogue | undefined> {
  if (!file) return defaultCatalogue;
  const { loadCatalogueFile, describeChanges } = await catalogueFiles();
  const r = await loadCatalogueFile(file, defaultCatalogue, lang);
  if (!r.ok) {
    // a file that cannot be read is one line; a catalogue with mistakes lists each by its line
    if (r.unreadable) io.stderr.write(`kensa: ${r.messages.map(safe).join(" ")}\n`);
    else
      io.stderr.write(
        safeTerminalText(
          `kensa: ${UI[lang].catalogueBad(safe(file))}\n${r.messages.map((m) => `  ${safe(m)}\n`).join("")}`,
        ),
      );
    return undefined;
  }
  if (say) io.stderr.write(`${safe(describeChanges(file, r.mode, r.changes, lang))}\n`);
  return r.catalogue;
}

export async function runTemplate(opts: { out: string; lang: Lang; force?: boolean }, rawIO: CliIO): Promise<number> {
  const ui = UI[opts.lang];
  const io = { ...rawIO, stderr: filtered(rawIO.stderr, safeTerminalText) };
  // a device, FIFO, folder or symlink is refused even with --force: --force replaces a file, nothing else
  const problem = await outputProblem(opts.out, opts.lang);
  if (problem) {
    io.stderr.write(`kensa: ${problem}\n`);
    return 2;
  }
  const exists = await fs.lstat(opts.out).then(
    () => true,
    () => false,
  );
  if (exists && !opts.force) {
    io.stderr.write(`kensa: ${ui.exists(safe(opts.out))}\n`);
    return 2;
  }
  try {
    await writeTemplate(opts.out, opts.lang);
  } catch (err) {
    io.stderr.write(`kensa: ${ui.templateFailed(safe(opts.out), safe(reason(err, opts.lang)))}\n`);
    return 1;
  }
  io.stderr.write(`${ui.templateDone(safe(opts.out))}\n`);
  return 0;
}

export function runRules(opts: { lang: Lang; format: "text" | "json" }, io: CliIO): number {
  const lang = opts.lang;
  // every finding id a check can give: the rules, and the workbook catalogue sheet's findings
  const all: { meta: Pick<Rule["meta"], "id" | "severity" | "description"> }[] = [
    ...RULES,
    catalogueSheetRule,
    ...ACCEPT_RULES.map((meta) => ({ meta })),
  ];
  if (opts.format === "json") {
    const rules = all.map((r) => ({ id: r.meta.id, severity: r.meta.severity, description: r.meta.description[lang] }));
    io.stdout.write(`${JSON.stringify({ rules }, null, 2)}\n`);
    return 0;
  }
  const sev = severityWords(lang);
  const idWidth = Math.max(0, ...all.map((r) => r.meta.id.length));
  const sevWidth = Math.max(...Object.values(sev).map(displayWidth));
  let out = "";
  for (const r of all) {
    const s = sev[r.meta.severity];
    out += `${r.meta.id.padEnd(idWidth)}  ${s}${" ".repeat(sevWidth - displayWidth(s))}  ${r.meta.description[lang]}\n`;
  }
  io.stdout.write(out);
  return 0;
}

export type CatalogueFormat = "json" | "yaml" | "xlsx";

/** kensa catalogue: the catalogue in force (built in, or with --catalogue applied) as JSON, YAML or a sheet. */
export async function runCatalogueCommand(
  opts: { lang: Lang; format?: CatalogueFormat; out?: string; catalogue?: string; force?: boolean },
  rawIO: CliIO,
): Promise<number> {
  const ui = UI[opts.lang];
  const io = { ...rawIO, stderr: filtered(rawIO.stderr, safeTerminalText) };
  const ext = opts.out ? path.extname(opts.out).toLowerCase() : "";
  const format: CatalogueFormat =
    opts.format ?? (ext === ".xlsx" ? "xlsx" : ext === ".yaml" || ext === ".yml" ? "yaml" : "json");
  if (format === "xlsx" && !opts.out) {
    io.stderr.write(`kensa: ${ui.catalogueXlsxOut}\n`);
    return 2;
  }
  const catalogue = await runCatalogue(opts.catalogue, opts.lang, io, false);
  if (!catalogue) return 2;
  const problem = opts.out ? await outputProblem(opts.out, opts.lang) : undefined;
  if (problem) {
    io.stderr.write(`kensa: ${problem}\n`);
    return 2;
  }
  if (
    opts.out &&
    !opts.force &&
    (await fs.lstat(opts.out).then(
      () => true,
      () => false,
    ))
  ) {
    io.stderr.write(`kensa: ${ui.exists(safe(opts.out))}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  let left: string[] = [];
  const { catalogueJson, catalogueWorkbookBuffer, catalogueYaml } = await catalogueFiles();
  if (format === "xlsx") ({ bytes, left } = await catalogueWorkbookBuffer(catalogue, opts.lang));
  else {
    const text = format === "yaml" ? catalogueYaml(catalogue, opts.lang) : catalogueJson(catalogue);
    if (!opts.out) {
      io.stdout.write(text);
      return 0;
    }
    bytes = new Uint8Array(Buffer.from(text, "utf8"));
  }
  try {
    await fs.mkdir(path.dirname(path.resolve(opts.out!)), { recursive: true });
    await writeFileAtomic(opts.out!, bytes);
  } catch (err) {
    io.stderr.write(`kensa: ${ui.catalogueFailed(safe(opts.out!), safe(reason(err, opts.lang)))}\n`);
    return 1;
  }
  io.stderr.write(`${ui.catalogueDone(safe(opts.out!))}${left.length ? ` ${ui.catalogueLeft(left)}` : ""}\n`);
  return 0;
}
