/**
 * The reason and name fields of an acceptance (確認済み), shared by the pane's dialog and browser mode's panel so
 * both faces limit and validate them the same way (ACCEPT_LIMITS, the core's wording of what is wrong).
 */
import { Field, Input, Textarea } from "@fluentui/react-components";
import { ACCEPT_LIMITS } from "../../core/accept/index";

export interface AcceptFieldsProps {
  labels: { reason: string; reasonHint: string; by: string };
  reason: string;
  by: string;
  onReason: (reason: string) => void;
  onBy: (by: string) => void;
  /** The core's objection to the reason, shown once the field was touched. */
  problem: string | undefined;
  touched: boolean;
  onReasonBlur?: () => void;
}

export function AcceptFields(p: AcceptFieldsProps) {
  return (
    <>
      <Field
        label={p.labels.reason}
        required
        hint={p.labels.reasonHint}
        validationState={p.touched && p.problem ? "error" : "none"}
        validationMessage={p.touched ? p.problem : undefined}
      >
        <Textarea
          value={p.reason}
          maxLength={ACCEPT_LIMITS.reason}
          resize="vertical"
          onChange={(_, d) => p.onReason(d.value)}
          onBlur={p.onReasonBlur}
          data-testid="accept-reason"
        />
      </Field>
      <Field label={p.labels.by}>
        <Input value={p.by} maxLength={ACCEPT_LIMITS.by} onChange={(_, d) => p.onBy(d.value)} data-testid="accept-by" />
      </Field>
    </>
  );
}
