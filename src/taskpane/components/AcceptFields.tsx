/**
 * The reason and name fields of an acceptance (確認済み), with their state, shared by the pane's dialog and browser
 * mode's panel so both faces limit and validate them the same way (ACCEPT_LIMITS, the core's wording of what is
 * wrong).
 */
import { Field, Input, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { ACCEPT_LIMITS, reasonProblem } from "../../core/accept/index";
import type { Lang } from "../../core/values/format";

/** The fields' words, as both the pane's strings and browser mode's have them. */
export interface AcceptLabels {
  acceptReason: string;
  acceptReasonHint: string;
  acceptBy: string;
}

/** What the person typed, and the core's objection to the reason (shown once the field was touched). */
export interface AcceptForm {
  reason: string;
  by: string;
  touched: boolean;
  problem: string | undefined;
  setReason: (reason: string) => void;
  setBy: (by: string) => void;
  setTouched: (touched: boolean) => void;
}

export function useAcceptForm(lang: Lang, initialBy = ""): AcceptForm {
  const [reason, setReason] = useState("");
  const [by, setBy] = useState(initialBy);
  const [touched, setTouched] = useState(false);
  return { reason, by, touched, problem: reasonProblem(reason, lang), setReason, setBy, setTouched };
}

export interface AcceptFieldsProps {
  s: AcceptLabels;
  form: AcceptForm;
  onReasonBlur?: () => void;
}

export function AcceptFields({ s, form, onReasonBlur }: AcceptFieldsProps) {
  return (
    <>
      <Field
        label={s.acceptReason}
        required
        hint={s.acceptReasonHint}
        validationState={form.touched && form.problem ? "error" : "none"}
        validationMessage={form.touched ? form.problem : undefined}
      >
        <Textarea
          value={form.reason}
          maxLength={ACCEPT_LIMITS.reason}
          resize="vertical"
          onChange={(_, d) => form.setReason(d.value)}
          onBlur={onReasonBlur}
          data-testid="accept-reason"
        />
      </Field>
      <Field label={s.acceptBy}>
        <Input
          value={form.by}
          maxLength={ACCEPT_LIMITS.by}
          onChange={(_, d) => form.setBy(d.value)}
          data-testid="accept-by"
        />
      </Field>
    </>
  );
}
