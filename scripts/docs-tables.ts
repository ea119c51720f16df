/**
 * `npm run docs:tables`: writes the generated tables of the user documentation from the code they describe,
 * between markers, so the pages cannot drift from what Kensa reads:
 *
 *   - docs/workbook-layout.md, HEADERS: each sheet kind's header labels (src/core/sheets/kinds.ts);
 *   - docs/catalogue.md, CATALOGUE: the built-in indicator catalogue (src/core/catalogue/indicators.json).
 *
 * `--check` writes nothing and exits 1, naming the stale pages (test/docs/guides.test.ts runs the same check).
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { defaultCatalogue } from "../src/core/catalogue/default";
import type { Catalogue } from "../src/core/catalogue/schema";
import { KIND_SPECS } from "../src/core/sheets/kinds";
import { KIND_TITLES } from "../src/core/model/kinds";

const ROOT = path.resolve(__dirname, "..");

export const RELATION_JA: Record<string, string> = {
  exhaustive: "全数（項目の合計＝指標値）",
  partial: "一部（項目の合計≦指標値）",
  independent: "独立（合計しない）",
  ordered: "大小（上の項目≦下の項目）",
  percentages: "割合（合計100%）",
};

export const ROLLUP_JA: Record<string, string> = {
  additive: "加算（全体＝各PJの合計）",
  deduplicated: "重複除外（各PJの最大値≦全体≦各PJの合計）",
  "share-bounds": "割合の範囲（各PJの最小値≦全体≦最大値）",
};

function esc(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export function headersTable(): string {
  const rows = KIND_SPECS.map((spec) => {
    const cols = spec.columns.map((c) => {
      const [first, ...others] = c.labels;
      let text = first ?? c.title ?? c.key;
      if (!first && c.title) text = c.title;
      const shown = c.required ? `**${text}**` : text;
      const alt = others.length ? `（${others.join("、")}）` : "";
      return `${shown}${alt}${c.repeated ? "（1列以上）" : ""}`;
    });
    return `| ${KIND_TITLES[spec.kind].ja} | ${esc(cols.join("、"))} |`;
  });
  return ["| 様式 | 見出し |", "|---|---|", ...rows].join("\n");
}

export function catalogueTables(catalogue: Catalogue = defaultCatalogue): string {
  const out: string[] = [`指標一覧の版: \`${catalogue.version}\``, ""];
  for (const ind of catalogue.indicators) {
    out.push(`#### 指標 ${ind.number}: ${esc(ind.label)}`, "");
    const facts = [`全体への集計: ${ROLLUP_JA[ind.rollup] ?? ind.rollup}`];
    if (ind.noTotal) facts.push("指標値: なし（シートには `—` と書きます）");
    if (ind.totalItemKey) {
      const item = ind.groups.flatMap((g) => g.items).find((i) => i.key === ind.totalItemKey);
      facts.push(`指標値: 項目「${esc(item?.label ?? ind.totalItemKey)}」の値`);
    }
    if (ind.aliases.length) facts.push(`別名: ${ind.aliases.map(esc).join("、")}`);
    out.push(facts.map((f) => `- ${f}`).join("\n"), "");
    out.push("| 内訳 | 関係 | 項目 |", "|---|---|---|");
    for (const g of ind.groups) {
      const items = g.items.map((it) => {
        let t = esc(it.label);
        if (it.ofWhichLabel) t += "（うちの数あり）";
        if (it.subItems)
          t += `（細目: ${it.subItems.items.map((s) => esc(s.label)).join("／")}${it.subItems.openLabels ? " ほか自由" : ""}）`;
        if (it.shares) t += `（${it.shares.map((s) => esc(s.label)).join("・")}の割合）`;
        if (it.optional) t += "（省略可）";
        return t;
      });
      const relation =
        ind.noTotal && g.relation === "exhaustive"
          ? "全数（指標値がないため、全数の内訳どうしの合計が一致）"
          : (RELATION_JA[g.relation] ?? g.relation);
      out.push(`| ${g.label === null ? "（名前なし）" : esc(g.label)} | ${relation} | ${items.join("<br>")} |`);
    }
    out.push("");
  }
  return out.join("\n").trimEnd();
}

interface Block {
  file: string;
  name: string;
  content: () => string;
}

export const BLOCKS: Block[] = [
  { file: "docs/workbook-layout.md", name: "HEADERS", content: headersTable },
  { file: "docs/catalogue.md", name: "CATALOGUE", content: () => catalogueTables() },
];

/** The page with the block between `<!-- NAME:BEGIN … -->` and `<!-- NAME:END -->` regenerated. */
export function withBlock(text: string, name: string, content: string): string {
  const begin = new RegExp(`<!-- ${name}:BEGIN[^>]*-->`);
  const m = begin.exec(text);
  const end = text.indexOf(`<!-- ${name}:END -->`);
  if (!m || end < m.index) throw new Error(`the page lacks the ${name} markers`);
  const start = m.index + m[0].length;
  return text.slice(0, start) + "\n" + content + "\n" + text.slice(end);
}

export function staleTables(): string[] {
  return BLOCKS.filter((b) => {
    const text = readFileSync(path.join(ROOT, b.file), "utf8");
    return withBlock(text, b.name, b.content()) !== text;
  }).map((b) => b.file);
}

function main(): void {
  if (process.argv.includes("--check")) {
    const stale = staleTables();
    if (stale.length) {
      console.error(`Generated tables are stale: run npm run docs:tables\n${stale.map((f) => `  ${f}`).join("\n")}`);
      process.exit(1);
    }
    console.log("docs:tables: up to date");
    return;
  }
  for (const b of BLOCKS) {
    const p = path.join(ROOT, b.file);
    const text = readFileSync(p, "utf8");
    const next = withBlock(text, b.name, b.content());
    if (next !== text) {
      writeFileSync(p, next);
      console.log(`wrote ${b.file} (${b.name})`);
    }
  }
}

if (require.main === module) main();
