/** A check that found nothing: say so plainly. */
import { Body1, Subtitle2 } from "@fluentui/react-components";
import { CheckmarkCircleRegular } from "@fluentui/react-icons";
import { useI18n } from "../i18n";
import { usePlaceholderStyles } from "./EmptyState";

export function NoProblems({ sheets }: { sheets: number }) {
  const styles = usePlaceholderStyles();
  const { s } = useI18n();
  return (
    <section className={styles.root} data-testid="no-problems">
      <CheckmarkCircleRegular className={styles.success} aria-hidden />
      <Subtitle2 as="h2">{s.noProblemsTitle}</Subtitle2>
      <Body1>{s.noProblemsBody(sheets)}</Body1>
    </section>
  );
}
