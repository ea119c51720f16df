/**
 * 「次の問題」/「前の問題」 across every open file (./problems.ts holds the order): where the walk stands, the step
 * (switching files when the next problem is in another one, then selecting its row once that file's pane shows
 * it), and F8 / Shift+F8.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Finding } from "../../core/model/finding";
import type { BrowserHost } from "../browser-host";
import type { FileEntry } from "../set-check";
import { problemKey, problemsOf, step, type Problem } from "./problems";

/** How long a file switched to by 「次の問題」 may take to show its findings before the preview alone shows the problem. */
const PANE_WAIT_MS = 20_000;

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

export interface ProblemNavInput {
  files: FileEntry[];
  /** Counts the hosts' events: their results change in place. */
  version: number;
  /** The files and the shown file's id as they are now (the step handlers run outside render). */
  filesRef: { current: FileEntry[] };
  activeRef: { current: string | null };
  /** The box holding the shown file's pane. */
  paneRef: { current: HTMLDivElement | null };
  activeHost: BrowserHost | undefined;
  activeId: string | undefined;
  /** Bumped when the pane is shown afresh. */
  paneNonce: number;
  setActiveId: (id: string) => void;
}

export function useProblemNav(p: ProblemNavInput): {
  problems: Problem[];
  navIndex: number;
  stepProblem: (direction: 1 | -1) => void;
} {
  const { files, version, filesRef, activeRef, paneRef, activeHost, activeId, paneNonce, setActiveId } = p;
  const [navAt, setNavAt] = useState<{ fileId: string; key: string } | null>(null);
  // a problem to select once its file's pane shows it
  const pendingRef = useRef<Problem | null>(null);

  // a finding selected in the pane (or by 「次の問題」): the next step starts from it
  useEffect(() => {
    if (!activeHost) return;
    return activeHost.subscribe((e) => {
      const selected = e === "selection" ? activeHost.selectedFinding : null;
      if (selected && activeRef.current) setNavAt({ fileId: activeRef.current, key: problemKey(selected) });
    });
  }, [activeHost, activeRef]);

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
    ? problems.findIndex((x) => x.fileId === navAt.fileId && problemKey(x.finding) === navAt.key)
    : -1;

  /**
   * Selects the pending problem in the shown pane as a click on its row would (the row marked, its cells previewed).
   * `settled`: the pane shows its findings, so a row not there is filtered out or folded: the preview alone shows it.
   */
  const selectPending = useCallback(
    (settled: boolean): boolean => {
      const pending = pendingRef.current;
      const root = paneRef.current;
      const entry = filesRef.current.find((f) => f.id === pending?.fileId);
      if (!pending || !root || !entry?.host || pending.fileId !== activeRef.current) return false;
      const same = (f: Finding) =>
        f.rule === pending.finding.rule && f.sheet === pending.finding.sheet && f.cell === pending.finding.cell;
      const nth = (entry.host.result?.findings ?? [])
        .filter(same)
        .findIndex((f) => problemKey(f) === problemKey(pending.finding));
      const button = paneRow(root, pending.finding, Math.max(0, nth));
      if (button) {
        pendingRef.current = null;
        button.scrollIntoView({ block: "center" });
        button.click();
        return true;
      }
      if (!settled && !root.querySelector('[data-testid="finding"]')) return false;
      pendingRef.current = null;
      void entry.host.select(pending.finding.sheet, pending.finding.cells);
      return true;
    },
    [filesRef, activeRef, paneRef],
  );

  // a problem in another file: once that file's pane has its findings, its row is selected
  useEffect(() => {
    const root = paneRef.current;
    if (!pendingRef.current || !root || pendingRef.current.fileId !== activeId) return;
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
  }, [activeId, paneNonce, selectPending, paneRef]);

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
    [selectPending, setActiveId, filesRef, activeRef],
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

  return { problems, navIndex, stepProblem };
}
