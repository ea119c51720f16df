/**
 * What is happening now: progress while an action runs, then at most one message (a failure with a
 * retry, or a notice). Announced politely to screen readers.
 */
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { Progress } from "../../host/host";
import { useI18n } from "../i18n";
import type { Failure, Notice, Question } from "../state";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface StatusAreaProps {
  busy: { progress: Progress | null } | null;
  failure: Failure | null;
  notice: Notice | null;
  /** A question the running action waits on (the one before the first write). */
  question?: Question | null;
  onAnswer?: (goOn: boolean) => void;
  onRetry: () => void;
  onDismiss: () => void;
}

export function StatusArea({ busy, failure, notice, question, onAnswer, onRetry, onDismiss }: StatusAreaProps) {
  const styles = useStyles();
  const { s } = useI18n();
  const dismiss = (
    <Button aria-label={s.dismiss} appearance="transparent" icon={<DismissRegular />} onClick={onDismiss} />
  );
  return (
    <div className={styles.root}>
      <div role="status" aria-live="polite" className={styles.progress}>
        {busy && (
          <>
            <Spinner size="tiny" label={busy.progress?.step ?? s.working} labelPosition="after" />
            <ProgressBar aria-label={s.progressLabel} value={busy.progress?.fraction} thickness="medium" />
          </>
        )}
      </div>
      {question && (
        <MessageBar intent="warning" layout="multiline" data-testid="undo-question">
          <MessageBarBody>
            <MessageBarTitle>{s.undoTitle}</MessageBarTitle>
            {question.risk === "every-write" ? s.undoEveryWrite : s.undoSheetChanges}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => onAnswer?.(true)}>
              {s.undoContinue}
            </Button>
            <Button onClick={() => onAnswer?.(false)}>{s.undoCancel}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {failure && (
        <MessageBar intent={failure.intent} layout="multiline" data-testid="failure">
          <MessageBarBody>
            <MessageBarTitle>{failure.title}</MessageBarTitle>
            {failure.message}
          </MessageBarBody>
          <MessageBarActions containerAction={dismiss}>
            {failure.retryable && <Button onClick={onRetry}>{s.retry}</Button>}
          </MessageBarActions>
        </MessageBar>
      )}
      {!failure && notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid="notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
          <MessageBarActions containerAction={dismiss} />
        </MessageBar>
      )}
    </div>
  );
}
