/**
 * The `kensa` command line.
 *
 *   kensa check <files or folders>... [--lang ja|en] [--format text|json|csv] [--out FILE.xlsx|FILE.csv]
 *                                     [--each] [--annotate DIR] [--severity error|warning|info] [--quiet] [--no-color]
 *                                     [--catalogue FILE.yaml|FILE.json] [--accepted show|hide]
 *   kensa accept FILE [OTHER FILES OR FOLDERS...] --rule ID --cell SHEET!A1 --reason TEXT [--by NAME]
 *   kensa accept FILE --revoke --rule ID --cell SHEET!A1 | --list [--format json]      (./accept.ts)
 *   kensa template --out FILE [--lang ja|en] [--force]
 *   kensa rules [--lang ja|en] [--format text|json]
 *   kensa catalogue [--format json|yaml|xlsx] [--out FILE] [--catalogue FILE] [--lang ja|en] [--force]
 *
 * Every workbook given is checked as one submission set (DOMAIN §3.4): projects are matched by their 統合プロジェクト
 * metadata across the files, and the roll-up and cross-references run across them; `--each` checks each file on
 * its own instead.
 *
 * Exit codes of `check`: 0 when every file was checked and no error was found; 1 when any error finding, a
 * file that could not be read, a file with no sheet of a known kind (未検証: nothing in it was checked), or
 * an annotated copy or the --out file that could not be written; 2 for a usage problem (--out naming an input
 * or not ending in .xlsx/.csv included) or when no file could be read.
 * Other commands: 0 on success, 1 on failure, 2 for a usage problem. A --catalogue file that cannot be read or
 * is not a valid catalogue is a usage problem (2), each problem named by its line and path.
 *
 * Usage errors, commander's own included, are in Japanese unless --lang en (or KENSA_LANG=en): ./commander-ja.ts.
 */
import { CommanderError, Option } from "commander";
import { promises as fs, readFileSync } from "fs";
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
import { ACCEPT_RULES } from "../core/accept/index";
import { ACCEPT_UI, runAccept, type AcceptOpts } from "./accept";
import { defaultCatalogue } from "../core/catalogue/default";
import type { Catalogue } from "../core/catalogue/schema";
import { catalogueSheetRule } from "../core/rules/shared/catalogue-sheet";
import type { Severity } from "../core/model/finding";
import type { Lang } from "../core/values/format";
import type { FileReport, Report, SetReport } from "../core/report/schema";
import { findingsCsv } from "../core/report/table";
import type { Workbook } from "../core/model/workbook";
import { checkStatus } from "../core/report/status";
import { RULES } from "../core/rules/index";
import type { Rule } from "../core/rules/rule";
import { WorkbookReadError } from "../adapters/exceljs/errors";
import { readWorkbookFile } from "../adapters/xlsx/read-file";
import {
  annotateFile,
  assertRegularFile,
  assertWritableDestination,
  NotRegularFileError,
  removeTempFiles,
  writeFileAtomic,
  writeTemplate,
} from "../adapters/exceljs/files";
import { findingsWorkbookBuffer } from "../adapters/xlsx/lazy-writers";
import { annotatedPath, collectInputs, isMacroWorkbook } from "./inputs";
import {
  catalogueJson,
  catalogueWorkbookBuffer,
  catalogueYaml,
  describeChanges,
  loadCatalogueFile,
} from "./catalogue-file";
import { LocalizedCommand } from "./commander-ja";
import { Progress } from "./progress";
import { escapeControls as safe, filtered, safeJson, safeTerminalText } from "./terminal";
import {
  ANSI,
  PLAIN,
  displayWidth,
  formatAnnotated,
  formatFileError,
  formatFileReport,
  formatHidden,
  formatSet,
  formatTotal,
  formatWritten,
  useColor,
  type Colors,
} from "./text-report";

export interface OutStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Where the CLI writes; tests pass fakes (with isTTY to simulate a terminal). */
export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
}

/** Test seams: the rules to run (all of RULES by default). */
export interface CliDeps {
  rules?: readonly Rule[];
}

let pipeGuard = false;

export function processIO(): CliIO {
  if (!pipeGuard) {
    // `kensa check … | head` closes the pipe early: stop quietly instead of printing a stack trace.
    pipeGuard = true;
    process.stdout.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw err;
    });
    // Ctrl+C or a kill while a copy is being written: the output stays as it was (writes are temp-then-rename),
    // and the temp file goes too; then the usual exit status of a signal (128 + its number)
    for (const [signal, code] of [
      ["SIGINT", 130],
      ["SIGTERM", 143],
      ["SIGHUP", 129],
    ] as const) {
      process.once(signal, () => {
        removeTempFiles();
        process.exit(code);
      });
    }
  }
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const UI = {
  ja: {
    description: "検査 — 医療分野研究開発の予算・指標ブック（.xlsx・.xlsm）を検証します",
    check: "ブック（.xlsx・.xlsm）またはフォルダを検証します（フォルダは再帰的に探します）",
    paths: "検証するファイルまたはフォルダ",
    lang: "表示言語",
    format: "出力形式（text、json または csv）",
    checkFormat: "出力形式（text、json、または csv: 全ファイルの指摘を1行1件で。UTF-8 BOM付き）",
    checkOut:
      "全ファイルの指摘一覧をこのファイルに書き出します（.xlsx: 指摘一覧・ファイル別・提出セットのシート、.csv: CSV）",
    each: "ファイルを一つずつ別々に検証します（既定では、与えたすべてのブックを一つの提出セットとして、プロジェクトをまたぐ集計と参照も検証します）",
    annotate:
      "指摘を書き込んだコピー（<名前>.kensa.xlsx）をこのフォルダに出力します（元のファイルは変更しません。.xlsm のコピーはマクロを含まない .xlsx です）",
    catalogueOpt:
      "指標カタログのファイル（YAML または JSON）。既定のカタログに追加・置き換えます（mode: replace なら置き換え）",
    catalogueCmd: "指標カタログを表示します（既定: 組み込みのカタログ。--catalogue で指定したファイルを反映したもの）",
    catalogueFormat:
      "出力形式（json、yaml、または xlsx: ブックに貼り付けられる「Kensa_カタログ」シート。--out が必要）",
    catalogueOut: "このファイルに書き出します（拡張子 .json・.yaml・.yml・.xlsx から形式を決めます）",
    catalogueBad: (file: string) => `カタログのファイル ${file} を使えません:`,
    catalogueXlsxOut: "--format xlsx には --out FILE.xlsx が必要です",
    catalogueDone: (file: string) => `カタログを書き出しました: ${file}`,
    catalogueFailed: (file: string, why: string) => `カタログを書き込めません: ${file}（${why}）`,
    catalogueLeft: (numbers: string[]) =>
      `（指標 ${numbers.join("・")} は割合の区分があるため表に書けません。組み込みのまま使われます）`,
    macroCopy: (file: string) =>
      `${file}: マクロ付きブック（.xlsm）の注釈付きコピーは、マクロを含まない .xlsx として書き出します（元のファイルとそのマクロは変更しません）`,
    severity: "この重要度以上の指摘だけを表示します",
    quiet: "ファイルごとの件数と合計だけを表示します",
    noColor: "色を使いません",
    template: "記入用の空のテンプレートブックを書き出します",
    out: "出力するファイル",
    force: "既存のファイルを上書きします",
    rules: "検証ルールの一覧を表示します",
    version: "バージョンを表示します",
    help: "ヘルプを表示します",
    noInputs: (paths: string[]) => `検証する .xlsx・.xlsm ファイルが見つかりません: ${paths.join(", ")}`,
    outExt: (file: string) => `--out のファイル名は .xlsx または .csv で終わる必要があります: ${file}`,
    outIsInput: (file: string) => `--out に検証するファイル自身は指定できません（入力を上書きしません）: ${file}`,
    outFailed: (file: string, why: string) => `指摘一覧を書き込めません: ${file}（${why}）`,
    noneRead: "読み込めたファイルがありません",
    unchecked: (file: string) => `${file}: 未検証（様式の見出しが見つからないため、どのシートも検証していません）`,
    unfilled: (file: string) => `${file}: 未入力（どのシートにもまだ数値が入力されていません）`,
    exitCodes: [
      "終了コード:",
      "  0  すべてのファイルを検証でき、エラーがなかった（警告・情報だけなら 0。確認済みの指摘はエラーに数えません）",
      "  1  エラーがあった、読めないファイルがあった、様式のシートが一つもないファイル（未検証）や数値が一つも",
      "     入力されていないファイル（未入力）があった、",
      "     または注釈付きのコピーや --out のファイルを書き込めなかった",
      "  2  使い方の誤り（--out に入力ファイルを指定した場合、--catalogue のファイルが誤っている場合を含む）、",
      "     または読み込めたファイルが一つもなかった",
    ].join("\n"),
    annotateDir: (dir: string, why: string) => `出力先フォルダを作成できません: ${dir}（${why}）`,
    annotateFailed: (file: string, why: string) => `${file}: 注釈付きのコピーを書き込めません（${why}）`,
    internal: (why: string) => `検証中に予期しないエラーが発生しました（${why}）`,
    exists: (file: string) => `ファイルが既にあります: ${file}（上書きするには --force を付けてください）`,
    templateFailed: (file: string, why: string) => `テンプレートを書き込めません: ${file}（${why}）`,
    templateDone: (file: string) => `テンプレートを書き出しました: ${file}`,
  },
  en: {
    description: "Kensa — checks budget and indicator workbooks (.xlsx, .xlsm) of Japan's medical R&D plan",
    check: "check workbooks (.xlsx, .xlsm) or folders (searched recursively)",
    paths: "files or folders to check",
    lang: "language of the output",
    format: "output format (text or json)",
    checkFormat: "output format (text, json, or csv: one row per finding of every file, UTF-8 with BOM)",
    checkOut: "write every file's findings to this file (.xlsx: findings, files and set sheets; .csv: CSV)",
    each: "check each file on its own (by default all the workbooks given are one submission set, with the roll-up and references across files)",
    annotate:
      "write a copy with the findings (<name>.kensa.xlsx) into this folder (inputs are never modified; the copy of an .xlsm is an .xlsx without its macros)",
    catalogueOpt:
      "indicator catalogue file (YAML or JSON), extending the built-in one (or replacing it: mode: replace)",
    catalogueCmd: "print the indicator catalogue (the built-in one, with the --catalogue file applied)",
    catalogueFormat:
      "output format (json, yaml, or xlsx: a 「Kensa_カタログ」 sheet to copy into a workbook; needs --out)",
    catalogueOut: "write to this file (the format follows its extension: .json, .yaml, .yml, .xlsx)",
    catalogueBad: (file: string) => `cannot use the catalogue file ${file}:`,
    catalogueXlsxOut: "--format xlsx needs --out FILE.xlsx",
    catalogueDone: (file: string) => `catalogue written: ${file}`,
    catalogueFailed: (file: string, why: string) => `cannot write the catalogue ${file} (${why})`,
    catalogueLeft: (numbers: string[]) =>
      `(indicator ${numbers.join(", ")} has shares and cannot be written in the table; it stays as built in)`,
    macroCopy: (file: string) =>
      `${file}: the annotated copy of a macro-enabled workbook (.xlsm) is written as an .xlsx without macros (the input and its macros are not changed)`,
    severity: "list only findings of this severity or above",
    quiet: "print only each file's counts and the total",
    noColor: "do not use colours",
    template: "write the blank template workbook",
    out: "file to write",
    force: "overwrite an existing file",
    rules: "list the checking rules",
    version: "print the version",
    help: "display help",
    noInputs: (paths: string[]) => `no .xlsx or .xlsm files to check in: ${paths.join(", ")}`,
    outExt: (file: string) => `the --out file must end in .xlsx or .csv: ${file}`,
    outIsInput: (file: string) => `--out names a file being checked (inputs are never overwritten): ${file}`,
    outFailed: (file: string, why: string) => `cannot write the findings file ${file} (${why})`,
    noneRead: "no file could be read",
    unchecked: (file: string) =>
      `${file}: not checked (no sheet matches a Kensa template, so nothing in it was checked)`,
    unfilled: (file: string) => `${file}: not filled in (no figure has been entered on any sheet yet)`,
    exitCodes: [
      "Exit codes:",
      "  0  every file was checked and no error was found (warnings and infos alone give 0; accepted findings are not counted)",
      "  1  an error was found, a file could not be read, a file has no sheet of a known kind (not checked)",
      "     or no figure entered on any of them (not filled in),",
      "     or an annotated copy or the --out file could not be written",
      "  2  a usage problem (--out naming an input, or a --catalogue file that is not valid, included), or no file could be read",
    ].join("\n"),
    annotateDir: (dir: string, why: string) => `cannot create the output folder ${dir} (${why})`,
    annotateFailed: (file: string, why: string) => `${file}: cannot write the annotated copy (${why})`,
    internal: (why: string) => `unexpected error while checking (${why})`,
    exists: (file: string) => `${file} already exists (use --force to overwrite it)`,
    templateFailed: (file: string, why: string) => `cannot write the template ${file} (${why})`,
    templateDone: (file: string) => `template written: ${file}`,
  },
};

function version(): string {
  try {
    // src/cli and lib/cli are both two levels below the package root.
    const pkg = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
      version?: string;
    };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** The language for help texts, read before parsing: --lang en, --lang=en or KENSA_LANG=en. */
function preLang(args: readonly string[], env: CliIO["env"]): Lang {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--lang" && args[i + 1] === "en") return "en";
    if (args[i] === "--lang=en") return "en";
  }
  return env.KENSA_LANG === "en" ? "en" : "ja";
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, " ").trim();
}

/** Why something failed, as one line (in `lang` when the error knows both languages). */
function reason(err: unknown, lang?: Lang): string {
  if (lang && err instanceof NotRegularFileError) return err.messageIn(lang);
  if (err instanceof Error) return oneLine(err.message);
  return oneLine(String(err));
}

/**
 * An output path that exists and is not a regular file (a device, a FIFO, a folder, a symlink) is refused
 * before any work: one line, in `lang`; undefined when the path may be written.
 */
async function outputProblem(file: string, lang: Lang): Promise<string | undefined> {
  try {
    await assertWritableDestination(file);
    return undefined;
  } catch (err) {
    return err instanceof NotRegularFileError ? `${safe(file)}: ${err.messageIn(lang)}` : undefined;
  }
}

/**
 * Only regular files are read: a FIFO, device, socket or folder is refused from its stat, before anything opens
 * it (a FIFO would block, /dev/zero never ends). Other stat failures are left to the reader, which names them.
 */
async function refuseSpecialFile(file: string): Promise<void> {
  try {
    await assertRegularFile(file);
  } catch (err) {
    if (err instanceof NotRegularFileError) throw err;
  }
}

interface CheckOpts {
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
async function runCatalogue(
  file: string | undefined,
  lang: Lang,
  io: CliIO,
  say: boolean,
): Promise<Catalogue | undefined> {
  if (!file) return defaultCatalogue;
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

async function runCheck(paths: string[], opts: CheckOpts, rawIO: CliIO, deps: CliDeps): Promise<number> {
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
          entry.result = checkWorkbook(entry.workbook!, { lang, rules, catalogue });
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
        { lang, rules, catalogue },
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
  const minRank = SEVERITY_RANK[opts.severity];

  for (const entry of entries) {
    const { file, result } = entry;
    let report: FileReport;
    let annotated: string | undefined;
    let hidden: { error: number; warning: number; info: number } | undefined;
    let acceptedHidden = 0;
    if (result) {
      const shown =
        minRank >= 2 ? result.findings : result.findings.filter((f) => SEVERITY_RANK[f.severity] <= minRank);
      // --accepted hide: accepted findings are counted (summary.accepted), not listed
      const findings = opts.accepted === "hide" ? shown.filter((f) => !f.accepted) : shown;
      acceptedHidden = shown.length - findings.length;
      hidden = hiddenOf(result, minRank);
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
      let text = formatFileReport(report, lang, outColors, {
        quiet: opts.quiet,
        hidden,
        severity: opts.severity,
        acceptedHidden,
      });
      if (annotated && !opts.quiet) text = text.replace(/\n\n$/, `\n${formatAnnotated(annotated, lang, outColors)}\n`);
      out(text);
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
    out(`${JSON.stringify(doc, null, 2)}\n`);
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
function hiddenOf(result: CheckResult, minRank: number): { error: number; warning: number; info: number } {
  const hidden = { error: 0, warning: 0, info: 0 };
  if (minRank >= 2) return hidden;
  for (const f of result.findings) if (SEVERITY_RANK[f.severity] > minRank) hidden[f.severity]++;
  return hidden;
}

function describeWith(rules: readonly Rule[]): (id: string) => { ja: string; en: string } | undefined {
  return (id) =>
    (id === catalogueSheetRule.meta.id ? catalogueSheetRule : rules.find((r) => r.meta.id === id))?.meta.description;
}

async function runTemplate(opts: { out: string; lang: Lang; force?: boolean }, rawIO: CliIO): Promise<number> {
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

function runRules(opts: { lang: Lang; format: "text" | "json" }, io: CliIO): number {
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
  const sev = {
    ja: { error: "エラー", warning: "警告", info: "情報" },
    en: { error: "error", warning: "warning", info: "info" },
  }[lang];
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

type CatalogueFormat = "json" | "yaml" | "xlsx";

/** kensa catalogue: the catalogue in force (built in, or with --catalogue applied) as JSON, YAML or a sheet. */
async function runCatalogueCommand(
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

/** Runs the CLI with process.argv-style arguments; resolves to the exit code. Never throws. */
export async function main(
  argv: readonly string[] = process.argv,
  io: CliIO = processIO(),
  deps: CliDeps = {},
): Promise<number> {
  const args = argv.slice(2);
  const ui = UI[preLang(args, io.env)];
  let exitCode = 0;

  const program = new LocalizedCommand("kensa", preLang(args, io.env));
  program
    .description(ui.description)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`kensa: ${safe(oneLine(s).replace(/^error:\s*/, ""))}\n`),
    })
    .version(version(), "-v, --version", ui.version)
    .helpOption("-h, --help", ui.help)
    .helpCommand(false)
    .showSuggestionAfterError(true);

  const langOption = () => new Option("--lang <lang>", ui.lang).choices(["ja", "en"]).default("ja");

  program
    .command("check")
    .description(ui.check)
    .argument("<paths...>", ui.paths)
    .addOption(langOption())
    .addOption(new Option("--format <format>", ui.checkFormat).choices(["text", "json", "csv"]).default("text"))
    .option("-o, --out <file>", ui.checkOut)
    .option("--each", ui.each)
    .option("--annotate <dir>", ui.annotate)
    .addOption(new Option("--severity <level>", ui.severity).choices(["error", "warning", "info"]).default("info"))
    .option("-q, --quiet", ui.quiet)
    .option("--no-color", ui.noColor)
    .option("--catalogue <file>", ui.catalogueOpt)
    .addOption(
      new Option("--accepted <mode>", ACCEPT_UI[preLang(args, io.env)].checkOption)
        .choices(["show", "hide"])
        .default("show"),
    )
    .addHelpText("after", `\n${ui.exitCodes}\n`)
    .action(async (paths: string[], opts: CheckOpts) => {
      exitCode = await runCheck(paths, opts, io, deps);
    });

  const acceptUi = ACCEPT_UI[preLang(args, io.env)];
  program
    .command("accept")
    .description(acceptUi.command)
    .argument("<file>", acceptUi.file)
    .argument("[others...]", acceptUi.others)
    .option("--rule <id>", acceptUi.rule)
    .option("--cell <sheet!cell>", acceptUi.cell)
    .option("--reason <text>", acceptUi.reason)
    .option("--by <name>", acceptUi.by)
    .option("--revoke", acceptUi.revoke)
    .option("--list", acceptUi.list)
    .addOption(new Option("--format <format>", acceptUi.format).choices(["text", "json"]).default("text"))
    .addOption(langOption())
    .action(async (file: string, others: string[], opts: AcceptOpts) => {
      exitCode = await runAccept(file, others, opts, io, deps.rules);
    });

  program
    .command("template")
    .description(ui.template)
    .requiredOption("-o, --out <file>", ui.out)
    .addOption(langOption())
    .option("-f, --force", ui.force)
    .action(async (opts: { out: string; lang: Lang; force?: boolean }) => {
      exitCode = await runTemplate(opts, io);
    });

  program
    .command("rules")
    .description(ui.rules)
    .addOption(langOption())
    .addOption(new Option("--format <format>", ui.format).choices(["text", "json"]).default("text"))
    .action((opts: { lang: Lang; format: "text" | "json" }) => {
      exitCode = runRules(opts, io);
    });

  program
    .command("catalogue")
    .description(ui.catalogueCmd)
    .addOption(langOption())
    .addOption(new Option("--format <format>", ui.catalogueFormat).choices(["json", "yaml", "xlsx"]))
    .option("-o, --out <file>", ui.catalogueOut)
    .option("--catalogue <file>", ui.catalogueOpt)
    .option("-f, --force", ui.force)
    .action(
      async (opts: { lang: Lang; format?: CatalogueFormat; out?: string; catalogue?: string; force?: boolean }) => {
        exitCode = await runCatalogueCommand(opts, io);
      },
    );

  if (args.length === 0) {
    io.stderr.write(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    io.stderr.write(`kensa: ${safe(UI[preLang(args, io.env)].internal(reason(err)))}\n`);
    if (io.env.KENSA_DEBUG && err instanceof Error) io.stderr.write(`${err.stack}\n`);
    return 1;
  }
  return exitCode;
}
