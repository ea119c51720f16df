/**
 * The hand-written part of each rule's page in docs/rules/ (npm run docs:rules): where the rule looks, why
 * it matters and how to fix what it finds, in Japanese first and English. Everything else on the page —
 * title, severity, description, messages, the passing and failing examples and the findings Kensa gives
 * on them — comes from the rule itself (src/core/rules/…) and its valid/invalid table.
 *
 * A rule without an entry here still gets a page, but test/docs/rule-pages.test.ts fails until one is
 * written. `example` names the table cases to show when the first valid / first invalid one is not the
 * clearest.
 */

export interface RuleNote {
  /** Which template(s), columns or cells the rule looks at. */
  applies: { ja: string; en: string };
  /** Why a reviewer cares. */
  why: { ja: string; en: string };
  /** What the person filling the workbook should do. */
  fix: { ja: string; en: string };
  /** Names of the table cases to show (default: the first valid and the first invalid case). */
  example?: { valid?: string; invalid?: string };
}

export const RULE_NOTES: Record<string, RuleNote> = {
  "value/not-a-number": {
    applies: {
      ja: "すべての様式の数値の欄（金額、件数、目標値、実績、指標の値など）。単位付き（`158件`、`306億円`）、全角数字、桁区切り、`▲12` のような負数は数値として読みます。",
      en: "Every numeric column of every template (amounts, counts, targets, results, indicator values). Units (`158件`, `306億円`), full-width digits, thousands separators and negatives such as `▲12` are read as numbers.",
    },
    why: {
      ja: "数値として読めない値は合計や比率の計算に使えず、その欄に関わる検証がすべて抜け落ちます。「約70」「70程度」のような概数も、集計すると誤差が積み重なるため数値として扱いません。",
      en: "A value that cannot be read as a number cannot be added up or compared, so every check involving that cell is silently lost. Approximate figures (約70, 70程度) are not used either: totals built on them would carry an unknown error.",
    },
    fix: {
      ja: "正確な数値を入力してください。補足は備考の欄に書くか、数値の後ろに括弧で書きます（`100億円（うち運営費交付金50億円）` は 100 として読みます）。該当がない場合は `—` を入力します（認められる欄に限ります。[value/placeholder](placeholder.md) を参照）。",
      en: "Type the exact figure. Put remarks in the 備考 column or in brackets after the number (`100億円（…）` reads as 100). Where nothing applies, type `—` if the column allows it (see [value/placeholder](placeholder.md)).",
    },
    example: { invalid: "an approximate figure names its qualifier and asks for the exact figure" },
  },
  "value/formula-error": {
    applies: {
      ja: "すべての様式の数値の欄で、数式の結果（または入力された値）が `#REF!`、`#DIV/0!`、`#VALUE!` などのエラー値になっているセル。",
      en: "Any numeric cell whose formula result (or typed value) is an error value such as `#REF!`, `#DIV/0!` or `#VALUE!`.",
    },
    why: {
      ja: "エラー値のセルは数値がないのと同じで、そのセルを含む合計や比率を検証できません。行や列を削除したときに参照先が失われて `#REF!` になることが多く、見た目では気付きにくい誤りです。",
      en: "An error value is no number at all, so no total or ratio involving it can be checked. It often appears after rows or columns were deleted (`#REF!`), and is easy to miss on screen.",
    },
    fix: {
      ja: "数式の参照先を確かめて直してください。計算で求まる欄（比率、合計、年度目標など）であれば、アドインの「再計算・検証」で Kensa が正しい数式を入れ直します。",
      en: "Check the formula's references. For a computed column (ratios, totals, annual targets) the add-in's Recalculate and check writes the correct formula again.",
    },
  },
  "value/missing": {
    applies: {
      ja: "値が必須の欄: インハウス予算の 全体 と 健康・医療関係、アウトプット指標で進捗が入力された行の 実績、モニタリングの各項目の 値 など。",
      en: "Required cells: 全体 and 健康・医療関係 of the in-house budget, 実績 of an output indicator that has a grade, each item's 値 on the monitoring sheets, and the like.",
    },
    why: {
      ja: "空欄は「ゼロ」とも「未集計」とも読めます。Kensa は空欄をゼロとみなして合計することはせず、空欄があることを指摘します（合計の検証では「部分的な合計」として扱います）。",
      en: "A blank can mean zero or not yet counted. Kensa never adds a blank as zero; it reports it (and a total over it is checked only as a partial sum).",
    },
    fix: {
      ja: "値を入力してください。実績がゼロなら `0` を、該当しない場合は認められる欄に限り `—` を入力します。",
      en: "Type the value: `0` when it is zero, or `—` where the column allows “not applicable”.",
    },
  },
  "value/negative": {
    applies: {
      ja: "負の値があり得ない数値の欄（予算額、件数、人数など）。予算内訳の増減額・増減率のように負の値が正当な欄は対象外です。",
      en: "Numeric columns that cannot be negative (budgets, counts, people). Columns where a negative is legitimate, such as the change columns of the budget breakdown, are exempt.",
    },
    why: {
      ja: "予算額や件数が負になることはないため、符号の付け間違いか、増減額を別の欄に入力した可能性があります。",
      en: "A budget or a count is never negative: the sign is a typo, or a change amount was typed into the wrong column.",
    },
    fix: {
      ja: "符号を確かめて正しい値を入力してください。減少を表す値であれば、増減額の欄に入力します。",
      en: "Check the sign and type the right value; a decrease belongs in the change column.",
    },
  },
  "value/placeholder": {
    applies: {
      ja: "`—` `-` `－` `―` `ー` など「該当なし」を表す記号だけが入った数値の欄。様式が認める欄（インハウス予算の 外部資金 と比率の欄、予算内訳の前年度の金額や「うち」「内数」「再掲」の行、増減額・増減率）では情報として記録し、それ以外の欄ではエラーにします。",
      en: "A numeric cell holding only a “not applicable” dash (`—` `-` `－` `―` `ー`). Where the template allows it (外部資金 and the ratio columns of the in-house budget; last year's amounts, うち/内数/再掲 rows and the change columns of the budget breakdown) it is recorded as info; elsewhere it is an error.",
    },
    why: {
      ja: "記号は空欄とも 0 とも違う意味を持ちます。必須の欄に記号があると、その行の合計や比率を検証できません。",
      en: "A dash means neither blank nor zero. In a required column it leaves the row's totals and ratios unchecked.",
    },
    fix: {
      ja: "必須の欄には数値（該当がなければ `0`）を入力してください。情報として表示された場合は、意図どおりであれば直す必要はありません。",
      en: "Type a number in a required column (`0` if there is none). When it is shown as info and is what you meant, nothing needs fixing.",
    },
  },
  "structure/unknown-sheet": {
    applies: {
      ja: "最初の30行のどこにも、インハウス予算・予算内訳・アウトプット指標・モニタリングのいずれかの見出し行が見つからないシート。",
      en: "A sheet with no header row of any known kind (in-house budget, budget breakdown, output indicators, monitoring) in its first 30 rows.",
    },
    why: {
      ja: "Kensa はシート名ではなく見出しの文言で様式を判定します。見出しの文言が様式と違うシートは、数値が正しくても検証されません。見落としを防ぐため、検証しなかったシートは必ず名前を挙げて知らせます。どのシートも様式に当たらないブックは「未検証」と表示し、「問題なし」とは表示しません。",
      en: "Kensa tells a template by its header labels, never by the sheet name. A sheet whose labels differ is not checked, however right its numbers, so every sheet left unchecked is named. A workbook with no sheet of a known kind is reported as not checked (未検証), never as “no problems”.",
    },
    fix: {
      ja: "メモや参考資料のシートであれば対応は不要です。様式のシートであれば、メッセージが挙げる見出し（例:「項目」「値」）を様式どおりの文言にしてください。様式の見出しは [様式とブックの書き方](../../workbook-layout.md) にあります。",
      en: "Nothing to do for notes or reference sheets. For a template sheet, rename the headers the message lists (e.g. 項目, 値) to the template's wording; see [workbook layout](../../workbook-layout.md).",
    },
    example: { invalid: "a sheet that nearly is one names the labels it lacks" },
  },
  "structure/hidden-column": {
    applies: {
      ja: "表示中の列と同じ見出しを持つ非表示の列（`健康・医療関係（百万円）` を隠して `健康・医療関係（億円）` を表示している場合など）。",
      en: "A hidden column whose header repeats a visible column's (e.g. 健康・医療関係（百万円） hidden beside 健康・医療関係（億円）).",
    },
    why: {
      ja: "作業用に単位を換算した列などを隠しておくことはよくあります。Kensa は表示中の列を検証し、非表示の列は検証していないことをこの情報で知らせます。非表示の行はデータとして検証します。",
      en: "Working columns (a unit conversion, say) are often hidden. Kensa checks the visible column and says that the hidden one was not checked. Hidden rows are data and are checked.",
    },
    fix: {
      ja: "意図どおりであれば対応は不要です。非表示の列のほうが正しい値であれば、表示と非表示を入れ替えてください。",
      en: "Nothing to do if this is intended; if the hidden column holds the right figures, show it and hide the other.",
    },
  },
  "structure/layout-unknown": {
    applies: {
      ja: "Excel が結合セルや非表示の行・列の情報を Kensa に渡せなかったシート（ExcelApi 1.13 より古い Excel での結合セルなど）。",
      en: "A sheet whose merged cells or hidden rows and columns Excel could not report to Kensa (merges in Excel below ExcelApi 1.13).",
    },
    why: {
      ja: "結合セルは「複数の行にまたがる区分」などの意味を持つため、読めないと一部の行が正しく検証されないおそれがあります。検証が不完全な可能性を黙って済ませないための情報です。",
      en: "Merged cells carry meaning (a category spanning several rows); without them some rows may be checked wrongly. This info says so instead of staying silent.",
    },
    fix: {
      ja: "新しい Excel（Microsoft 365）で検証するか、kensa コマンドまたはブラウザーで同じファイルを検証してください。結合を解除して各行に値を入れても解消します。",
      en: "Check the workbook in a current Excel (Microsoft 365), with the kensa command or in the browser, or unmerge the cells and fill each row.",
    },
  },
  "structure/duplicate-row": {
    applies: {
      ja: "インハウス予算の 機関名、アウトプット指標とモニタリングの 番号 が同じシートに二度以上現れる場合（表記の揺れ、全角・半角の違いは同じとみなします）。モニタリングの `独自` 行は対象外です。",
      en: "The same 機関名 (in-house budget) or 番号 (output indicators, monitoring) twice on one sheet, after normalising width and spelling variants. The monitoring sheet's `独自` rows may repeat.",
    },
    why: {
      ja: "同じ機関や指標の行が二つあると、合計が二重に数えられ、どちらの値が正しいのかも決められません。行のコピーや貼り付けの際に起こりやすい誤りです。",
      en: "A repeated row is counted twice in every total, and it is unclear which of the two is right. It usually comes from copying rows.",
    },
    fix: {
      ja: "重複した行のどちらかを削除するか、番号・機関名を正しく直してください。",
      en: "Delete one of the rows, or correct the number or name.",
    },
  },
  "structure/unfilled": {
    applies: {
      ja: "様式として認識したシートのうち、まだ何も入力されていないもの。数値の欄（金額、指標値、値、うち）に数値・文字・`—` が1つもないシートが対象です。アウトプット指標は目標値が記入済みで配布されるため、実績・年度別の値・進捗が1つもないシートが対象です。結果が空欄か0の数式（テンプレートの合計行など）は入力とみなしません。",
      en: "A recognised sheet with nothing entered yet: no figure, text or `—` in any numeric cell (amounts, 指標値, 値, うち). The output-indicator sheet comes with its targets prefilled, so there it is a sheet with no 実績, per-year value or 進捗. A formula whose result is blank or 0 (the template's total row) is not an entry.",
    },
    why: {
      ja: "配布したテンプレートをそのまま検証すると、必須の空欄がすべてエラーになり、本当の誤りが埋もれます。何も入力されていないシートは「未入力」として1件だけ知らせ、空欄の指摘（[value/missing](../value/missing.md)）はしません。「問題なし」とも表示しません。1つでも入力すると、残りの空欄は通常どおり指摘します。",
      en: "Checking a template as handed out would make every required blank an error and bury the real mistakes. A sheet with nothing entered is reported once as not filled in (未入力), its blanks are not listed ([value/missing](../value/missing.md)), and it is never shown as “no problems”. As soon as one value is entered, the remaining blanks are reported as usual.",
    },
    fix: {
      ja: "提出前にシートを記入してください。このシートを提出しない場合は、シートを削除してください。",
      en: "Fill in the sheet before submitting it, or delete the sheet if it is not part of your submission.",
    },
  },
  "structure/rollup-skipped": {
    applies: {
      ja: "全体シートと PJ1〜PJ8 のモニタリングシートの集計（[rollup/additive](../rollup/additive.md)、[rollup/bounds](../rollup/bounds.md)）。一緒に検証したシートの中に、どれかの統合プロジェクトのシートが欠けているか、二つ以上ある場合。",
      en: "The roll-up of PJ1–PJ8 into the 全体 sheet ([rollup/additive](../rollup/additive.md), [rollup/bounds](../rollup/bounds.md)) when, among the sheets checked together, a project's sheet is missing or present twice.",
    },
    why: {
      ja: "8つのプロジェクトがそろわないと、全体シートの値が各PJの合計と合っているかを判断できません。検証を省略したことを黙っていると「集計も問題なし」と誤解されるため、情報として必ず示します。",
      en: "Without all eight projects the overall figures cannot be compared with their sum. Saying nothing would read as “the roll-up is fine”, so the skip is always reported.",
    },
    fix: {
      ja: "審査担当は、全体と PJ1〜PJ8 のブックをまとめて検証してください（フォルダーを指定するか、ブラウザーで複数のファイルを一度に開きます）。プロジェクト単独のブックを検証する記入担当は、対応不要です。",
      en: "Reviewers: check the 全体 and PJ1–PJ8 workbooks together (give kensa the folder, or open all the files at once in the browser). Staff checking one project's workbook need do nothing.",
    },
  },
  "structure/duplicate-project": {
    applies: {
      ja: "同じ統合プロジェクト（全体、PJ1〜PJ8）を名乗るモニタリングシートが、同じブックの中、または一緒に検証した別のブックに二つ以上ある場合。プロジェクトはシート名やファイル名ではなく、シート上部の「統合プロジェクト」の記載で判定します。",
      en: "Two or more monitoring sheets claiming the same project (全体, PJ1–PJ8), in one workbook or across the workbooks checked together. The project is read from the 統合プロジェクト line above the table, never from sheet or file names.",
    },
    why: {
      ja: "同じプロジェクトのシートが二つあると、どちらを集計に使うべきか決められません。修正前と修正後のファイルを同じフォルダーに置いたまま検証した場合によく起こります。",
      en: "With two sheets for one project Kensa cannot tell which to roll up. It typically happens when an old and a corrected file sit in the same folder.",
    },
    fix: {
      ja: "古いほうのファイル（またはシート）を検証の対象から外してください。シートの「統合プロジェクト」の記載が誤っている場合は、正しいプロジェクトに直します。",
      en: "Leave the older file or sheet out of the check, or correct the sheet's 統合プロジェクト line if it names the wrong project.",
    },
  },
  "structure/project-unknown": {
    applies: {
      ja: "モニタリングのシートで、表の上の「統合プロジェクト」の記入がない、または記入から PJ1〜PJ8・全体のどれかを読み取れない場合（警告）。記入がなく、シートの表題からプロジェクトを判断した場合は、その判断を情報で示します。",
      en: "A monitoring sheet with no 統合プロジェクト line above its table, or one naming none of PJ1–PJ8 or 全体 (a warning); when the project was taken from the sheet's title instead, an info says which.",
    },
    why: {
      ja: "全体シートと各 PJ のシートの集計や照合は、シート名やファイル名ではなく「統合プロジェクト」の記入でシートを見分けます。プロジェクトが分からないシートは集計から外れるため、外れたことを黙っていると、集計の誤りを見落とします。",
      en: "The roll-up and cross-references find each project by its 統合プロジェクト line, never by sheet or file names; a sheet whose project is unknown drops out of them, and saying nothing would hide the gap.",
    },
    fix: {
      ja: "表の上に「統合プロジェクト：PJ1 医薬品プロジェクト」（全体のシートは「全体」）のように記入してください。項目名と値を別のセルに書いてもかまいません（[様式とブックの書き方](../../workbook-layout.md)）。",
      en: "Write e.g. 統合プロジェクト：PJ1 医薬品プロジェクト (or 全体) above the table, in one cell or as a label and a value ([workbook layout](../../workbook-layout.md)).",
    },
  },
  "part/exceeds-whole": {
    applies: {
      ja: "内数と全体の関係: インハウス予算の 健康・医療関係 と 全体、予算内訳の「うち」の行と、その上の行、モニタリングの うち の値（`29件（0件）` の括弧内）とその値。",
      en: "Parts and their whole: 健康・医療関係 against 全体 in the in-house budget, うち rows of the budget breakdown against the row above, and a monitoring value's うち figure (`29件（0件）`) against the value.",
    },
    why: {
      ja: "内数は全体の一部なので、全体を超えることはありません。超えている場合は、どちらかの値の入力誤りか、単位（億円と百万円など）の取り違えです。金額は表示桁の丸めを考慮し、丸めで説明できない差だけを指摘します。",
      en: "A part cannot exceed its whole; if it does, one of the figures is mistyped or in another unit (億円 against 百万円). Amounts are compared allowing for rounding at their displayed precision.",
    },
    fix: {
      ja: "内数と全体の両方の値と単位を確かめ、誤っているほうを直してください。",
      en: "Check both figures and their units, and correct the wrong one.",
    },
  },
  "xref/mismatch": {
    applies: {
      ja: "同じ値が二か所に書かれている箇所: アウトプット指標と全体シートの対応する指標（指標1・2・3、指標4 と全体 #6 の Top1%論文数）、アウトカム指標と全体シート、指標20 = 指標1 + 指標3、全体シートに再掲したプロジェクト独自の指標、予算内訳の「再掲」の行。",
      en: "Figures stated in two places: output indicators 1–3 and 4 against the 全体 sheet's indicators (#6 Top1%論文数 for 4), outcome indicators against the 全体 sheet, indicator 20 = 1 + 3, project-specific indicators re-listed on the 全体 sheet, and 再掲 rows of the budget breakdown.",
    },
    why: {
      ja: "同じ数値が資料の中で食い違っていると、どちらが正しいのか読み手には分かりません。片方だけを修正して、もう片方を直し忘れた場合によく起こります。",
      en: "When one figure disagrees with itself the reader cannot tell which is right; it usually means one place was corrected and the other forgotten.",
    },
    fix: {
      ja: "メッセージに挙げられた二つのセル（シートが別の場合もあります）を見比べ、正しいほうに合わせてください。",
      en: "Compare the two cells named in the message (possibly on different sheets or files) and make them agree.",
    },
  },
  "ratio/mismatch": {
    applies: {
      ja: "人が入力した比率・達成率: インハウス予算の 健康・医療比率（健康・医療関係 ÷ 全体）と 外部資金比率（外部資金 ÷ 健康・医療関係）、アウトプット指標の 達成率（実績 ÷ 年度目標、累積目標は進捗ペース）。",
      en: "Typed ratios: 健康・医療比率 (健康・医療関係 ÷ 全体) and 外部資金比率 (外部資金 ÷ 健康・医療関係) of the in-house budget, and 達成率 of the output indicators (実績 ÷ annual target, or the pace for cumulative targets).",
    },
    why: {
      ja: "比率は元の数値から計算で求まるため、元の数値を直した後に比率を直し忘れると食い違いが残ります。比較は入力された値の表示桁で行います（`30.0%` なら小数第1位まで）。",
      en: "A ratio follows from other cells, so it goes stale when they are corrected. The comparison is at the typed value's displayed precision (`30.0%`: one decimal).",
    },
    fix: {
      ja: "セルを空にして計算式に任せるのが確実です。アドインの「再計算・検証」は、計算で求まるセルに数式（修正案の数式）を入れます。値を入力する場合は、計算値に合わせてください。",
      en: "Best leave the cell to a formula: the add-in's Recalculate and check writes the formula shown as the fix. If you type a value, make it the computed one.",
    },
  },
  "target/annual-share": {
    applies: {
      ja: "アウトプット指標の 年度目標 に値が入力されている行。期間累計の目標は 目標値 ÷ 期間の年数、累積の目標はその年度末までの進捗ペース（目標値 × 経過年数 ÷ 年数）と比べます。",
      en: "A typed 年度目標 on the output-indicator sheet: compared with 目標値 ÷ years of the period for period totals, and with the pace to the reporting year's end (目標値 × elapsed ÷ years) for cumulative targets.",
    },
    why: {
      ja: "年度目標は進捗（A・B）の判定の基準になるため、誤っていると判定そのものが誤ります。期間全体の目標値をそのまま年度目標に書いてしまう誤りが典型です。",
      en: "The annual target is what the grade (A/B) is judged against; a wrong one makes the grade wrong. Typing the whole period's target as the annual one is the classic slip.",
    },
    fix: {
      ja: "セルを空にして計算式に任せるか、修正案の値・数式に合わせてください。目標の種類（年度・期間累計・累積・年平均など）と期間の記載が正しいかも確かめてください。",
      en: "Leave the cell to the formula or use the proposed value, and check 目標の種類 and 期間 too.",
    },
  },
  "change/amount": {
    applies: {
      ja: "予算内訳の 増減額 に値が入力されている行。当年度の金額（最後の金額の列）から前年度の金額（最初の金額の列）を引いた値と比べます。",
      en: "A typed 増減額 on the budget breakdown, compared with this year's amount (the last amount column) minus last year's (the first).",
    },
    why: {
      ja: "増減額は二つの金額から求まるため、金額を修正した後に直し忘れると食い違います。減少を ▲ なしで書いた場合も符号が逆になり、ここで見つかります。",
      en: "It follows from the two amounts and goes stale when they change; a decrease written without ▲ shows up here too.",
    },
    fix: {
      ja: "修正案の数式を入れるか、当年度 − 前年度 の値に直してください。減少は `▲1` または `-1` と書きます。",
      en: "Use the proposed formula or type this year − last year; write a decrease as `▲1` or `-1`.",
    },
  },
  "change/rate": {
    applies: {
      ja: "予算内訳の 増減率 に値が入力されている行。増減額 ÷ 前年度の金額 と比べます（比較は入力された値の表示桁で行います）。",
      en: "A typed 増減率 on the budget breakdown, compared with the change ÷ last year's amount (at the typed value's displayed precision).",
    },
    why: {
      ja: "増減率は計算で求まる値です。パーセントの桁の取り違え（20% を 2.0% と書くなど）や、当年度を分母にしてしまう誤りがここで見つかります。",
      en: "A computed value: a percent off by a factor of ten, or this year used as the denominator, shows up here.",
    },
    fix: {
      ja: "修正案の数式を入れるか、増減額 ÷ 前年度 の値に直してください。",
      en: "Use the proposed formula or type change ÷ last year.",
    },
  },
  "date/era-mismatch": {
    applies: {
      ja: "様式に当たるシートのすべての文字のセル（備考、進捗の詳細、表題、注記など）に書かれた西暦と和暦の組。例: `2025（令和7）年`。令和 n 年 = 2018 + n 年、平成 n 年 = 1988 + n 年として照合します。",
      en: "Western/Japanese year pairs in every text cell of a recognised sheet (remarks, progress notes, titles, footnotes), such as `2025（令和7）年`; 令和 n = 2018 + n, 平成 n = 1988 + n.",
    },
    why: {
      ja: "年の取り違えは報告の対象年度そのものを誤らせます。公表資料にも実際に `2025（令和8）年` のような誤りがありました。",
      en: "A wrong year misstates the period being reported; the published documents contain exactly such a slip (`2025（令和8）年`).",
    },
    fix: {
      ja: "西暦と和暦のどちらが正しいかを確かめ、もう一方を合わせてください。",
      en: "Decide which of the two years is right and correct the other.",
    },
  },
  "total/row": {
    applies: {
      ja: "インハウス予算の `合計`（または `計`）の行と、所管ごとの `小計` の行。金額の各列について、機関の行の合計と比べます。",
      en: "The 合計 (or 計) row and the per-ministry 小計 rows of the in-house budget, column by column, against the sum of the institute rows.",
    },
    why: {
      ja: "合計行は資料の中で最も引用される数値です。機関の行を追加・削除した後に合計の範囲を直し忘れる誤りが典型です。金額は表示桁で丸められているため、区間演算で丸めの範囲を考慮し、丸めで説明できる差は情報（端数処理）として区別します。空欄の機関がある場合は「部分的な合計」としか照合できないことを明示します。",
      en: "The total row is the most quoted figure. Rows added or removed without updating the total's range is the classic error. Amounts are rounded, so interval arithmetic separates real errors from rounding (info); blank institute cells make the comparison a partial sum, said so explicitly.",
    },
    fix: {
      ja: "合計行を `=SUM(…)` の数式にし、範囲がすべての機関の行を含むことを確かめてください。アドインの「再計算・検証」は合計の数式を入れます。空欄の機関の値も入力してください。",
      en: "Make the total a `=SUM(…)` over every institute row (the add-in's Recalculate and check writes it) and fill in blank institute cells.",
    },
  },
  "sum/subtotal": {
    applies: {
      ja: "予算内訳の `小計` と `合計` の行。上から順に、小計はその上の明細・その他の合計と、合計は小計と小計に含まれない明細の合計と比べます。「うち」「内数」「再掲」の行は足しません。",
      en: "小計 and 合計 rows of the budget breakdown, read top-down: a 小計 against the 明細/その他 rows above it, a 合計 against the 小計 rows plus items under no 小計. うち, 内数 and 再掲 rows are never added.",
    },
    why: {
      ja: "予算の内訳が合計と合わないと、資料全体の信頼性が損なわれます。公表資料にも「ライフサイエンス研究基盤整備事業 16億円 に対して内訳の合計 15.2億円」のような不一致がありました。金額は丸めを考慮して比べ、丸めで説明できる差は情報として区別します。",
      en: "A breakdown that does not add up undermines the whole document; the published documents contain one (16億円 stated, items adding to 15.2). Rounding is allowed for and reported apart, as info.",
    },
    fix: {
      ja: "小計・合計を `=SUM(…)` の数式にするか、内訳の各行の値を確かめてください。Kensa は修正案として数式（例: `=SUM(D25:D27)`）を示します。",
      en: "Make the subtotal a `=SUM(…)` (Kensa proposes it, e.g. `=SUM(D25:D27)`) or check each item.",
    },
  },
  "grade/invalid": {
    applies: {
      ja: "アウトプット指標の 進捗 の欄。使える値は `A`（順調に進捗している）、`B`（進捗が不十分）、`-`（未評価）です。",
      en: "The 進捗 column of the output indicators, which takes `A` (on track), `B` (behind) or `-` (not assessed).",
    },
    why: {
      ja: "`◎` や `C`、`概ね順調` のような記載は判定の基準と照合できず、集計もできません。",
      en: "Marks such as ◎, C or free text cannot be checked against the numbers or tallied.",
    },
    fix: {
      ja: "`A`・`B`・`-` のいずれかを入力してください（Kensa のテンプレートではドロップダウンから選べます）。補足は 進捗の詳細 の欄に書きます。",
      en: "Type A, B or - (the Kensa template offers a drop-down) and put explanations in 進捗の詳細.",
    },
  },
  "grade/missing": {
    applies: {
      ja: "アウトプット指標で 実績 が入力されているのに 進捗 が空欄の行（アウトカム指標の行は対象外）。",
      en: "An output indicator with a 実績 but no 進捗 (outcome rows are exempt).",
    },
    why: {
      ja: "実績があれば評価が必要です。数値から判定できる目標の種類では、Kensa が判定の候補（A または B）をメッセージに示します。",
      en: "A result needs a grade. Where the target kind allows it, Kensa suggests the grade in the message.",
    },
    fix: {
      ja: "進捗に `A` または `B` を入力してください。評価しない場合は `-` と実績の欄を空にします。",
      en: "Type A or B; if the indicator is not assessed, use - and leave 実績 empty.",
    },
  },
  "grade/mismatch": {
    applies: {
      ja: "目標の種類が 年度・期間累計・年平均・基準値以上・基準値超 の指標の 進捗。目標に届いていないのに A ならエラー、達成しているのに B なら警告です。",
      en: "The grade of indicators whose target kind is 年度, 期間累計, 年平均, 基準値以上 or 基準値超: A below target is an error, B at or above target a warning.",
    },
    why: {
      ja: "進捗の評価は数値で裏付けられている必要があります。期間累計の目標（例: 5年で600件）は年あたり（120件）で判定するため、期間全体の目標と比べて評価してしまう誤りがよくあります。",
      en: "A grade must follow from the numbers. Period totals (600 over five years) are judged per year (120), and grading against the whole period is a common slip.",
    },
    fix: {
      ja: "進捗を数値に合わせて直してください（修正案に示す評価）。数値どおりでない評価にする理由がある場合は、進捗の詳細に理由を書いてください。指摘は残りますが、審査担当が理由を確認できます。",
      en: "Correct the grade (the fix shows the grade the numbers give). If the grade is deliberate, explain it in 進捗の詳細: the finding stays, but the reviewer can read why.",
    },
  },
  "grade/below-pace": {
    applies: {
      ja: "目標の種類が 累積 の指標で、進捗が A の行。報告年度末までの進捗ペース（目標値 × 経過年数 ÷ 期間の年数）と累積の実績を比べます。",
      en: "A cumulative (累積) target graded A: the cumulative result is compared with the linear pace to the reporting year's end (target × elapsed ÷ years).",
    },
    why: {
      ja: "累積目標は期間の終わりに達成すればよいので、ペースを下回っても A が誤りとは限りません（後半に成果が集中する事業もあります）。そのためエラーではなく警告として、ペースとの比を示します。公表資料の指標16（750名の目標に対し 271人、ペース 300名）や指標8（10件の目標に対し 0件）が該当します。",
      en: "A cumulative target only has to be met by the end, so being below pace does not make A wrong (some results come late). Hence a warning with the pace ratio, not an error; the published indicators 16 (271 against a pace of 300) and 8 (0 of 10) are examples.",
    },
    fix: {
      ja: "見通しを確かめ、ペースを下回る理由と今後の見込みを 進捗の詳細 または 備考 に書いてください。見込みが立たなければ B に改めます。",
      en: "Explain in 進捗の詳細 or 備考 why the result is below pace and what is expected; otherwise grade B.",
    },
  },
  "period/parts": {
    applies: {
      ja: "アウトプット指標の累積の 実績 と、年度ごとの実績（`R6実績` `令和7年度` などの列、または `51件* (22件/29件)` のような括弧内の内訳）。",
      en: "A cumulative 実績 and its per-year values (columns such as R6実績, 令和7年度, or the bracket in `51件* (22件/29件)`).",
    },
    why: {
      ja: "累積の値は各年度の合計と一致するはずです。年度の値を修正した後に累積を直し忘れる誤りが典型です。",
      en: "A cumulative figure must be the sum of its years; it goes stale when a year is corrected.",
    },
    fix: {
      ja: "累積の実績を各年度の合計に合わせるか、年度ごとの値を確かめてください。",
      en: "Make the cumulative result the sum of the years, or check the per-year values.",
    },
  },
  "period/average": {
    applies: {
      ja: "目標の種類が 年平均 の指標の 実績 と、年度ごとの実績（列、または `平均3件 (4件/2件)` のような括弧内の値）。",
      en: "An average (年平均) result and its per-year values (columns, or the bracket in `平均3件 (4件/2件)`).",
    },
    why: {
      ja: "年平均の実績は、年度ごとの値の平均と一致するはずです。合計を平均の欄に書いてしまう誤りがここで見つかります。",
      en: "The average must be the mean of the years; a total typed as the average shows up here.",
    },
    fix: {
      ja: "実績を各年度の値の平均に直してください（端数は表示桁で比べます）。",
      en: "Make the result the mean of the per-year values (compared at its displayed precision).",
    },
  },
  "sum/breakdown": {
    applies: {
      ja: "モニタリングシートで、漏れなく分類する内訳（例: 指標1の導出形態別、導出先別、疾患領域別）の項目の合計と指標値、および細目（例: 医療機器 → 治療用／診断用）の合計と項目の値。どの内訳が「漏れなく分類する」かは [指標一覧](../../catalogue.md) で決まります。",
      en: "On the monitoring sheets: the items of an exhaustive breakdown (indicator 1 by form, by recipient, by disease area…) against 指標値, and sub-items (医療機器 → 治療用 / 診断用) against their item. Which breakdowns are exhaustive is set by the [catalogue](../../catalogue.md).",
    },
    why: {
      ja: "すべての件数をいずれかの区分に分類する内訳は、合計が指標値と一致するはずです。一致しない場合は、指標値か内訳のどこかに誤りがあります。公表資料にも PJ5の導出形態別（0 + 14 + 19 = 33に対し指標値20）のような不一致がありました。",
      en: "A breakdown that classifies every case must add up to the total; if not, the total or an item is wrong. The published PJ5 figures contain one (0 + 14 + 19 = 33 against 20).",
    },
    fix: {
      ja: "指標値と各項目の値を確かめてください。二つ以上の内訳の合計が互いに一致し、指標値だけが異なる場合は、Kensa は指標値の修正案を示します。",
      en: "Check the total and the items. When two or more breakdowns agree with each other and only the total differs, Kensa proposes the corrected total.",
    },
    example: { invalid: "seed PJ5: 導出形態別 33 ≠ 20" },
  },
  "sum/exceeds-total": {
    applies: {
      ja: "モニタリングシートで、一部だけを分類する内訳（例: 指標1の開発フェーズ別、導出内容別）の合計と指標値。",
      en: "On the monitoring sheets: a partial breakdown (indicator 1 by development phase, by content) against 指標値.",
    },
    why: {
      ja: "一部だけを分類する内訳は、合計が指標値に満たないことはあっても、超えることはありません。超えている場合は、同じ件数を二つの区分に数えているか、値の誤りです。公表資料にも PJ2の導出内容別（38件に対し指標値33件）のような例がありました。",
      en: "A partial breakdown may fall short of the total but never exceed it; exceeding means double counting or a wrong figure (the published PJ2: 38 against 33).",
    },
    fix: {
      ja: "同じ件数を複数の区分に数えていないか、指標値が正しいかを確かめてください。",
      en: "Check for cases counted in two items, and check the total.",
    },
  },
  "sum/incomplete": {
    applies: {
      ja: "モニタリングシートで、一部だけを分類する内訳の合計が指標値に届かない場合。届かない件数を示します。",
      en: "On the monitoring sheets: a partial breakdown that covers less than the total; the uncovered count is given.",
    },
    why: {
      ja: "一部だけを分類する内訳は、どの区分にも当たらない件数があっても誤りではありません。ただし分類漏れの可能性もあるため、情報として件数を示します。",
      en: "Not an error — some cases fit no item — but it may be an omission, so the gap is shown as info.",
    },
    fix: {
      ja: "分類されていない件数が意図どおりか確かめてください。意図どおりであれば対応は不要です。",
      en: "Confirm the uncovered cases are intended; if so, nothing to do.",
    },
  },
  "sum/groups-differ": {
    applies: {
      ja: "指標値が `—` の指標（指標4 薬事承認・認証 など）で、漏れなく分類する二つの内訳（品目の性格別 と 利用形態別）の合計どうし。",
      en: "Indicators with no total (指標値 `—`, e.g. indicator 4) whose two exhaustive breakdowns (by nature, by use) must add up to the same number.",
    },
    why: {
      ja: "どちらの内訳も同じ承認件数を漏れなく分類したものなので、合計は一致するはずです。指標値がない指標では、これが唯一の合計の検証になります。",
      en: "Both classify the same approvals, so their sums must agree; with no total this is the only sum check there is.",
    },
    fix: {
      ja: "二つの内訳の各項目を見比べ、数え漏れや重複を直してください。",
      en: "Compare the two breakdowns item by item and fix the omission or double count.",
    },
  },
  "order/violated": {
    applies: {
      ja: "指標6 論文数のTop1%論文数、Top10%論文数、全論文数（Top1% ≤ Top10% ≤ 全論文数）。",
      en: "Indicator 6's paper counts: Top1% ≤ Top10% ≤ all papers.",
    },
    why: {
      ja: "上位1%の論文は上位10%の論文に含まれ、上位10%の論文は全論文に含まれるため、この順序が逆になることはありません。",
      en: "The top 1% are among the top 10%, which are among all papers, so the order can never be reversed.",
    },
    fix: {
      ja: "三つの値と、値を入れた行（項目の名称）が入れ違っていないかを確かめてください。",
      en: "Check the three figures and that they are on the right rows.",
    },
  },
  "percent/sum": {
    applies: {
      ja: "指標7 人的ダイバーシティの研究者の男女（その他）比率。項目の行として書いても、`男：89.0% 女：11.0%` のように一つのセルに書いてもかまいません。",
      en: "Indicator 7's shares (男, 女, その他), written as item rows or as one text such as `男：89.0% 女：11.0%`.",
    },
    why: {
      ja: "男・女・その他の比率は全体を分けたものなので、合計は100%になるはずです（表示桁の丸めは考慮します）。",
      en: "The shares divide one whole, so they add up to 100% (allowing for rounding at their displayed precision).",
    },
    fix: {
      ja: "各比率の元になった人数から計算し直してください。",
      en: "Recompute the shares from the head counts.",
    },
  },
  "label/unknown": {
    applies: {
      ja: "モニタリングシートの指標・内訳・項目の名称が標準の指標一覧（[指標一覧](../../catalogue.md)）にない場合。表記の揺れ（全角・半角、括弧、空白）は同じとみなし、誤記と思われる場合は近い名称を示します（例: `ベアリング` → `ペアリング`）。",
      en: "Indicator, breakdown or item labels on the monitoring sheets that are not in the [catalogue](../../catalogue.md). Width, bracket and space variants match; a likely typo is matched to the nearest label (ベアリング → ペアリング) and named.",
    },
    why: {
      ja: "Kensa は名称で項目を特定して合計や集計を検証します。標準の指標一覧にない名称の項目は検証に使われないため、誤記があると検証が抜け落ちます。公表資料にも `ベアリング`（ペアリング）や `業事`（薬事）のような誤記がありました。",
      en: "Items are identified by label for the sums and roll-ups; an unknown label drops out of them. The published documents contain such typos (ベアリング for ペアリング, 業事 for 薬事).",
    },
    fix: {
      ja: "名称を様式どおりに直してください。新しい指標や項目を正式に加える場合は、指標一覧を拡張します（[指標一覧の形式](../../catalogue.md)）。",
      en: "Correct the label; to add an indicator or item for good, extend the catalogue ([catalogue format](../../catalogue.md)).",
    },
  },
  "rollup/additive": {
    applies: {
      ja: "加算する指標（指標1 企業導出件数、指標3 発展・継続支援件数）の各項目について、全体シートの値と PJ1〜PJ8 の値の合計。",
      en: "Additive indicators (1 and 3): each item of the 全体 sheet against the sum of PJ1–PJ8.",
    },
    why: {
      ja: "加算する指標では、全体の値は各プロジェクトの値の合計です。二つのプロジェクトにまたがる課題は各 0.5 件として数えるため、`165.5` と `166` のような半端の違いも誤りになります。",
      en: "For additive indicators the overall value is the projects' sum. Work shared by two projects counts half in each, so 165.5 against 166 is an error too.",
    },
    fix: {
      ja: "全体シートの値を各PJの合計に合わせるか、合わない PJ の値を確かめてください。全体シートを作る担当は、各PJのブックの値を転記し直してください。",
      en: "Make the overall value the projects' sum, or check the project that differs; whoever builds the 全体 sheet should copy the project figures again.",
    },
  },
  "rollup/bounds": {
    applies: {
      ja: "重複を除く指標（指標2・4・5・6）と割合の指標（指標7）の各項目について、全体シートの値が PJ1〜PJ8 の値から決まる範囲にあるか。重複を除く指標は 各PJの最大値 ≤ 全体 ≤ 各PJの合計、割合は 最小値 ≤ 全体 ≤ 最大値 です。",
      en: "De-duplicated indicators (2, 4, 5, 6) and the shares of indicator 7: the overall value must lie within the bounds set by PJ1–PJ8 (max ≤ overall ≤ sum; for shares, min ≤ overall ≤ max).",
    },
    why: {
      ja: "同じ成果が複数のプロジェクトに計上されることがあるため、全体は各PJの合計より小さくてもかまいませんが、どのPJの値よりも小さくなることはなく、合計を超えることもありません。公表資料にも再生医療等製品（PJ3の4件に対し全体2件）のような例がありました。",
      en: "One result can be credited to several projects, so the overall may be below the sum — but never below any single project, nor above the sum (the published 再生医療等製品: PJ3 4 against an overall 2).",
    },
    fix: {
      ja: "全体シートの値と、メッセージに挙げられた PJ の値を確かめてください。",
      en: "Check the overall value and the project named in the message.",
    },
  },
};
