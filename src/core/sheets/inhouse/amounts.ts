/**
 * The old path of the money-cell helpers, for importers outside the budget readers: reading a money cell is
 * ./amount-cell.ts, sums and SUM formulas over money cells ./sums.ts. Import from those.
 */
export { convertFigure, showAmount, typedOf, type AmountCell } from "./amount-cell";
export { computeSum, evaluateSum, sumFormula, type SumPart } from "./sums";
