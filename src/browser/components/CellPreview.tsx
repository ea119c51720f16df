/**
 * The surrounding-cells preview: a small grid (column letters, row numbers) around the selected
 * finding's cells, read from the workbook model, with the finding's cells marked. It stands in for
 * Excel selecting the cells.
 */
import { Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import type { CellPreview as CellPreviewModel } from "../preview";
import type { BrowserStrings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, fontVariantNumeric: "tabular-nums" },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `2px ${tokens.spacingHorizontalS}`,
    textAlign: "center",
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: `2px ${tokens.spacingHorizontalS}`,
    maxWidth: "7em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    textAlign: "end",
    color: tokens.colorNeutralForeground1,
  },
  text: { textAlign: "start" },
  selected: { backgroundColor: "#FFF4CE", outline: `2px solid ${tokens.colorPaletteDarkOrangeBorder2}`, outlineOffset: "-2px" },
  primary: { backgroundColor: "#FDE7E9", outline: `2px solid ${tokens.colorPaletteRedBorder2}`, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  block: { display: "block" },
  legend: { display: "inline-block", width: "0.9em", height: "0.9em", marginRight: tokens.spacingHorizontalXS, verticalAlign: "middle" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  others: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    "& li": { overflowWrap: "anywhere" },
  },
  value: { marginLeft: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
});

const NUMERIC = /^[\s▲△+\-−]?[\d,.]+(%|件|人|億円)?$/;

export interface CellPreviewProps {
  preview: CellPreviewModel | null;
  s: BrowserStrings;
}

export function CellPreview({ preview, s }: CellPreviewProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="kensa-preview-heading" data-testid="cell-preview">
      <Subtitle2 as="h2" id="kensa-preview-heading">
        {s.previewHeading}
      </Subtitle2>
      <div aria-live="polite">
        {!preview && <Caption1 className={styles.muted}>{s.previewEmpty}</Caption1>}
        {preview?.missingSheet && <Caption1>{s.previewMissingSheet(preview.sheet)}</Caption1>}
        {preview && preview.rows.length > 0 && (
          <div className={styles.scroll}>
            <table className={styles.table} data-testid="preview-grid" data-sheet={preview.sheet} data-anchor={preview.anchor}>
              <caption className={styles.muted} style={{ textAlign: "start", paddingBottom: 4 }}>
                {s.previewOf(preview.sheet, preview.anchor)}
              </caption>
              <thead>
                <tr>
                  <td className={styles.head} />
                  {preview.columns.map((c) => (
                    <th key={c} scope="col" className={styles.head}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.number}>
                    <th scope="row" className={styles.head}>
                      {row.number}
                    </th>
                    {row.cells.map((c) => (
                      <td
                        key={c.address}
                        className={mergeClasses(
                          styles.cell,
                          !NUMERIC.test(c.text) && styles.text,
                          c.selected && styles.selected,
                          c.primary && styles.primary,
                        )}
                        data-address={c.address}
                        data-selected={c.selected ? "true" : undefined}
                        data-primary={c.primary ? "true" : undefined}
                        title={c.formula ? `${c.address}  ${s.previewFormula(c.formula)}` : c.address}
                      >
                        {c.text}
                        {c.selected && <span style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}>{` (${s.previewSelected})`}</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {preview && preview.rows.length > 0 && (
          <Caption1 className={mergeClasses(styles.muted, styles.block)}>
            <span className={mergeClasses(styles.legend, styles.primary)} aria-hidden />
            <span className={mergeClasses(styles.legend, styles.selected)} aria-hidden />
            {s.previewSelected}
          </Caption1>
        )}
        {preview && preview.otherFiles.length > 0 && (
          <>
            <Caption1 className={mergeClasses(styles.muted, styles.block)} id="kensa-preview-other-files">
              {s.previewOtherFiles}
            </Caption1>
            <ul className={styles.others} aria-labelledby="kensa-preview-other-files" data-testid="preview-other-files">
              {preview.otherFiles.map((c) => (
                <li key={c.ref} data-ref={c.ref} data-file={c.file}>
                  <span>{s.previewOtherCell(c.file, c.sheet, c.cell)}</span>
                  <span className={styles.value}>{c.text !== undefined ? (c.text === "" ? "—" : c.text) : s.previewNoValue}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {preview && preview.elsewhere.length > 0 && (
          <>
            <Caption1 className={mergeClasses(styles.muted, styles.block)}>{s.previewElsewhere}</Caption1>
            <ul className={styles.list} data-testid="preview-elsewhere">
              {preview.elsewhere.map((ref) => (
                <li key={ref}>{ref}</li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
