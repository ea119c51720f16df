/**
 * 「前の問題」/「次の問題」 over the errors and warnings of every open file (./problems.ts), with F8 / Shift+F8 as in
 * code editors' "go to next problem". Where it stands (「14件中3件目」) and where the current problem is.
 */
import { Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Lang } from "../../core/values/format";
import { ruleName } from "../../core/rules/names";
import { StepButtons } from "../../taskpane/components/StepButtons";
import type { BrowserStrings } from "../strings";
import type { Problem } from "./problems";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  position: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  muted: { color: tokens.colorNeutralForeground2 },
});

export interface ProblemNavProps {
  s: BrowserStrings;
  lang: Lang;
  problems: readonly Problem[];
  /** The current problem's index, or -1 when none is selected. */
  index: number;
  onStep: (direction: 1 | -1) => void;
}

export function ProblemNav({ s, lang, problems, index, onStep }: ProblemNavProps) {
  const styles = useStyles();
  const none = problems.length === 0;
  const current = index >= 0 ? problems[index] : undefined;
  return (
    <div
      className={styles.root}
      data-testid="set-problem-nav"
      data-count={problems.length}
      data-index={index >= 0 ? index + 1 : undefined}
    >
      <div className={styles.bar} role="toolbar" aria-label={s.navLabel}>
        <StepButtons prev={s.navPrev} next={s.navNext} disabled={none} onStep={onStep} />
        <Text className={styles.position} aria-live="polite" data-testid="nav-position">
          {none ? s.navNone : current ? s.navPosition(index + 1, problems.length) : s.navCount(problems.length)}
        </Text>
      </div>
      {current && (
        <Caption1 data-testid="nav-where">
          {s.navWhere(
            current.fileName,
            current.finding.sheet,
            current.finding.cell,
            ruleName(current.finding.rule, lang),
          )}
        </Caption1>
      )}
      {!none && <Caption1 className={styles.muted}>{s.navHint}</Caption1>}
    </div>
  );
}
