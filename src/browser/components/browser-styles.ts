/** The layout of browser mode's page (./BrowserApp.tsx): the findings lead, the file list beside or above them. */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useBrowserStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: "1280px",
    margin: "0 auto",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    // Japanese lines break between phrases (「検証します」 never splits as 「検証しま/す」); inherited by the pane
    wordBreak: "auto-phrase" as "normal",
    lineBreak: "strict",
  },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
  },
  titles: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
  files: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0, gridArea: "files" },
  // the findings lead: from 1200 px the file list is a column of its own beside the pane and the preview, so the
  // first screen shows findings however many files are open; narrower, the list sits above them
  work: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gridTemplateAreas: '"files" "pane" "aside"',
    gap: tokens.spacingHorizontalL,
    alignItems: "start",
    // ranges that do not overlap: Griffel may emit media rules in any order
    "@media (min-width: 900px) and (max-width: 1199.98px)": {
      gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
      gridTemplateAreas: '"files files" "pane aside"',
    },
    "@media (min-width: 1200px)": {
      gridTemplateColumns: "minmax(15em, 18em) minmax(0, 1fr) minmax(0, 1.25fr)",
      gridTemplateAreas: '"files pane aside"',
    },
  },
  // no file to show (none readable yet): the list alone, full width
  workFilesOnly: {
    "@media (min-width: 900px) and (max-width: 1199.98px)": {
      gridTemplateColumns: "minmax(0, 1fr)",
      gridTemplateAreas: '"files"',
    },
    "@media (min-width: 1200px)": { gridTemplateColumns: "minmax(0, 1fr)", gridTemplateAreas: '"files"' },
  },
  filesSide: {
    "@media (min-width: 1200px)": {
      position: "sticky",
      top: tokens.spacingVerticalM,
      maxHeight: `calc(100vh - 2 * ${tokens.spacingVerticalM})`,
      overflowY: "auto",
    },
  },
  pane: {
    gridArea: "pane",
    minWidth: 0,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: "hidden",
    // the pane was made for Excel's narrow side panel; here it need not fill the window's height
    "& > main": { minHeight: "auto" },
    // its 「次の問題」 walks one workbook; the page's own beside the preview walks every open file (narrower, the
    // preview comes below the pane, and the pane keeps its own at hand)
    "@media (min-width: 900px)": { "& nav[data-testid='problem-nav']": { display: "none" } },
  },
  aside: {
    gridArea: "aside",
    position: "sticky",
    top: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});
