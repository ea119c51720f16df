/**
 * What is happening now: progress while an action runs, then at most one message (a failure with a
 * retry, or a notice). Announced politely to screen readers.
 */
import { Button, makeStyles, ProgressBar, Spinner, tokens } from "@fluentui/react-components";
import type { Progress } from "../../host/host";
import { useI18n } from "../i18n";
import type { Failure, Notice, Question } from "../state";
import { Message } from "./Message";

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
        <Message
          intent="warning"
          title={s.undoTitle}
          actions={
            <>
              <Button appearance="primary" onClick={() => onAnswer?.(true)}>
                {s.undoContinue}
              </Button>
              <Button onClick={() => onAnswer?.(false)}>{s.undoCancel}</Button>
            </>
          }
          testId="undo-question"
        >
          {question.risk === "every-write" ? s.undoEveryWrite : s.undoSheetChanges}
        </Message>
      )}
      {failure && (
        <Message
          intent={failure.intent}
          title={failure.title}
          actions={failure.retryable && <Button onClick={onRetry}>{s.retry}</Button>}
          onDismiss={onDismiss}
          testId="failure"
        >
          {failure.message}
        </Message>
      )}
      {!failure && notice && (
        <Message intent={notice.intent} onDismiss={onDismiss} testId="notice">
          {notice.text}
        </Message>
      )}
    </div>
  );
}
