/**
 * Findings grouped by sheet, one accordion section per sheet (all open unless the user closes one; the group of
 * the current finding is always open, so 「次の問題」 can show it).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { SEVERITIES } from "../../core/model/finding";
import { useI18n } from "../i18n";
import type { SheetGroup } from "../state";
import { FindingRows, type FindingRowsProps } from "./FindingRows";
import { SEVERITY_BADGE_COLOR } from "./SeverityIcon";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  badges: { display: "flex", gap: tokens.spacingHorizontalXXS },
});

/** The groups, and what each group's rows need (FindingRows, less the rows themselves). */
export interface FindingGroupsProps extends Omit<FindingRowsProps, "label" | "findings"> {
  groups: SheetGroup[];
}

export function FindingGroups({ groups, ...rows }: FindingGroupsProps) {
  const { currentKey, keyOf } = rows;
  const styles = useStyles();
  const { s } = useI18n();
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  // a new current finding (「次の問題」) opens its group again; the person may close it afterwards
  const currentSheet =
    currentKey === null ? undefined : groups.find((g) => g.findings.some((f) => keyOf(f) === currentKey))?.sheet;
  useEffect(() => {
    if (currentSheet !== undefined)
      // eslint-disable-next-line react-hooks/set-state-in-effect -- reopening follows 「次の問題」, an event from outside
      setClosed((prev) => (prev.has(currentSheet) ? new Set([...prev].filter((x) => x !== currentSheet)) : prev));
  }, [currentKey, currentSheet]);
  const open = groups.filter((g) => !closed.has(g.sheet)).map((g) => g.sheet);
  return (
    <Accordion
      multiple
      collapsible
      openItems={open}
      onToggle={(_, data) => {
        const value = String(data.value);
        setClosed((prev) => {
          const next = new Set(prev);
          if (next.has(value)) next.delete(value);
          else next.add(value);
          return next;
        });
      }}
    >
      {groups.map((g) => (
        <AccordionItem key={g.sheet} value={g.sheet} data-testid="sheet-group" data-sheet={g.sheet}>
          <AccordionHeader as="h3" size="small">
            <span className={styles.header}>
              <span className={styles.name}>{s.groupLabel(g.sheet, g.findings.length)}</span>
              <span className={styles.badges} aria-hidden>
                {SEVERITIES.map((sev) => {
                  const n = g.findings.filter((f) => f.severity === sev).length;
                  return n ? (
                    <Badge key={sev} size="small" appearance="tint" color={SEVERITY_BADGE_COLOR[sev]}>
                      {n}
                    </Badge>
                  ) : null;
                })}
              </span>
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <FindingRows label={s.groupLabel(g.sheet, g.findings.length)} findings={g.findings} {...rows} />
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
