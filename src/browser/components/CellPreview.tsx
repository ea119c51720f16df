/**
 * The surrounding-cells preview: a small grid around the selected finding's cells, with column letters and row
 * numbers as a spreadsheet has them (the headers of the finding's rows and columns tinted, as Excel tints them),
 * read from the workbook model. Above it, what the finding's cell is (its row's item and its column's header);
 * below it, the finding's cells on other sheets and in other files, each with what it holds. It stands in for
 * Excel selecting the cells.
 */
import { Caption1, makeStyles, mergeClasses, Subtitle2, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { CellLabel, CellPreview as CellPreviewModel } from "../preview";
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
    minWidth: "2em",
  },
  // the headers of the selected cells' rows and columns, as Excel marks them
  headActive: {
    backgroundColor: tokens.colorNeutralBackground5,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
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
  text: { textAlign: "start", maxWidth: "6em" },
  selected: {
    backgroundColor: "#FFF4CE",
    outline: `2px solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    outlineOffset: "-2px",
  },
  primary: {
    backgroundColor: "#FDE7E9",
    outline: `2px solid ${tokens.colorPaletteRedBorder2}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  block: { display: "block" },
  spaced: { marginTop: tokens.spacingVerticalS },
  legend: {
    display: "inline-block",
    width: "0.9em",
    height: "0.9em",
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: "middle",
  },
  what: {
    display: "grid",
    gridTemplateColumns: "max-content minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: "2px",
    margin: `0 0 ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase300,
    "& dt": { color: tokens.colorNeutralForeground2 },
    "& dd": { margin: 0, fontWeight: tokens.fontWeightSemibold },
  },
  crumb: {
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  related: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  ref: { fontFamily: tokens.fontFamilyMonospace },
  value: {
    marginLeft: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  relatedLabel: { display: "block", color: tokens.colorNeutralForeground2 },
});

const NUMERIC = /^[\s▲△+\-−]?[\d,.]+(%|件|人|億円)?$/;

/** 「1 企業導出件数 › 導出形態別 › 実施許諾契約」: the parts of an item, outermost first. */
function Crumbs({ parts, className }: { parts: string[]; className: string }) {
  return (
    <>
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && (
            <span className={className} aria-hidden>
              ›
            </span>
          )}
          {p}
        </span>
      ))}
    </>
  );
}

const labelText = (label: CellLabel | undefined): string | undefined =>
  label && label.row.length > 0 ? label.row.join(" › ") : undefined;

interface RelatedCell {
  /** `data-ref` (the key) and where the cell is, for tests and tools. */
  data: { "data-ref": string } & Record<`data-${string}`, string>;
  where: string;
  value: string;
  label?: string;
}

/** The finding's cells elsewhere (other sheets, other files) under a heading: where each is, what it holds. */
function RelatedCells(p: { name: "elsewhere" | "other-files"; heading: string; refs?: boolean; cells: RelatedCell[] }) {
  const styles = useStyles();
  const id = `kensa-preview-${p.name}`;
  return (
    <>
      <Caption1 className={mergeClasses(styles.muted, styles.block, styles.spaced)} id={id}>
        {p.heading}
      </Caption1>
      <ul className={styles.related} aria-labelledby={id} data-testid={`preview-${p.name}`}>
        {p.cells.map((c) => (
          <li key={c.data["data-ref"]} {...c.data}>
            {/* a sheet!cell reference in the monospace of references; another file's cell in words */}
            <span className={p.refs ? styles.ref : undefined}>{c.where}</span>
            <span className={styles.value} data-testid="related-value">
              {c.value}
            </span>
            {c.label && (
              <Caption1 className={styles.relatedLabel} data-testid="related-label">
                {c.label}
              </Caption1>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export interface CellPreviewProps {
  preview: CellPreviewModel | null;
  s: BrowserStrings;
}

export function CellPreview({ preview, s }: CellPreviewProps) {
  const styles = useStyles();
  const scroll = useRef<HTMLDivElement>(null);
  // a grid wider than the panel scrolls: the finding's own cell is brought into view, never left out of sight
  useEffect(() => {
    const box = scroll.current;
    const cell = box?.querySelector<HTMLElement>("td[data-primary]");
    if (!box || !cell) return;
    if (cell.offsetLeft + cell.offsetWidth > box.scrollLeft + box.clientWidth || cell.offsetLeft < box.scrollLeft) {
      box.scrollLeft = Math.max(0, cell.offsetLeft + cell.offsetWidth - box.clientWidth);
    }
  }, [preview]);
  const shown = (text: string | undefined) =>
    text === undefined ? s.previewNoValue : text === "" ? s.previewBlank : text;
  const selectedRows = new Set(preview?.rows.filter((r) => r.cells.some((c) => c.selected)).map((r) => r.number));
  const selectedCols = new Set(preview?.columns.filter((_, i) => preview.rows.some((r) => r.cells[i]?.selected)));
  return (
    <section className={styles.root} aria-labelledby="kensa-preview-heading" data-testid="cell-preview">
      <Subtitle2 as="h2" id="kensa-preview-heading">
        {s.previewHeading}
      </Subtitle2>
      <div aria-live="polite">
        {!preview && <Caption1 className={styles.muted}>{s.previewEmpty}</Caption1>}
        {preview?.missingSheet && <Caption1>{s.previewMissingSheet(preview.sheet)}</Caption1>}
        {preview && preview.rows.length > 0 && (
          <dl className={styles.what} data-testid="preview-label">
            <dt>{s.previewCell}</dt>
            <dd data-testid="preview-cell">{`${preview.sheet}!${preview.anchor}`}</dd>
            {preview.label && preview.label.row.length > 0 && (
              <>
                <dt>{s.previewRowLabel}</dt>
                <dd data-testid="preview-row-label">
                  <Crumbs parts={preview.label.row} className={styles.crumb} />
                </dd>
              </>
            )}
            {preview.label?.column && (
              <>
                <dt>{s.previewColumnLabel}</dt>
                <dd data-testid="preview-column-label">{preview.label.column}</dd>
              </>
            )}
          </dl>
        )}
        {preview && preview.rows.length > 0 && (
          <div className={styles.scroll} ref={scroll}>
            <table
              className={styles.table}
              data-testid="preview-grid"
              data-sheet={preview.sheet}
              data-anchor={preview.anchor}
            >
              <caption className={styles.muted} style={{ textAlign: "start", paddingBottom: 4 }}>
                {s.previewOf(preview.sheet, preview.anchor)}
              </caption>
              <thead>
                <tr>
                  <td className={styles.head} aria-hidden />
                  {preview.columns.map((c) => (
                    <th
                      key={c}
                      scope="col"
                      className={mergeClasses(styles.head, selectedCols.has(c) && styles.headActive)}
                      data-active={selectedCols.has(c) ? "true" : undefined}
                    >
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.number}>
                    <th
                      scope="row"
                      className={mergeClasses(styles.head, selectedRows.has(row.number) && styles.headActive)}
                      data-active={selectedRows.has(row.number) ? "true" : undefined}
                    >
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
                        title={[
                          `${c.address}${c.text ? `: ${c.text}` : ""}`,
                          c.formula ? s.previewFormula(c.formula) : "",
                        ]
                          .filter(Boolean)
                          .join("\n")}
                      >
                        {c.text}
                        {c.selected && (
                          <span
                            style={{
                              position: "absolute",
                              width: 1,
                              height: 1,
                              overflow: "hidden",
                              clip: "rect(0 0 0 0)",
                            }}
                          >{` (${s.previewSelected})`}</span>
                        )}
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
        {preview && preview.elsewhere.length > 0 && (
          <RelatedCells
            name="elsewhere"
            heading={s.previewElsewhere}
            refs
            cells={preview.elsewhere.map((c) => ({
              data: { "data-ref": c.ref, "data-sheet": c.sheet, "data-cell": c.cell },
              where: `${c.sheet}!${c.cell}`,
              value: shown(c.text),
              label: labelText(c.label),
            }))}
          />
        )}
        {preview && preview.otherFiles.length > 0 && (
          <RelatedCells
            name="other-files"
            heading={s.previewOtherFiles}
            cells={preview.otherFiles.map((c) => ({
              data: { "data-ref": c.ref, "data-file": c.file },
              where: s.previewOtherCell(c.file, c.sheet, c.cell),
              value: shown(c.text),
            }))}
          />
        )}
      </div>
    </section>
  );
}
