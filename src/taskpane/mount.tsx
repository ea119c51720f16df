/**
 * Renders the pane into a container. The host decides where the workbook lives (Excel now, a local file
 * in browser mode later); the pane never knows which.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import type { WorkbookHost } from "../host/host";
import { App } from "./components/App";
import { NotInExcel } from "./components/NotInExcel";
import { I18nContext, STRINGS, type Lang } from "./i18n";

export function mountPane(container: HTMLElement, host: WorkbookHost, lang: Lang): Root {
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} lang={lang} />
    </FluentProvider>,
  );
  return root;
}

export function mountNotInExcel(container: HTMLElement, lang: Lang): Root {
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={{ lang, s: STRINGS[lang] }}>
        <NotInExcel />
      </I18nContext.Provider>
    </FluentProvider>,
  );
  return root;
}
