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
import { Body1, Button, mergeClasses, MessageBar, MessageBarBody, Subtitle1, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular, ShieldLock20Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { SetSummary as SetSummaryModel } from "../../core/engine";
import type { Lang } from "../../core/values/format";
import { App } from "../../taskpane/components/App";
import { yieldToBrowser, type CheckFn } from "../../taskpane/run-check";
import { BrowserHost, toHostError } from "../browser-host";
import { withOtherFiles } from "../cross-file";
import type { CellPreview as CellPreviewModel } from "../preview";
import {
  defaultSetCheck,
  sameResult,
  SetChecker,
  setOverview,
  type FileEntry,
  type SetCheckFn,
  type SetMember,
  type SetRun,
} from "../set-check";
import { BROWSER_STRINGS } from "../strings";
import { AcceptPanel } from "./AcceptPanel";
import { useBrowserStyles } from "./browser-styles";
import { CellPreview } from "./CellPreview";
import { FileDrop } from "./FileDrop";
import { FileList } from "./FileList";
import { ProblemNav } from "./ProblemNav";
import { SetSummary } from "./SetSummary";
import { useFileActions, type BrowserNotice } from "./use-file-actions";
import { useProblemNav } from "./use-problem-nav";

export type { FileEntry } from "../set-check";

let nextId = 1;

/** The set summary appears once two files are open (one file alone is its own set: its pane says it all). */
const SET_FROM = 2;

export interface BrowserAppProps {
  lang: Lang;
  /** The engine over the set; tests pass their own. */
  checkSet?: SetCheckFn;
}

export function BrowserApp({ lang, checkSet = defaultSetCheck }: BrowserAppProps) {
  const styles = useBrowserStyles();
  const s = BROWSER_STRINGS[lang];
  const checker = useMemo(() => new SetChecker(lang, checkSet), [lang, checkSet]);
  const [files, setFiles] = useState<FileEntry[]>([]);
  const [activeId, setActiveIdState] = useState<string | null>(null);
  const [notice, setNotice] = useState<BrowserNotice | null>(null);
  const [version, setVersion] = useState(0);
  const [preview, setPreview] = useState<CellPreviewModel | null>(null);
  const [set, setSet] = useState<SetSummaryModel | null>(null);
  const [setChecks, setSetChecks] = useState(0);
  // bumped when a check of the set changed the shown file's findings: the pane is shown afresh
  const [paneNonce, setPaneNonce] = useState(0);
  // kept in step with every change, so that a check queued now sees the files as they are when it runs
  const filesRef = useRef(files);
  const activeRef = useRef(activeId);
  const paneRef = useRef<HTMLDivElement>(null);
  const filesBoxRef = useRef<HTMLElement>(null);

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
          // a cross-file finding's fingerprint and the preview read the other open files' cells
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
    [commit, update, lang, recheck, setActiveId],
  );

  const active = files.find((f) => f.id === activeId && f.status === "ready" && f.host);
  const activeHost = active?.host;

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the preview follows the host subscribed to just below
    setPreview(activeHost?.preview ?? null);
    if (!activeHost) return;
    return activeHost.subscribe((e) => {
      if (e === "selection" || e === "fix") setPreview(activeHost.preview);
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

  const { problems, navIndex, stepProblem } = useProblemNav({
    files,
    version,
    filesRef,
    activeRef,
    paneRef,
    activeHost,
    activeId: active?.id,
    paneNonce,
    setActiveId,
  });

  const act = useFileActions({ lang, s, filesRef, set, members, recheck, setNotice });

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
        <Button appearance="subtle" icon={<ArrowDownload20Regular />} onClick={() => void act.downloadTemplate()}>
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
          downloading={act.downloadingAll}
          onDownloadAll={() => void act.downloadAll()}
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
              downloading={act.downloading}
              onShow={setActiveId}
              onDownload={(id) => void act.download(id)}
              onRemove={remove}
              onSaveStored={act.saveStored}
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
                busy={act.accepting || setChecks > 0}
                onAccept={(f, reason, by) => void act.accept(activeHost!, f, reason, by)}
                onRevoke={(f) => void act.revoke(activeHost!, f)}
              />
            </aside>
          )}
        </div>
      )}
    </div>
  );
}
