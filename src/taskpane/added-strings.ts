/**
 * Strings of 「他のブックを追加」 (the pane's submission set). The set's status lines are browser mode's own
 * (src/browser/strings.ts), so both faces say the same thing about a set.
 */
import type { Lang } from "../core/values/format";

/** Every language's strings have the shape of the Japanese table below: the same keys, the same arguments. */
export type AddedStrings = typeof ja;

const ja = {
  heading: "提出セット",
  /** The folded box's one line, while no book is added. */
  foldedHeading: "提出セット（他のブックを追加）",
  intro:
    "他の提出者のブックを加えると、開いているブックとの集計（PJ1〜PJ8 と全体）と参照も検証します。ファイルはこの画面で読み込むだけで、送信しません。色やメモを付けるのは開いているブックだけです。",
  add: "他のブックを追加",
  addHint: "他の提出者の Excel ブック（.xlsx）を選びます（複数可）",
  openBadge: "開いているブック",
  reading: "読み込み中…",
  cannotRead: (n: string, why: string) => `「${n}」を読み込めません: ${why}`,
  remove: "外す",
  removeLabel: (n: string) => `「${n}」を提出セットから外す`,
  listLabel: "提出セットのブック",
  setName: (n: string) => `提出セット内の名前: ${n}`,
  counts: (e: number, w: number, i: number) => `エラー${e}件・警告${w}件・情報${i}件`,
  notChecked: "未検証",
  placesToggle: "全体・PJ1〜PJ8 の所在",
  findingsHeading: (n: number) => `追加したブック（指摘${n}件）`,
  findingsIntro:
    "追加したブックのセルにある指摘です。Excel では選択・色付け・修正しません。元の提出者に伝えてください。",
  fileGroup: (f: string, n: number) => `「${f}」（${n}件）`,
  noFindings: "指摘はありません。",
};

const en: AddedStrings = {
  heading: "Submission set",
  foldedHeading: "Submission set (add other workbooks)",
  intro:
    "Add the other submitters' workbooks to check the roll-up (PJ1–PJ8 against 全体) and the references across them and the open workbook. The files are only read in this pane, never uploaded. Only the open workbook gets colours and notes.",
  add: "Add other workbooks",
  addHint: "Choose the other submitters' Excel workbooks (.xlsx); several at once are fine",
  openBadge: "Open workbook",
  reading: "Reading…",
  cannotRead: (n, why) => `Cannot read ${n}: ${why}`,
  remove: "Remove",
  removeLabel: (n) => `Remove ${n} from the set`,
  listLabel: "Workbooks of the submission set",
  setName: (n) => `Name in the set: ${n}`,
  counts: (e, w, i) => `Errors ${e} · warnings ${w} · infos ${i}`,
  notChecked: "Not checked",
  placesToggle: "Where 全体 and PJ1–PJ8 are",
  findingsHeading: (n) => `Added workbooks (${n} findings)`,
  findingsIntro:
    "Findings on cells of the added workbooks. Excel does not select, colour or fix them: tell their submitters.",
  fileGroup: (f, n) => `${f} (${n})`,
  noFindings: "No findings.",
};

export const ADDED_STRINGS: Record<Lang, AddedStrings> = { ja, en };
