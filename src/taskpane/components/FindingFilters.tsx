/**
 * Filters over the findings: one on/off toggle per severity, drawn as a checkbox so its state reads at a glance
 * (filled and ticked when shown, outlined and empty when hidden), and a rule picker that leads with the rules'
 * Japanese names, its counts following the severity filter.
 */
import { Dropdown, makeStyles, mergeClasses, Option, ToggleButton, tokens, useId } from "@fluentui/react-components";
import { CheckboxChecked20Filled, CheckboxUnchecked20Regular } from "@fluentui/react-icons";
import type { Severity } from "../../core/model/finding";
import { SEVERITIES } from "../../core/model/finding";
import { ruleName } from "../../core/rules/names";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  toggles: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  off: { color: tokens.colorNeutralForeground3, textDecorationLine: "line-through" },
  error: { "& svg": { color: tokens.colorStatusDangerForeground1 } },
  warning: { "& svg": { color: tokens.colorStatusWarningForeground1 } },
  info: { "& svg": { color: tokens.colorBrandForeground1 } },
  rule: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  label: { flexShrink: 0 },
  dropdown: { minWidth: "0", flexGrow: 1 },
  optionText: { display: "flex", flexDirection: "column" },
  description: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface FindingFiltersProps {
  /** Findings of each severity under the rule filter (accepted ones not counted). */
  counts: Record<Severity, number>;
  severities: Record<Severity, boolean>;
  /** The rules with their counts under the severity filter. */
  rules: { id: string; count: number }[];
  rule: string | null;
  onToggleSeverity: (s: Severity) => void;
  onRule: (rule: string | null) => void;
}

const ALL = "__all__";

export function FindingFilters(p: FindingFiltersProps) {
  const styles = useStyles();
  const { s, lang } = useI18n();
  const labelId = useId("rule-filter");
  const selected = p.rule ?? ALL;
  const valueText = p.rule ? ruleName(p.rule, lang) : s.allRules;
  return (
    <div className={styles.root}>
      <div role="group" aria-label={s.filterSeverity} className={styles.toggles} data-testid="severity-filters">
        {SEVERITIES.map((sev) => {
          const on = p.severities[sev];
          return (
            <ToggleButton
              key={sev}
              size="small"
              shape="rounded"
              appearance={on ? "secondary" : "outline"}
              checked={on}
              className={mergeClasses(styles[sev], !on && styles.off)}
              icon={on ? <CheckboxChecked20Filled /> : <CheckboxUnchecked20Regular />}
              title={on ? s.filterShown(s.severity[sev]) : s.filterHidden(s.severity[sev])}
              data-severity={sev}
              onClick={() => p.onToggleSeverity(sev)}
            >
              {s.countOf(sev, p.counts[sev])}
            </ToggleButton>
          );
        })}
      </div>
      <div className={styles.rule}>
        <label id={labelId} className={styles.label}>
          {s.filterRuleShort}
        </label>
        <Dropdown
          aria-label={s.filterRule}
          className={styles.dropdown}
          value={valueText}
          selectedOptions={[selected]}
          onOptionSelect={(_, data) => p.onRule(data.optionValue && data.optionValue !== ALL ? data.optionValue : null)}
        >
          <Option value={ALL}>{s.allRules}</Option>
          {p.rules.map((r) => {
            const name = ruleName(r.id, lang);
            const text = s.ruleOption(name, r.count);
            return (
              <Option key={r.id} value={r.id} text={text}>
                <span className={styles.optionText}>
                  <span>{text}</span>
                  <span className={styles.description}>{r.id}</span>
                </span>
              </Option>
            );
          })}
        </Dropdown>
      </div>
    </div>
  );
}
