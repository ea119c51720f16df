/**
 * The ribbon's function commands (ExecuteFunction): 再計算・検証 and ハイライト解除.
 *
 * They run in the task pane's shared runtime (manifest.xml: <Runtime lifetime="long"> and the FunctionFile
 * are the pane's page; docs/develop/configure-your-add-in-to-use-a-shared-runtime.md), registered by
 * src/taskpane/index.tsx. A command runs the pane's own action through the PaneBridge, so:
 *
 * - it waits for the pane's lock: pane and ribbon never work on the workbook at the same time;
 * - it uses delayForCellEdit: a click while the person types in a cell waits for the edit to end instead of
 *   failing (docs/excel/excel-add-ins-delay-in-cell-edit.md);
 * - its result and any failure land in the pane's state, and when the person must see something (a
 *   failure, a warning, the question before the first write) the pane is shown with
 *   Office.addin.showAsTaskpane (SharedRuntime 1.1, docs/develop/show-hide-add-in.md). Should that be
 *   unavailable — no shared runtime (the ribbon then runs in its own runtime, docs/testing/runtimes.md,
 *   where the pane's state is out of reach) or showAsTaskpane ignored or failing — a failure is shown in a
 *   dialog (Office.context.ui.displayDialogAsync; docs/design/add-in-commands.md: "a good way to display an
 *   error"), never only on the console;
 * - event.completed() is always called, also on failure (docs/develop/create-addin-commands.md).
 *
 * No module side effects: the file is imported by the pane's bundle (webpack also builds it as a page of
 * its own, which the manifest no longer loads).
 */
import type { PaneBridge, RibbonAction, RibbonOutcome } from "../taskpane/bridge";
import { COMMAND_FUNCTIONS } from "./function-names";

/** What the commands use of Office.js (the real `Office`, or a test fake). */
export interface OfficeForCommands {
  actions: { associate(name: string, handler: (event: Office.AddinCommands.Event) => void): void };
  addin?: { showAsTaskpane(): Promise<void> };
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    ui?: {
      displayDialogAsync(
        url: string,
        options: Office.DialogOptions,
        callback: (result: Office.AsyncResult<Office.Dialog>) => void,
      ): void;
    };
  };
}

export interface CommandOptions {
  /** The pane's page address, for the dialog fallback (default: this page). */
  pageUrl?: string;
  /** Text of the dialog's fallback when a command fails without any message of its own. */
  unexpected?: string;
}

/** The URL parameter that makes the pane's page a message dialog (src/taskpane/index.tsx). */
export const MESSAGE_PARAM = "kensa-message";

function sharedRuntime(office: OfficeForCommands): boolean {
  try {
    return (
      office.context.requirements.isSetSupported("SharedRuntime", "1.1") &&
      typeof office.addin?.showAsTaskpane === "function"
    );
  } catch {
    return false;
  }
}

/** Shows `title` and `message` in a dialog (the pane's page in message mode); resolves once it is open or failed. */
export function showDialog(
  office: OfficeForCommands,
  pageUrl: string,
  title: string,
  message: string,
): Promise<boolean> {
  return new Promise((resolve) => {
    const ui = office.context.ui;
    if (!ui) return resolve(false);
    const url = new URL(pageUrl);
    url.search = "";
    url.searchParams.set(MESSAGE_PARAM, JSON.stringify({ title, message }));
    try {
      ui.displayDialogAsync(url.toString(), { height: 30, width: 35, displayInIframe: true }, (result) => {
        if (String(result.status) !== "succeeded") return resolve(false);
        const dialog = result.value;
        // the dialog page asks to be closed (Office.context.ui.messageParent) or the person closes it
        dialog.addEventHandler("dialogMessageReceived" as unknown as Office.EventType, () => dialog.close());
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}

/**
 * Shows the pane (shared runtime), or a dialog with the failure. Resolves to how the person was told:
 * "pane", "dialog" or "none" (nothing could be shown: the failure stays in the pane's state).
 */
export async function surface(
  office: OfficeForCommands,
  outcome: RibbonOutcome,
  options: CommandOptions = {},
): Promise<"pane" | "dialog" | "none"> {
  if (sharedRuntime(office)) {
    try {
      await office.addin!.showAsTaskpane();
      return "pane";
    } catch {
      // ignored or refused (add-ins from the Marketplace since 2026-02, show-hide-add-in.md): a dialog then
    }
  }
  if (!outcome.ok || outcome.message) {
    const pageUrl = options.pageUrl ?? (typeof location !== "undefined" ? location.href : "https://localhost/");
    if (await showDialog(office, pageUrl, outcome.title ?? "Kensa", outcome.message ?? options.unexpected ?? ""))
      return "dialog";
  }
  return "none";
}

/** Runs one ribbon action through the pane; always completes the event. */
export async function runCommand(
  office: OfficeForCommands,
  bridge: PaneBridge,
  action: RibbonAction,
  event: Office.AddinCommands.Event | undefined,
  options: CommandOptions = {},
): Promise<RibbonOutcome> {
  let outcome: RibbonOutcome;
  try {
    const pane = await bridge.ready();
    outcome = await pane.ribbon(action);
  } catch (err) {
    // the pane's actions never throw; this is Kensa itself failing: still tell the person
    outcome = { ok: false, attention: true, title: "Kensa", message: err instanceof Error ? err.message : String(err) };
  }
  try {
    if (outcome.attention) await surface(office, outcome, options);
  } finally {
    event?.completed();
  }
  return outcome;
}

/**
 * Associates the ribbon's functions with the pane's actions and makes the pane show itself when it holds
 * something the person must see. Called once, in Office.onReady, by the pane's page.
 */
export function registerCommands(office: OfficeForCommands, bridge: PaneBridge, options: CommandOptions = {}): void {
  // a question while a command runs (the one before the first write): the pane must be seen to answer it
  bridge.onAttention = () => {
    if (sharedRuntime(office)) void office.addin!.showAsTaskpane().catch(() => undefined);
  };
  office.actions.associate(
    COMMAND_FUNCTIONS.recheck,
    (event) => void runCommand(office, bridge, "recalcCheck", event, options),
  );
  office.actions.associate(
    COMMAND_FUNCTIONS.clearHighlights,
    (event) => void runCommand(office, bridge, "clearHighlights", event, options),
  );
}
