import type { Rule } from "../rule";
import { rule as notANumber } from "../value/not-a-number";
import { rule as formulaError } from "../value/formula-error";
import { rule as missing } from "../value/missing";
import { rule as negative } from "../value/negative";
import { rule as placeholder } from "../value/placeholder";
import { rule as unknownSheet } from "../structure/unknown-sheet";
import { rule as hiddenColumn } from "../structure/hidden-column";
import { rule as layoutUnknown } from "../structure/layout-unknown";
import { rule as duplicateRow } from "../structure/duplicate-row";
import { rule as exceedsWhole } from "../part/exceeds-whole";
import { rule as xrefMismatch } from "../xref/mismatch";
import { rule as ratioMismatch } from "../ratio/mismatch";
import { rule as annualShare } from "../target/annual-share";
import { rule as changeAmount } from "../change/amount";
import { rule as changeRate } from "../change/rate";
import { rule as eraMismatch } from "../date/era-mismatch";

/** Rules over what every kind reader exposes (src/core/sheets/analysis.ts). */
export const commonRules: Rule[] = [
  notANumber,
  formulaError,
  missing,
  negative,
  placeholder,
  unknownSheet,
  hiddenColumn,
  layoutUnknown,
  duplicateRow,
  exceedsWhole,
  xrefMismatch,
  ratioMismatch,
  annualShare,
  changeAmount,
  changeRate,
  eraMismatch,
];
