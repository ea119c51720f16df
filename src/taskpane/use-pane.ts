/**
 * The pane's behaviour: every call to the WorkbookHost goes through here, so a failure always becomes
 * one message with a retry, and only one long action runs at a time.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import type { CheckResult } from "../core/engine";
import type { Finding, Severity } from "../core/model/finding";
import type { Workbook } from "../core/model/workbook";
import { HostError, type Progress, type ProgressListener, type WorkbookHost } from "../host/host";
import type { ActionName, Lang, Strings } from "./i18n";
import { defaultCheck, yieldToBrowser, type CheckFn } from "./run-check";
import { initialState, reducer, type Failure, type Notice, type PaneState } from "./state";

/** Hosts that can recalculate before reading (the Office.js adapter can; a file in the browser cannot). */
interface RecalculatingHost {
  recalculateAndRead?(onProgress?: ProgressListener): Promise<Workbook>;
}

/** Delay between the last edit and the automatic re-check. */
export const AUTO_RECHECK_MS = 1500;

export interface PaneActions {
  check(): Promise<boolean>;
  recalcCheck(): Promise<boolean>;
  select(finding: Finding): Promise<void>;
  applyFix(finding: Finding): Promise<boolean>;
  insertTemplate(): Promise<boolean>;
  writeResultSheet(): Promise<boolean>;
  clearHighlights(): Promise<boolean>;
  retry(): void;
  dismiss(): void;
  toggleSeverity(severity: Severity): void;
  setRule(rule: string | null): void;
  setAutoRecheck(on: boolean): void;
}

export interface PaneModel {
  state: PaneState;
  actions: PaneActions;
  /** The workbook of the last read, for the fix preview's current value. */
  workbook: Workbook | null;
  canAutoRecheck: boolean;
}

export function describeFailure(err: unknown, action: ActionName, s: Strings): Failure {
  const title = s.failedAction[action];
  if (err instanceof HostError || (err instanceof Error && err.name === "HostError" && "code" in err)) {
    const e = err as HostError;
    const soft = e.code === "cell-edit-mode" || e.code === "workbook-changed";
    return { action, title, message: e.message, intent: soft ? "warning" : "error", retryable: e.retryable !== false };
  }
  const detail = err instanceof Error ? err.message : String(err);
  return { action, title, message: s.unexpected(detail || "?"), intent: "error", retryable: true };
}

export function usePane(host: WorkbookHost, lang: Lang, s: Strings, check: CheckFn = defaultCheck): PaneModel {
  const [state, dispatch] = useReducer(reducer, initialState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const busyRef = useRef(false);
  const retryRef = useRef<(() => void) | null>(null);
  const workbookRef = useRef<Workbook | null>(null);
  const pendingAutoRef = useRef(false);
  const checkRef = useRef(check);
  checkRef.current = check;
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

  /** Runs one long action: busy state, then a notice or one failure message that can retry it. */
  const run = useCallback(
    async (action: ActionName, work: () => Promise<Notice | undefined>): Promise<boolean> => {
      if (busyRef.current) return false;
      busyRef.current = true;
      retryRef.current = () => void run(action, work);
      safeDispatch({ type: "start", action });
      try {
        const notice = await work();
        safeDispatch({ type: "done", notice });
        return true;
      } catch (err) {
        safeDispatch({ type: "fail", failure: describeFailure(err, action, s) });
        return false;
      } finally {
        busyRef.current = false;
        if (pendingAutoRef.current) {
          pendingAutoRef.current = false;
          setTimeout(() => void autoRef.current(), 0);
        }
      }
    },
    [s, safeDispatch],
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
      const result: CheckResult = await checkRef.current(workbook, lang);
      safeDispatch({ type: "result", result, at: Date.now() });
      onProgress({ step: s.highlighting, fraction: undefined });
      await host.highlight(result);
      const filled = await host.fillComputed(result);
      const parts = [before, filled > 0 ? s.computedFilled(filled) : undefined].filter(Boolean);
      return parts.length ? { text: parts.join(" "), intent: before ? "success" : "info" } : undefined;
    },
    [host, lang, s, safeDispatch],
  );

  const actions = useMemo<PaneActions>(() => {
    const a: PaneActions = {
      check: () => run("check", checkWork(false)),
      recalcCheck: () => run("recalcCheck", checkWork(true)),
      async select(f) {
        const attempt = async (): Promise<void> => {
          try {
            await host.select(f.sheet, f.cells.length ? f.cells : [f.cell]);
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
        if (!fix) return false;
        const ok = await run("applyFix", async () => {
          await host.applyFix(fix);
          return undefined;
        });
        if (!ok) return false;
        return run("check", checkWork(false, s.fixApplied(fix.cell)));
      },
      insertTemplate: () =>
        run("insertTemplate", async () => {
          const names = await host.insertTemplate();
          return { text: names.length ? s.templateAdded(names) : s.templateNone, intent: names.length ? "success" : "info" };
        }),
      writeResultSheet: () =>
        run("writeResultSheet", async () => {
          const result = stateRef.current.result;
          if (!result) return undefined;
          await host.writeResultSheet(result);
          return { text: s.resultSheetWritten, intent: "success" };
        }),
      clearHighlights: () =>
        run("clearHighlights", async () => {
          await host.clearHighlights();
          return { text: s.highlightsCleared, intent: "info" };
        }),
      retry() {
        const again = retryRef.current;
        if (again) again();
      },
      dismiss: () => safeDispatch({ type: "dismiss" }),
      toggleSeverity: (severity) => safeDispatch({ type: "toggleSeverity", severity }),
      setRule: (rule) => safeDispatch({ type: "setRule", rule }),
      setAutoRecheck: (on) => safeDispatch({ type: "setAutoRecheck", on }),
    };
    return a;
  }, [host, run, checkWork, s, safeDispatch]);

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
  useEffect(() => {
    if (!state.autoRecheck || typeof host.onChanged !== "function") return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    const onChanged = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void autoRef.current(), AUTO_RECHECK_MS);
    };
    host.onChanged(onChanged).then(
      (off) => {
        if (cancelled) off();
        else unsubscribe = off;
      },
      (err: unknown) => {
        if (cancelled) return;
        retryRef.current = () => safeDispatch({ type: "setAutoRecheck", on: true });
        safeDispatch({ type: "setAutoRecheck", on: false });
        safeDispatch({ type: "fail", failure: describeFailure(err, "autoRecheck", s) });
      },
    );
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      unsubscribe?.();
    };
  }, [state.autoRecheck, host, s, safeDispatch]);

  return { state, actions, workbook: workbookRef.current, canAutoRecheck };
}
