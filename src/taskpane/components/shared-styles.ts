/** Styles both faces share: the pane's components and browser mode's page around them. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useSharedStyles = makeStyles({
  /** A list without bullets, its items stacked (a wider gap: add `roomy`). */
  stack: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  roomy: { gap: tokens.spacingVerticalS },
  /** A framed box of its own on the page (the submission set); its padding is the box's own. */
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});
