/** Which integrated project a monitoring sheet (or a re-listed row) belongs to: PJ1…PJ8 or the whole plan (全体). */
import { normalizeLabel } from "../../values/normalize";
import type { DetectedTable } from "../table";
import type { MonitoringSheet, ProjectId } from "./types";

/** The eight integrated projects' names, for sheets that name a project without its number. */
export const PROJECT_NAMES: readonly string[] = [
  "医薬品",
  "医療機器・ヘルスケア",
  "再生・細胞医療・遺伝子治療",
  "感染症",
  "データ利活用・ライフコース",
  "シーズ開発・基礎研究",
  "橋渡し・臨床加速化",
  "イノベーション・エコシステム",
];

/** How many PJ sheets a roll-up needs. */
export const PROJECT_COUNT = PROJECT_NAMES.length;

const NAME_ORDER = PROJECT_NAMES.map((n, i) => ({ n: normalizeLabel(n), i })).sort((a, b) => b.n.length - a.n.length);

/** `PJ1 医薬品プロジェクト`, `PJ１`, `医薬品プロジェクト (PJ1)`, `医薬品プロジェクト`, `全体` → a project id. */
export function parseProject(text: string | undefined): ProjectId | undefined {
  if (!text) return undefined;
  const t = normalizeLabel(text);
  if (!t) return undefined;
  // `全体（PJ1～PJ8）` is the whole plan, not PJ1.
  if (/^(全体|合計|全PJ|計画全体)/i.test(t)) return { kind: "overall", code: "全体" };
  const pj = /PJ-?(\d{1,2})(?!\d)/i.exec(t);
  if (pj) {
    const n = Number(pj[1]);
    if (n >= 1) return { kind: "project", number: n, code: `PJ${n}` };
  }
  for (const { n, i } of NAME_ORDER) {
    if (t.startsWith(n) || t.includes(n + "プロジェクト"))
      return { kind: "project", number: i + 1, code: `PJ${i + 1}` };
  }
  return undefined;
}

/** A project named in a title: `PJ1`, or a project's name followed by プロジェクト, or 全体 in brackets. */
function projectInTitle(text: string): ProjectId | undefined {
  const t = normalizeLabel(text);
  if (/\((全体|計画全体)\)|^全体$/.test(t)) return { kind: "overall", code: "全体" };
  if (!/PJ-?\d|プロジェクト/i.test(t)) return undefined;
  const p = parseProject(t.replace(/^.*?(?=PJ-?\d)/i, ""));
  if (p) return p;
  for (const { n, i } of NAME_ORDER)
    if (t.includes(n + "プロジェクト")) return { kind: "project", number: i + 1, code: `PJ${i + 1}` };
  return undefined;
}

/** The sheet's project: the 統合プロジェクト metadata; where none is written, a title above the table naming one. */
export function projectOf(
  table: DetectedTable,
): Pick<MonitoringSheet, "project" | "projectText" | "projectCell" | "projectFromTitle"> {
  const text = table.metadata["統合プロジェクト"];
  if (text !== undefined)
    return { project: parseProject(text), projectText: text, projectCell: table.metadataCells["統合プロジェクト"] };
  for (const title of table.titles) {
    const project = projectInTitle(title.text);
    if (project) return { project, projectText: title.text, projectCell: title.cell, projectFromTitle: true };
  }
  return {};
}
