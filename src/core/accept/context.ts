/** The engine's side of acceptances: the store a check context carries, applied to its findings. */
import type { Finding } from "../model/finding";
import type { Workbook } from "../model/workbook";
import type { Lang } from "../values/format";
import { memoKey, type CheckContext } from "../sheets/context";
import { applyAcceptances } from "./apply";
import { workbookLookup } from "./fingerprint";
import type { AcceptanceStore } from "./store";

const STORE_KEY = memoKey<AcceptanceStore | undefined>("acceptance store");

/** Hands a workbook's acceptance store to its check context (read by acceptFindings). */
export function setAcceptanceStore(ctx: CheckContext, store: AcceptanceStore): void {
  ctx.memo(STORE_KEY, () => store);
}

/** Marks the context's accepted findings and appends the acceptance infos (see ./apply.ts). */
export function acceptFindings(ctx: CheckContext, findings: Finding[], lang: Lang): void {
  const store = ctx.memo(STORE_KEY, () => undefined);
  if (!store || (store.entries.length === 0 && store.problems.length === 0)) return;
  const members = ctx.set?.members;
  const others = new Map<string, Workbook>();
  for (const m of members ?? []) others.set(m.name, m.ctx.workbook);
  applyAcceptances(findings, store, workbookLookup(ctx.workbook, others), {
    lang,
    files: members ? new Set(members.map((m) => m.name)) : undefined,
  });
}
