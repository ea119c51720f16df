/**
 * The template's formulas for computed columns, as functions of the cells they read, so the same
 * text can be produced for any column layout. They give the numbers the engine computes (verified
 * against LibreOffice in test/libreoffice) and stay blank ("") while their inputs are blank.
 *
 * Years of a 期間 (アウトプット指標): two helper columns, 期間開始 (first year, as a 令和 year number) and
 * 期間年数 (years), are computed from 期間 by formula. 期間 is accepted as `R7-R11`, `令和6～10年度`,
 * `R7～R11`, full-width variants, or a single year (`R7`). Extra columns are allowed by the detector,
 * and neither helper header is a per-year column label.
 */

/** Address of column `key` in the current row, e.g. "C6". */
export type RowRef = (key: string) => string;

const num = (a: string) => `ISNUMBER(${a})`;

/** 健康・医療比率 = 健康・医療関係 / 全体. */
export function healthRatio(r: RowRef): string {
  const total = r("total");
  const health = r("health");
  return `IF(OR(NOT(${num(total)}),NOT(${num(health)}),${total}=0),"",${health}/${total})`;
}

/** 外部資金比率 = 外部資金 / 健康・医療関係. */
export function externalRatio(r: RowRef): string {
  const health = r("health");
  const ext = r("external");
  return `IF(OR(NOT(${num(health)}),NOT(${num(ext)}),${health}=0),"",${ext}/${health})`;
}

/**
 * A total that stays blank until a figure is typed in its column: a blank template, or one opened and saved
 * unfilled, then shows no 0.0 totals of nothing (and Kensa reports the sheet as 未入力, nothing more).
 */
function blankUntilTyped(valueRange: string, total: string): string {
  return `IF(COUNT(${valueRange})=0,"",${total})`;
}

/** 合計 of an インハウス予算 column: the rows above, without 小計 rows. */
export function inhouseTotal(nameRange: string, valueRange: string): string {
  return blankUntilTyped(valueRange, `SUMIF(${nameRange},"<>小計",${valueRange})`);
}

/** 増減額 = 当年度 − 前年度. */
export function changeAmount(previous: string, current: string): string {
  return `IF(OR(NOT(${num(previous)}),NOT(${num(current)})),"",${current}-${previous})`;
}

/** 増減率 = 増減額 / 前年度. */
export function changeRate(previous: string, current: string): string {
  return `IF(OR(NOT(${num(previous)}),NOT(${num(current)}),${previous}=0),"",(${current}-${previous})/${previous})`;
}

/**
 * 合計 of a 予算内訳 amount column: every row that is neither a 小計/合計 nor a うち, 内数 or 再掲 row
 * (blank 区分 counts as 明細). Equals the engine's "Σ 小計 + loose items" whenever each 小計 matches its items.
 */
export function breakdownTotal(categoryRange: string, valueRange: string): string {
  const minus = ["小計", "合計", "うち", "内数", "再掲"]
    .map((c) => `-SUMIF(${categoryRange},"${c}",${valueRange})`)
    .join("");
  return blankUntilTyped(valueRange, `SUM(${valueRange})${minus}`);
}

/** 期間 as "7-11": ASC, 令和/R/年度/年 removed, tildes and wave dashes turned into "-". */
function periodDigits(period: string): string {
  let e = `ASC(${period})`;
  for (const [from, to] of [
    ["令和", ""],
    ["R", ""],
    ["r", ""],
    ["年度", ""],
    ["年", ""],
    ["~", "-"],
    ["〜", "-"],
    ["～", "-"],
    [" ", ""],
  ]) {
    e = `SUBSTITUTE(${e},"${from}","${to}")`;
  }
  return e;
}

/** 期間開始: first year of 期間 as a 令和 year number (R7 → 7). */
export function periodStart(r: RowRef): string {
  const p = periodDigits(r("period"));
  return `IF(${r("period")}="","",IFERROR(VALUE(LEFT(${p},FIND("-",${p}&"-")-1)),""))`;
}

/** 期間年数: years in 期間 (R7-R11 → 5; a single year → 1). */
export function periodYears(r: RowRef): string {
  const p = periodDigits(r("period"));
  const start = r("periodStart");
  return `IF(NOT(${num(start)}),"",IFERROR(VALUE(MID(${p},FIND("-",${p}&"-")+1,9)),${start})-${start}+1)`;
}

/** 報告年度 as a 令和 year number, from a metadata cell holding "令和7年度" or "R7". */
export function reportYear(cell: string): string {
  return `IFERROR(VALUE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(ASC(${cell}),"令和",""),"R",""),"年度",""),"年","")),"")`;
}

/**
 * 年度目標 by 目標の種類 (DOMAIN §3.3): 年度, 年平均, 基準値以上/超 → 目標値; 期間累計 → 目標値 / 年数;
 * 累積 → the linear pace 目標値 × elapsed / 年数 with elapsed = 報告年度 − 期間開始 + 1 (kept within 0…年数).
 * Blank for アウトカム rows, 定性 and unknown kinds.
 */
export function annualTarget(r: RowRef, reportYearCell: string): string {
  const target = r("target");
  const kind = r("targetKind");
  const years = r("periodYears");
  const start = r("periodStart");
  const ry = reportYear(reportYearCell);
  const elapsed = `MIN(MAX(${ry}-${start}+1,0),${years})`;
  return (
    `IF(OR(NOT(${num(target)}),${r("category")}="アウトカム"),"",` +
    `IF(OR(${kind}="年度",${kind}="年平均",${kind}="基準値以上",${kind}="基準値超"),${target},` +
    `IF(${kind}="期間累計",IF(${num(years)},${target}/${years},""),` +
    `IF(${kind}="累積",IF(AND(${num(years)},${num(ry)}),${target}*${elapsed}/${years},""),""))))`
  );
}

/** 達成率 = 実績 / 年度目標 (or the pace for 累積). */
export function achievement(r: RowRef): string {
  const actual = r("actual");
  const annual = r("annualTarget");
  return `IF(OR(NOT(${num(actual)}),NOT(${num(annual)})),"",IF(${annual}=0,"",${actual}/${annual}))`;
}

/** 判定: the suggested grade; A when 実績 reaches the annual target (基準値超: exceeds 目標値), else B. */
export function suggestedGrade(r: RowRef): string {
  const actual = r("actual");
  const annual = r("annualTarget");
  const kind = r("targetKind");
  return `IF(OR(NOT(${num(actual)}),NOT(${num(annual)})),"",IF(${kind}="基準値超",IF(${actual}>${annual},"A","B"),IF(${actual}>=${annual},"A","B")))`;
}
