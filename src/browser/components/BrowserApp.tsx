/**
 * Browser mode: the task pane page opened outside Office. The user opens one or more local .xlsx files
 * (picker or drag and drop); they are read and checked here, in the page, with the same core. Every open file
 * is one submission set (DOMAIN §3.4), checked as `kensa check` checks the files given to it: the set is
 * checked again whenever a file is added, removed or changed, so cross-file findings appear and disappear in
 * files that were not touched. The set summary sits above the per-file list; the findings pane (the same App as
 * in Excel) shows the chosen file's findings over a BrowserHost, cross-file ones naming the other files' cells;
 * the surrounding cells stand in for Excel's selection; each file's annotated copy can be downloaded, and the
 * findings workbook of the whole set (「まとめてダウンロード」).
 * Nothing is uploaded: there is no server side at all.
 */
import {
  Body1,
  Button,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownload20Regular, ShieldLock20Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { SetSummary as SetSummaryModel } from "../../core/engine";
import { AcceptanceError } from "../../core/accept/index";
import type { Finding } from "../../core/model/finding";
import type { Lang } from "../../core/values/format";
import { App } from "../../taskpane/components/App";
import { yieldToBrowser, type CheckFn } from "../../taskpane/run-check";
import { BrowserHost, templateFile, toHostError } from "../browser-host";
import { withOtherFiles } from "../cross-file";
import { saveBytes } from "../download";
import { lookupCell, type CellPreview as CellPreviewModel } from "../preview";
import {
  defaultSetCheck,
  findingsFileName,
  sameResult,
  SetChecker,
  setOverview,
  setTableFiles,
  type FileEntry,
  type SetCheckFn,
  type SetMember,
  type SetRun,
} from "../set-check";
import { BROWSER_STRINGS } from "../strings";
import { AcceptPanel } from "./AcceptPanel";
import { CellPreview } from "./CellPreview";
import { FileDrop } from "./FileDrop";
import { FileList } from "./FileList";
import { problemKey, problemsOf, step, type Problem } from "./problems";
import { ProblemNav } from "./ProblemNav";
import { SetSummary } from "./SetSummary";

export type { FileEntry } from "../set-check";

const useStyles = makeStyles({
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

/**
 * The select button of a finding's row in the pane, when the pane shows it (not filtered out, its sheet not
 * folded). `nth`: which of the findings with the same rule, sheet and cell (the pane lists them in the engine's order).
 */
function paneRow(root: HTMLElement, f: Finding, nth: number): HTMLButtonElement | null {
  let seen = 0;
  for (const row of Array.from(root.querySelectorAll<HTMLElement>('[data-testid="finding"]'))) {
    if (row.dataset.rule !== f.rule) continue;
    const sheet = row.closest<HTMLElement>("[data-sheet]")?.dataset.sheet;
    if (sheet !== undefined && sheet !== f.sheet) continue;
    const cell = row.dataset.cell ?? row.querySelector("[data-finding-select] span span")?.textContent;
    if (cell !== f.cell) continue;
    if (seen++ === nth) return row.querySelector<HTMLButtonElement>("[data-finding-select]");
  }
  return null;
}

/** How long a file switched to by 「次の問題」 may take to show its findings before the preview alone shows the problem. */
const PANE_WAIT_MS = 20_000;

let nextId = 1;

/** The set summary appears once two files are open (one file alone is its own set: its pane says it all). */
const SET_FROM = 2;

export interface BrowserAppProps {
  lang: Lang;
  /** The engine over the set; tests pass their own. */
  checkSet?: SetCheckFn;
}

export function BrowserApp({ lang, checkSet = defaultSetCheck }: BrowserAppProps) {
  const styles = useStyles();
  const s = BROWSER_STRINGS[lang];
  const checker = useMemo(() => new SetChecker(lang, checkSet), [lang, checkSet]);
  const [files, setFiles] = useState<FileEntry[]>([]);
  const [activeId, setActiveIdState] = useState<string | null>(null);
  const [downloading, setDownloading] = useState<ReadonlySet<string>>(new Set());
  const [downloadingAll, setDownloadingAll] = useState(false);
  const [notice, setNotice] = useState<{ text: string; intent: "success" | "error" } | null>(null);
  const [version, setVersion] = useState(0);
  const [preview, setPreview] = useState<CellPreviewModel | null>(null);
  const [accepting, setAccepting] = useState(false);
  const [set, setSet] = useState<SetSummaryModel | null>(null);
  const [setChecks, setSetChecks] = useState(0);
  // bumped when a check of the set changed the shown file's findings: the pane is shown afresh
  const [paneNonce, setPaneNonce] = useState(0);
  // kept in step with every change, so that a check queued now sees the files as they are when it runs
  const filesRef = useRef(files);
  const activeRef = useRef(activeId);
  const paneRef = useRef<HTMLDivElement>(null);
  const filesBoxRef = useRef<HTMLElement>(null);
  // 「次の問題」: where it stands, and a problem to select once its file's pane shows it
  const [navAt, setNavAt] = useState<{ fileId: string; key: string } | null>(null);
  const pendingRef = useRef<Problem | null>(null);

  const commit = useCallback((next: (prev: FileEntry[]) => FileEntry[]) => {
    filesRef.current = next(filesRef.current);
    setFiles(filesRef.current);
  }, []);
  const setActiveId = useCallback((id: string | null) => {
    activeRef.current = id;
    setActiveIdState(id);
  }, []);

  const update = useCallback(
    (id: string, patch: Partial<FileEntry>) =>
      commit((prev) => prev.map((f) => (f.id === id ? { ...f, ...patch } : f))),
    [commit],
  );

  /** The readable files, in the order opened: the set. */
  const members = useCallback(
    (): SetMember[] =>
      filesRef.current
        .filter((f) => (f.status === "checking" || f.status === "ready") && f.host)
        .map((f) => ({ id: f.id, name: f.name, host: f.host! })),
    [],
  );

  /** What a cell of another open file shows (the preview lists other files' cells with their values). */
  const lookup = useCallback((file: string, sheet: string, cell: string): string | undefined => {
    const entry = filesRef.current.find((f) => f.host && (f.setName ?? f.name) === file);
    const workbook = entry?.host?.loaded;
    return workbook ? lookupCell(workbook, sheet, cell) : undefined;
  }, []);

  /**
   * Gives each file its result from a check of the set, and the summary its projects. `paneId`: the file whose
   * pane asked for this check (it shows the result it gets); any other shown file whose findings changed is
   * shown afresh.
   */
  const apply = useCallback(
    (run: SetRun, paneId: string | null) => {
      let shownChanged = false;
      for (const id of run.ids) {
        const entry = filesRef.current.find((f) => f.id === id);
        const result = run.results.get(id);
        if (!entry?.host || !result) continue;
        if (
          id === activeRef.current &&
          id !== paneId &&
          entry.status === "ready" &&
          !sameResult(entry.host.result, result)
        )
          shownChanged = true;
        if (entry.host.result !== result) void entry.host.highlight(result);
      }
      commit((prev) =>
        prev.map((f) => {
          if (!run.ids.includes(f.id) || !f.host) return f;
          const failure = run.failures.get(f.id);
          if (failure)
            return { ...f, status: "error", host: undefined, error: s.checkFailed(failure), errorCode: "internal" };
          const name = run.names.get(f.id);
          return { ...f, status: "ready", setName: name && name !== f.name ? name : undefined };
        }),
      );
      setSet(run.set);
      if (shownChanged) setPaneNonce((n) => n + 1);
    },
    [commit, s],
  );

  /** Checks the set again (a file was added or removed). */
  const recheck = useCallback(async (): Promise<void> => {
    setSetChecks((n) => n + 1);
    try {
      apply(await checker.run(members), null);
    } catch (err) {
      setNotice({ text: toHostError(err, lang).message, intent: "error" });
    } finally {
      setSetChecks((n) => n - 1);
    }
  }, [apply, checker, members, lang]);

  /** The pane's engine for one file: checks the whole set (or takes its last check) and gives this file's part. */
  const paneCheck = useCallback(
    (id: string): CheckFn =>
      async (_workbook, paneLang) => {
        setSetChecks((n) => n + 1);
        try {
          const run = await checker.run(members);
          apply(run, id);
          const result = run.results.get(id);
          if (!result) throw new Error(run.failures.get(id) ?? "?");
          return withOtherFiles(result, paneLang);
        } finally {
          setSetChecks((n) => n - 1);
        }
      },
    [apply, checker, members],
  );

  const open = useCallback(
    async (list: File[]) => {
      const added: FileEntry[] = list.map((file) => ({ id: `f${nextId++}`, name: file.name, status: "reading" }));
      commit((prev) => [...prev, ...added]);
      setNotice(null);
      for (let i = 0; i < list.length; i++) {
        const { id, name } = added[i];
        try {
          const bytes = new Uint8Array(await list[i].arrayBuffer());
          const host = new BrowserHost(name, bytes, lang);
          host.subscribe(() => setVersion((v) => v + 1));
          host.lookupOther = lookup;
          // a cross-file finding's fingerprint reads the other open files' cells
          host.otherWorkbook = (setName) =>
            filesRef.current.find((f) => f.host && (f.setName ?? f.name) === setName)?.host?.loaded ?? undefined;
          await host.read();
          // closed while it was being read: nothing to do
          if (filesRef.current.some((f) => f.id === id)) update(id, { status: "checking", host });
        } catch (err) {
          const e = toHostError(err, lang);
          update(id, { status: "error", error: e.message, errorCode: e.code, host: undefined });
        }
      }
      await yieldToBrowser();
      await recheck();
      // show the first file of this batch with an error or warning (the first readable one when none has), unless one
      // is shown already: the page leads with the problems
      const shown = filesRef.current.find((f) => f.id === activeRef.current && f.status === "ready");
      if (!shown) {
        const batch = filesRef.current.filter((f) => added.some((a) => a.id === f.id) && f.status === "ready");
        const first =
          batch.find((f) => f.host?.result && f.host.result.summary.error + f.host.result.summary.warning > 0) ??
          batch[0];
        if (first) setActiveId(first.id);
      }
    },
    [commit, update, lang, lookup, recheck, setActiveId],
  );

  const active = files.find((f) => f.id === activeId && f.status === "ready" && f.host);
  const activeHost = active?.host;

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the preview follows the host subscribed to just below
    setPreview(activeHost?.preview ?? null);
    if (!activeHost) return;
    return activeHost.subscribe((e) => {
      if (e === "selection" || e === "fix") setPreview(activeHost.preview);
      // a finding selected in the pane (or by 「次の問題」): the next step starts from it
      const selected = e === "selection" ? activeHost.selectedFinding : null;
      if (selected && activeRef.current) setNavAt({ fileId: activeRef.current, key: problemKey(selected) });
    });
  }, [activeHost]);

  // the shown file kept in sight in the file list's own scroll (「次の問題」 may switch to a file far down the list)
  useEffect(() => {
    const box = filesBoxRef.current;
    const item = box?.querySelector<HTMLElement>('[data-testid="file-item"][aria-current="true"]');
    if (!box || !item || box.scrollHeight <= box.clientHeight) return;
    const [outer, inner] = [box.getBoundingClientRect(), item.getBoundingClientRect()];
    if (inner.top < outer.top || inner.bottom > outer.bottom)
      box.scrollTop += inner.top - outer.top - box.clientHeight / 3;
  }, [activeId]);

  const problems = useMemo(
    () =>
      problemsOf(
        files
          .filter((f) => f.status === "ready" && f.host?.result)
          .map((f) => ({ id: f.id, name: f.name, findings: f.host!.result!.findings })),
      ),
    // the hosts' results change in place (version counts their events)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [files, version],
  );
  // the latest values for the step handlers, which run outside render and must not be rebuilt on every change
  const problemsRef = useRef(problems);
  // eslint-disable-next-line react-hooks/refs -- see above
  problemsRef.current = problems;
  const navAtRef = useRef(navAt);
  // eslint-disable-next-line react-hooks/refs -- see above
  navAtRef.current = navAt;
  const navIndex = navAt
    ? problems.findIndex((p) => p.fileId === navAt.fileId && problemKey(p.finding) === navAt.key)
    : -1;

  /**
   * Selects the pending problem in the shown pane as a click on its row would (the row marked, its cells previewed).
   * `settled`: the pane shows its findings, so a row not there is filtered out or folded: the preview alone shows it.
   */
  const selectPending = useCallback((settled: boolean): boolean => {
    const p = pendingRef.current;
    const root = paneRef.current;
    const entry = filesRef.current.find((f) => f.id === p?.fileId);
    if (!p || !root || !entry?.host || p.fileId !== activeRef.current) return false;
    const same = (f: Finding) => f.rule === p.finding.rule && f.sheet === p.finding.sheet && f.cell === p.finding.cell;
    const nth = (entry.host.result?.findings ?? [])
      .filter(same)
      .findIndex((f) => problemKey(f) === problemKey(p.finding));
    const button = paneRow(root, p.finding, Math.max(0, nth));
    if (button) {
      pendingRef.current = null;
      button.scrollIntoView({ block: "center" });
      button.click();
      return true;
    }
    if (!settled && !root.querySelector('[data-testid="finding"]')) return false;
    pendingRef.current = null;
    void entry.host.select(p.finding.sheet, p.finding.cells);
    return true;
  }, []);

  // a problem in another file: once that file's pane has its findings, its row is selected
  useEffect(() => {
    const root = paneRef.current;
    if (!pendingRef.current || !root || pendingRef.current.fileId !== active?.id) return;
    if (selectPending(false)) return;
    const observer = new MutationObserver(() => {
      if (selectPending(false)) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      selectPending(true);
    }, PANE_WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [active?.id, paneNonce, selectPending]);

  const stepProblem = useCallback(
    (direction: 1 | -1) => {
      // from the problem last selected in the shown file; from the shown file's start when the user chose another file
      const at = navAtRef.current;
      const from =
        at && at.fileId === activeRef.current ? at : activeRef.current ? { fileId: activeRef.current } : null;
      const next = step(
        problemsRef.current,
        from,
        direction,
        filesRef.current.map((f) => f.id),
      );
      if (!next) return;
      const { problem } = next;
      navAtRef.current = { fileId: problem.fileId, key: problemKey(problem.finding) };
      setNavAt(navAtRef.current);
      pendingRef.current = problem;
      if (problem.fileId !== activeRef.current) setActiveId(problem.fileId);
      else selectPending(true);
    },
    [selectPending, setActiveId],
  );

  // F8 / Shift+F8, as code editors go to the next / previous problem (not while a dialog is open over the page). Heard
  // first (capture on window) and kept from the pane, whose own F8 walks only the file it shows.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "F8" || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"], [role="alertdialog"]')) return;
      e.preventDefault();
      e.stopPropagation();
      stepProblem(e.shiftKey ? -1 : 1);
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [stepProblem]);

  const download = useCallback(
    async (id: string) => {
      const entry = filesRef.current.find((f) => f.id === id);
      if (!entry?.host) return;
      setDownloading((prev) => new Set(prev).add(id));
      try {
        const out = await entry.host.annotatedFile();
        saveBytes(out.name, out.bytes);
        setNotice({ text: s.downloaded(out.name), intent: "success" });
      } catch (err) {
        setNotice({ text: toHostError(err, lang).message, intent: "error" });
      } finally {
        setDownloading((prev) => {
          const next = new Set(prev);
          next.delete(id);
          return next;
        });
      }
    },
    [lang, s],
  );

  /** The findings workbook of the whole set, made in the page (no links to files: they have no place on disk). */
  const downloadAll = useCallback(async () => {
    setDownloadingAll(true);
    try {
      const { findingsWorkbookBuffer } = await import(
        /* webpackChunkName: "writer" */ "../../adapters/exceljs/findings"
      );
      const bytes = await findingsWorkbookBuffer(setTableFiles(filesRef.current), {
        lang,
        set:
          set && set.rollup !== "none" && members().length > 1
            ? { projects: set.projects, rollup: set.rollup }
            : undefined,
      });
      const name = findingsFileName(lang);
      saveBytes(name, bytes);
      setNotice({ text: s.downloaded(name), intent: "success" });
    } catch (err) {
      setNotice({ text: toHostError(err, lang).message, intent: "error" });
    } finally {
      setDownloadingAll(false);
    }
  }, [lang, s, set, members]);

  const remove = useCallback(
    (id: string) => {
      const was = filesRef.current.find((f) => f.id === id);
      commit((prev) => prev.filter((f) => f.id !== id));
      if (activeRef.current === id) setActiveId(filesRef.current.find((f) => f.status === "ready")?.id ?? null);
      // a readable file left the set: the others' cross-file findings may change
      if (was?.host && (was.status === "ready" || was.status === "checking")) void recheck();
    },
    [commit, recheck, setActiveId],
  );

  /** Accepts a finding of the shown file with a reason (into the in-memory file), then checks the set again. */
  const accept = useCallback(
    async (host: BrowserHost, finding: Finding, reason: string, by: string) => {
      setAccepting(true);
      try {
        await host.accept(finding, reason, by);
        setNotice({ text: s.acceptedNow(`${finding.sheet}!${finding.cell}`), intent: "success" });
        await recheck();
      } catch (err) {
        setNotice({
          text: err instanceof AcceptanceError ? err.message : toHostError(err, lang).message,
          intent: "error",
        });
      } finally {
        setAccepting(false);
      }
    },
    [recheck, lang, s],
  );

  const revoke = useCallback(
    async (host: BrowserHost, finding: Finding) => {
      setAccepting(true);
      try {
        await host.revoke(finding);
        setNotice({ text: s.revokedNow(`${finding.sheet}!${finding.cell}`), intent: "success" });
        await recheck();
      } catch (err) {
        setNotice({ text: toHostError(err, lang).message, intent: "error" });
      } finally {
        setAccepting(false);
      }
    },
    [recheck, lang, s],
  );

  /** The file as opened plus its record of accepted findings, under its own name. */
  const saveStored = useCallback(
    (id: string) => {
      const host = filesRef.current.find((f) => f.id === id)?.host;
      if (!host) return;
      const out = host.storedFile();
      saveBytes(out.name, out.bytes);
      setNotice({ text: s.downloaded(out.name), intent: "success" });
    },
    [s],
  );

  const downloadTemplate = useCallback(async () => {
    const t = await templateFile(lang);
    saveBytes(t.name, t.bytes);
  }, [lang]);

  const hasFiles = files.length > 0;
  const overview = useMemo(() => setOverview(files, set), [files, set]);
  const activeFileId = active?.id;
  const activeCheck = useMemo(() => (activeFileId ? paneCheck(activeFileId) : undefined), [activeFileId, paneCheck]);
  const pane = useMemo(
    () =>
      activeHost && active ? (
        <App
          key={`${active.id}:${paneNonce}`}
          host={activeHost}
          lang={lang}
          check={activeCheck}
          autoCheck
          workbookActions={false}
        />
      ) : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [activeHost, active?.id, lang, activeCheck, paneNonce],
  );

  return (
    <div className={styles.root} lang={lang} data-testid="browser-mode">
      <header className={styles.header}>
        <div className={styles.titles}>
          <Subtitle1 as="h1">{s.title}</Subtitle1>
          <Body1 className={styles.muted}>{s.subtitle}</Body1>
        </div>
        <Button appearance="subtle" icon={<ArrowDownload20Regular />} onClick={() => void downloadTemplate()}>
          {s.template}
        </Button>
      </header>
      <MessageBar intent="info" icon={<ShieldLock20Regular />} data-testid="privacy-notice">
        <MessageBarBody>{s.privacy}</MessageBarBody>
      </MessageBar>
      <FileDrop s={s} compact={hasFiles} onFiles={(f) => void open(f)} />
      {files.length >= SET_FROM && (
        <SetSummary
          s={s}
          overview={overview}
          checking={setChecks > 0}
          downloading={downloadingAll}
          onDownloadAll={() => void downloadAll()}
        />
      )}
      {hasFiles && (
        <div className={mergeClasses(styles.work, !pane && styles.workFilesOnly)}>
          <section
            className={mergeClasses(styles.files, !!pane && styles.filesSide)}
            aria-labelledby="kensa-files-heading"
            ref={filesBoxRef}
          >
            <Subtitle1 as="h2" id="kensa-files-heading" style={{ fontSize: tokens.fontSizeBase400 }}>
              {s.filesHeading}
            </Subtitle1>
            {notice && (
              <MessageBar intent={notice.intent} data-testid="browser-notice">
                <MessageBarBody>{notice.text}</MessageBarBody>
              </MessageBar>
            )}
            <FileList
              s={s}
              files={files}
              activeId={activeId}
              downloading={downloading}
              onShow={setActiveId}
              onDownload={(id) => void download(id)}
              onRemove={remove}
              onSaveStored={saveStored}
            />
          </section>
          {pane && (
            <div className={styles.pane} aria-label={s.paneLabel(active!.name)} role="region" ref={paneRef}>
              {pane}
            </div>
          )}
          {pane && (
            <aside className={styles.aside} aria-label={s.previewHeading}>
              <ProblemNav s={s} lang={lang} problems={problems} index={navIndex} onStep={stepProblem} />
              <CellPreview preview={preview} s={s} />
              <AcceptPanel
                s={s}
                lang={lang}
                selected={activeHost!.selectedFinding}
                findings={activeHost!.result?.findings ?? []}
                busy={accepting || setChecks > 0}
                onAccept={(f, reason, by) => void accept(activeHost!, f, reason, by)}
                onRevoke={(f) => void revoke(activeHost!, f)}
              />
            </aside>
          )}
        </div>
      )}
    </div>
  );
}
