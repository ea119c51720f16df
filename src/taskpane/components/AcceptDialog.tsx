/**
 * 確認済みにする: the reason (required) and who (optional) for accepting one finding. Nothing is written until
 * 確認済みにする; an empty or too long reason is said at the field, in the words of src/core/accept.
 */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/model/finding";
import { useI18n } from "../i18n";
import { AcceptFields, useAcceptForm } from "./AcceptFields";
import { ConfirmBody, ConfirmDialog } from "./ConfirmDialog";

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
    <ConfirmDialog open={!!finding} describedBy="kensa-accept-intro" onCancel={onCancel}>
      {/* a fresh form (empty reason) for each finding */}
      {finding && (
        <AcceptForm
          key={`${finding.rule}|${finding.sheet}|${finding.cell}`}
          finding={finding}
          onConfirm={onConfirm}
          onCancel={onCancel}
        />
      )}
    </ConfirmDialog>
  );
}

function AcceptForm({ finding, onConfirm, onCancel }: { finding: Finding } & Omit<AcceptDialogProps, "finding">) {
  const styles = useStyles();
  const { s, lang } = useI18n();
  const form = useAcceptForm(lang, lastBy);
  const submit = (): void => {
    form.setTouched(true);
    if (form.problem) return;
    lastBy = form.by.trim();
    onConfirm(finding, form.reason, form.by);
  };
  return (
    <ConfirmBody
      form
      title={s.acceptTitle(finding.sheet, finding.cell)}
      cancel={s.acceptCancel}
      apply={s.acceptApply}
      onCancel={onCancel}
      onApply={submit}
      applyTestId="accept-confirm"
      contentClassName={styles.content}
    >
      <Caption1 className={styles.message}>{finding.message}</Caption1>
      <p id="kensa-accept-intro" style={{ margin: 0 }}>
        {s.acceptIntro}
      </p>
      <AcceptFields s={s} form={form} />
    </ConfirmBody>
  );
}
