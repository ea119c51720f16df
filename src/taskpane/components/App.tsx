/**
 * The task pane: header and actions, status, then either the empty state or the result (summary,
 * filters, findings by sheet). It talks to the workbook only through the WorkbookHost it is given.
 */
import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Finding } from "../../core/model/finding";
import { otherFilesText } from "../../core/report/other-files";
import { isUnchecked } from "../../core/report/status";
import type { WorkbookHost } from "../../host/host";
import { openBookName, type PaneSetCheckFn, type ReadBookFn } from "../added-books";
import type { PaneBridge } from "../bridge";
import { I18nContext, STRINGS, type Lang } from "../i18n";
import type { CheckFn } from "../run-check";
import { groupBySheet, rulesPresent, visibleFindings } from "../state";
import { usePane } from "../use-pane";
import { AddedBooks } from "./AddedBooks";
import { AddedFindings } from "./AddedFindings";
import { EmptyState } from "./EmptyState";
import { FindingFilters } from "./FindingFilters";
import { FindingGroups } from "./FindingGroups";
import { FixDialog } from "./FixDialog";
import { Header } from "./Header";
import { NoProblems } from "./NoProblems";
import { NotChecked } from "./NotChecked";
import { SeveritySummary } from "./SeveritySummary";
import { SheetSummary } from "./SheetSummary";
import { StatusArea } from "./StatusArea";
import { WorkbookActions } from "./WorkbookActions";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  noMatches: { color: tokens.colorNeutralForeground2, padding: tokens.spacingVerticalS },
});

export interface AppProps {
  host: WorkbookHost;
  lang: Lang;
  /** The rule engine; tests and a future Web Worker pass their own. */
  check?: CheckFn;
  /** Check once as soon as the pane mounts (browser mode, right after a file is opened). */
  autoCheck?: boolean;
  /** The workbook actions row (template, result sheet, highlights, auto re-check); browser mode hides it:
   *  its file is changed only in the annotated copy it downloads. */
  workbookActions?: boolean;
  /** The ribbon's way in (shared runtime): its commands run the pane's actions. */
  bridge?: PaneBridge;
  /** 「他のブックを追加」: other submitters' workbooks checked with the open one as one set (the Excel pane's; by default where the workbook actions are). */
  addBooks?: boolean;
  /** The open workbook's file name, when Office gives it (its name in the set). */
  workbookName?: string;
  /** Reads an added file; tests pass their own. */
  readBook?: ReadBookFn;
  /** The engine over a set; tests pass their own. */
  setCheck?: PaneSetCheckFn;
}

const keyOf = (f: Finding): string => `${f.rule}|${f.sheet}|${f.cell}|${f.message}`;

export function App({ host, lang, check, autoCheck = false, workbookActions = true, bridge, addBooks = workbookActions, workbookName, readBook, setCheck }: AppProps) {
  const styles = useStyles();
  const s = STRINGS[lang];
  const i18n = useMemo(() => ({ lang, s }), [lang, s]);
  const openName = workbookName || openBookName(null, lang);
  const { state, actions, workbook, canAutoRecheck } = usePane(host, lang, s, check, bridge, { workbookName: openName, readBook, setCheck });
  const [fixing, setFixing] = useState<Finding | null>(null);
  const [currentKey, setCurrentKey] = useState<string | null>(null);
  const { result } = state;
  // no sheet of a known kind: nothing was checked, so no counts and never "no problems"
  const unchecked = result !== null && isUnchecked(result);

  const autoChecked = useRef(false);
  useEffect(() => {
    if (!autoCheck || autoChecked.current) return;
    autoChecked.current = true;
    void actions.check();
  }, [autoCheck, actions]);

  // unchecked: only the infos saying why, all shown, with no filters (whose "エラー 0" would read as clean)
  const shown = useMemo(
    () => (unchecked && result ? result.findings : visibleFindings(state)),
    [unchecked, state.result, state.severities, state.rule],
  );
  // with added workbooks: each cross-file finding names the other files' cells after its message (display only:
  // the host gets the result as the engine gave it)
  const display = useMemo(
    () =>
      state.set
        ? shown.map((f) => {
            const others = otherFilesText(f, lang);
            return others ? { ...f, message: `${f.message} ${others}` } : f;
          })
        : shown,
    [shown, state.set, lang],
  );
  const groups = useMemo(() => groupBySheet(display), [display]);
  const visibleAdded = useCallback((f: Finding) => state.severities[f.severity] && (state.rule === null || f.rule === state.rule), [state.severities, state.rule]);
  const rules = useMemo(() => rulesPresent(result), [result]);

  const onSelect = useCallback(
    (f: Finding) => {
      setCurrentKey(keyOf(f));
      void actions.select(f);
    },
    [actions],
  );
  const onConfirmFix = useCallback(
    (f: Finding) => {
      setFixing(null);
      void actions.applyFix(f);
    },
    [actions],
  );

  const time = state.checkedAt
    ? new Date(state.checkedAt).toLocaleTimeString(lang === "ja" ? "ja-JP" : "en-US", { hour: "2-digit", minute: "2-digit" })
    : null;

  return (
    <I18nContext.Provider value={i18n}>
      <main className={styles.root} lang={lang}>
        <Header busy={!!state.busy} onCheck={() => void actions.check()} onRecalcCheck={() => void actions.recalcCheck()} />
        {workbookActions && (
          <WorkbookActions
            busy={!!state.busy}
            hasResult={!!result}
            autoRecheck={state.autoRecheck}
            canAutoRecheck={canAutoRecheck}
            onInsertTemplate={() => void actions.insertTemplate()}
            onWriteResultSheet={() => void actions.writeResultSheet()}
            onClearHighlights={() => void actions.clearHighlights()}
            onRemoveAll={() => void actions.clearHighlights(true)}
            onAutoRecheck={actions.setAutoRecheck}
          />
        )}
        <StatusArea
          busy={state.busy}
          failure={state.failure}
          notice={state.notice}
          question={state.question}
          onAnswer={actions.answer}
          onRetry={actions.retry}
          onDismiss={actions.dismiss}
        />
        {addBooks && (
          <AddedBooks
            openName={openName}
            openResult={result}
            books={state.added}
            set={state.set}
            busy={!!state.busy}
            onAdd={(files) => void actions.addBooks(files)}
            onRemove={(id) => void actions.removeBook(id)}
          />
        )}
        {!result && !state.busy && <EmptyState />}
        {result && (
          <>
            <section className={styles.section} aria-labelledby="kensa-summary">
              <Subtitle2 as="h2" id="kensa-summary">
                {s.summaryHeading}
              </Subtitle2>
              {time && <Caption1 className={styles.muted}>{unchecked ? s.readAt(time) : s.checkedAt(time)}</Caption1>}
              {unchecked ? (
                <NotChecked
                  sheets={result.sheets.length}
                  hasReasons={result.findings.length > 0}
                  busy={!!state.busy}
                  onInsertTemplate={workbookActions ? () => void actions.insertTemplate() : undefined}
                />
              ) : (
                <SeveritySummary summary={result.summary} />
              )}
              <SheetSummary result={result} />
            </section>
            {result.findings.length === 0 ? (
              !unchecked && <NoProblems sheets={result.sheets.length} />
            ) : (
              <section className={styles.section} aria-labelledby="kensa-findings">
                <Subtitle2 as="h2" id="kensa-findings">
                  {s.findingsHeading(shown.length, result.findings.length)}
                </Subtitle2>
                {!unchecked && (
                  <FindingFilters
                    summary={result.summary}
                    severities={state.severities}
                    rules={rules}
                    rule={state.rule}
                    onToggleSeverity={actions.toggleSeverity}
                    onRule={actions.setRule}
                  />
                )}
                {groups.length === 0 ? (
                  <p className={styles.noMatches}>{s.noMatches}</p>
                ) : (
                  <FindingGroups groups={groups} currentKey={currentKey} keyOf={keyOf} onSelect={onSelect} onFix={setFixing} />
                )}
              </section>
            )}
          </>
        )}
        {addBooks && state.set && <AddedFindings books={state.added} visible={visibleAdded} />}
        <FixDialog finding={fixing} workbook={workbook} onConfirm={onConfirmFix} onCancel={() => setFixing(null)} />
      </main>
    </I18nContext.Provider>
  );
}
