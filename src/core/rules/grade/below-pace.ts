import { defineRule } from "../rule";
import { computedDecimals, showFigure, showPercent } from "../../sheets/output/read";
import { gradedRows, judgedGrade, rowName } from "../shared/output-row";

export const rule = defineRule({
  meta: {
    id: "grade/below-pace",
    severity: "warning",
    description: {
      ja: "累積目標で進捗が A なのに、実績が期間に比例した進捗ペースを下回っている",
      en: "A cumulative target is graded A although the result is below the linear pace",
    },
    messages: {
      belowPace: {
        ja: "「{row}」の進捗はAですが、累積実績{actual}は{year}末時点の進捗ペース{pace}（目標{target} × {elapsed}/{years}年）を下回っています（ペース比{ratio}）。",
        en: "“{row}” is graded A, but the cumulative result {actual} is below the linear pace {pace} at the end of {year} (target {target} × {elapsed}/{years} years; {ratio} of pace).",
      },
    },
  },
  *check(ctx) {
    for (const { table, row, gradeCell } of gradedRows(ctx)) {
      const ev = row.evaluation;
      if (table.reportYear === undefined || !ev || ev.kind !== "cumulative" || row.grade !== "A" || ev.meets) continue;
      const actualUnit = row.actual.kind === "number" ? row.actual.unit : undefined;
      const unit = ev.target.unit ?? actualUnit;
      const actualDecimals = row.actual.kind === "number" ? row.actual.decimals : 0;
      yield {
        messageId: "belowPace",
        data: {
          row: rowName(row),
          actual: showFigure(ev.measure, actualDecimals, actualUnit ?? unit),
          pace: showFigure(ev.annual.value, computedDecimals(ev.annual.value, ev.target.decimals), unit),
          target: showFigure(ev.target.value, ev.target.decimals, unit),
          elapsed: ev.annual.elapsed ?? 0,
          years: ev.annual.years ?? 0,
          year: { fiscalYear: table.reportYear },
          ratio: showPercent(ev.ratio),
        },
        ...judgedGrade(table, row, gradeCell, ev, [row.actualCell]),
      };
    }
  },
});
