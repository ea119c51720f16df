/**
 * The template's words: the input prompts and error messages of its cells, and the title and hint of each sheet.
 */
import type { TemplateMessage } from "./types";

const msg = (title: string, message: string): TemplateMessage => ({ title, message });

/** Prompts and error messages (Japanese: the template's users are Japanese staff, whatever --lang says). */
export const INPUT = {
  amount: {
    prompt: msg("金額（億円）", "億円単位の数値で入力してください（0以上、小数可）。"),
    error: msg("金額（億円）", "0以上の数値を億円単位で入力してください（例: 12.5）。"),
  },
  external: {
    prompt: msg(
      "外部資金（億円）",
      "億円単位の数値で入力してください（0以上、小数可）。該当しない場合は「—」と入力できます。",
    ),
    error: msg("外部資金（億円）", "0以上の数値を億円単位で入力してください。該当しない場合は「—」と入力できます。"),
  },
  ministry: {
    prompt: msg(
      "所管",
      "所管府省を略称で選んでください（文＝文部科学省、厚＝厚生労働省、経＝経済産業省、内＝内閣府、総＝総務省）。",
    ),
    error: msg("所管", "一覧にない略称です。このまま入力する場合は［はい］を選んでください。"),
  },
  breakdownCategory: {
    prompt: msg(
      "区分",
      "明細・小計・合計・その他・うち・内数・再掲から選んでください。空欄の行は明細として合計に入ります。",
    ),
    error: msg("区分", "区分は一覧から選んでください（明細・小計・合計・その他・うち・内数・再掲）。"),
  },
  outputCategory: {
    prompt: msg("区分", "全体目標・特設目標・アウトカムから選んでください。"),
    error: msg("区分", "区分は全体目標・特設目標・アウトカムのいずれかを選んでください。"),
  },
  targetKind: {
    prompt: msg(
      "目標の種類",
      "年度・期間累計・累積・年平均・基準値以上・基準値超・定性から選んでください。年度目標と判定はこの種類で計算されます。",
    ),
    error: msg(
      "目標の種類",
      "目標の種類は一覧から選んでください（年度・期間累計・累積・年平均・基準値以上・基準値超・定性）。",
    ),
  },
  grade: {
    prompt: msg(
      "進捗",
      "A（順調に進捗している）、B（進捗が不十分）、-（評価しない：実績がない場合）から選んでください。",
    ),
    error: msg("進捗", "進捗はA・B・-のいずれかを選んでください。"),
  },
  target: {
    prompt: msg("目標値", "目標値を数値で入力してください（0以上）。定性の目標は空欄のままにしてください。"),
    error: msg("目標値", "目標値は0以上の数値で入力してください。"),
  },
  period: { prompt: msg("期間", "R7-R11 のように入力してください（令和6～10年度 の形も使えます）。") },
  reportYear: { prompt: msg("報告年度", "令和7年度 のように報告の年度を入力してください。") },
  project: {
    prompt: msg(
      "統合プロジェクト",
      "PJ1～PJ8 または 全体 を選んでください（後にプロジェクト名を続けても構いません）。",
    ),
    error: msg(
      "統合プロジェクト",
      "PJ1～PJ8 または 全体 で始めてください。このまま入力する場合は［はい］を選んでください。",
    ),
  },
  count: (what: string, unit: string) => ({
    prompt: msg(
      what,
      `${what}を数値だけで入力してください（0以上の整数、または0.5刻み${unit ? `。単位「${unit}」は不要` : ""}）。該当がなければ0を入力してください。`,
    ),
    error: msg(
      what,
      `${what}は0以上の整数、または0.5刻みの数値で入力してください${unit ? `（単位「${unit}」は不要です）` : ""}。`,
    ),
  }),
  mean: (unit: string) => ({
    prompt: msg(
      "実績（年平均）",
      `年平均の値を数値だけで入力してください（0以上、小数可${unit ? `。単位「${unit}」は不要` : ""}）。`,
    ),
    error: msg("実績（年平均）", "0以上の数値を入力してください。"),
  }),
  actual: {
    prompt: msg("実績", "実績を数値だけで入力してください（0以上）。進捗（A・B）を選んだ行は実績が必要です。"),
    error: msg("実績", "実績は0以上の数値で入力してください。"),
  },
  qualitative: { prompt: msg("実績（定性）", "定性の指標です。実績を文章で記入できます。") },
  shares: {
    prompt: msg(
      "比率",
      "「男：89.0% 女：11.0%」のように、男・女（・その他）の比率を合計100%になるよう入力してください。",
    ),
  },
  customValue: {
    prompt: msg("指標値", "プロジェクト独自の指標の値を数値で入力してください（0以上）。"),
    error: msg("指標値", "0以上の数値を入力してください。"),
  },
} as const;

export const TEXT = {
  ja: {
    title: (k: string) => `${k}（Kensa 記入用テンプレート）`,
    inhouse:
      "白い欄に金額（億円）を入力してください。灰色の欄（比率・合計）は自動計算されます。小計行は機関名を「小計」とし、所管を選んでください。",
    breakdown:
      "区分を選び、金額（億円）を入力してください。灰色の欄（増減額・増減率・合計）は自動計算されます。区分が空欄の行は明細として合計に入ります。",
    output:
      "実績と進捗を入力してください（標準の指標は記入済み）。期間は R7-R11 の形で。灰色の欄（期間開始・期間年数・年度目標・達成率・判定）は自動計算されます。",
    monitoring:
      "統合プロジェクトを選び、指標値・値・うちを数値で入力してください（標準の指標と内訳は記入済み）。内訳の合計・うち・順序は Kensa が検証します。",
    custom: "個々の統合プロジェクトで定めるモニタリング指標",
  },
  en: {
    title: (k: string) => `${k} (Kensa template)`,
    inhouse:
      "Type the amounts (億円) in the white cells; the grey cells (ratios, total) are computed. Name a subtotal row 小計 and choose its 所管.",
    breakdown:
      "Choose 区分 and type the amounts (億円); the grey cells (増減額, 増減率, total) are computed. A blank 区分 counts as 明細.",
    output:
      "Type 実績 and 進捗 (the standard indicators are prefilled). Write 期間 like R7-R11; the grey cells (期間開始, 期間年数, 年度目標, 達成率, 判定) are computed.",
    monitoring:
      "Choose 統合プロジェクト and type 指標値, 値 and うち as numbers (the standard indicators are prefilled). Kensa checks breakdown sums, うち figures and orderings.",
    custom: "個々の統合プロジェクトで定めるモニタリング指標",
  },
} as const;
