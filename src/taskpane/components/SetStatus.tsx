/**
 * The submission set's roll-up in a few lines (DOMAIN §3.4): checked across the files, not checked because 全体 or
 * a PJ is missing or claimed twice (each named, with where), or no monitoring sheet at all. One component for the
 * pane's 提出セット (./AddedBooks.tsx) and browser mode's set summary, in browser mode's words.
 */
import { Body1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CheckmarkCircle16Filled, ErrorCircle16Filled, Warning16Filled } from "@fluentui/react-icons";
import type { SetSummary } from "../../core/engine";
import type { BrowserStrings } from "../../browser/strings";

/** The coloured status icon at the start of a line, and the line itself. */
export const useStatusLineStyles = makeStyles({
  line: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS },
  icon: { flexShrink: 0, marginTop: "3px" },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  strong: { fontWeight: tokens.fontWeightSemibold },
});

export interface SetStatusProps {
  s: BrowserStrings;
  rollup: SetSummary["rollup"];
  missing: readonly string[];
  duplicates: readonly string[];
  /** Where a project claimed twice was found, as the words to list. */
  placesOf: (project: string) => string[];
}

export function SetStatus({ s, rollup, missing, duplicates, placesOf }: SetStatusProps) {
  const styles = useStatusLineStyles();
  if (rollup === "checked")
    return (
      <Body1 className={styles.line}>
        <CheckmarkCircle16Filled className={mergeClasses(styles.icon, styles.ok)} aria-hidden />
        <span>{s.setComplete}</span>
      </Body1>
    );
  if (rollup === "none") return <Body1>{s.setNone}</Body1>;
  return (
    <>
      {missing.length > 0 && (
        <Body1 className={styles.line} data-testid="set-missing">
          <Warning16Filled className={mergeClasses(styles.icon, styles.warn)} aria-hidden />
          <span className={styles.strong}>{s.setMissing([...missing])}</span>
        </Body1>
      )}
      {duplicates.map((code) => (
        <Body1 key={code} className={styles.line} data-testid="set-duplicate">
          <ErrorCircle16Filled className={mergeClasses(styles.icon, styles.bad)} aria-hidden />
          <span className={styles.strong}>{s.setDuplicate(code, placesOf(code))}</span>
        </Body1>
      ))}
      <Body1>{s.setSkipped}</Body1>
    </>
  );
}
