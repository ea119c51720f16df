/**
 * One Markdown page per rule (docs/rules/<id>.md) and their index (docs/rules/README.md), generated the way
 * ESLint's rule pages are: the title, severity, description and messages from the rule's `meta`, the passing
 * and failing examples from its valid/invalid table (scripts/docs-rule-tables.ts), the findings shown under
 * the failing example computed by running the rule on it, and the prose (where it looks, why, how to fix)
 * from scripts/docs-rule-notes.ts. Written by `npm run docs:rules` (scripts/rules-doc.ts).
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { columnLetters } from "../src/core/model/address";
import type { Finding } from "../src/core/model/finding";
import { isCellError, type Cell, type Sheet } from "../src/core/model/workbook";
import { ruleName } from "../src/core/rules/names";
import type { Rule } from "../src/core/rules/rule";
import { findingsOf, workbookOf } from "../test/support/rule-tester";
import { RULE_NOTES, type RuleNote } from "./docs-rule-notes";
import { ROOT, tablesFor, type InvalidCase, type ValidCase } from "./docs-rule-tables";

export const DOCS_RULES_DIR = "docs/rules";

export const GENERATED_NOTE =
  "<!-- 生成ファイルです。手で編集せず `npm run docs:rules` で作り直してください（元: ルールの meta、valid/invalid の表、scripts/docs-rule-notes.ts）。 -->";

const SEVERITY_JA: Record<string, string> = { error: "エラー", warning: "警告", info: "情報" };

/** Japanese names of the rule families (the id's first part), in the order of the index. */
export const FAMILIES: [string, string, string][] = [
  ["value", "セルの値", "Cell values"],
  ["structure", "シートの構造", "Sheet structure"],
  ["total", "インハウス予算の合計行", "In-house budget totals"],
  ["sum", "合計と内訳", "Sums and breakdowns"],
  ["part", "内数（うち）", "Parts of a whole"],
  ["order", "大小関係", "Order"],
  ["percent", "割合", "Shares"],
  ["rollup", "全体シートへの集計", "Roll-up to the overall sheet"],
  ["xref", "二か所に書かれた同じ値", "Cross-references"],
  ["ratio", "比率・達成率", "Ratios"],
  ["target", "年度目標", "Annual targets"],
  ["change", "増減", "Changes"],
  ["grade", "進捗（A・B）", "Grades"],
  ["period", "累積・年平均", "Periods"],
  ["label", "名称", "Labels"],
  ["date", "年の表記", "Dates"],
];

/** docs/rules/sum/breakdown.md */
export function rulePagePath(id: string): string {
  return `${DOCS_RULES_DIR}/${id}.md`;
}

/** A repository path as a link from the page at `fromPage` (both relative to the repository root). */
export function relLink(fromPage: string, target: string): string {
  return path.posix.relative(path.posix.dirname(fromPage), target);
}

// ---------------------------------------------------------------------------------------------------------
// Example sheets as Markdown tables

/** Text for a Markdown table cell: HTML and Markdown punctuation escaped, line breaks as <br>. */
function escapeCell(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/([\\|*_`[\]])/g, "\\$1")
    .replace(/\r?\n/g, "<br>");
}

function cellText(cell: Cell | undefined): string {
  if (!cell) return "";
  const v = cell.value;
  let text: string;
  if (v === null || v === undefined) text = "";
  else if (v instanceof Date) text = v.toISOString().slice(0, 10);
  else if (isCellError(v)) text = v.error;
  else if (typeof v === "boolean") text = v ? "TRUE" : "FALSE";
  else if (typeof v === "number") text = cell.text ?? String(v);
  else text = v;
  if (cell.formula) text = `=${cell.formula}` + (text ? `（結果 ${text}）` : "");
  return text;
}

/** `'PJ1'!G6` → { sheet: "PJ1", cell: "G6" }; a bare address is on `sheet`. */
function parseRef(ref: string, sheet: string): { sheet: string; cell: string } {
  const m = /^(?:\[[^\]]*\])?'?(.*?)'?!([A-Z]+[0-9]+)$/.exec(ref);
  return m ? { sheet: m[1].replace(/''/g, "'"), cell: m[2] } : { sheet, cell: ref };
}

interface Marks {
  primary: Set<string>;
  involved: Set<string>;
}

function marksOf(findings: Finding[]): Marks {
  const primary = new Set<string>();
  const involved = new Set<string>();
  for (const f of findings) {
    primary.add(`${f.sheet}\u0000${f.cell}`);
    for (const c of f.cells) {
      const r = parseRef(c, f.sheet);
      involved.add(`${r.sheet}\u0000${r.cell}`);
    }
  }
  return { primary, involved };
}

function sheetTable(sheet: Sheet, marks?: Marks): string {
  const width = Math.max(1, ...sheet.rows.map((r) => r?.length ?? 0));
  const hiddenCols = new Set(sheet.hiddenColumns ?? []);
  const hiddenRows = new Set(sheet.hiddenRows ?? []);
  const head = [
    "",
    ...Array.from({ length: width }, (_, c) => columnLetters(c) + (hiddenCols.has(c) ? "（非表示）" : "")),
  ];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 ? "--:" : "---")).join("|")}|`];
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const cells = [`${r + 1}${hiddenRows.has(r) ? "（非表示）" : ""}`];
    for (let c = 0; c < width; c++) {
      const address = `${columnLetters(c)}${r + 1}`;
      const key = `${sheet.name}\u0000${address}`;
      let text = escapeCell(cellText(row[c]));
      if (marks?.involved.has(key) || marks?.primary.has(key)) {
        text = `**${text || "（空欄）"}**`;
        if (marks.primary.has(key)) text += " ◀";
      }
      cells.push(text);
    }
    lines.push(`| ${cells.join(" | ")} |`);
  }
  const notes: string[] = [];
  if (sheet.merges?.length) notes.push(`結合セル: ${sheet.merges.join("、")}`);
  if (sheet.layoutUnknown?.length) {
    notes.push(
      `（この例では、Excel が${sheet.layoutUnknown.map((k) => (k === "merges" ? "結合セル" : "非表示の行・列")).join("と")}を Kensa に渡せなかった状態を再現しています）`,
    );
  }
  return lines.join("\n") + (notes.length ? `\n\n${notes.join("  \n")}` : "");
}

function sheetsMarkdown(c: ValidCase, marks?: Marks): string {
  const wb = workbookOf(c.sheets);
  const hasMark = (s: Sheet) =>
    !!marks && [...marks.involved, ...marks.primary].some((k) => k.startsWith(`${s.name}\u0000`));
  const anyMarked = wb.sheets.some(hasMark);
  const out: string[] = [];
  wb.sheets.forEach((s, i) => {
    const open = marks && anyMarked ? hasMark(s) : i === 0 || wb.sheets.length <= 2;
    const title = `シート「${s.name}」`;
    if (open) out.push(`${title}\n\n${sheetTable(s, marks)}`);
    else {
      const why = marks && anyMarked ? "（指摘に関わるセルはありません）" : "";
      out.push(`<details><summary>${title}${why}</summary>\n\n${sheetTable(s, marks)}\n\n</details>`);
    }
  });
  return out.join("\n\n");
}

function fixText(f: Finding): string {
  if (!f.fix) return "";
  const at = f.fix.sheet === f.sheet ? f.fix.cell : `'${f.fix.sheet}'!${f.fix.cell}`;
  if (f.fix.formula !== undefined) return `${at} =${f.fix.formula}`;
  return `${at} ${typeof f.fix.value === "string" ? `「${f.fix.value}」` : String(f.fix.value)}`;
}

function findingsTable(findings: Finding[], lang: "ja" | "en"): string {
  const head =
    lang === "ja"
      ? ["シート", "セル", "重大度", "メッセージ", "修正案"]
      : ["Sheet", "Cell", "Severity", "Message", "Fix"];
  const rows = findings.map((f) => [
    escapeCell(f.sheet),
    f.cell,
    lang === "ja" ? `${SEVERITY_JA[f.severity]}` : f.severity,
    escapeCell(f.message),
    escapeCell(fixText(f)),
  ]);
  const hasFix = findings.some((f) => f.fix);
  const cols = hasFix ? head.length : head.length - 1;
  return [head.slice(0, cols), head.slice(0, cols).map(() => "---"), ...rows.map((r) => r.slice(0, cols))]
    .map((r) => `| ${r.join(" | ")} |`)
    .join("\n");
}

// ---------------------------------------------------------------------------------------------------------
// Pages

function pick<T extends ValidCase>(cases: T[], name: string | undefined): T | undefined {
  if (name !== undefined) {
    const named = cases.find((c) => c.name === name);
    if (!named)
      throw new Error(`scripts/docs-rule-notes.ts names the example "${name}", which is not in the rule's table`);
    return named;
  }
  return cases[0];
}

export interface PageInput {
  rule: Rule;
  note: RuleNote | undefined;
  tables: { files: string[]; valid: ValidCase[]; invalid: InvalidCase[] };
}

export function renderRulePage({ rule, note, tables }: PageInput): string {
  const { id, severity, description, messages, phrases } = rule.meta;
  const page = rulePagePath(id);
  const source = `src/core/rules/${id}.ts`;
  const valid = pick(tables.valid, note?.example?.valid);
  const invalid = pick(tables.invalid, note?.example?.invalid);
  const invalidFindings = invalid ? findingsOf(rule, invalid.sheets, "ja") : [];
  const invalidFindingsEn = invalid ? findingsOf(rule, invalid.sheets, "en") : [];
  const tableLinks = tables.files.map((f) => `[${f}](${relLink(page, f)})`).join("、");

  const L: string[] = [];
  L.push(GENERATED_NOTE, "");
  L.push(`# ${id} — ${ruleName(id, "ja", description)}`, "");
  L.push(`> ${description.ja}`, ">", `> ${description.en}`, "");
  L.push("| | |", "|---|---|");
  L.push(`| 既定の重大度 | ${SEVERITY_JA[severity]}（${severity}） |`);
  if (existsSync(path.join(ROOT, source))) L.push(`| ルールの定義 | [${source}](${relLink(page, source)}) |`);
  if (tableLinks)
    L.push(
      `| 例の出典（テスト表） | ${tableLinks}：問題のない例 ${tables.valid.length} 件、問題のある例 ${tables.invalid.length} 件 |`,
    );
  L.push(`| 一覧 | [ルールの一覧](${relLink(page, `${DOCS_RULES_DIR}/README.md`)}) |`, "");

  L.push("## 何を検査するか", "");
  L.push(note ? note.applies.ja : `${description.ja}。`, "");

  if (note) L.push("## なぜ検査するか", "", note.why.ja, "");

  L.push("## 問題のない例", "");
  if (valid) {
    L.push(`テスト表の例「${valid.name}」。`, "");
    L.push(sheetsMarkdown(valid), "");
    L.push("→ このルールの指摘はありません。", "");
  } else L.push("（このルールのテスト表に問題のない例がまだありません。）", "");

  L.push("## 問題のある例", "");
  if (invalid) {
    L.push(`テスト表の例「${invalid.name}」。太字は指摘に関わるセル、◀ は最初に見るセルです。`, "");
    L.push(sheetsMarkdown(invalid, marksOf(invalidFindings)), "");
    L.push("→ Kensa の指摘（このルールの分のみ）:", "");
    L.push(findingsTable(invalidFindings, "ja"), "");
  } else L.push("（このルールのテスト表に問題のある例がまだありません。）", "");

  if (note) L.push("## 直し方", "", note.fix.ja, "");

  L.push("## メッセージ", "");
  L.push("Kensa が表示するメッセージのひな形です。`{…}` には、セルの値や行の名前が入ります。", "");
  L.push("| 種類 | 日本語 | English |", "|---|---|---|");
  for (const [key, m] of Object.entries(messages)) L.push(`| \`${key}\` | ${escapeCell(m.ja)} | ${escapeCell(m.en)} |`);
  L.push("");
  if (phrases && Object.keys(phrases).length) {
    L.push("メッセージの中の語句（`{…}` に入るもの）:", "");
    L.push("| 語句 | 日本語 | English |", "|---|---|---|");
    for (const [key, m] of Object.entries(phrases))
      L.push(`| \`${key}\` | ${escapeCell(m.ja)} | ${escapeCell(m.en)} |`);
    L.push("");
  }

  L.push("## English", "");
  L.push(`**${id}** — ${ruleName(id, "en", description)} (default severity: ${severity}). ${description.en}.`, "");
  if (note) {
    L.push(`**Where it looks.** ${note.applies.en}`, "");
    L.push(`**Why.** ${note.why.en}`, "");
    L.push(`**How to fix.** ${note.fix.en}`, "");
  }
  if (invalid) {
    L.push(`On the failing example above (“${invalid.name}”), Kensa reports (with \`--lang en\`):`, "");
    L.push(findingsTable(invalidFindingsEn, "en"), "");
  }
  return (
    L.join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trimEnd() + "\n"
  );
}

export function renderRuleIndex(rules: readonly Rule[]): string {
  const page = `${DOCS_RULES_DIR}/README.md`;
  const L: string[] = [GENERATED_NOTE, "", "# 検査ルールの一覧", ""];
  L.push(
    "Kensa が検査するルールの一覧です。各ルールのページに、何を検査するか、なぜ検査するか、問題のない例と問題のある例（実際に表示される指摘付き）、直し方があります。",
    "",
    "重大度は次の三つです。",
    "",
    "- **エラー**: 数値の誤り、または様式どおりでない記載。提出前に直してください。kensa コマンドは、エラーが一つでもあると終了コード 1 を返します。",
    "- **警告**: 誤りとは限らないものの、確認が必要な箇所（累積目標が進捗ペースを下回るのに進捗が A など）。",
    "- **情報**: 検証しなかったシートや列、端数処理の範囲内の差など、知っておくべきこと。",
    "",
    `指摘に付く記入値（セルに書かれた値）と計算値（Kensa が計算した値）、修正案、メッセージの書き方は[指摘の読み方](${relLink(page, "docs/messages.md")})にあります。`,
    "",
    "This is the list of the rules Kensa checks, by family; each page gives what the rule checks, why, a passing and a failing example with the findings Kensa shows, and how to fix it.",
    "",
  );
  const byFamily = new Map<string, Rule[]>();
  for (const r of rules) {
    const fam = r.meta.id.split("/")[0];
    if (!byFamily.has(fam)) byFamily.set(fam, []);
    byFamily.get(fam)!.push(r);
  }
  const known = FAMILIES.map((f) => f[0]);
  const families = [
    ...FAMILIES,
    ...[...byFamily.keys()]
      .filter((k) => !known.includes(k))
      .sort()
      .map((k) => [k, k, k] as [string, string, string]),
  ];
  for (const [fam, ja, en] of families) {
    const list = byFamily.get(fam);
    if (!list?.length) continue;
    L.push(`## ${ja}（${en}）`, "", "| ルール | 名称 | 重大度 | 説明 | Description |", "|---|---|---|---|---|");
    for (const r of [...list].sort((a, b) => a.meta.id.localeCompare(b.meta.id))) {
      const name = escapeCell(ruleName(r.meta.id, "ja", r.meta.description));
      L.push(
        `| [\`${r.meta.id}\`](${relLink(page, rulePagePath(r.meta.id))}) | ${name} | ${SEVERITY_JA[r.meta.severity]} | ${escapeCell(r.meta.description.ja)} | ${escapeCell(r.meta.description.en)} |`,
      );
    }
    L.push("");
  }
  return L.join("\n").trimEnd() + "\n";
}

/** Every generated file under docs/rules: repository path → content. */
export function generateRuleDocs(rules: readonly Rule[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules) {
    out.set(
      rulePagePath(rule.meta.id),
      renderRulePage({ rule, note: RULE_NOTES[rule.meta.id], tables: tablesFor(rule.meta.id) }),
    );
  }
  out.set(`${DOCS_RULES_DIR}/README.md`, renderRuleIndex(rules));
  return out;
}

/** What a rule's page lacks (notes, examples), for the completeness test. */
export function ruleDocGaps(rules: readonly Rule[]): string[] {
  const gaps: string[] = [];
  for (const r of rules) {
    const id = r.meta.id;
    if (!RULE_NOTES[id]) gaps.push(`${id}: no entry in scripts/docs-rule-notes.ts (where it looks, why, how to fix)`);
    const t = tablesFor(id);
    if (!t.valid.length) gaps.push(`${id}: no valid case in a runRuleTests table (beside the rule)`);
    if (!t.invalid.length) gaps.push(`${id}: no invalid case in a runRuleTests table (beside the rule)`);
  }
  for (const id of Object.keys(RULE_NOTES))
    if (!rules.some((r) => r.meta.id === id)) gaps.push(`${id}: notes for a rule that does not exist`);
  return gaps;
}
