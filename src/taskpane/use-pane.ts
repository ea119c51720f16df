/**
 * The pane's behaviour: every call to the WorkbookHost goes through here, so a failure always becomes
 * one message with a retry, and only one long action runs at a time — the ribbon's commands included
 * (they run the pane's actions through the PaneBridge and wait for the same lock).
 *
 * What each action writes:
 * - 検証 (check) reads, checks and highlights: colours and notes on the cells, never a value;
 * - 再計算・検証 (recalcCheck) recalculates, reads, checks, fills the empty computed cells (or Kensa's own
 *   formulas) and says exactly which cells it wrote, then highlights;
 * - ハイライト解除 gives every cell its own fill and note back; "Kensa の変更を削除" also takes out
 *   Kensa's formulas, result sheet and state sheet.
 * Before the first write of a session the pane says, once, that Excel's undo history may be cleared
 * (docs/excel/excel-add-ins-undo-capabilities.md), and writes nothing unless the person goes on.
 *
 * 「他のブックを追加」 (./added-books.ts): the other submitters' files, read in the pane, are checked with the open
 * workbook as one submission set. Only the open workbook's result reaches the host: its findings' cells in
 * other files are never selected, and the added files' findings are listed, never highlighted or fixed.
 *
 * Its shape: ./pane-model.ts; what it says: ./pane-notices.ts; its timers: ./pane-effects.ts.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { CheckResult } from "../core/engine";
import type { Workbook } from "../core/model/workbook";
import type { Progress, WorkbookHost } from "../host/host";
import type { PaneBridge, RibbonAction, RibbonOutcome } from "./bridge";
import type { ActionName, Lang, Strings } from "./i18n";
import {
  checkWithAdded,
  defaultPaneSetCheck,
  defaultReadBook,
  isOwnFix,
  openBookName,
  ownCells,
  readFailure,
  setMemberNames,
  type AddedBook,
} from "./added-books";
import { defaultCheck, yieldToBrowser, type CheckFn } from "./run-check";
import { initialState, reducer, type Failure, type Notice } from "./state";
import {
  canAccept,
  type DelayingHost,
  type PaneActions,
  type PaneModel,
  type PaneOptions,
  type RecalculatingHost,
  type UndoHost,
} from "./pane-model";
import { describeFailure, describeFill, describeHighlight, noticeOf, type Parts } from "./pane-notices";
import { useAutoRecheck, useNoticeExpiry } from "./pane-effects";

/** Hosts (one per runtime: the session) whose person has been told about the undo history. */
const undoTold = new WeakSet<object>();

interface RunResult {
  ok: boolean;
  notice?: Notice;
  failure?: Failure;
  /** The person was asked something (the pane must be seen). */
  asked: boolean;
}

let bookSeq = 0;

export function usePane(
  host: WorkbookHost,
  lang: Lang,
  s: Strings,
  check: CheckFn = defaultCheck,
  bridge?: PaneBridge,
  options: PaneOptions = {},
): PaneModel {
  const [state, dispatch] = useReducer(reducer, initialState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const busyRef = useRef(false);
  const idleWaiters = useRef<(() => void)[]>([]);
  const retryRef = useRef<(() => void) | null>(null);
  const workbookRef = useRef<Workbook | null>(null);
  const pendingAutoRef = useRef(false);
  const answerRef = useRef<((goOn: boolean) => void) | null>(null);
  const askedRef = useRef(false);
  const ribbonRef = useRef(false);
  const checkRef = useRef(check);
  checkRef.current = check;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  /** The added workbooks, in order, with what was read (the state holds what the person sees). */
  const booksRef = useRef<{ id: string; name: string; workbook?: Workbook }[]>([]);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const safeDispatch = useCallback((e: Parameters<typeof dispatch>[0]) => {
    if (mounted.current) dispatch(e);
  }, []);

  /**
   * Before Kensa's first write of the session: says, once, that Excel's undo history may be cleared, and
   * resolves false if the person chooses not to write.
   */
  const mayWrite = useCallback(async (): Promise<boolean> => {
    const risk = (host as WorkbookHost & UndoHost).undoRisk?.() ?? null;
    if (!risk || undoTold.has(host)) return true;
    askedRef.current = true;
    if (ribbonRef.current) bridge?.attention();
    const goOn = await new Promise<boolean>((resolve) => {
      answerRef.current = resolve;
      safeDispatch({ type: "ask", question: { kind: "undo", risk } });
    });
    if (goOn) undoTold.add(host);
    return goOn;
  }, [host, bridge, safeDispatch]);

  /** Runs one long action: busy state, then a notice or one failure message that can retry it. */
  const runFull = useCallback(
    async (
      action: ActionName,
      work: () => Promise<Notice | undefined>,
      opts: { wait?: boolean; ribbon?: boolean } = {},
    ): Promise<RunResult> => {
      if (busyRef.current && !opts.wait) return { ok: false, asked: false };
      while (busyRef.current) await new Promise<void>((resolve) => idleWaiters.current.push(resolve));
      busyRef.current = true;
      askedRef.current = false;
      ribbonRef.current = !!opts.ribbon;
      retryRef.current = () => void runFull(action, work);
      safeDispatch({ type: "start", action });
      const delaying = host as WorkbookHost & DelayingHost;
      try {
        const notice =
          opts.ribbon && typeof delaying.withCellEditDelay === "function"
            ? await delaying.withCellEditDelay(work)
            : await work();
        safeDispatch({ type: "done", notice });
        return { ok: true, notice, asked: askedRef.current };
      } catch (err) {
        const failure = describeFailure(err, action, s);
        safeDispatch({ type: "fail", failure });
        return { ok: false, failure, asked: askedRef.current };
      } finally {
        busyRef.current = false;
        ribbonRef.current = false;
        const waiters = idleWaiters.current.splice(0);
        for (const w of waiters) w();
        if (pendingAutoRef.current && !busyRef.current) {
          pendingAutoRef.current = false;
          setTimeout(() => void autoRef.current(), 0);
        }
      }
    },
    [host, s, safeDispatch],
  );

  const run = useCallback(
    async (action: ActionName, work: () => Promise<Notice | undefined>): Promise<boolean> =>
      (await runFull(action, work)).ok,
    [runFull],
  );

  const checkWork = useCallback(
    (recalc: boolean, before?: string) => async (): Promise<Notice | undefined> => {
      const onProgress = (progress: Progress): void => safeDispatch({ type: "progress", progress });
      onProgress({ step: s.reading });
      const recalculating = host as WorkbookHost & RecalculatingHost;
      const workbook =
        recalc && typeof recalculating.recalculateAndRead === "function"
          ? await recalculating.recalculateAndRead(onProgress)
          : await host.read(onProgress);
      workbookRef.current = workbook;
      onProgress({ step: s.analysing });
      await yieldToBrowser();
      // with added workbooks: one set, the open workbook first; only its own result goes on to the host
      const added = booksRef.current.filter((b): b is { id: string; name: string; workbook: Workbook } => !!b.workbook);
      let result: CheckResult;
      if (added.length) {
        const opts = optionsRef.current;
        const r = checkWithAdded(
          { name: opts.workbookName || openBookName(null, lang), workbook },
          added,
          lang,
          opts.setCheck ?? defaultPaneSetCheck,
        );
        result = r.result;
        safeDispatch({ type: "setResult", set: r.set });
      } else {
        result = await checkRef.current(workbook, lang);
        safeDispatch({ type: "setResult", set: null });
      }
      safeDispatch({ type: "result", result, at: Date.now() });
      const parts: Parts = { text: before ? [before] : [], warning: false };
      if (!(await mayWrite())) {
        parts.text.push(s.highlightsSkipped);
        return noticeOf(parts, "info");
      }
      onProgress({ step: s.highlighting, fraction: undefined });
      // 再計算・検証 alone fills computed cells; 検証 never changes a value
      if (recalc) describeFill(await host.fillComputed(result), s, parts);
      describeHighlight(await host.highlight(result), s, parts);
      return noticeOf(parts, before ? "success" : "info");
    },
    [host, lang, s, safeDispatch, mayWrite],
  );

  const clearWork = useCallback(
    (removeAll: boolean) => async (): Promise<Notice | undefined> => {
      if (!(await mayWrite())) return { text: s.highlightsSkipped, intent: "info" };
      const report = await host.clearHighlights(removeAll ? { removeAll: true } : undefined);
      const parts: Parts = { text: [s.highlightsCleared], warning: false };
      if (report && "removedFormulas" in report && removeAll) {
        parts.text.push(s.removedAll(report.removedFormulas, report.removedSheets));
        if (report.keptFormulas) parts.text.push(s.keptFormulas(report.keptFormulas));
      }
      describeHighlight(report, s, parts);
      return noticeOf(parts, "info");
    },
    [host, s, mayWrite],
  );

  const actions = useMemo<PaneActions>(() => {
    const a: PaneActions = {
      check: () => run("check", checkWork(false)),
      recalcCheck: () => run("recalcCheck", checkWork(true)),
      async select(f) {
        const attempt = async (): Promise<void> => {
          try {
            // Excel: the finding's cells in other workbooks of the set are not in the open one, never selected;
            // browser mode previews them (as text, from the other open files), so it gets every cell
            await host.select(f.sheet, host.kind === "excel" ? ownCells(f) : f.cells.length ? f.cells : [f.cell]);
            if (stateRef.current.failure?.action === "select") safeDispatch({ type: "dismiss" });
          } catch (err) {
            retryRef.current = () => void attempt();
            safeDispatch({ type: "fail", failure: describeFailure(err, "select", s) });
          }
        };
        await attempt();
      },
      async applyFix(f) {
        const fix = f.fix;
        // only a fix of the open workbook's own findings, on one of its sheets
        if (!fix || !isOwnFix(f, stateRef.current.result)) return false;
        const ok = await run("applyFix", async () => {
          if (!(await mayWrite())) return { text: s.highlightsSkipped, intent: "info" };
          await host.applyFix(fix, f.rule);
          return undefined;
        });
        if (!ok) return false;
        return run("check", checkWork(false, s.fixApplied(fix.cell)));
      },
      insertTemplate: () =>
        run("insertTemplate", async () => {
          if (!(await mayWrite())) return { text: s.highlightsSkipped, intent: "info" };
          const names = await host.insertTemplate();
          return {
            text: names.length ? s.templateAdded(names) : s.templateNone,
            intent: names.length ? "success" : "info",
          };
        }),
      writeResultSheet: () =>
        run("writeResultSheet", async () => {
          const result = stateRef.current.result;
          if (!result) return undefined;
          if (!(await mayWrite())) return { text: s.highlightsSkipped, intent: "info" };
          await host.writeResultSheet(result);
          return { text: s.resultSheetWritten, intent: "success" };
        }),
      clearHighlights: (removeAll = false) => run(removeAll ? "removeAll" : "clearHighlights", clearWork(removeAll)),
      answer(goOn) {
        const resolve = answerRef.current;
        answerRef.current = null;
        safeDispatch({ type: "answered" });
        resolve?.(goOn);
      },
      retry() {
        const again = retryRef.current;
        if (again) again();
      },
      dismiss: () => safeDispatch({ type: "dismiss" }),
      toggleSeverity: (severity) => safeDispatch({ type: "toggleSeverity", severity }),
      setRule: (rule) => safeDispatch({ type: "setRule", rule }),
      setAutoRecheck: (on) => safeDispatch({ type: "setAutoRecheck", on }),
      async addBooks(files) {
        if (files.length === 0) return;
        const books: AddedBook[] = files.map((f) => ({ id: `book-${++bookSeq}`, name: f.name, status: "reading" }));
        booksRef.current = [...booksRef.current, ...books.map((b) => ({ id: b.id, name: b.name }))];
        safeDispatch({ type: "addBooks", books });
        const read = optionsRef.current.readBook ?? defaultReadBook;
        const ok = await Promise.all(
          files.map(async (f, i) => {
            const id = books[i].id;
            try {
              const workbook = await read(new Uint8Array(await f.arrayBuffer()));
              const entry = booksRef.current.find((b) => b.id === id);
              if (!entry) return false; // removed while it was read
              entry.workbook = workbook;
              safeDispatch({ type: "bookRead", id });
              return true;
            } catch (err) {
              safeDispatch({ type: "bookRead", id, error: readFailure(err, lang) });
              return false;
            }
          }),
        );
        // a file that could not be read changes nothing in the set
        if (ok.some(Boolean)) await runFull("check", checkWork(false), { wait: true });
      },
      async accept(f, reason, by) {
        if (!canAccept(host) || f.accepted || f.rule.startsWith("accepted/")) return false;
        const place = `${f.sheet}!${f.cell}`;
        const ok = await run("accept", async () => {
          if (!(await mayWrite())) return { text: s.highlightsSkipped, intent: "info" };
          // a cross-file finding's values in the added workbooks, by their names in the set
          const books = booksRef.current.filter(
            (b): b is { id: string; name: string; workbook: Workbook } => !!b.workbook,
          );
          const names = setMemberNames(
            optionsRef.current.workbookName || openBookName(null, lang),
            books.map((b) => b.name),
          );
          const others = new Map(books.map((b, i) => [names[i + 1], b.workbook] as const));
          await host.accept(f, reason, by, others);
          return undefined;
        });
        if (!ok) return false;
        return run("check", checkWork(false, s.acceptedNow(place)));
      },
      async revoke(f) {
        if (!canAccept(host) || !f.accepted) return false;
        const ok = await run("revoke", async () => {
          if (!(await mayWrite())) return { text: s.highlightsSkipped, intent: "info" };
          await host.revoke(f);
          return undefined;
        });
        if (!ok) return false;
        return run("check", checkWork(false, s.revokedNow(`${f.sheet}!${f.cell}`)));
      },
      async removeBook(id) {
        const entry = booksRef.current.find((b) => b.id === id);
        booksRef.current = booksRef.current.filter((b) => b.id !== id);
        safeDispatch({ type: "removeBook", id });
        if (entry?.workbook && stateRef.current.result) await runFull("check", checkWork(false), { wait: true });
      },
    };
    return a;
  }, [host, run, runFull, checkWork, clearWork, s, lang, safeDispatch, mayWrite]);

  // the ribbon's commands run these, after whatever the pane is doing
  useEffect(() => {
    if (!bridge) return;
    return bridge.attach({
      async ribbon(action: RibbonAction): Promise<RibbonOutcome> {
        const name: ActionName = action === "recalcCheck" ? "recalcCheck" : "clearHighlights";
        const work = action === "recalcCheck" ? checkWork(true) : clearWork(false);
        const r = await runFull(name, work, { wait: true, ribbon: true });
        // the command shows the pane (or a dialog) when the person must see the outcome
        const attention = !r.ok || r.notice?.intent === "warning";
        return {
          ok: r.ok,
          attention,
          title: r.failure?.title,
          message: r.failure?.message ?? (r.notice?.intent === "warning" ? r.notice.text : undefined),
        };
      },
    });
  }, [bridge, runFull, checkWork, clearWork]);

  /** The automatic re-check: waits while another action runs. */
  const autoRef = useRef<() => Promise<void>>(async () => undefined);
  autoRef.current = async () => {
    if (!stateRef.current.autoRecheck) return;
    if (busyRef.current) {
      pendingAutoRef.current = true;
      return;
    }
    await actions.check();
  };

  const canAutoRecheck = typeof host.onChanged === "function";
  const autoRecheckFailed = useCallback(
    (err: unknown) => {
      retryRef.current = () => safeDispatch({ type: "setAutoRecheck", on: true });
      safeDispatch({ type: "setAutoRecheck", on: false });
      safeDispatch({ type: "fail", failure: describeFailure(err, "autoRecheck", s) });
    },
    [s, safeDispatch],
  );
  useAutoRecheck(host, state.autoRecheck, autoRef, autoRecheckFailed);
  useNoticeExpiry(
    state.notice,
    useCallback((notice: Notice) => safeDispatch({ type: "expireNotice", notice }), [safeDispatch]),
  );

  return { state, actions, workbook: workbookRef.current, canAutoRecheck, canAccept: canAccept(host) };
}
