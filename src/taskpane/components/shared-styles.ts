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
  /** A framed box of its own on the page (the submission set, ./SetBox.tsx, which pads it for its face). */
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  /** An item framed in a list (an open file, a book or project of the set): padded, thin border, plain background. */
  card: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});
