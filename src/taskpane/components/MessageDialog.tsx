/**
 * The pane's page opened as an Office dialog (?kensa-message=…): one message and a close button. Used by
 * the ribbon's commands to tell the person about a failure when the pane itself cannot be shown
 * (src/commands/commands.ts).
 */
import { Body1, Button, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircleRegular } from "@fluentui/react-icons";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  icon: { fontSize: "28px", color: tokens.colorPaletteRedForeground1 },
});

export function MessageDialog({ title, message, onClose }: { title: string; message: string; onClose: () => void }) {
  const styles = useStyles();
  const { s } = useI18n();
  return (
    <main className={styles.root} role="alert" data-testid="message-dialog">
      <ErrorCircleRegular className={styles.icon} aria-hidden />
      <Subtitle2 as="h1">{title}</Subtitle2>
      <Body1>{message}</Body1>
      <Button appearance="primary" onClick={onClose}>
        {s.dismiss}
      </Button>
    </main>
  );
}
