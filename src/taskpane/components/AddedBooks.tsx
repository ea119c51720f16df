/**
 * 「他のブックを追加」: the submission set in the Excel pane (DOMAIN §3.4). The open workbook and the files added
 * from disk (read in the pane, never uploaded), each with its counts and a button to take it out again; a file
 * that cannot be read says why. Once checked, one line says whether 全体 and PJ1–PJ8 are all there (which are
 * missing or claimed twice), the places each was found (folded), and the counts of the whole set. Made for the
 * 350 px pane: one column, browser mode's wording (src/browser/strings.ts). While no book is added the box is
 * one folded line, so the open workbook's findings come first.
 */
import { Badge, Button, Caption1, makeStyles, mergeClasses, Spinner, Text, tokens } from "@fluentui/react-components";
import { Delete20Regular, DocumentAdd20Regular } from "@fluentui/react-icons";
import { useRef, type ChangeEvent } from "react";
import { addSummary, type CheckResult, type Summary } from "../../core/engine";
import { isUnchecked } from "../../core/report/status";
import { BROWSER_STRINGS } from "../../browser/strings";
import type { AddedBook, PaneSet } from "../added-books";
import { ADDED_STRINGS } from "../added-strings";
import { useI18n } from "../i18n";
import { Fold } from "./Fold";
import { SetBox, SetHeading } from "./SetBox";
import { SetStatus, useStatusLineStyles } from "./SetStatus";
import { useSharedStyles } from "./shared-styles";

const useStyles = makeStyles({
  item: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  itemText: { display: "flex", flexDirection: "column", gap: "2px", flexGrow: 1, minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  error: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
  places: { fontSize: tokens.fontSizeBase200 },
  summary: {
    cursor: "pointer",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  placeList: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: 0,
    listStyle: "none",
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  hidden: { display: "none" },
});

export interface AddedBooksProps {
  /** The open workbook's name in the set. */
  openName: string;
  /** The open workbook's last result (null before a check). */
  openResult: CheckResult | null;
  books: AddedBook[];
  set: PaneSet | null;
  busy: boolean;
  onAdd: (files: File[]) => void;
  onRemove: (id: string) => void;
}

export function AddedBooks({ openName, openResult, books, set, busy, onAdd, onRemove }: AddedBooksProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const line = useStatusLineStyles();
  const { lang } = useI18n();
  const a = ADDED_STRINGS[lang];
  const b = BROWSER_STRINGS[lang];
  const input = useRef<HTMLInputElement>(null);
  const reading = books.some((x) => x.status === "reading");
  const counts = (r: CheckResult) =>
    isUnchecked(r) ? a.notChecked : a.counts(r.summary.error, r.summary.warning, r.summary.info);

  const onPick = (e: ChangeEvent<HTMLInputElement>): void => {
    const files = Array.from(e.target.files ?? []);
    e.target.value = "";
    if (files.length) onAdd(files);
  };

  // the whole set's counts, files not checked or not readable counted apart
  let total: string | null = null;
  if (set && openResult) {
    const results = [openResult, ...books.map((x) => x.result).filter((r): r is CheckResult => !!r)];
    const sum = results.reduce((t, r) => addSummary(t, r.summary), { error: 0, warning: 0, info: 0 } as Summary);
    const unreadable = books.filter((x) => x.status === "error").length;
    total = b.setTotal(
      1 + books.length,
      results.filter(isUnchecked).length,
      unreadable,
      sum.error,
      sum.warning,
      sum.info,
      sum.accepted || undefined,
    );
  }
  const s = set?.set;

  if (books.length === 0)
    return (
      <Fold summary={a.foldedHeading} muted data-testid="pane-set-folded">
        <SetBox data-testid="pane-set">
          <SetHeading>{a.heading}</SetHeading>
          <Caption1 className={shared.muted}>{a.intro}</Caption1>
          {addButton()}
        </SetBox>
      </Fold>
    );

  function addButton() {
    return (
      <div>
        <Button
          icon={<DocumentAdd20Regular />}
          disabled={busy || reading}
          onClick={() => input.current?.click()}
          aria-describedby="kensa-add-hint"
          data-testid="add-books"
        >
          {a.add}
        </Button>
        <Caption1 id="kensa-add-hint" className={shared.muted} block>
          {a.addHint}
        </Caption1>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          multiple
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
          tabIndex={-1}
          aria-hidden
          onChange={onPick}
          data-testid="add-books-input"
        />
      </div>
    );
  }

  return (
    <SetBox data-testid="pane-set" data-rollup={s?.rollup} data-missing={s?.missing.join(",")}>
      <SetHeading>{a.heading}</SetHeading>
      {addButton()}

      {books.length > 0 && (
        <ul className={shared.stack} aria-label={a.listLabel} data-testid="set-books">
          <li
            className={mergeClasses(shared.card, styles.item)}
            data-testid="set-book"
            data-file={openName}
            data-open="true"
          >
            <span className={styles.itemText}>
              <Text className={styles.name}>{openName}</Text>
              <span className={line.line}>
                <Badge size="small" appearance="tint" color="brand">
                  {a.openBadge}
                </Badge>
                {openResult && set && <Caption1 className={shared.muted}>{counts(openResult)}</Caption1>}
              </span>
            </span>
          </li>
          {books.map((x) => (
            <li
              key={x.id}
              className={mergeClasses(shared.card, styles.item)}
              data-testid="set-book"
              data-file={x.name}
              data-status={x.status}
            >
              <span className={styles.itemText}>
                <Text className={styles.name}>{x.name}</Text>
                {x.setName && <Caption1 className={shared.muted}>{a.setName(x.setName)}</Caption1>}
                {x.status === "reading" ? (
                  <Spinner size="extra-tiny" labelPosition="after" label={a.reading} />
                ) : x.status === "error" ? (
                  <Caption1 className={styles.error} role="alert" data-testid="book-error">
                    {a.cannotRead(x.name, x.error ?? "?")}
                  </Caption1>
                ) : x.result ? (
                  <Caption1 className={shared.muted} data-testid="book-counts">
                    {counts(x.result)}
                  </Caption1>
                ) : null}
              </span>
              <Button
                size="small"
                appearance="subtle"
                icon={<Delete20Regular />}
                disabled={busy || x.status === "reading"}
                aria-label={a.removeLabel(x.name)}
                title={a.removeLabel(x.name)}
                onClick={() => onRemove(x.id)}
                data-testid="remove-book"
              >
                {a.remove}
              </Button>
            </li>
          ))}
        </ul>
      )}

      {s && (
        <div aria-live="polite" data-testid="pane-set-status">
          <SetStatus
            s={b}
            rollup={s.rollup}
            missing={s.missing}
            duplicates={s.duplicates}
            placesOf={(code) =>
              s.projects.find((p) => p.project === code)?.sheets.map((x) => b.setPlace(x.file, x.sheet)) ?? []
            }
          />
        </div>
      )}
      {s && s.rollup !== "none" && (
        <details className={styles.places}>
          <summary className={styles.summary}>{a.placesToggle}</summary>
          <ul className={styles.placeList} data-testid="pane-set-places">
            {s.projects.map((p) => (
              <li key={p.project} data-project={p.project}>
                <span className={line.strong}>{p.project}</span>{" "}
                {p.sheets.length === 0
                  ? b.setMissingBadge
                  : p.sheets.map((x) => b.setPlace(x.file, x.sheet)).join("、")}
                {p.sheets.length > 1 && ` (${b.setDuplicateBadge})`}
              </li>
            ))}
          </ul>
        </details>
      )}
      {total && (
        <Text className={line.strong} data-testid="pane-set-total">
          {total}
        </Text>
      )}
    </SetBox>
  );
}
