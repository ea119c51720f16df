/**
 * A workbook in which no sheet is of a known kind: nothing was checked (未検証). Said plainly, with what to
 * do next, and never as "no problems" (DOMAIN §4).
 */
import { Button } from "@fluentui/react-components";
import { TableAdd20Regular } from "@fluentui/react-icons";
import { useI18n } from "../i18n";
import { Message } from "./Message";

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
  const { s } = useI18n();
  const insert = onInsertTemplate && (
    <Button icon={<TableAdd20Regular />} disabled={busy} onClick={onInsertTemplate}>
      {s.insertTemplate}
    </Button>
  );
  return (
    <Message intent="warning" title={s.notCheckedTitle} heading actions={insert} testId="not-checked">
      <span>{s.notCheckedBody(sheets)}</span>
      <span>{onInsertTemplate ? s.notCheckedHint : s.notCheckedHintFile}</span>
      {hasReasons && <span>{s.notCheckedReasons}</span>}
    </Message>
  );
}
