/** The icon of a severity, in its Fluent status colour, with a text alternative. */
import { makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircle20Filled, Info20Filled, Warning20Filled } from "@fluentui/react-icons";
import type { Severity } from "../../core/model/finding";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  icon: { flexShrink: 0, display: "inline-flex" },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground1 },
  info: { color: tokens.colorBrandForeground1 },
});

export function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  const { s } = useI18n();
  const Icon = severity === "error" ? ErrorCircle20Filled : severity === "warning" ? Warning20Filled : Info20Filled;
  return (
    <span
      role="img"
      aria-label={s.severity[severity]}
      title={s.severity[severity]}
      className={`${styles.icon} ${styles[severity]}`}
    >
      <Icon aria-hidden />
    </span>
  );
}

/** Fluent badge colours for each severity. */
export const SEVERITY_BADGE_COLOR = { error: "danger", warning: "warning", info: "brand" } as const;
