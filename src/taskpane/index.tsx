/**
 * Task pane entry. Inside Excel: wait for Office.onReady, then mount the pane over the Office.js host.
 * Outside Office (the page opened in a browser, office.js blocked by the network, or Office without a
 * host): browser mode, which opens local .xlsx files. Browser mode and its .xlsx reader (exceljs) are
 * loaded with import() into their own chunk, so the Excel task pane's initial bundle stays small.
 */
import { ExcelHost } from "../adapters/office";
import { detectLanguage } from "./i18n";
import { mountNotInExcel, mountPane } from "./mount";

function startBrowserMode(container: HTMLElement): void {
  const lang = detectLanguage();
  import(/* webpackChunkName: "browser" */ "../browser/mount").then(
    (m) => m.mountBrowser(container, lang),
    // the chunk could not be loaded (offline, blocked): at least say where the pane works
    () => mountNotInExcel(container, lang),
  );
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
      if (info.host === Office.HostType.Excel) mountPane(container, new ExcelHost({ lang }), lang);
      else startBrowserMode(container);
    },
    () => startBrowserMode(container),
  );
}

start();
