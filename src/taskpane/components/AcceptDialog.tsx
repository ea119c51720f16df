/**
 * 確認済みにする: the reason (required) and who (optional) for accepting one finding. Nothing is written until
 * 確認済みにする; an empty or too long reason is said at the field, in the words of src/core/accept.
 */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { reasonProblem } from "../../core/accept/index";
import type { Finding } from "../../core/model/finding";
import { useI18n } from "../i18n";
import { AcceptFields } from "./AcceptFields";

const useStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  message: { color: tokens.colorNeutralForeground2 },
});

export interface AcceptDialogProps {
  finding: Finding | null;
  onConfirm: (f: Finding, reason: string, by: string) => void;
  onCancel: () => void;
}

/** Who accepted last, kept for the session: it is usually the same person. */
let lastBy = "";

export function AcceptDialog({ finding, onConfirm, onCancel }: AcceptDialogProps) {
  return (
    <Dialog open={!!finding} modalType="modal" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby="kensa-accept-intro">
        {/* a fresh form (empty reason) for each finding */}
        {finding && (
          <AcceptForm
            key={`${finding.rule}|${finding.sheet}|${finding.cell}`}
            finding={finding}
            onConfirm={onConfirm}
            onCancel={onCancel}
          />
        )}
      </DialogSurface>
    </Dialog>
  );
}

function AcceptForm({ finding, onConfirm, onCancel }: { finding: Finding } & Omit<AcceptDialogProps, "finding">) {
  const styles = useStyles();
  const { s, lang } = useI18n();
  const [reason, setReason] = useState("");
  const [by, setBy] = useState(lastBy);
  const [touched, setTouched] = useState(false);
  const problem = reasonProblem(reason, lang);
  const submit = (): void => {
    setTouched(true);
    if (problem) return;
    lastBy = by.trim();
    onConfirm(finding, reason, by);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <DialogBody>
        <DialogTitle>{s.acceptTitle(finding.sheet, finding.cell)}</DialogTitle>
        <DialogContent className={styles.content}>
          <Caption1 className={styles.message}>{finding.message}</Caption1>
          <p id="kensa-accept-intro" style={{ margin: 0 }}>
            {s.acceptIntro}
          </p>
          <AcceptFields
            labels={{ reason: s.acceptReason, reasonHint: s.acceptReasonHint, by: s.acceptBy }}
            reason={reason}
            by={by}
            onReason={setReason}
            onBy={setBy}
            problem={problem}
            touched={touched}
          />
        </DialogContent>
        <DialogActions>
          <Button appearance="secondary" onClick={onCancel}>
            {s.acceptCancel}
          </Button>
          <Button appearance="primary" onClick={submit} data-testid="accept-confirm">
            {s.acceptApply}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
