/** Before the first check: what the pane does and how to start. */
import { Body1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { ClipboardTaskListLtrRegular } from "@fluentui/react-icons";
import { useI18n } from "../i18n";

export const usePlaceholderStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    textAlign: "center",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground2,
  },
  icon: { fontSize: "40px", color: tokens.colorBrandForeground1 },
  success: { fontSize: "40px", color: tokens.colorStatusSuccessForeground1 },
});

export function EmptyState() {
  const styles = usePlaceholderStyles();
  const { s } = useI18n();
  return (
    <section className={styles.root} data-testid="empty-state">
      <ClipboardTaskListLtrRegular className={styles.icon} aria-hidden />
      <Subtitle2 as="h2">{s.emptyTitle}</Subtitle2>
      <Body1>{s.emptyBody}</Body1>
    </section>
  );
}
