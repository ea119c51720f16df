/** The pane's title and the two check buttons (検証, 再計算・検証). */
import { Button, makeStyles, Subtitle1, tokens, Tooltip } from "@fluentui/react-components";
import { ArrowSync20Regular, TextGrammarCheckmark20Regular } from "@fluentui/react-icons";
import { useI18n } from "../i18n";

const useStyles = makeStyles({
  header: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface HeaderProps {
  busy: boolean;
  onCheck(): void;
  onRecalcCheck(): void;
}

export function Header({ busy, onCheck, onRecalcCheck }: HeaderProps) {
  const styles = useStyles();
  const { s } = useI18n();
  return (
    <header className={styles.header}>
      <Subtitle1 as="h1">{s.appTitle}</Subtitle1>
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
