/**
 * A section that folds (a native <details>): its one-line summary stays, its content opens on a click, Enter or
 * Space — keyboard and screen readers know it without any script. The pane folds what is not a problem, so the
 * first screen at 350 px shows the findings.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ChevronRight16Regular } from "@fluentui/react-icons";
import { useState, type ReactNode } from "react";

const useStyles = makeStyles({
  root: { minWidth: 0, "&[open] > summary svg": { transform: "rotate(90deg)" } },
  summary: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    cursor: "pointer",
    listStyle: "none",
    padding: `${tokens.spacingVerticalXS} 0`,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
    "::-webkit-details-marker": { display: "none" },
    "& svg": { flexShrink: 0, transitionProperty: "transform", transitionDuration: tokens.durationFast },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderRadius: tokens.borderRadiusMedium,
    },
  },
  muted: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalXS,
  },
});

export interface FoldProps {
  summary: ReactNode;
  children: ReactNode;
  /** Open at first. */
  defaultOpen?: boolean;
  /** A lighter summary (secondary sections). */
  muted?: boolean;
  className?: string;
  "data-testid"?: string;
}

export function Fold({ summary, children, defaultOpen = false, muted, className, ...rest }: FoldProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details
      className={mergeClasses(styles.root, className)}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      data-testid={rest["data-testid"]}
    >
      <summary className={mergeClasses(styles.summary, muted && styles.muted)}>
        <ChevronRight16Regular aria-hidden />
        <span>{summary}</span>
      </summary>
      <div className={styles.body}>{children}</div>
    </details>
  );
}
