/**
 * DOMAIN §5 on the monitoring part of seed 001: the 全体 and eight PJ monitoring sheets, transcribed from
 * reference/seed001-tables.md (cross-project matrix, verbatim values, labels with the seed's typos).
 * The findings must be exactly the published inconsistencies, and nothing false on the rest.
 */
import { checkWorkbook, createContext } from "../../../src/core/engine";
import type { Finding } from "../../../src/core/model/finding";
import { RULES } from "../../../src/core/rules/index";
import { crossReferences } from "../../../src/core/sheets/xref";
import { seedSheets } from "./monitoring-seed-data";

const MONITORING_IDS = new Set([
  // the monitoring and roll-up rules
  "sum/breakdown",
  "sum/exceeds-total",
  "sum/incomplete",
  "sum/groups-differ",
  "order/violated",
  "percent/sum",
  "label/unknown",
  "rollup/additive",
  "rollup/bounds",
  "structure/rollup-skipped",
  "structure/duplicate-project",
  "structure/project-unknown",
  "xref/mismatch",
  "part/exceeds-whole",
  "value/missing",
  "value/not-a-number",
  "value/negative",
  "value/placeholder",
  "structure/duplicate-row",
  "date/era-mismatch",
]);

function brief(f: Finding): string {
  return `${f.rule} ${f.severity} ${f.sheet}!${f.cell}`;
}

describe("seed 001 monitoring sheets (DOMAIN §5)", () => {
  const result = checkWorkbook({ sheets: seedSheets() }, { rules: RULES });
  const ours = result.findings.filter((f) => MONITORING_IDS.has(f.rule));
  const lines = (severity: string) =>
    ours.filter((f) => f.severity === severity).map((f) => `${brief(f)} ${f.message}`);

  test("every sheet is a monitoring sheet", () => {
    expect(result.sheets.every((s) => s.kind === "monitoring")).toBe(true);
  });

  test("errors: exactly the published inconsistencies", () => {
    expect(lines("error")).toEqual([
      "rollup/additive error 全体!G6 指標1 実施許諾：全体の36件が各PJの合計49件と一致しません（PJ1 11 + PJ2 9 + PJ3 4 + PJ4 1 + PJ5 14 + PJ6 5 + PJ7 5 + PJ8 0）。",
      "rollup/additive error 全体!C28 指標3 発展・継続支援：全体の166件が各PJの合計165.5件と一致しません（PJ1 46.5 + PJ2 15.5 + PJ3 22.5 + PJ4 10.5 + PJ5 25.5 + PJ6 17.5 + PJ7 18 + PJ8 9.5）。",
      "rollup/additive error 全体!G30 指標3 新たに公募：全体の131件が各PJの合計130.5件と一致しません（PJ1 25.5 + PJ2 15.5 + PJ3 22.5 + PJ4 7.5 + PJ5 25.5 + PJ6 17.5 + PJ7 16 + PJ8 0.5）。",
      "rollup/bounds error 全体!G34 指標4 その他：全体の3件がPJ3の4件を下回っています（全体は各PJの最大値以上のはずです）。",
      "rollup/bounds error 全体!G38 指標4 再生医療等製品：全体の2件がPJ3の4件を下回っています（全体は各PJの最大値以上のはずです）。",
      "rollup/bounds error 全体!G40 指標5 ソフトウェア・一般医療機器：全体の19件が各PJの合計18件を超えています（PJ1 0 + PJ2 11 + PJ3 1 + PJ4 2 + PJ5 3 + PJ6 0 + PJ7 0 + PJ8 1）。",
      "sum/exceeds-total error PJ2!C5 導出内容別の合計38件が指標値33件を超えています（技術導出 30 + 開発候補品 8）。",
      "sum/breakdown error PJ5!C5 導出形態別の合計33件が指標値20件と一致しません（権利譲渡 0 + 実施許諾 14 + 共同研究開発 19）。",
      "sum/exceeds-total error PJ7!C5 導出内容別の合計15件が指標値12件を超えています（技術導出 6 + 開発候補品 9）。",
    ]);
  });

  test("no warnings", () => {
    expect(lines("warning")).toEqual([]);
  });

  test("info: the 13 coverage gaps and the 5 label typos", () => {
    const incomplete = ours
      .filter((f) => f.rule === "sum/incomplete")
      .map((f) => `${f.sheet} ${f.message.slice(0, 5)} ${f.expected}/${f.actual}`);
    expect(incomplete).toEqual([
      "全体 開発フェー 143/158",
      "全体 導出内容別 155/158",
      "PJ1 開発フェー 51/53",
      "PJ1 導出内容別 50/53",
      "PJ2 開発フェー 27/33",
      "PJ3 開発フェー 11/12",
      "PJ3 導出内容別 10/12",
      "PJ4 開発フェー 10/13",
      "PJ4 導出内容別 10/13",
      "PJ5 導出内容別 19/20",
      "PJ6 開発フェー 11/13",
      "PJ6 導出内容別 11/13",
      "PJ7 開発フェー 11/12",
    ]);
    const labels = ours.filter((f) => f.rule === "label/unknown").map((f) => `${f.sheet}!${f.cell} ${f.fix?.value}`);
    expect(labels).toEqual([
      "PJ2!E28 ペアリングによる他事業への受け渡し件数",
      "PJ3!E24 ペアリングによる他事業への受け渡し件数",
      "PJ5!B29 薬事承認・認証",
      "PJ7!E38 Top1%論文数",
      "PJ8!E22 ペアリングによる他事業への受け渡し件数",
    ]);
    expect(ours.filter((f) => f.severity === "info").length).toBe(18);
  });

  test("roll-up findings name the 全体 cell first, then every PJ cell", () => {
    const f = ours.find((x) => x.rule === "rollup/additive")!;
    expect(f.cells).toEqual([
      "G6",
      "'PJ1'!G6",
      "'PJ2'!G6",
      "'PJ3'!G6",
      "'PJ4'!G6",
      "'PJ5'!G6",
      "'PJ6'!G6",
      "'PJ7'!G6",
      "'PJ8'!G6",
    ]);
    const bounds = ours.find((x) => x.rule === "rollup/bounds" && x.cell === "G38")!;
    expect(bounds).toMatchObject({ expected: 4, actual: 2 });
  });

  test("the re-listed project indicators are cross-referenced (and agree, despite PJ5's drifted wording)", () => {
    const ctx = createContext({ sheets: seedSheets() });
    const relisted = crossReferences(ctx).filter((e) => e.reason.includes("再掲"));
    expect(relisted).toHaveLength(13);
    expect(result.findings.filter((f) => f.rule === "xref/mismatch")).toEqual([]);
  });

  test("a changed PJ value is reported against its re-listing", () => {
    const sheets = seedSheets();
    const pj3 = sheets.find((s) => s.name === "PJ3")!;
    const row = pj3.rows.findIndex((r) => r[1]?.value === "再生医療等安全性確保法下での臨床研究件数");
    pj3.rows[row][2] = { value: "2件" };
    const found = checkWorkbook({ sheets }, { rules: RULES }).findings.filter((f) => f.rule === "xref/mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ sheet: "全体", expected: 2, actual: 1 });
    expect(found[0].cells[1]).toBe(`'PJ3'!C${row + 1}`);
  });
});
