/** The pane's title and the two check buttons (検証, 再計算・検証). */
import { Button, makeStyles, Subtitle2, tokens, Tooltip } from "@fluentui/react-components";
import { ArrowSync20Regular, TextGrammarCheckmark20Regular } from "@fluentui/react-icons";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  // one row at 350 px: the title, then the two buttons (wrapping below it only when the pane is narrower)
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

export interface HeaderProps {
  busy: boolean;
  onCheck: () => void;
  onRecalcCheck: () => void;
}

export function Header({ busy, onCheck, onRecalcCheck }: HeaderProps) {
  const styles = useStyles();
  const { s } = useI18n();
  return (
    <header className={styles.header}>
      <Subtitle2 as="h1">{s.appTitle}</Subtitle2>
      <div className={styles.buttons}>
        <Tooltip content={s.checkHint} relationship="description">
          <Button appearance="primary" icon={<TextGrammarCheckmark20Regular />} disabled={busy} onClick={onCheck}>
            {s.check}
          </Button>
        </Tooltip>
        <Tooltip content={s.recalcCheckHint} relationship="description">
          <Button icon={<ArrowSync20Regular />} disabled={busy} onClick={onRecalcCheck}>
            {s.recalcCheck}
          </Button>
        </Tooltip>
      </div>
    </header>
  );
}
