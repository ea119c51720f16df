/**
 * Catalogue files for the command line: `kensa check --catalogue FILE` reads a YAML or JSON document
 * `{ mode?, version?, indicators }` (src/core/catalogue/load.ts) and names every problem by its line in the file
 * and its path in the document:
 *
 *   catalogue.yaml 12行目: indicators[3].groups[0].relation は exhaustive・partial・independent・ordered・percentages のいずれかです（文字列「sum」が書かれています）
 *
 * `kensa catalogue` prints the catalogue in force as JSON or YAML, or writes it as the indicator-list sheet
 * (CATALOGUE_SHEET_NAME) of a workbook for staff to copy into theirs.
 *
 * The YAML parser (`yaml`, by eemeli: no dependencies, YAML 1.2, source positions through LineCounter) is used
 * here only, so it never reaches the browser bundle: a workbook's own catalogue is a table, read by the core.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import {
  isMap,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  stringify,
  type Document,
  type Node as YamlNode,
} from "yaml";
import {
  parseCatalogueDocument,
  type CatalogueChanges,
  type CatalogueMode,
  type CataloguePath,
} from "../core/catalogue/load";
import {
  CATALOGUE_SHEET_NAME,
  catalogueSheetRows,
  notInTable,
  RELATION_WORDS,
  ROLLUP_WORDS,
  SHEET_COLUMNS,
} from "../core/catalogue/sheet";
import type { Catalogue } from "../core/catalogue/schema";
import type { Lang } from "../core/values/format";
import { formatIssue } from "../core/rules/shared/catalogue-sheet";
import { assertRegularFile, NotRegularFileError } from "../adapters/exceljs/files";
import { errnoReason } from "../adapters/errno";
import yamlErrors from "./yaml-errors.json";

export type CatalogueFileResult =
  | { ok: true; catalogue: Catalogue; mode: CatalogueMode; changes: CatalogueChanges }
  | {
      ok: false;
      messages: string[];
      /** The file itself could not be read: one line, the file named in it. */ unreadable?: boolean;
    };

/** The YAML parser's error codes in plain words (./yaml-errors.json); another code keeps the parser's own line. */
const YAML_CODES: Readonly<Record<string, { ja: string; en: string }>> = yamlErrors;

const TEXT = {
  ja: {
    line: (file: string, line: number) => `${file} ${line}行目:`,
    noLine: (file: string) => `${file}:`,
    yaml: (what: string) => `YAML として読めません: ${what}`,
    json: (why: string) => `JSON として読めません（${why}）`,
    cannotRead: (file: string, why: string) => `${file}: 指標一覧のファイルを読めません（${why}）`,
    more: (n: number) => `…ほか${n}件`,
  },
  en: {
    line: (file: string, line: number) => `${file} line ${line}:`,
    noLine: (file: string) => `${file}:`,
    yaml: (what: string) => `not valid YAML: ${what}`,
    json: (why: string) => `not valid JSON (${why})`,
    cannotRead: (file: string, why: string) => `${file}: cannot read the catalogue file (${why})`,
    more: (n: number) => `… and ${n} more`,
  },
};

/** At most this many problems are listed; the rest are counted. */
const MAX_MESSAGES = 30;

/** The 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The line of a path in the document: the value's own line, or for a key that is not allowed, the key's; for a
 * missing value, the line of the nearest thing above it that is there.
 */
function lineOf(doc: Document, counter: LineCounter, p: CataloguePath): number | undefined {
  for (let n = p.length; n >= 0; n--) {
    const parent = n > 0 ? doc.getIn(p.slice(0, n - 1) as unknown[], true) : undefined;
    if (n > 0 && isMap(parent)) {
      // the pair's key: where `relaton:` or `relation: sum` is written
      const key = p[n - 1];
      const pair = parent.items.find((it) => isPair(it) && isScalar(it.key) && it.key.value === key);
      const at =
        pair && isPair(pair)
          ? ((pair.key as YamlNode | null)?.range ?? (pair.value as YamlNode | null)?.range)
          : undefined;
      if (at) return counter.linePos(at[0]).line;
    }
    const node = (n === 0 ? doc.contents : doc.getIn(p.slice(0, n) as unknown[], true)) as YamlNode | null | undefined;
    if (node && typeof node === "object" && "range" in node && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Reads and checks a catalogue file (YAML, or JSON: .json), applied to `base`. */
export async function loadCatalogueFile(file: string, base: Catalogue, lang: Lang): Promise<CatalogueFileResult> {
  const t = TEXT[lang];
  let text: string;
  try {
    await assertRegularFile(file); // a FIFO or a device is refused before it is opened
    text = (await fs.readFile(file, "utf8")).replace(/^\uFEFF/, "");
  } catch (err) {
    if (err instanceof NotRegularFileError)
      return { ok: false, unreadable: true, messages: [t.cannotRead(file, err.messageIn(lang))] };
    return { ok: false, unreadable: true, messages: [t.cannotRead(file, errnoReason(err, lang))] };
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  let data: unknown;
  if (path.extname(file).toLowerCase() === ".json") {
    try {
      data = JSON.parse(text);
    } catch (err) {
      const msg = String((err as Error).message);
      const pos = /position (\d+)/.exec(msg);
      const lineCol = /line (\d+)/.exec(msg);
      const line = pos ? lineAt(text, Number(pos[1])) : lineCol ? Number(lineCol[1]) : undefined;
      const why = msg
        .replace(/^JSON\.parse: /, "")
        .replace(/ in JSON at position \d+.*$/, "")
        .replace(/ \(line \d+ column \d+\)$/, "");
      return { ok: false, messages: [`${line ? t.line(file, line) : t.noLine(file)} ${t.json(why)}`] };
    }
  } else {
    if (doc.errors.length > 0) {
      return {
        ok: false,
        messages: doc.errors.slice(0, MAX_MESSAGES).map((e) => {
          const line = e.linePos?.[0]?.line ?? lineAt(text, e.pos[0]);
          const what =
            YAML_CODES[e.code]?.[lang] ?? e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
          return `${t.line(file, line)} ${t.yaml(what)}`;
        }),
      };
    }
    data = doc.toJS();
  }
  const r = parseCatalogueDocument(data ?? {}, base);
  if (r.ok) return r;
  const usable = doc.errors.length === 0;
  // in the order of the file
  const located = r.issues.map((issue) => ({ issue, line: usable ? lineOf(doc, counter, issue.path) : undefined }));
  located.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
  const messages = located
    .slice(0, MAX_MESSAGES)
    .map(({ issue, line }) => `${line ? t.line(file, line) : t.noLine(file)} ${formatIssue(issue, lang)}`);
  if (r.issues.length > MAX_MESSAGES) messages.push(t.more(r.issues.length - MAX_MESSAGES));
  return { ok: false, messages };
}

/** One line saying what a catalogue file did, for stderr. */
export function describeChanges(file: string, mode: CatalogueMode, changes: CatalogueChanges, lang: Lang): string {
  const ja = [
    changes.added.length ? `指標${changes.added.join("・")}を追加` : "",
    changes.replaced.length ? `指標${changes.replaced.join("・")}を置き換え` : "",
    changes.removed.length ? `指標${changes.removed.join("・")}を除外` : "",
  ].filter(Boolean);
  const en = [
    changes.added.length ? `added ${changes.added.join(", ")}` : "",
    changes.replaced.length ? `replaced ${changes.replaced.join(", ")}` : "",
    changes.removed.length ? `removed ${changes.removed.join(", ")}` : "",
  ].filter(Boolean);
  if (lang === "ja")
    return `指標一覧: ${file}（${mode === "replace" ? "置き換え" : "追加・変更"}: ${ja.join("、") || "変更なし"}）`;
  return `catalogue: ${file} (${mode}: ${en.join("; ") || "no change"})`;
}

// ---------------------------------------------------------------------------------------------------------
// kensa catalogue: printing and writing

const YAML_HEAD = {
  ja: [
    "# Kensa の指標一覧（kensa check --catalogue このファイル で使えます）",
    "# mode: extend（既定）… 番号が同じ指標を置き換え、新しい番号の指標を追加します。ここに書かない指標は組み込みのまま。",
    "# mode: replace … このファイルの指標だけを使います（組み込みの指標は使いません）。",
    "# 必要な指標だけを残して編集してください。項目の説明は README の「The command line」にあります。",
  ],
  en: [
    "# Kensa's indicator catalogue (use it with kensa check --catalogue THIS_FILE)",
    "# mode: extend (the default) replaces the indicators of the same number and adds new numbers; others stay built in.",
    "# mode: replace uses only the indicators of this file.",
    "# Keep only the indicators you change. The README's section on the command line describes the fields.",
  ],
};

export function catalogueJson(catalogue: Catalogue): string {
  return `${JSON.stringify(catalogue, null, 2)}\n`;
}

export function catalogueYaml(catalogue: Catalogue, lang: Lang): string {
  return `${YAML_HEAD[lang].join("\n")}\n${stringify(catalogue, { lineWidth: 0 })}`;
}

/**
 * A workbook with the indicator-list sheet (the indicators the table can hold) and drop-down lists for 全体との集計
 * and 関係, for staff to copy into their workbook (Excel: シートの移動またはコピー).
 */
export async function catalogueWorkbookBuffer(
  catalogue: Catalogue,
  lang: Lang,
): Promise<{ bytes: Uint8Array; left: string[] }> {
  const { default: Excel } = await import("exceljs"); // loaded to write only (issue 13: start-up)
  const wb: ExcelJS.Workbook = new Excel.Workbook();
  const ws = wb.addWorksheet(CATALOGUE_SHEET_NAME);
  const left = catalogue.indicators.filter((i) => notInTable(i)).map((i) => i.number);
  const note =
    lang === "ja"
      ? `Kensa の指標一覧。このシートを検証するブックにコピーすると、Kensa はこの表の指標で検証します（番号が同じ指標は置き換え、新しい番号は追加）。変えない指標の行は消してかまいません。${left.length ? `指標${left.join("・")}（割合の区分）はこの表には書けません。` : ""}`
      : `Kensa's indicator catalogue. Copy this sheet into a workbook and Kensa checks it with these indicators (same number: replaced; new number: added). Rows of indicators you do not change may be deleted.${left.length ? ` Indicator ${left.join(", ")} (shares) cannot be written in this table.` : ""}`;
  ws.addRow([note]);
  const rows = catalogueSheetRows(catalogue.indicators);
  rows.forEach((r, i) => {
    const row = ws.addRow(r);
    if (i === 0) row.font = { bold: true };
    row.alignment = { vertical: "top", wrapText: true };
  });
  const widths: Record<string, number> = {
    number: 6,
    label: 36,
    rollup: 12,
    total: 12,
    group: 28,
    relation: 8,
    item: 40,
    ofWhich: 18,
    sub: 18,
    aliases: 36,
  };
  SHEET_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = widths[c]));
  ws.views = [{ state: "frozen", ySplit: 2 }];
  const list = (words: Record<string, string[]>) =>
    `"${Object.values(words)
      .map((l) => l[0])
      .join(",")}"`;
  const last = Math.max(rows.length + 1, 200);
  const col = (c: (typeof SHEET_COLUMNS)[number]) => SHEET_COLUMNS.indexOf(c) + 1;
  for (let r = 3; r <= last; r++) {
    ws.getCell(r, col("rollup")).dataValidation = { type: "list", allowBlank: true, formulae: [list(ROLLUP_WORDS)] };
    ws.getCell(r, col("relation")).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [list(RELATION_WORDS)],
    };
  }
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), left };
}
