/**
 * `kensa accept`: accepts a finding (確認済み) with a reason, or revokes an acceptance, in the workbook itself.
 *
 *   kensa accept FILE [OTHER FILES OR FOLDERS...] --rule ID --cell SHEET!A1 --reason "…" [--by NAME]
 *   kensa accept FILE --revoke --rule ID --cell SHEET!A1
 *   kensa accept FILE --list [--format json]
 *
 * The finding is looked for by checking FILE as `kensa check` would (with the other files given, as one
 * submission set: a roll-up or cross-reference across files is found only with them, and is accepted in the
 * file holding its primary cell). The acceptance (src/core/accept) is written into FILE's very hidden sheet
 * `Kensa_accepted` by editing only that part of the package (src/adapters/exceljs/accept.ts), through a temporary
 * file renamed over FILE: never a half-written workbook, and every other part of the file kept as it was.
 */
import { promises as fs } from "fs";
import * as path from "path";
import {
  acceptedEntries,
  acceptedText,
  AcceptanceError,
  normalCell,
  reasonProblem,
  readAcceptanceStore,
  storeGrid,
  storeProblemText,
  withoutAcceptance,
  workbookLookup,
  type Acceptance,
} from "../core/accept/index";
import { checkSet, setNames } from "../core/engine";
import type { Finding } from "../core/model/finding";
import type { Workbook } from "../core/model/workbook";
import type { Lang } from "../core/values/format";
import type { Rule } from "../core/rules/rule";
import { parseRef } from "../core/model/refs";
import { StoreWriteError, writeStoreToPackage } from "../adapters/exceljs/accept";
import { WorkbookReadError } from "../adapters/exceljs/errors";
import { assertRegularFile, NotRegularFileError, writeFileAtomic } from "../adapters/exceljs/files";
import { readWorkbookBuffer } from "../adapters/xlsx/read";
import { readFileBytes } from "../adapters/xlsx/read-file";
import { collectInputs } from "./inputs";
import { escapeControls as safe, filtered, safeJson, safeTerminalText } from "./terminal";

export interface AcceptOpts {
  lang: Lang;
  rule?: string;
  cell?: string;
  reason?: string;
  by?: string;
  revoke?: boolean;
  list?: boolean;
  format?: "text" | "json";
}

interface Out {
  write(s: string): unknown;
}

export const ACCEPT_UI = {
  ja: {
    checkOption: "確認済みの指摘を理由とともに一覧に表示するか（show、既定）、件数だけにするか（hide）",
    command: "指摘を確認済みにします（理由を付けて、ブックの中に記録します）。--revoke で取り消し、--list で一覧",
    file: "確認済みを記録するブック（.xlsx・.xlsm）",
    others: "一緒に検証する提出セットの他のファイルまたはフォルダ（ファイルをまたぐ指摘を確認済みにするとき）",
    rule: "指摘のルールID（例: grade/below-pace）",
    cell: "指摘のセル（シート名!セル、例: アウトプット指標!J15）",
    reason: "確認済みにする理由",
    by: "確認した人の名前（任意）",
    revoke: "確認済みを取り消します",
    list: "記録されている確認済みの一覧を表示します",
    format: "--list の出力形式（text または json）",
    needRuleCell: "--rule と --cell を指定してください",
    needReason: "--reason で確認済みにする理由を書いてください",
    badCell: (cell: string) => `--cell は「シート名!セル」で指定してください（例: アウトプット指標!J15）: ${cell}`,
    notWorkbook: (file: string) => `.xlsx または .xlsm のブックを指定してください: ${file}`,
    locked: (file: string) =>
      `${file} は Excel で開かれているようです（~$ のロックファイルがあります）。閉じてからやり直してください`,
    notFound: (rule: string, where: string, others: string) =>
      `${where} に ${rule} の指摘はありません${others ? `（このセルの指摘: ${others}）` : ""}。ファイルをまたぐ指摘なら、提出セットの他のファイルも指定してください`,
    accepted: (where: string, rule: string, reason: string) => `確認済みにしました: ${where} [${rule}] 理由: ${reason}`,
    again: (where: string, rule: string) => `（${where} [${rule}] は確認済みでした。理由を書き換えました）`,
    revoked: (where: string, rule: string, n: number) =>
      `確認済みを取り消しました: ${where} [${rule}]${n > 1 ? `（${n}件）` : ""}`,
    noRecord: (where: string, rule: string) => `${where} [${rule}] の確認済みの記録はありません`,
    written: (file: string) => `記録しました: ${file}（非表示のシート「Kensa_accepted」）`,
    dropped: (n: number) => `読めない記録${n}件は使えないため、記録から除きました`,
    changed: (file: string) => `${file} は読み込んだ後に変更されました。書き込まずに終了します。やり直してください`,
    notOurs: (file: string) => `${file} のシート「Kensa_accepted」は Kensa の記録ではないため、書き込みません`,
    writeFailed: (file: string, why: string) => `${file} に書き込めません（${why}）`,
    otherUnreadable: (file: string, why: string) => `${file}: 読めないため、提出セットから除きました（${why}）`,
    none: "確認済みの記録はありません",
    listHeader: (n: number) => `確認済み ${n}件:`,
  },
  en: {
    checkOption: "list accepted findings with their reasons (show, the default) or only count them (hide)",
    command:
      "accept a finding (with a reason, recorded inside the workbook); --revoke takes it back, --list lists them",
    file: "the workbook to record the acceptance in (.xlsx, .xlsm)",
    others: "other files or folders of the submission set, checked with it (to accept a finding across files)",
    rule: "the finding's rule id (e.g. grade/below-pace)",
    cell: "the finding's cell, as SHEET!A1 (e.g. アウトプット指標!J15)",
    reason: "why the finding is accepted",
    by: "who accepts it (optional)",
    revoke: "revoke the acceptance",
    list: "list the acceptances recorded in the workbook",
    format: "format of --list (text or json)",
    needRuleCell: "give --rule and --cell",
    needReason: "give the reason with --reason",
    badCell: (cell: string) => `--cell must be SHEET!A1 (e.g. アウトプット指標!J15): ${cell}`,
    notWorkbook: (file: string) => `not an .xlsx or .xlsm workbook: ${file}`,
    locked: (file: string) => `${file} seems to be open in Excel (its ~$ lock file exists); close it and try again`,
    notFound: (rule: string, where: string, others: string) =>
      `no ${rule} finding at ${where}${others ? ` (findings there: ${others})` : ""}; for a finding across files, give the other files of the submission set too`,
    accepted: (where: string, rule: string, reason: string) => `accepted: ${where} [${rule}], reason: ${reason}`,
    again: (where: string, rule: string) => `(${where} [${rule}] was accepted already: its reason was replaced)`,
    revoked: (where: string, rule: string, n: number) => `revoked: ${where} [${rule}]${n > 1 ? ` (${n})` : ""}`,
    noRecord: (where: string, rule: string) => `no acceptance of ${where} [${rule}] is recorded`,
    written: (file: string) => `recorded in ${file} (very hidden sheet “Kensa_accepted”)`,
    dropped: (n: number) => `${n} unreadable entries could not be used and were left out of the record`,
    changed: (file: string) => `${file} changed after it was read: nothing was written; try again`,
    notOurs: (file: string) => `the sheet “Kensa_accepted” of ${file} is not Kensa's record: not written`,
    writeFailed: (file: string, why: string) => `cannot write ${file} (${why})`,
    otherUnreadable: (file: string, why: string) => `${file}: cannot be read, left out of the set (${why})`,
    none: "no acceptance is recorded",
    listHeader: (n: number) => `${n} accepted:`,
  },
};

function reason(err: unknown, lang?: Lang): string {
  if (lang && (err instanceof NotRegularFileError || err instanceof WorkbookReadError)) return err.messageIn(lang);
  return (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, " ").trim();
}

/** A workbook's bytes: only from a regular file, refused from its stat before anything opens it (a FIFO would block). */
async function readRegularFile(file: string): Promise<Uint8Array> {
  await assertRegularFile(file).catch((e) => {
    if (e instanceof NotRegularFileError) throw e;
  });
  return readFileBytes(file);
}

/** `アウトプット指標!J15` or `'Sheet 1'!J15` → sheet and cell. */
export function parseCellOption(text: string): { sheet: string; cell: string } | undefined {
  const p = parseRef(text.trim());
  if (p.file !== undefined || !p.sheet || !/^\$?[A-Za-z]{1,3}\$?\d+$/.test(p.cell)) return undefined;
  return { sheet: p.sheet, cell: normalCell(p.cell) };
}

function where(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

/** Writes the store's new entries into the file, safely; returns an exit code (0 when written). */
async function writeStore(
  file: string,
  bytes: Uint8Array,
  before: { mtimeMs: number; size: number; mode: number },
  entries: Acceptance[],
  lang: Lang,
  err: Out,
): Promise<number> {
  const ui = ACCEPT_UI[lang];
  let out: Uint8Array;
  try {
    out = await writeStoreToPackage(bytes, storeGrid(entries));
  } catch (e) {
    err.write(
      `kensa: ${e instanceof StoreWriteError && e.code === "not-ours" ? ui.notOurs(safe(file)) : ui.writeFailed(safe(file), safe(reason(e, lang)))}\n`,
    );
    return 1;
  }
  // Excel (or anyone) saved the file meanwhile: do not overwrite their work
  const now = await fs.stat(file).catch(() => undefined);
  if (!now || now.mtimeMs !== before.mtimeMs || now.size !== before.size) {
    err.write(`kensa: ${ui.changed(safe(file))}\n`);
    return 1;
  }
  try {
    await writeFileAtomic(file, out);
    await fs.chmod(file, before.mode & 0o7777).catch(() => undefined);
  } catch (e) {
    err.write(`kensa: ${ui.writeFailed(safe(file), safe(reason(e, lang)))}\n`);
    return 1;
  }
  return 0;
}

/** `rules`: the rules the finding is looked for with (every rule by default; tests pass their own). */
export async function runAccept(
  file: string,
  others: string[],
  opts: AcceptOpts,
  rawIO: { stdout: Out; stderr: Out },
  rules?: readonly Rule[],
): Promise<number> {
  const { lang } = opts;
  // names, reasons and cells come from the command line and the workbook: made safe for a terminal
  const io = {
    stdout: filtered(rawIO.stdout, opts.list && opts.format === "json" ? safeJson : safeTerminalText),
    stderr: filtered(rawIO.stderr, safeTerminalText),
  };
  const ui = ACCEPT_UI[lang];
  const err = io.stderr;
  if (!/\.xls[xm]$/i.test(file)) {
    err.write(`kensa: ${ui.notWorkbook(safe(file))}\n`);
    return 2;
  }
  let target: { sheet: string; cell: string } | undefined;
  if (!opts.list) {
    if (!opts.rule || !opts.cell) {
      err.write(`kensa: ${ui.needRuleCell}\n`);
      return 2;
    }
    target = parseCellOption(opts.cell);
    if (!target) {
      err.write(`kensa: ${ui.badCell(safe(opts.cell))}\n`);
      return 2;
    }
    if (!opts.revoke) {
      const problem = opts.reason === undefined ? ui.needReason : reasonProblem(opts.reason, lang);
      if (problem) {
        err.write(`kensa: ${problem}\n`);
        return 2;
      }
    }
  }

  // the workbook as it is now
  let bytes: Uint8Array;
  let workbook: Workbook;
  let stat: { mtimeMs: number; size: number; mode: number };
  try {
    // stat first: a change after it (Excel saving) is caught before writing
    stat = await fs.stat(file);
    bytes = await readRegularFile(file);
    workbook = await readWorkbookBuffer(bytes);
  } catch (e) {
    err.write(`kensa: ${safe(file)}: ${safe(reason(e, lang))}\n`);
    return 1;
  }
  const store = readAcceptanceStore(workbook);

  if (opts.list) {
    if (opts.format === "json") {
      io.stdout.write(
        `${JSON.stringify({ file, accepted: store.entries.map(({ row: _row, ...a }) => a), problems: store.problems.map((p) => ({ row: p.row, message: storeProblemText(p, lang) })) }, null, 2)}\n`,
      );
      return 0;
    }
    if (!store.entries.length) io.stdout.write(`${ui.none}\n`);
    else {
      io.stdout.write(`${ui.listHeader(store.entries.length)}\n`);
      for (const a of store.entries)
        io.stdout.write(`  ${safe(where(a.sheet, a.cell))} [${safe(a.rule)}] ${safe(acceptedText(a, lang))}\n`);
    }
    for (const p of store.problems) err.write(`! ${safe(storeProblemText(p, lang))}\n`);
    return 0;
  }

  const { sheet, cell } = target!;
  const rule = opts.rule!;
  if (
    path.basename(file).startsWith("~$") === false &&
    (await exists(path.join(path.dirname(file), `~$${path.basename(file)}`)))
  ) {
    err.write(`kensa: ${ui.locked(safe(file))}\n`);
    return 1;
  }
  const dropped = store.problems.length;

  if (opts.revoke) {
    const next = withoutAcceptance(store.entries, { rule, sheet, cell });
    if (next.removed === 0) {
      err.write(`kensa: ${ui.noRecord(safe(where(sheet, cell)), safe(rule))}\n`);
      return 1;
    }
    const code = await writeStore(file, bytes, stat, next.entries, lang, err);
    if (code) return code;
    io.stdout.write(`${ui.revoked(safe(where(sheet, cell)), safe(rule), next.removed)}\n${ui.written(safe(file))}\n`);
    if (dropped) err.write(`${ui.dropped(dropped)}\n`);
    return 0;
  }

  // the finding: FILE checked as kensa check checks it, with the other files of the set when given
  const set: { path: string; workbook: Workbook }[] = [{ path: file, workbook }];
  const self = await fs.realpath(file).catch(() => path.resolve(file));
  for (const p of await collectInputs(others)) {
    if ((await fs.realpath(p).catch(() => path.resolve(p))) === self) continue;
    try {
      set.push({ path: p, workbook: await readWorkbookBuffer(await readRegularFile(p)) });
    } catch (e) {
      err.write(`! ${ui.otherUnreadable(safe(p), safe(reason(e, lang)))}\n`);
    }
  }
  const names = setNames(set.map((s) => s.path));
  const result = checkSet(
    set.map((s, i) => ({ name: names[i], workbook: s.workbook })),
    { lang, rules, onlyTypedComputed: true },
  ).files[0];
  if (!result.result) {
    err.write(`kensa: ${safe(file)}: ${safe(reason(result.error))}\n`);
    return 1;
  }
  const at = (f: Finding) => f.sheet === sheet && normalCell(f.cell) === cell;
  const found = result.result.findings.filter((f) => at(f) && f.rule === rule);
  if (!found.length) {
    const there = [...new Set(result.result.findings.filter(at).map((f) => f.rule))].join(", ");
    err.write(`kensa: ${ui.notFound(safe(rule), safe(where(sheet, cell)), safe(there))}\n`);
    return 1;
  }
  const others_ = new Map(set.slice(1).map((s, i) => [names[i + 1], s.workbook]));
  const lookup = workbookLookup(workbook, others_);
  let entries: Acceptance[];
  try {
    entries = acceptedEntries(store.entries, found, lookup, opts.reason!, { by: opts.by, lang });
  } catch (e) {
    err.write(`kensa: ${safe(e instanceof AcceptanceError ? e.message : reason(e))}\n`);
    return e instanceof AcceptanceError ? 2 : 1;
  }
  const code = await writeStore(file, bytes, stat, entries, lang, err);
  if (code) return code;
  io.stdout.write(`${ui.accepted(safe(where(sheet, cell)), safe(rule), safe(opts.reason!.trim()))}\n`);
  if (found.some((f) => f.accepted)) io.stdout.write(`${ui.again(safe(where(sheet, cell)), safe(rule))}\n`);
  io.stdout.write(`${ui.written(safe(file))}\n`);
  if (dropped) err.write(`${ui.dropped(dropped)}\n`);
  return 0;
}
