/** Shown when the pane is opened outside Excel or Office.js did not load (a later task adds browser mode here). */
import { Body1, Subtitle2 } from "@fluentui/react-components";
import { InfoRegular } from "@fluentui/react-icons";
import { useI18n } from "../i18n";
import { usePlaceholderStyles } from "./EmptyState";

export function NotInExcel() {
  const styles = usePlaceholderStyles();
  const { s } = useI18n();
  return (
    <section className={styles.root} role="alert" data-testid="not-in-excel">
      <InfoRegular className={styles.icon} aria-hidden />
      <Subtitle2 as="h1">{s.notInExcelTitle}</Subtitle2>
      <Body1>{s.notInExcelBody}</Body1>
    </section>
  );
}
