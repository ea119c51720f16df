/**
 * Ribbon commands (function commands, no task pane): 再チェック recalculates everything, reads the
 * workbook, checks it, fills the computed cells and refreshes the highlights; ハイライト解除 restores
 * every highlighted cell. Each handler always calls event.completed(), even on failure.
 */
import { ExcelHost } from "../adapters/office/excel-host";
import { checkWorkbook } from "../core/engine";
import type { Lang } from "../core/report/format";
import { HostError } from "../host/host";
import { COMMAND_FUNCTIONS } from "./function-names";

function uiLang(): Lang {
  try {
    return (Office.context.displayLanguage ?? "ja").toLowerCase().startsWith("ja") ? "ja" : "en";
  } catch {
    return "ja";
  }
}

function report(err: unknown): void {
  // A function command has no UI of its own; the pane shows the same HostError when opened.
  const msg = err instanceof HostError ? `${err.code}: ${err.message}` : String(err);
  console.error(`Kensa: ${msg}`);
}

export async function recheck(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    const lang = uiLang();
    const host = new ExcelHost({ lang });
    const workbook = await host.recalculateAndRead(); // application.calculate(full) in the same batch
    const result = checkWorkbook(workbook, { lang });
    await host.fillComputed(result);
    await host.highlight(result);
  } catch (err) {
    report(err);
  } finally {
    event?.completed();
  }
}

export async function clear(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await new ExcelHost({ lang: uiLang() }).clearHighlights();
  } catch (err) {
    report(err);
  } finally {
    event?.completed();
  }
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => {
    Office.actions.associate(COMMAND_FUNCTIONS.recheck, recheck);
    Office.actions.associate(COMMAND_FUNCTIONS.clearHighlights, clear);
  });
}
