/** Filters over the findings: one toggle per severity and a rule picker with the rules present. */
import { Dropdown, makeStyles, Option, ToggleButton, tokens, useId } from "@fluentui/react-components";
import type { Summary } from "../../core/engine";
import type { Severity } from "../../core/model/finding";
import { SEVERITIES } from "../../core/model/finding";
import { ruleById } from "../../core/rules/index";
import { useI18n } from "../i18n";
import { SeverityIcon } from "./SeverityIcon";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  toggles: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  rule: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  dropdown: { minWidth: "0", width: "100%" },
  optionText: { display: "flex", flexDirection: "column" },
  description: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface FindingFiltersProps {
  summary: Summary;
  severities: Record<Severity, boolean>;
  rules: { id: string; count: number }[];
  rule: string | null;
  onToggleSeverity(s: Severity): void;
  onRule(rule: string | null): void;
}

const ALL = "__all__";

export function FindingFilters(p: FindingFiltersProps) {
  const styles = useStyles();
  const { s, lang } = useI18n();
  const labelId = useId("rule-filter");
  const selected = p.rule ?? ALL;
  const valueText = p.rule ? p.rule : s.allRules;
  return (
    <div className={styles.root}>
      <div role="group" aria-label={s.filterSeverity} className={styles.toggles}>
        {SEVERITIES.map((sev) => (
          <ToggleButton
            key={sev}
            size="small"
            checked={p.severities[sev]}
            icon={<SeverityIcon severity={sev} />}
            onClick={() => p.onToggleSeverity(sev)}
          >
            {`${s.severity[sev]} ${p.summary[sev]}`}
          </ToggleButton>
        ))}
      </div>
      <div className={styles.rule}>
        <label id={labelId}>{s.filterRule}</label>
        <Dropdown
          aria-labelledby={labelId}
          className={styles.dropdown}
          value={valueText}
          selectedOptions={[selected]}
          onOptionSelect={(_, data) => p.onRule(data.optionValue && data.optionValue !== ALL ? data.optionValue : null)}
        >
          <Option value={ALL}>{s.allRules}</Option>
          {p.rules.map((r) => {
            const description = ruleById(r.id)?.meta.description[lang];
            return (
              <Option key={r.id} value={r.id} text={r.id}>
                <span className={styles.optionText}>
                  <span>{`${r.id} (${r.count})`}</span>
                  {description && <span className={styles.description}>{description}</span>}
                </span>
              </Option>
            );
          })}
        </Dropdown>
      </div>
    </div>
  );
}
