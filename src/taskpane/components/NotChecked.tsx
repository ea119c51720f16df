/**
 * A workbook in which no sheet is of a known kind: nothing was checked (未検証). Said plainly, with what to
 * do next, and never as "no problems" (DOMAIN §4).
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { TableAdd20Regular } from "@fluentui/react-icons";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  title: { display: "block", marginBottom: tokens.spacingVerticalXXS },
});

export interface NotCheckedProps {
  /** How many sheets the workbook has (none of a known kind). */
  sheets: number;
  /** Whether some findings below name the sheets and say why. */
  hasReasons: boolean;
  /** Inserts the template's sheets (in Excel); absent where the template is a download (browser mode). */
  onInsertTemplate?: () => void;
  busy?: boolean;
}

export function NotChecked({ sheets, hasReasons, onInsertTemplate, busy }: NotCheckedProps) {
  const styles = useStyles();
  const { s } = useI18n();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="not-checked">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle role="heading" aria-level={3} className={styles.title}>
          {s.notCheckedTitle}
        </MessageBarTitle>
        <span>{s.notCheckedBody(sheets)}</span>
        <span>{onInsertTemplate ? s.notCheckedHint : s.notCheckedHintFile}</span>
        {hasReasons && <span>{s.notCheckedReasons}</span>}
      </MessageBarBody>
      {onInsertTemplate && (
        <MessageBarActions>
          <Button icon={<TableAdd20Regular />} disabled={busy} onClick={onInsertTemplate}>
            {s.insertTemplate}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
