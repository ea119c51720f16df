/**
 * Task pane entry — also the page of the shared runtime the ribbon's commands run in (manifest.xml).
 *
 * Inside Excel: wait for Office.onReady, then mount the pane over the Office.js host and associate the
 * ribbon's functions with the pane's actions (src/commands/commands.ts), one host and one lock for both.
 * Opened as a dialog by a command (?kensa-message=…): show that message. Outside Office (the page opened in
 * a browser, office.js blocked by the network, or Office without a host): browser mode, which opens local
 * .xlsx files. Browser mode and its .xlsx reader (exceljs) are loaded with import() into their own chunk,
 * so the Excel task pane's initial bundle stays small.
 */
import { ExcelHost } from "../adapters/office";
import { MESSAGE_PARAM, registerCommands } from "../commands/commands";
import { openBookName } from "./added-books";
import { PaneBridge } from "./bridge";
import { detectLanguage } from "./i18n";
import { mountMessage, mountNotInExcel, mountPane } from "./mount";

function startBrowserMode(container: HTMLElement): void {
  const lang = detectLanguage();
  import(/* webpackChunkName: "browser" */ "../browser/mount").then(
    (m) => m.mountBrowser(container, lang),
    // the chunk could not be loaded (offline, blocked): at least say where the pane works
    () => mountNotInExcel(container, lang),
  );
}

/** The message a command passed to this page opened as a dialog, if it was. */
function dialogMessage(): { title: string; message: string } | undefined {
  try {
    const raw = new URLSearchParams(location.search).get(MESSAGE_PARAM);
    if (!raw) return undefined;
    const m = JSON.parse(raw) as { title?: unknown; message?: unknown };
    return { title: String(m.title ?? "Kensa"), message: String(m.message ?? "") };
  } catch {
    return undefined;
  }
}

function start(): void {
  const container = document.getElementById("container");
  if (!container) return;
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    startBrowserMode(container);
    return;
  }
  void Office.onReady().then(
    (info) => {
      const lang = detectLanguage();
      const message = dialogMessage();
      if (message) {
        mountMessage(container, lang, message.title, message.message, () => Office.context.ui.messageParent("close"));
        return;
      }
      if (info.host === Office.HostType.Excel) {
        const host = new ExcelHost({ lang });
        const bridge = new PaneBridge();
        // associate the ribbon's functions at once: a click may be what started this runtime
        registerCommands(Office, bridge, {
          unexpected: lang === "ja" ? "予期しないエラーが発生しました。" : "Unexpected error.",
        });
        // the open workbook's name in a submission set (「他のブックを追加」): its file name when Office gives one
        let url: string | null | undefined;
        try {
          url = Office.context.document?.url;
        } catch {
          url = undefined;
        }
        mountPane(container, host, lang, bridge, openBookName(url, lang));
      } else startBrowserMode(container);
    },
    () => startBrowserMode(container),
  );
}

start();
