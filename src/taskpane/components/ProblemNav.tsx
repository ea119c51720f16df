/**
 * 「前の問題」/「次の問題」: walks the errors and warnings across sheets (the infos when there are none), selecting
 * each in the workbook. F8 and Shift+F8 do the same from anywhere in the pane — the keys code editors use for
 * the next and previous problem; the pane only hears them while it has the focus, so Excel's own F8 (extend
 * selection) in the grid is untouched.
 */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { useI18n } from "../i18n";
import { StepButtons } from "./StepButtons";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  position: { color: tokens.colorNeutralForeground2, marginLeft: "auto" },
});

export interface ProblemNavProps {
  /** How many findings the walk goes through. */
  count: number;
  /** 0-based position of the current finding in the walk; -1 when none is current. */
  index: number;
  onStep: (step: 1 | -1) => void;
}

export function ProblemNav({ count, index, onStep }: ProblemNavProps) {
  const styles = useStyles();
  const { s } = useI18n();
  const step = useRef(onStep);
  useEffect(() => {
    step.current = onStep;
  }, [onStep]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      // browser mode's own walk over every file hears F8 first and keeps it; nothing moves under an open dialog
      if (e.key !== "F8" || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"], [role="alertdialog"]')) return;
      e.preventDefault();
      step.current(e.shiftKey ? -1 : 1);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <nav className={styles.root} aria-label={s.navLabel} data-testid="problem-nav">
      <StepButtons prev={s.prevProblem} next={s.nextProblem} disabled={count === 0} onStep={onStep} primaryNext />
      <Caption1 className={styles.position} aria-live="polite" data-testid="problem-position">
        {index >= 0 ? s.navPosition(index + 1, count) : s.navNone(count)}
      </Caption1>
    </nav>
  );
}
