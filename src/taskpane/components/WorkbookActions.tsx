/**
 * Actions on the workbook besides checking: template, result sheet, highlights, and the auto re-check switch —
 * folded under one line that names them, so the first screen at 350 px is the findings'.
 */
import { makeStyles, Switch, tokens, Toolbar, ToolbarButton } from "@fluentui/react-components";
import { ArrowUndo20Regular, DocumentTable20Regular, Eraser20Regular, TableAdd20Regular } from "@fluentui/react-icons";
import { useI18n } from "../i18n";
import { Fold } from "./Fold";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  toolbar: { flexWrap: "wrap", paddingLeft: 0, paddingRight: 0 },
});

export interface WorkbookActionsProps {
  busy: boolean;
  hasResult: boolean;
  autoRecheck: boolean;
  canAutoRecheck: boolean;
  onInsertTemplate: () => void;
  onWriteResultSheet: () => void;
  onClearHighlights: () => void;
  /** Takes out everything Kensa wrote (formulas, result sheet, state sheet); absent in browser mode. */
  onRemoveAll?: () => void;
  onAutoRecheck: (on: boolean) => void;
}

export function WorkbookActions(p: WorkbookActionsProps) {
  const styles = useStyles();
  const { s } = useI18n();
  // none runs while another action does; the result sheet needs a result; 「Kensa の変更を削除」 only in Excel
  const actions = [
    { Icon: TableAdd20Regular, text: s.insertTemplate, run: p.onInsertTemplate },
    { Icon: DocumentTable20Regular, text: s.writeResultSheet, run: p.onWriteResultSheet, needsResult: true },
    { Icon: Eraser20Regular, text: s.clearHighlights, title: s.clearHighlightsHint, run: p.onClearHighlights },
    { Icon: ArrowUndo20Regular, text: s.removeAll, title: s.removeAllHint, run: p.onRemoveAll },
  ];
  return (
    <Fold summary={s.moreActionsToggle} muted data-testid="workbook-actions">
      <div className={styles.root}>
        <Toolbar aria-label={s.moreActions} size="small" className={styles.toolbar}>
          {actions.map(
            ({ Icon, text, title, run, needsResult }) =>
              run && (
                <ToolbarButton
                  key={text}
                  icon={<Icon />}
                  disabled={p.busy || (needsResult && !p.hasResult)}
                  onClick={run}
                  title={title}
                >
                  {text}
                </ToolbarButton>
              ),
          )}
        </Toolbar>
        <Switch
          label={p.canAutoRecheck ? s.autoRecheck : `${s.autoRecheck}（${s.autoRecheckUnavailable}）`}
          checked={p.autoRecheck}
          disabled={!p.canAutoRecheck}
          title={p.canAutoRecheck ? s.autoRecheckHint : s.autoRecheckUnavailable}
          onChange={(_, data) => p.onAutoRecheck(data.checked)}
        />
      </div>
    </Fold>
  );
}
