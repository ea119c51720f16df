/**
 * `kensa check`: reads every file, checks them as one submission set (or each on its own), reports each file in
 * the order given, then writes the annotated copies and the findings workbook or CSV. Exit codes: ./main.ts.
 */
import { promises as fs } from "fs";
import * as path from "path";
import {
  addSummary,
  checkSet,
  checkWorkbook,
  setNames,
  summarize,
  type CheckResult,
  type SetResult,
  type Summary,
} from "../core/engine";
import type { Severity } from "../core/model/finding";
import type { Lang } from "../core/values/format";
import type { FileReport, Report, SetReport } from "../core/report/schema";
import { findingsCsv } from "../core/report/table";
import { atLeast } from "../core/report/severity";
import type { Workbook } from "../core/model/workbook";
import { checkStatus } from "../core/report/status";
import { RULES } from "../core/rules/index";
import { WorkbookReadError } from "../adapters/exceljs/errors";
import { readWorkbookFile } from "../adapters/xlsx/read-file";
import { annotateFile, NotRegularFileError, writeFileAtomic } from "../adapters/exceljs/files";
import { findingsWorkbookBuffer } from "../adapters/xlsx/lazy-writers";
import { annotatedPath, collectInputs, isMacroWorkbook } from "./inputs";
import { Progress } from "./progress";
import { keepYoungGenerationForLargeInputs } from "./heap";
import { writeJson } from "./json-out";
import { escapeControls as safe, filtered, safeJson, safeTerminalText } from "./terminal";
import {
  ANSI,
  PLAIN,
  formatAnnotated,
  formatFileError,
  fileReportPieces,
  formatHidden,
  formatSet,
  formatTotal,
  formatWritten,
  useColor,
  type Colors,
} from "./text-report";
import { describeWith, outputProblem, reason, refuseSpecialFile, type CliDeps, type CliIO } from "./io";
import { runCatalogue } from "./commands";
import { UI } from "./ui";

export interface CheckOpts {
  lang: Lang;
  format: "text" | "json" | "csv";
  annotate?: string;
  out?: string;
  each?: boolean;
  severity: Severity;
  quiet?: boolean;
  color: boolean;
  catalogue?: string;
  /** Accepted findings (確認済み): listed with their reasons (show, the default) or only counted (hide). */
  accepted: "show" | "hide";
}

/**
 * The catalogue of a run: the built-in one, or with the --catalogue file applied (its effect said on stderr);
 * undefined after writing why the file cannot be used.
 */
async function realOrResolved(p: string): Promise<string> {
  return fs.realpath(p).catch(() => path.resolve(p));
}

/** A read workbook, or why it could not be read; then what checking it gave. */
interface Entry {
  file: string;
  /** The file could be read (its workbook is let go once checked). */
  read?: boolean;
  workbook?: Workbook;
  result?: CheckResult;
  error?: { status: "unreadable" | "failed"; code: string; message: string };
}

export async function runCheck(paths: string[], opts: CheckOpts, rawIO: CliIO, deps: CliDeps): Promise<number> {
  const lang = opts.lang;
  // text to a terminal is made safe; JSON stays the same JSON; CSV is a document for a spreadsheet, left as it is
  const io: CliIO = {
    ...rawIO,
    stdout:
      opts.format === "csv"
        ? rawIO.stdout
        : filtered(rawIO.stdout, opts.format === "json" ? safeJson : safeTerminalText),
    stderr: filtered(rawIO.stderr, safeTerminalText),
  };
  const ui = UI[lang];
  const outColors: Colors = useColor(io.stdout, io.env, opts.color) ? ANSI : PLAIN;
  const errColors: Colors = useColor(io.stderr, io.env, opts.color) ? ANSI : PLAIN;
  // json and csv: stdout is the document, everything else goes to stderr
  const machine = opts.format !== "text";
  const rules = deps.rules ?? RULES;
  const catalogue = await runCatalogue(opts.catalogue, lang, io, !opts.quiet);
  if (!catalogue) return 2;

  let inputs = await collectInputs(paths);
  if (opts.out) {
    const ext = path.extname(opts.out).toLowerCase();
    if (ext !== ".xlsx" && ext !== ".csv") {
      io.stderr.write(`kensa: ${ui.outExt(safe(opts.out))}\n`);
      return 2;
    }
    const problem = await outputProblem(opts.out, lang);
    if (problem) {
      io.stderr.write(`kensa: ${problem}\n`);
      return 2;
    }
    const target = await realOrResolved(opts.out);
    const named = await Promise.all(paths.map(realOrResolved));
    if (named.includes(target)) {
      io.stderr.write(`kensa: ${ui.outIsInput(safe(opts.out))}\n`);
      return 2;
    }
    // A findings workbook written into the folder being checked by an earlier run is not an input.
    const real = await Promise.all(inputs.map(realOrResolved));
    inputs = inputs.filter((_, i) => real[i] !== target);
  }
  if (inputs.length === 0) {
    io.stderr.write(`kensa: ${ui.noInputs(paths.map(safe))}\n`);
    return 2;
  }
  if (opts.annotate) {
    try {
      await fs.mkdir(opts.annotate, { recursive: true });
    } catch (err) {
      io.stderr.write(`kensa: ${ui.annotateDir(safe(opts.annotate), reason(err, lang))}\n`);
      return 2;
    }
  }

  const progress = Progress.for(io.stderr, inputs.length);
  const out = (s: string) => {
    progress.clear();
    io.stdout.write(s);
  };
  const err = (s: string) => {
    progress.clear();
    io.stderr.write(s);
  };
  const internal = (e: unknown): Entry["error"] => {
    if (io.env.KENSA_DEBUG && e instanceof Error) err(`${e.stack}\n`);
    return { status: "failed", code: "internal", message: ui.internal(reason(e)) };
  };

  // Cells Kensa would fill are built only for the annotated copies; a check alone needs just the typed ones.
  const onlyTypedComputed = !opts.annotate;
  keepYoungGenerationForLargeInputs(inputs);
  // 1. Read every file (each one that cannot be read gets its line on stderr).
  const entries: Entry[] = [];
  for (let i = 0; i < inputs.length; i++) {
    const file = inputs[i];
    progress.update(i, file);
    try {
      await refuseSpecialFile(file);
      const entry: Entry = { file, read: true, workbook: await readWorkbookFile(file) };
      if (opts.each) {
        // on its own: checked at once, so that only one workbook is held in memory at a time
        try {
          entry.result = checkWorkbook(entry.workbook!, { lang, rules, catalogue, onlyTypedComputed });
        } catch (x) {
          entry.error = internal(x);
        }
        entry.workbook = undefined;
      }
      entries.push(entry);
    } catch (e) {
      const entry: Entry = { file };
      if (e instanceof WorkbookReadError || e instanceof NotRegularFileError)
        entry.error = { status: "unreadable", code: e.code, message: e.messageIn(lang) };
      else entry.error = internal(e);
      err(formatFileError(file, entry.error!.message, errColors));
      entries.push(entry);
    }
  }
  progress.clear();

  // 2. Check: every readable workbook as one submission set, or (--each) each one on its own.
  const readable = entries.filter((e) => e.read);
  const names = new Map<Entry, string>();
  setNames(readable.map((e) => e.file)).forEach((n, i) => names.set(readable[i], n));
  let set: SetResult | undefined;
  if (!opts.each && readable.length > 0) {
    try {
      set = checkSet(
        readable.map((e) => ({ name: names.get(e)!, workbook: e.workbook! })),
        { lang, rules, catalogue, onlyTypedComputed },
      );
      set.files.forEach((f, i) => {
        if (f.result) readable[i].result = f.result;
        else readable[i].error = internal(f.error);
      });
    } catch (x) {
      for (const e of readable) e.error = internal(x);
    }
  }
  for (const e of readable) {
    e.workbook = undefined; // the model is no longer needed; let it go before writing copies
    if (e.error) err(formatFileError(e.file, e.error.message, errColors));
  }

  // 3. Report each file, in the order given.
  const reports: (FileReport & { name?: string })[] = [];
  const taken = new Set<string>();
  const total: Summary = { error: 0, warning: 0, info: 0 };
  /** Findings below --severity, counted but not listed. */
  const hiddenTotal = { error: 0, warning: 0, info: 0 };
  let anyError = false;
  let failed = 0;
  let unchecked = 0;
  let unfilled = 0;

  for (const entry of entries) {
    const { file, result } = entry;
    let report: FileReport;
    let annotated: string | undefined;
    let hidden: { error: number; warning: number; info: number } | undefined;
    let acceptedHidden = 0;
    if (result) {
      const shown = result.findings.filter((f) => atLeast(f.severity, opts.severity));
      // --accepted hide: accepted findings are counted (summary.accepted), not listed
      const findings = opts.accepted === "hide" ? shown.filter((f) => !f.accepted) : shown;
      acceptedHidden = shown.length - findings.length;
      hidden = hiddenOf(result, opts.severity);
      hiddenTotal.warning += hidden.warning;
      hiddenTotal.info += hidden.info;
      const status = checkStatus(result.sheets, result.findings);
      if (status === "unchecked") {
        unchecked++;
        // text output says so in the file's section; JSON and CSV keep stdout for themselves, so one line on stderr
        if (machine) err(`${errColors.yellow("!")} ${ui.unchecked(safe(file))}\n`);
      } else if (status === "unfilled") {
        unfilled++;
        if (machine) err(`${errColors.yellow("!")} ${ui.unfilled(safe(file))}\n`);
      }
      report = { file, status, sheets: result.sheets, findings, summary: summarize(shown) };
      if (result.findings.some((f) => f.severity === "error" && !f.accepted)) anyError = true;
      if (opts.annotate) {
        const target = annotatedPath(opts.annotate, file, taken);
        if (isMacroWorkbook(file) && !opts.quiet) err(`${errColors.yellow("!")} ${ui.macroCopy(safe(file))}\n`);
        try {
          await annotateFile(file, result, target, lang);
          if (!machine) annotated = target;
          else if (!opts.quiet) err(formatAnnotated(target, lang, errColors).trimStart());
        } catch (e) {
          anyError = true;
          err(`${errColors.red("✖")} ${ui.annotateFailed(safe(file), safe(reason(e, lang)))}\n`);
        }
      }
    } else {
      failed++;
      const error = entry.error!;
      report = {
        file,
        status: error.status,
        sheets: [],
        findings: [],
        summary: { error: 0, warning: 0, info: 0 },
        error: { code: error.code, message: error.message },
      };
    }
    addSummary(total, report.summary);
    reports.push(names.has(entry) ? { ...report, name: names.get(entry) } : report);
    if (opts.format === "text" && !report.error) {
      // written as it is formatted; the last piece, the file's outcome, is followed by where its copy went
      let last = "";
      for (const piece of fileReportPieces(report, lang, outColors, {
        quiet: opts.quiet,
        hidden,
        severity: opts.severity,
        acceptedHidden,
      })) {
        if (last) out(last);
        last = piece;
      }
      if (annotated && !opts.quiet) last = last.replace(/\n\n$/, `\n${formatAnnotated(annotated, lang, outColors)}\n`);
      out(last);
    }
  }

  // The set: where each project is, and whether the roll-up ran (several files checked together only).
  const byName = new Map([...names].map(([e, n]) => [n, e.file]));
  const setReport: SetReport | undefined =
    set && entries.length > 1
      ? {
          rollup: set.set.rollup,
          projects: set.set.projects.map((p) => ({
            project: p.project,
            sheets: p.sheets.map((s) => ({ file: byName.get(s.file) ?? s.file, sheet: s.sheet })),
          })),
          missing: set.set.missing,
          duplicates: set.set.duplicates,
          summary: { ...total },
        }
      : undefined;

  const stripName = ({ name: _name, ...r }: FileReport & { name?: string }): FileReport => r;
  if (opts.format === "json") {
    const doc: Report = { files: reports.map(stripName) };
    if (setReport) doc.set = setReport;
    writeJson(doc, out);
    out("\n");
  } else if (opts.format === "csv") {
    out(findingsCsv(reports, lang, describeWith(rules)));
  } else {
    if (setReport && setReport.rollup !== "none") out(formatSet(setReport, readable.length, lang, outColors));
    out(formatTotal(inputs.length, { unchecked, unfilled }, failed, total, lang, outColors));
    out(formatHidden(hiddenTotal, opts.severity, lang, outColors));
  }
  // json and csv: stdout is the document; how many findings --severity left out is said on stderr
  if (machine) err(formatHidden(hiddenTotal, opts.severity, lang, errColors));

  // 4. The findings workbook or CSV of the whole run.
  if (opts.out) {
    try {
      const outDir = path.dirname(path.resolve(opts.out));
      const bytes =
        path.extname(opts.out).toLowerCase() === ".csv"
          ? new Uint8Array(Buffer.from(findingsCsv(reports, lang, describeWith(rules)), "utf8"))
          : await findingsWorkbookBuffer(reports, {
              lang,
              describe: describeWith(rules),
              linkOf: (file) => path.relative(outDir, path.resolve(file)),
              set: setReport && setReport.rollup !== "none" ? setReport : undefined,
            });
      await fs.mkdir(outDir, { recursive: true });
      await writeFileAtomic(opts.out, bytes);
      if (!opts.quiet) (machine ? err : out)(formatWritten(opts.out, lang, machine ? errColors : outColors));
    } catch (e) {
      anyError = true;
      err(`${errColors.red("✖")} ${ui.outFailed(safe(opts.out), safe(reason(e, lang)))}\n`);
    }
  }

  if (failed === inputs.length) {
    if (!machine && inputs.length > 1) err(`kensa: ${ui.noneRead}\n`);
    return 2;
  }
  return anyError || failed > 0 || unchecked > 0 || unfilled > 0 ? 1 : 0;
}

/** The findings of a result below the --severity shown, by severity. */
function hiddenOf(result: CheckResult, least: Severity): Summary {
  const hidden = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) if (!atLeast(f.severity, least)) hidden[f.severity]++;
  return hidden;
}
