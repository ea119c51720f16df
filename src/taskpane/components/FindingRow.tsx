/**
 * One finding: a button that selects its cells (severity icon, cell, message, expected/actual), and a
 * 修正 button when the rule proposed a fix. Both take part in the list's roving focus.
 */
import { Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Wrench20Regular } from "@fluentui/react-icons";
import type { KeyboardEvent, Ref } from "react";
import type { Finding } from "../../core/model/finding";
import { formatValue, useI18n } from "../i18n";
import { SeverityIcon } from "./SeverityIcon";

const useStyles = makeStyles({
  row: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  select: {
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    background: "transparent",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":active": { backgroundColor: tokens.colorSubtleBackgroundPressed },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected },
  text: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  cell: { fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyMonospace },
  message: { overflowWrap: "anywhere" },
  numbers: { color: tokens.colorNeutralForeground2 },
  rule: { color: tokens.colorNeutralForeground3 },
  fix: { flexShrink: 0, marginTop: tokens.spacingVerticalXS, marginRight: tokens.spacingHorizontalXS },
});

export interface FindingRowProps {
  finding: Finding;
  /** Whether this row holds the list's tab stop. */
  tabStop: boolean;
  /** The finding whose cells were selected last. */
  current: boolean;
  selectRef?: Ref<HTMLButtonElement>;
  onSelect(f: Finding): void;
  onFix(f: Finding): void;
  onFocusRow(): void;
}

export function FindingRow({ finding: f, tabStop, current, selectRef, onSelect, onFix, onFocusRow }: FindingRowProps) {
  const styles = useStyles();
  const { s, lang } = useI18n();
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>): void => {
    if (e.key === "Enter" || e.key === " ") {
      // handled here (not by the browser's synthetic click) so Enter and Space behave the same everywhere
      e.preventDefault();
      onSelect(f);
    }
  };
  const hasNumbers = f.expected !== undefined || f.actual !== undefined;
  return (
    <li className={styles.row} data-testid="finding" data-rule={f.rule} data-severity={f.severity}>
      <button
        ref={selectRef}
        type="button"
        className={mergeClasses(styles.select, current && styles.current)}
        tabIndex={tabStop ? 0 : -1}
        aria-current={current ? "true" : undefined}
        data-finding-select=""
        onClick={() => onSelect(f)}
        onKeyDown={onKeyDown}
        onFocus={onFocusRow}
      >
        <SeverityIcon severity={f.severity} />
        <span className={styles.text}>
          <span className={styles.cell}>{f.cell}</span>
          <span className={styles.message}>{f.message}</span>
          {hasNumbers && (
            <Caption1 className={styles.numbers}>
              {f.expected !== undefined && `${s.expected} ${formatValue(f.expected, lang)}`}
              {f.expected !== undefined && f.actual !== undefined && " / "}
              {f.actual !== undefined && `${s.actual} ${formatValue(f.actual, lang)}`}
            </Caption1>
          )}
          <Caption1 className={styles.rule}>{f.rule}</Caption1>
        </span>
      </button>
      {f.fix && (
        <Button
          className={styles.fix}
          size="small"
          icon={<Wrench20Regular />}
          tabIndex={tabStop ? 0 : -1}
          aria-label={s.fixLabel(f.cell)}
          onClick={() => onFix(f)}
          onFocus={onFocusRow}
        >
          {s.fix}
        </Button>
      )}
    </li>
  );
}
