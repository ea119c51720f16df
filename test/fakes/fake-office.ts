/**
 * TEST FAKE of the parts of Office.js (the common API) that the ribbon's commands use — NOT Office.
 *
 * - Runtimes (docs/testing/runtimes.md): by default a function command runs in its own runtime, started
 *   when its button is pressed, sharing nothing with the task pane; with a shared runtime (manifest
 *   <Runtime lifetime="long">, SharedRuntime 1.1, docs/develop/configure-your-add-in-to-use-a-shared-
 *   runtime.md) the command runs in the pane's page. `sharedRuntime: false` makes every press load the
 *   function file into a fresh runtime (the `loadFunctionFile` callback: a new module state, no visible
 *   pane); `true` runs the handler the pane's page associated.
 * - Office.actions.associate(name, handler) registers a function command's handler
 *   (docs/develop/create-addin-commands.md); the handler gets an event whose completed() must be called.
 * - Office.addin.showAsTaskpane() exists only with the shared runtime (SharedRuntime 1.1,
 *   docs/develop/show-hide-add-in.md); `showAsTaskpaneIgnored` models an add-in from the Marketplace, for
 *   which it is ignored since 2026-02 (same page) — here it rejects, so the caller can tell.
 * - Office.context.ui.displayDialogAsync(url, options, callback) opens a dialog (DialogApi 1.1); the fake
 *   records its URL (docs/design/add-in-commands.md: a dialog is "a good way to display an error").
 * - Office.context.requirements.isSetSupported answers "SharedRuntime" from `sharedRuntime` and
 *   "ExcelApi" from the FakeExcel.
 */
import type { FakeExcel } from "./fake-excel";

type Handler = (event: Office.AddinCommands.Event) => void;

export interface FakeOfficeOptions {
  sharedRuntime: boolean;
  excel: FakeExcel;
  /** Separate runtimes: loads the function file into a fresh runtime (associates handlers on `office`). */
  loadFunctionFile?: (office: FakeOffice) => void;
  showAsTaskpaneIgnored?: boolean;
}

export class FakeOffice {
  /** Handlers of the runtime that registered them last (the pane's page, in the shared runtime). */
  private handlers = new Map<string, Handler>();
  /** The task pane is visible. */
  paneVisible = false;
  /** URLs of the dialogs opened. */
  readonly dialogs: string[] = [];
  /** Runtimes started for function commands (separate runtimes). */
  runtimesStarted = 0;
  readonly actions = { associate: (name: string, handler: Handler) => void this.handlers.set(name, handler) };
  readonly addin?: { showAsTaskpane(): Promise<void> };
  readonly context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    ui: {
      displayDialogAsync(url: string, options: unknown, callback: (r: Office.AsyncResult<Office.Dialog>) => void): void;
    };
    displayLanguage: string;
  };

  constructor(private readonly options: FakeOfficeOptions) {
    if (options.sharedRuntime)
      this.addin = {
        showAsTaskpane: async () => {
          if (options.showAsTaskpaneIgnored)
            throw Object.assign(new Error("fake: showAsTaskpane is not available to this add-in"), {
              code: "GenericException",
            });
          this.paneVisible = true;
        },
      };
    this.context = {
      requirements: {
        isSetSupported: (name, minVersion) =>
          name === "SharedRuntime"
            ? options.sharedRuntime && (!minVersion || minVersion === "1.1")
            : options.excel.requirements.isSetSupported(name, minVersion),
      },
      ui: {
        displayDialogAsync: (url, _options, callback) => {
          this.dialogs.push(url);
          const dialog = {
            addEventHandler: () => undefined,
            close: () => undefined,
            messageChild: () => undefined,
          } as unknown as Office.Dialog;
          callback({ status: "succeeded", value: dialog } as unknown as Office.AsyncResult<Office.Dialog>);
        },
      },
      displayLanguage: "ja-JP",
    };
  }

  /** Presses a ribbon button; resolves when the handler called event.completed(). */
  press(name: string): Promise<void> {
    if (!this.options.sharedRuntime) {
      // a new runtime for the function command, with its own module state (runtimes.md)
      this.handlers = new Map();
      this.runtimesStarted++;
      this.options.loadFunctionFile?.(this);
    }
    const handler = this.handlers.get(name);
    if (!handler) return Promise.reject(new Error(`fake: no function associated with ${name}`));
    return new Promise<void>((resolve) => handler({ completed: () => resolve(), source: { id: name } }));
  }
}
