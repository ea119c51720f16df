/** The pane's timers: the automatic re-check after edits, and notices that clear themselves. */
import { useEffect, type RefObject } from "react";
import type { WorkbookHost } from "../host/host";
import { AUTO_RECHECK_MS, NOTICE_MS } from "./pane-model";
import type { Notice } from "./state";

/**
 * While `on`, re-checks (through `recheck`, which waits for a running action) AUTO_RECHECK_MS after the last edit.
 * A host that cannot watch edits reports why through `failed` (a stable callback), which turns the option off.
 */
export function useAutoRecheck(
  host: WorkbookHost,
  on: boolean,
  recheck: RefObject<() => Promise<void>>,
  failed: (err: unknown) => void,
): void {
  useEffect(() => {
    if (!on || typeof host.onChanged !== "function") return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unsubscribe: (() => void) | undefined;
    let cancelled = false;
    const onChanged = (): void => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void recheck.current?.(), AUTO_RECHECK_MS);
    };
    host.onChanged(onChanged).then(
      (off) => {
        if (cancelled) off();
        else unsubscribe = off;
      },
      (err: unknown) => {
        if (!cancelled) failed(err);
      },
    );
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      unsubscribe?.();
    };
  }, [on, host, recheck, failed]);
}

/** A success or info notice clears itself after NOTICE_MS; a warning stays until the person dismisses it. */
export function useNoticeExpiry(notice: Notice | undefined | null, expire: (notice: Notice) => void): void {
  useEffect(() => {
    if (!notice || notice.intent === "warning") return;
    const timer = setTimeout(() => expire(notice), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, expire]);
}
