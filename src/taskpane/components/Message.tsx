/**
 * A message bar of the pane, each drawn the same way: an optional title, the text, then its buttons and a
 * close button where the message can be dismissed. Wraps long text over several lines (350 px).
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
  type MessageBarIntent,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { ReactNode } from "react";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  lines: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  headingTitle: { display: "block", marginBottom: tokens.spacingVerticalXXS },
});

export interface MessageProps {
  intent: MessageBarIntent;
  title?: string;
  /**
   * A lasting state rather than a passing notice: the title is a heading in the pane's outline, and the text
   * is a column of lines.
   */
  heading?: boolean;
  children: ReactNode;
  actions?: ReactNode;
  onDismiss?: () => void;
  testId: string;
}

export function Message({ intent, title, heading, children, actions, onDismiss, testId }: MessageProps) {
  const styles = useStyles();
  const { s } = useI18n();
  const dismiss = onDismiss && (
    <Button aria-label={s.dismiss} appearance="transparent" icon={<DismissRegular />} onClick={onDismiss} />
  );
  return (
    <MessageBar intent={intent} layout="multiline" data-testid={testId}>
      <MessageBarBody className={heading ? styles.lines : undefined}>
        {title && (
          <MessageBarTitle
            role={heading ? "heading" : undefined}
            aria-level={heading ? 3 : undefined}
            className={heading ? styles.headingTitle : undefined}
          >
            {title}
          </MessageBarTitle>
        )}
        {children}
      </MessageBarBody>
      {(actions || dismiss) && <MessageBarActions containerAction={dismiss}>{actions}</MessageBarActions>}
    </MessageBar>
  );
}
