/**
 * The task pane, made for Excel's 350 px side panel and laid out so the first screen shows the first problems:
 * the check buttons, the status, one line of counts, the filters and 「前の問題」/「次の問題」, then the errors and
 * warnings by sheet. What is not a problem folds: the other workbook actions, the 提出セット box while no book
 * is added, the infos, the accepted findings (確認済み) and the counts by sheet. It talks to the workbook only
 * through the WorkbookHost it is given. Japanese lines break between phrases (word-break: auto-phrase), never
 * inside a word (「検証しま/す」).
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
import {
  findingSections,
  groupBySheet,
  problemOrder,
  rulesPresent,
  severityCounts,
  stepIndex,
  visibleFindings,
} from "../state";
import { usePane } from "../use-pane";
import { AcceptDialog } from "./AcceptDialog";
import { Fold } from "./Fold";
import { ProblemNav } from "./ProblemNav";
import { AddedBooks } from "./AddedBooks";
import { AddedFindings } from "./AddedFindings";
import { FindingFilters } from "./FindingFilters";
import { FindingGroups } from "./FindingGroups";
import { FixDialog } from "./FixDialog";
import { Header } from "./Header";
import { EmptyState, NoProblems } from "./Placeholders";
import { NotChecked } from "./NotChecked";
import { SeveritySummary } from "./SeveritySummary";
import { SheetSummary } from "./SheetSummary";
import { StatusArea } from "./StatusArea";
import { WorkbookActions } from "./WorkbookActions";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    // Japanese breaks between phrases (Chromium 119+: Edge WebView2, Excel on the web); elsewhere as before
    wordBreak: "auto-phrase" as "normal",
    lineBreak: "strict",
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  summaryLine: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  headingLine: {
    display: "flex",
    alignItems: "baseline",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
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
  /** Accepting and revoking findings (確認済み) in the pane; by default where the workbook actions are (browser
   *  mode has its own panel beside the pane). Accepted findings are shown as such either way. */
  acceptInPane?: boolean;
}

const keyOf = (f: Finding): string => `${f.rule}|${f.sheet}|${f.cell}|${f.message}`;

export function App({
  host,
  lang,
  check,
  autoCheck = false,
  workbookActions = true,
  bridge,
  addBooks = workbookActions,
  workbookName,
  readBook,
  setCheck,
  acceptInPane = workbookActions,
}: AppProps) {
  const styles = useStyles();
  const s = STRINGS[lang];
  const i18n = useMemo(() => ({ lang, s }), [lang, s]);
  const openName = workbookName || openBookName(null, lang);
  const { state, actions, workbook, canAutoRecheck, canAccept } = usePane(host, lang, s, check, bridge, {
    workbookName: openName,
    readBook,
    setCheck,
  });
  const [fixing, setFixing] = useState<Finding | null>(null);
  const [accepting, setAccepting] = useState<Finding | null>(null);
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
    // only what filters the findings: the rest of the state changes at every step of a check
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
  // unchecked: every info in one list (they say why nothing was checked)
  const sections = useMemo(
    () => (unchecked ? { problems: display, infos: [], accepted: [] } : findingSections(display)),
    [display, unchecked],
  );
  const groups = useMemo(() => groupBySheet(sections.problems), [sections]);
  const infoGroups = useMemo(() => groupBySheet(sections.infos), [sections]);
  const acceptedGroups = useMemo(() => groupBySheet(sections.accepted), [sections]);
  const visibleAdded = useCallback(
    (f: Finding) => state.severities[f.severity] && (state.rule === null || f.rule === state.rule),
    [state.severities, state.rule],
  );
  const rules = useMemo(
    () => rulesPresent(result, state.severities, state.rule),
    [result, state.severities, state.rule],
  );
  const counts = useMemo(() => severityCounts(result, state.rule), [result, state.rule]);
  const order = useMemo(() => problemOrder(sections), [sections]);
  const orderIndex = currentKey === null ? -1 : order.findIndex((f) => keyOf(f) === currentKey);

  const onSelect = useCallback(
    (f: Finding) => {
      setCurrentKey(keyOf(f));
      void actions.select(f);
    },
    [actions],
  );
  /** 「次の問題」/「前の問題」: selects the finding in the workbook and brings its row into view, with the focus. */
  const onStep = useCallback(
    (step: 1 | -1) => {
      const i = stepIndex(order.length, orderIndex, step);
      if (i < 0) return;
      const f = order[i];
      const key = keyOf(f);
      setCurrentKey(key);
      void actions.select(f);
      // after the render that opened its group
      setTimeout(() => {
        const el = Array.from(document.querySelectorAll<HTMLElement>("[data-finding-select]")).find(
          (b) => b.dataset.key === key,
        );
        el?.scrollIntoView?.({ block: "nearest" });
        el?.focus({ preventScroll: true });
      }, 0);
    },
    [order, orderIndex, actions],
  );
  const onConfirmAccept = useCallback(
    (f: Finding, reason: string, by: string) => {
      setAccepting(null);
      void actions.accept(f, reason, by);
    },
    [actions],
  );
  const accept = acceptInPane && canAccept ? setAccepting : undefined;
  const revoke = acceptInPane && canAccept ? (f: Finding) => void actions.revoke(f) : undefined;
  const rowProps = { currentKey, keyOf, onSelect, onFix: setFixing, onAccept: accept, onRevoke: revoke };
  const onConfirmFix = useCallback(
    (f: Finding) => {
      setFixing(null);
      void actions.applyFix(f);
    },
    [actions],
  );

  const time = state.checkedAt
    ? new Date(state.checkedAt).toLocaleTimeString(lang === "ja" ? "ja-JP" : "en-US", {
        hour: "2-digit",
        minute: "2-digit",
      })
    : null;

  return (
    <I18nContext.Provider value={i18n}>
      <main className={styles.root} lang={lang}>
        <Header
          busy={!!state.busy}
          onCheck={() => void actions.check()}
          onRecalcCheck={() => void actions.recalcCheck()}
        />
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
        {result && unchecked && (
          <NotChecked
            sheets={result.sheets.length}
            hasReasons={result.findings.length > 0}
            busy={!!state.busy}
            onInsertTemplate={workbookActions ? () => void actions.insertTemplate() : undefined}
          />
        )}
        {result &&
          (result.findings.length === 0 ? (
            !unchecked && <NoProblems sheets={result.sheets.length} />
          ) : (
            <section className={styles.section} aria-labelledby="kensa-findings">
              <div className={styles.headingLine}>
                <Subtitle2 as="h2" id="kensa-findings">
                  {s.findingsHeading(shown.length, result.findings.length)}
                </Subtitle2>
                {time && <Caption1 className={styles.muted}>{unchecked ? s.readAt(time) : s.checkedAt(time)}</Caption1>}
              </div>
              {!unchecked && (
                <>
                  <FindingFilters
                    counts={counts}
                    severities={state.severities}
                    rules={rules}
                    rule={state.rule}
                    onToggleSeverity={actions.toggleSeverity}
                    onRule={actions.setRule}
                  />
                  <ProblemNav count={order.length} index={orderIndex} onStep={onStep} />
                </>
              )}
              {shown.length === 0 ? (
                <p className={styles.noMatches}>{s.noMatches}</p>
              ) : (
                <>
                  {groups.length > 0 ? (
                    <div data-testid="problem-findings">
                      <FindingGroups groups={groups} {...rowProps} />
                    </div>
                  ) : (
                    !unchecked && <p className={styles.noMatches}>{s.noProblemsLeft}</p>
                  )}
                  {sections.infos.length > 0 && (
                    <Fold summary={s.infosHeading(sections.infos.length)} data-testid="info-findings">
                      <FindingGroups groups={infoGroups} {...rowProps} />
                    </Fold>
                  )}
                  {sections.accepted.length > 0 && (
                    <Fold summary={s.acceptedHeading(sections.accepted.length)} data-testid="accepted-findings">
                      <FindingGroups groups={acceptedGroups} {...rowProps} />
                    </Fold>
                  )}
                </>
              )}
            </section>
          ))}
        {result && (
          <Fold
            summary={unchecked ? s.bySheetToggle(result.sheets.length) : s.summaryToggle(result.sheets.length)}
            muted
            data-testid="by-sheet"
          >
            <section className={styles.summaryLine} aria-labelledby="kensa-summary" data-testid="result-summary">
              <Subtitle2 as="h2" id="kensa-summary" className={styles.visuallyHidden}>
                {s.summaryHeading}
              </Subtitle2>
              {!unchecked && <SeveritySummary summary={result.summary} />}
              <SheetSummary result={result} />
            </section>
          </Fold>
        )}
        {addBooks && state.set && <AddedFindings books={state.added} visible={visibleAdded} />}
        <FixDialog finding={fixing} workbook={workbook} onConfirm={onConfirmFix} onCancel={() => setFixing(null)} />
        <AcceptDialog finding={accepting} onConfirm={onConfirmAccept} onCancel={() => setAccepting(null)} />
      </main>
    </I18nContext.Provider>
  );
}
