/** Browser mode's entry, loaded with import() only when the page runs outside Office (its own chunk, with exceljs). */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot, type Root } from "react-dom/client";
import type { Lang } from "../core/values/format";
import { BrowserApp } from "./components/BrowserApp";

export function mountBrowser(container: HTMLElement, lang: Lang): Root {
  document.documentElement.lang = lang;
  document.title = lang === "ja" ? "Kensa 検査 — ブラウザで検証" : "Kensa — check in the browser";
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <BrowserApp lang={lang} />
    </FluentProvider>,
  );
  return root;
}
