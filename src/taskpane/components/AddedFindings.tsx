/**
 * 「追加したブック」: the findings whose first cell is in a workbook added to the set. Listed as text only — never a
 * button that would select, colour or fix a cell in Excel (the cells are in another file) — one group per file,
 * with the sheet and cell, the message, the numbers and the cells in other files of the set.
 */
import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/model/finding";
import { otherFilesText } from "../../core/report/other-files";
import type { AddedBook } from "../added-books";
import { ADDED_STRINGS } from "../added-strings";
import { formatValue, useI18n } from "../i18n";
import { SeverityIcon } from "./SeverityIcon";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
  file: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  list: { margin: 0, padding: 0, listStyle: "none" },
  row: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  text: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  cell: { fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  message: { overflowWrap: "anywhere" },
  rule: { color: tokens.colorNeutralForeground3 },
});

export interface AddedFindingsProps {
  books: AddedBook[];
  /** Which findings to show (the pane's severity and rule filters). */
  visible: (f: Finding) => boolean;
}

export function AddedFindings({ books, visible }: AddedFindingsProps) {
  const styles = useStyles();
  const { s, lang } = useI18n();
  const a = ADDED_STRINGS[lang];
  const groups = books
    .filter((b) => b.result)
    .map((b) => ({ book: b, findings: b.result!.findings.filter(visible) }))
    .filter((g) => g.findings.length > 0);
  const total = groups.reduce((n, g) => n + g.findings.length, 0);
  if (books.every((b) => !b.result)) return null;
  return (
    <section className={styles.section} aria-labelledby="kensa-added-findings" data-testid="added-findings">
      <Subtitle2 as="h2" id="kensa-added-findings">
        {a.findingsHeading(total)}
      </Subtitle2>
      <Caption1 className={styles.muted}>{total ? a.findingsIntro : a.noFindings}</Caption1>
      {groups.map(({ book, findings }, gi) => {
        const name = book.setName ?? book.name;
        const id = `kensa-added-file-${gi}`;
        return (
          <div key={book.id} data-testid="added-file" data-file={name}>
            <h3 className={styles.file} id={id}>
              {a.fileGroup(name, findings.length)}
            </h3>
            <ul className={styles.list} aria-labelledby={id}>
              {findings.map((f, i) => {
                const others = otherFilesText(f, lang);
                return (
                  <li
                    key={`${f.rule}|${f.sheet}|${f.cell}|${i}`}
                    className={styles.row}
                    data-testid="added-finding"
                    data-file={name}
                    data-sheet={f.sheet}
                    data-cell={f.cell}
                    data-rule={f.rule}
                    data-severity={f.severity}
                  >
                    <SeverityIcon severity={f.severity} />
                    <span className={styles.text}>
                      <span className={styles.cell}>
                        {f.sheet}!{f.cell}
                      </span>
                      <span className={styles.message}>{f.message}</span>
                      {(f.expected !== undefined || f.actual !== undefined) && (
                        <Caption1 className={styles.muted}>
                          {f.actual !== undefined && `${s.actual} ${formatValue(f.actual)}`}
                          {f.expected !== undefined && f.actual !== undefined && " / "}
                          {f.expected !== undefined && `${s.expected} ${formatValue(f.expected)}`}
                        </Caption1>
                      )}
                      {others && <Caption1 className={styles.muted}>{others}</Caption1>}
                      <Caption1 className={styles.rule}>{f.rule}</Caption1>
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
