/**
 * Accepting findings in browser mode (確認済み, src/core/accept): the selected finding can be accepted with a
 * reason (and who), or its acceptance revoked; every accepted finding of the file is listed with its reason and
 * a revoke button. The record goes into the in-memory file (BrowserHost.accept), so the next check honours it and
 * the downloads carry it; 「確認済みを記録して保存」 in the file list saves the file with it.
 */
import { Body1, Button, Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import { CheckmarkCircle20Regular, DismissCircle20Regular } from "@fluentui/react-icons";
import { useEffect } from "react";
import type { Finding } from "../../core/model/finding";
import type { Lang } from "../../core/values/format";
import { ruleName } from "../../core/rules/names";
import type { BrowserStrings } from "../strings";
import { useSharedStyles } from "../../taskpane/components/shared-styles";
import { AcceptFields, useAcceptForm } from "../../taskpane/components/AcceptFields";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    marginTop: tokens.spacingVerticalL,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  accepted: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorPaletteGreenBorder2}`,
    backgroundColor: tokens.colorPaletteGreenBackground1,
  },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  row: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
});

export interface AcceptPanelProps {
  s: BrowserStrings;
  lang: Lang;
  /** The finding selected in the pane, as the latest result has it; null when none. */
  selected: Finding | null;
  /** Every finding of the shown file (its accepted ones are listed). */
  findings: readonly Finding[];
  busy: boolean;
  onAccept: (finding: Finding, reason: string, by: string) => void;
  onRevoke: (finding: Finding) => void;
}

function label(f: Finding, lang: Lang): string {
  return `${ruleName(f.rule, lang)} ${f.rule}`;
}

export function AcceptPanel({ s, lang, selected, findings, busy, onAccept, onRevoke }: AcceptPanelProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const form = useAcceptForm(lang);
  const { setReason, setTouched } = form;
  const selectedKey = selected ? `${selected.rule}|${selected.sheet}|${selected.cell}` : "";
  // a new finding selected: a fresh reason (who stays: it is the same person)
  useEffect(() => {
    setReason("");
    setTouched(false);
  }, [selectedKey, setReason, setTouched]);
  const accepted = findings.filter((f) => f.accepted);
  const about = selected && selected.rule.startsWith("accepted/");

  return (
    <section className={styles.root} aria-labelledby="kensa-accept-heading" data-testid="accept-panel">
      <Subtitle2 as="h2" id="kensa-accept-heading">
        {s.acceptHeading}
      </Subtitle2>
      <Caption1 className={styles.muted}>{s.acceptIntro}</Caption1>
      {!selected && <Caption1 data-testid="accept-none">{s.acceptNone}</Caption1>}
      {selected && (
        <div
          className={styles.form}
          data-testid="accept-selected"
          data-rule={selected.rule}
          data-cell={selected.cell}
          data-accepted={selected.accepted ? "true" : "false"}
        >
          <Body1>{s.acceptSelected(`${selected.sheet}!${selected.cell}`, label(selected, lang))}</Body1>
          {about && <Caption1 className={styles.muted}>{s.acceptNotFor}</Caption1>}
          {!about && selected.accepted && (
            <div className={styles.accepted}>
              <Body1>
                <CheckmarkCircle20Regular aria-hidden style={{ verticalAlign: "middle" }} /> {s.acceptedAlready}
              </Body1>
              <Body1 data-testid="accepted-reason">{selected.accepted.reason}</Body1>
              {selected.accepted.by && <Caption1>{s.acceptedBy(selected.accepted.by)}</Caption1>}
              {selected.accepted.at && <Caption1>{s.acceptedAt(selected.accepted.at)}</Caption1>}
              <div>
                <Button
                  size="small"
                  icon={<DismissCircle20Regular />}
                  disabled={busy}
                  onClick={() => onRevoke(selected)}
                  data-testid="revoke-selected"
                >
                  {s.revoke}
                </Button>
              </div>
            </div>
          )}
          {!about && !selected.accepted && (
            <form
              className={styles.form}
              onSubmit={(e) => {
                e.preventDefault();
                setTouched(true);
                if (!form.problem) onAccept(selected, form.reason, form.by);
              }}
            >
              <AcceptFields s={s} form={form} onReasonBlur={() => setTouched(form.reason !== "")} />
              <div>
                <Button
                  type="submit"
                  appearance="primary"
                  icon={<CheckmarkCircle20Regular />}
                  disabled={busy || !!form.problem}
                  data-testid="accept-button"
                >
                  {s.acceptButton}
                </Button>
              </div>
            </form>
          )}
        </div>
      )}
      {accepted.length > 0 && (
        <>
          <Body1 as="h3" id="kensa-accepted-list" style={{ fontWeight: tokens.fontWeightSemibold, margin: 0 }}>
            {s.acceptedList(accepted.length)}
          </Body1>
          <ul
            className={mergeClasses(shared.stack, shared.roomy)}
            aria-labelledby="kensa-accepted-list"
            data-testid="accepted-list"
          >
            {accepted.map((f) => (
              <li
                key={`${f.rule}|${f.sheet}|${f.cell}|${f.cells.join(",")}`}
                className={styles.item}
                data-testid="accepted-item"
                data-rule={f.rule}
                data-cell={f.cell}
                data-sheet={f.sheet}
              >
                <div className={styles.row}>
                  <Body1>{`${f.sheet}!${f.cell}`}</Body1>
                  <Button
                    size="small"
                    appearance="subtle"
                    disabled={busy}
                    onClick={() => onRevoke(f)}
                    aria-label={s.revokeLabel(`${f.sheet}!${f.cell}`, label(f, lang))}
                    data-testid="revoke"
                  >
                    {s.revoke}
                  </Button>
                </div>
                <Caption1 className={styles.muted}>{label(f, lang)}</Caption1>
                <Caption1>{f.message}</Caption1>
                <Caption1 data-testid="accepted-item-reason">
                  {f.accepted!.reason}
                  {f.accepted!.by ? (lang === "ja" ? `（${f.accepted!.by}）` : ` (${f.accepted!.by})`) : ""}
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
