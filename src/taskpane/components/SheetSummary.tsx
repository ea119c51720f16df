/** One line per sheet: its name, what kind of sheet Kensa took it for, and its counts (確認済み apart). */
import { Badge, Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { CheckmarkCircle20Regular } from "@fluentui/react-icons";
import type { CheckResult } from "../../core/engine";
import { SEVERITIES } from "../../core/model/finding";
import { KIND_TITLES } from "../../core/model/kinds";
import { useI18n } from "../i18n";
import { countsBySheet } from "../state";
import { SEVERITY_BADGE_COLOR } from "./SeverityIcon";

const useStyles = makeStyles({
  list: {
    margin: 0,
    padding: 0,
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0 },
  ellipsis: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  counts: { display: "flex", gap: tokens.spacingHorizontalXS, flexShrink: 0 },
  ok: { color: tokens.colorStatusSuccessForeground1, display: "inline-flex" },
});

export function SheetSummary({ result }: { result: CheckResult }) {
  const styles = useStyles();
  const { s, lang } = useI18n();
  return (
    <ul className={styles.list} aria-label={s.bySheetHeading} data-testid="sheet-summary">
      {countsBySheet(result).map(({ name, kind, counts }) => {
        const total = counts.error + counts.warning + counts.info;
        return (
          <li
            key={name}
            className={styles.row}
            data-sheet={name}
            aria-label={`${name}: ${s.sheetCounts(counts.error, counts.warning, counts.info, counts.accepted)}`}
          >
            <span className={styles.name}>
              <Text weight="semibold" className={styles.ellipsis}>
                {name}
              </Text>
              <Caption1 className={styles.ellipsis}>{kind ? KIND_TITLES[kind][lang] : s.sheetOfNoKind}</Caption1>
            </span>
            <span className={styles.counts} aria-hidden>
              {total === 0
                ? // a sheet of no kind was not checked: no green tick for it
                  kind && (
                    <span className={styles.ok} data-testid="sheet-ok">
                      <CheckmarkCircle20Regular />
                    </span>
                  )
                : SEVERITIES.filter((sev) => counts[sev] > 0).map((sev) => (
                    <Badge key={sev} appearance="filled" color={SEVERITY_BADGE_COLOR[sev]} title={s.severity[sev]}>
                      {counts[sev]}
                    </Badge>
                  ))}
              {counts.accepted > 0 && (
                <Badge appearance="tint" color="success" title={s.acceptedBadge} data-testid="sheet-accepted">
                  {counts.accepted}
                </Badge>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
