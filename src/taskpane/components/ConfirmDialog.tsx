/**
 * A modal question with a title, what it is about, and 「キャンセル」 beside the action that goes on: the shape of
 * the pane's 修正 and 確認済みにする dialogs. Nothing happens until the action is pressed (or, in a form, Enter).
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { ReactNode } from "react";

export interface ConfirmDialogProps {
  open: boolean;
  /** The id of the text that says what the dialog asks. */
  describedBy: string;
  onCancel: () => void;
  children: ReactNode;
}

export function ConfirmDialog({ open, describedBy, onCancel, children }: ConfirmDialogProps) {
  return (
    <Dialog open={open} modalType="modal" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby={describedBy}>{open && children}</DialogSurface>
    </Dialog>
  );
}

export interface ConfirmBodyProps {
  title: string;
  cancel: string;
  apply: string;
  onCancel: () => void;
  onApply: () => void;
  applyTestId?: string;
  /** Enter in a field applies too: the body is a form. */
  form?: boolean;
  contentClassName?: string;
  children: ReactNode;
}

export function ConfirmBody(p: ConfirmBodyProps) {
  const body = (
    <DialogBody>
      <DialogTitle>{p.title}</DialogTitle>
      <DialogContent className={p.contentClassName}>{p.children}</DialogContent>
      <DialogActions>
        <Button appearance="secondary" onClick={p.onCancel}>
          {p.cancel}
        </Button>
        <Button appearance="primary" onClick={p.onApply} data-testid={p.applyTestId}>
          {p.apply}
        </Button>
      </DialogActions>
    </DialogBody>
  );
  if (!p.form) return body;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        p.onApply();
      }}
    >
      {body}
    </form>
  );
}
