/** The counts of a result by severity, as coloured badges; accepted findings (確認済み) apart, never among them. */
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import type { Summary } from "../../core/engine";
import { SEVERITIES } from "../../core/model/finding";
import { useI18n } from "../i18n";
import { SEVERITY_BADGE_COLOR } from "./SeverityIcon";

const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, margin: 0, padding: 0, listStyle: "none" },
});

export function SeveritySummary({ summary }: { summary: Summary }) {
  const styles = useStyles();
  const { s } = useI18n();
  return (
    <ul className={styles.list} aria-label={s.summaryHeading} data-testid="severity-summary">
      {SEVERITIES.map((sev) => (
        <li key={sev} data-severity={sev}>
          <Badge
            size="large"
            shape="rounded"
            appearance={summary[sev] ? "filled" : "tint"}
            color={summary[sev] ? SEVERITY_BADGE_COLOR[sev] : "subtle"}
          >
            {s.countOf(sev, summary[sev])}
          </Badge>
        </li>
      ))}
      {!!summary.accepted && (
        <li data-severity="accepted">
          <Badge size="large" shape="rounded" appearance="tint" color="success">
            {s.acceptedCount(summary.accepted)}
          </Badge>
        </li>
      )}
    </ul>
  );
}
