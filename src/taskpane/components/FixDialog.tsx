/** Confirms one fix: the cell's current content → the proposed value or formula. Nothing is written until 修正する. */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowRight16Regular } from "@fluentui/react-icons";
import type { Finding, Fix } from "../../core/model/finding";
import { tryFromA1 } from "../../core/model/a1";
import { isCellError, type Workbook } from "../../core/model/workbook";
import { formatValue, useI18n } from "../i18n";
import { ConfirmBody, ConfirmDialog } from "./ConfirmDialog";

const useStyles = makeStyles({
  preview: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    alignItems: "baseline",
    marginTop: tokens.spacingVerticalM,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere", margin: 0 },
  old: { textDecorationLine: "line-through", color: tokens.colorNeutralForeground2 },
  arrow: { gridColumn: "2", color: tokens.colorNeutralForeground3 },
  new: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteGreenForeground1 },
});

/** The cell's content as the user sees it: its formula ("=…") or its value. */
export function currentContent(workbook: Workbook | null, fix: Fix, finding: Finding): string | null {
  const sheet = workbook?.sheets.find((x) => x.name === fix.sheet);
  if (sheet) {
    const at = tryFromA1(fix.cell);
    const cell = at && sheet.rows[at.row]?.[at.col];
    if (!cell) return "";
    if (cell.formula) return `=${cell.formula}`;
    const v = cell.value;
    if (v === null || v === undefined) return "";
    if (isCellError(v)) return v.error;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return cell.text ?? formatValue(v);
  }
  if (fix.cell === finding.cell && finding.actual !== undefined) return formatValue(finding.actual);
  return null;
}

export function proposedContent(fix: Fix): string {
  if (fix.formula !== undefined) return `=${fix.formula}`;
  return formatValue(fix.value);
}

export interface FixDialogProps {
  finding: Finding | null;
  workbook: Workbook | null;
  onConfirm: (f: Finding) => void;
  onCancel: () => void;
}

export function FixDialog({ finding, workbook, onConfirm, onCancel }: FixDialogProps) {
  const styles = useStyles();
  const { s } = useI18n();
  const fix = finding?.fix;
  const before = finding && fix ? currentContent(workbook, fix, finding) : null;
  return (
    <ConfirmDialog open={!!finding && !!fix} describedBy="kensa-fix-intro" onCancel={onCancel}>
      {finding && fix && (
        <ConfirmBody
          title={s.fixTitle(fix.sheet, fix.cell)}
          cancel={s.fixCancel}
          apply={s.fixApply}
          onCancel={onCancel}
          onApply={() => onConfirm(finding)}
        >
          <p id="kensa-fix-intro">{s.fixIntro}</p>
          <Caption1>{finding.message}</Caption1>
          <dl className={styles.preview}>
            <dt className={styles.term}>{s.fixCurrent}</dt>
            <dd className={`${styles.value} ${styles.old}`} data-testid="fix-old">
              {before === null || before === "" ? s.fixEmpty : before}
            </dd>
            <dt className={styles.term} aria-hidden />
            <dd className={styles.arrow} aria-hidden>
              <ArrowRight16Regular />
            </dd>
            <dt className={styles.term}>{s.fixNew}</dt>
            <dd className={`${styles.value} ${styles.new}`} data-testid="fix-new">
              {proposedContent(fix)}
            </dd>
          </dl>
          {fix.formula !== undefined && finding.expected !== undefined && (
            <Caption1>{s.fixFormulaNote(formatValue(finding.expected))}</Caption1>
          )}
        </ConfirmBody>
      )}
    </ConfirmDialog>
  );
}
