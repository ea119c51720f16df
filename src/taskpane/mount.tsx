/**
 * Renders the pane into a container. The host decides where the workbook lives (Excel now, a local file
 * in browser mode later); the pane never knows which.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import type { WorkbookHost } from "../host/host";
import type { PaneBridge } from "./bridge";
import { App } from "./components/App";
import { MessageDialog } from "./components/MessageDialog";
import { NotInExcel } from "./components/Placeholders";
import { I18nContext, STRINGS, type Lang } from "./i18n";

export function mountPane(
  container: HTMLElement,
  host: WorkbookHost,
  lang: Lang,
  bridge?: PaneBridge,
  workbookName?: string,
): Root {
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} lang={lang} bridge={bridge} workbookName={workbookName} />
    </FluentProvider>,
  );
  return root;
}

/** The page as a dialog showing one message (the ribbon's failure, where the pane cannot be shown). */
export function mountMessage(
  container: HTMLElement,
  lang: Lang,
  title: string,
  message: string,
  onClose: () => void,
): Root {
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <I18nContext.Provider value={{ lang, s: STRINGS[lang] }}>
        <MessageDialog title={title} message={message} onClose={onClose} />
      </I18nContext.Provider>
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
