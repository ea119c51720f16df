/**
 * One finding: a button that selects its cells (severity icon, cell, message, expected/actual, the rule's
 * Japanese name), and a 修正 button when the rule proposed a fix. An accepted finding (確認済み) says so with its
 * reason and can be revoked; the finding selected last can be accepted. All take part in the list's roving focus.
 */
import { Badge, Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import {
  CheckmarkCircle20Regular,
  DismissCircle20Regular,
  Wrench20Regular,
  type FluentIcon,
} from "@fluentui/react-icons";
import type { KeyboardEvent, Ref } from "react";
import { acceptedText } from "../../core/accept/index";
import type { Finding } from "../../core/model/finding";
import { ruleName } from "../../core/rules/names";
import { formatValue, useI18n } from "../i18n";
import { Phrases } from "./Phrases";
import { SeverityIcon } from "./SeverityIcon";

const useStyles = makeStyles({
  // the text takes the pane's whole width (a column of buttons beside it would leave a narrow strip at 350 px);
  // the buttons go under it
  row: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
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
  message: { overflowWrap: "break-word" },
  numbers: { color: tokens.colorNeutralForeground2 },
  rule: { color: tokens.colorNeutralForeground3 },
  accepted: { color: tokens.colorPaletteGreenForeground1 },
  acceptedRow: { borderLeft: `3px solid ${tokens.colorPaletteGreenBorder2}` },
  buttons: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "flex-end",
    gap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
  },
});

export interface FindingRowProps {
  finding: Finding;
  /** Whether this row holds the list's tab stop. */
  tabStop: boolean;
  /** The finding whose cells were selected last. */
  current: boolean;
  selectRef?: Ref<HTMLButtonElement>;
  onSelect: (f: Finding) => void;
  onFix: (f: Finding) => void;
  /** Opens the acceptance of this finding (offered on the current row only); absent where the pane cannot accept. */
  onAccept?: (f: Finding) => void;
  onRevoke?: (f: Finding) => void;
  onFocusRow: () => void;
  /** Identifies the row for 「次の問題」 (focus moves to it). */
  rowKey?: string;
}

export function FindingRow({
  finding: f,
  tabStop,
  current,
  selectRef,
  onSelect,
  onFix,
  onAccept,
  onRevoke,
  onFocusRow,
  rowKey,
}: FindingRowProps) {
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
  const name = ruleName(f.rule, lang);
  const fixable = !!f.fix && !f.accepted;
  const canAccept = !!onAccept && current && !f.accepted && !f.rule.startsWith("accepted/");
  const canRevoke = !!onRevoke && !!f.accepted;
  // the row's buttons under the text; like the select button, each takes part in the list's roving focus
  const action = (
    testId: string,
    Icon: FluentIcon,
    text: string,
    label: string,
    run: ((finding: Finding) => void) | undefined,
    appearance?: "subtle",
  ) => (
    <Button
      size="small"
      appearance={appearance}
      icon={<Icon />}
      tabIndex={tabStop ? 0 : -1}
      aria-label={label}
      onClick={() => run?.(f)}
      onFocus={onFocusRow}
      data-testid={testId}
    >
      {text}
    </Button>
  );
  return (
    <li
      className={mergeClasses(styles.row, f.accepted && styles.acceptedRow)}
      data-testid="finding"
      data-rule={f.rule}
      data-severity={f.severity}
      data-cell={f.cell}
      data-accepted={f.accepted ? "true" : undefined}
    >
      <button
        ref={selectRef}
        data-key={rowKey}
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
          <span className={styles.message}>
            <Phrases text={f.message} lang={lang} />
          </span>
          {hasNumbers && (
            <Caption1 className={styles.numbers}>
              {f.actual !== undefined && `${s.actual} ${formatValue(f.actual)}`}
              {f.expected !== undefined && f.actual !== undefined && " / "}
              {f.expected !== undefined && `${s.expected} ${formatValue(f.expected)}`}
            </Caption1>
          )}
          {f.accepted && (
            <span className={styles.accepted} data-testid="accepted-note">
              <Badge size="small" appearance="tint" color="success">
                {s.acceptedBadge}
              </Badge>{" "}
              <Caption1>{s.acceptedReason(acceptedText(f.accepted, lang))}</Caption1>
            </span>
          )}
          <Caption1 className={styles.rule}>{name === f.rule ? f.rule : `${name}（${f.rule}）`}</Caption1>
        </span>
      </button>
      {(fixable || canAccept || canRevoke) && (
        <span className={styles.buttons}>
          {fixable && action("fix", Wrench20Regular, s.fix, s.fixLabel(f.cell), onFix)}
          {canAccept && action("accept", CheckmarkCircle20Regular, s.accept, s.acceptLabel(f.cell), onAccept)}
          {canRevoke && action("revoke", DismissCircle20Regular, s.revoke, s.revokeLabel(f.cell), onRevoke, "subtle")}
        </span>
      )}
    </li>
  );
}
