/**
 * Browser mode: the task pane page opened outside Office. The user opens one or more local .xlsx files
 * (picker or drag and drop); each is read and checked here, in the page, with the same core; the
 * findings pane (the same App as in Excel) shows the chosen file over a BrowserHost, the surrounding
 * cells stand in for Excel's selection, and each file's annotated copy can be downloaded.
 * Nothing is uploaded: there is no server side at all.
 */
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Subtitle1, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular, ShieldLock20Regular } from "@fluentui/react-icons";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Lang } from "../../core/report/format";
import { App } from "../../taskpane/components/App";
import { defaultCheck, yieldToBrowser, type CheckFn } from "../../taskpane/run-check";
import { BrowserHost, templateFile, toHostError } from "../browser-host";
import { saveBytes } from "../download";
import type { CellPreview as CellPreviewModel } from "../preview";
import { BROWSER_STRINGS } from "../strings";
import { CellPreview } from "./CellPreview";
import { FileDrop } from "./FileDrop";
import { FileList } from "./FileList";

export interface FileEntry {
  id: string;
  name: string;
  status: "reading" | "checking" | "ready" | "error";
  host?: BrowserHost;
  error?: string;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    maxWidth: "1280px",
    margin: "0 auto",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  titles: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
  files: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  work: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: tokens.spacingHorizontalL,
    "@media (min-width: 900px)": { gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)" },
    alignItems: "start",
  },
  pane: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: "hidden",
    // the pane was made for Excel's narrow side panel; here it need not fill the window's height
    "& > main": { minHeight: "auto" },
  },
  aside: {
    position: "sticky",
    top: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
});

let nextId = 1;

export interface BrowserAppProps {
  lang: Lang;
  check?: CheckFn;
}

export function BrowserApp({ lang, check = defaultCheck }: BrowserAppProps) {
  const styles = useStyles();
  const s = BROWSER_STRINGS[lang];
  const [files, setFiles] = useState<FileEntry[]>([]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [downloading, setDownloading] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<{ text: string; intent: "success" | "error" } | null>(null);
  const [, setVersion] = useState(0);
  const [preview, setPreview] = useState<CellPreviewModel | null>(null);
  const filesRef = useRef(files);
  filesRef.current = files;

  const update = useCallback((id: string, patch: Partial<FileEntry>) => {
    setFiles((prev) => prev.map((f) => (f.id === id ? { ...f, ...patch } : f)));
  }, []);

  const open = useCallback(
    async (list: File[]) => {
      const added: FileEntry[] = list.map((file) => ({ id: `f${nextId++}`, name: file.name, status: "reading" }));
      setFiles((prev) => [...prev, ...added]);
      setNotice(null);
      let first: string | null = null;
      for (let i = 0; i < list.length; i++) {
        const { id, name } = added[i];
        try {
          const bytes = new Uint8Array(await list[i].arrayBuffer());
          const host = new BrowserHost(name, bytes, lang);
          host.subscribe(() => setVersion((v) => v + 1));
          await host.read();
          update(id, { status: "checking", host });
          await yieldToBrowser();
          await host.highlight(await check(await host.read(), lang));
          update(id, { status: "ready" });
          if (!first) {
            first = id;
            // show the first readable file of this batch unless one is shown already
            setActiveId((cur) => (cur && filesRef.current.some((f) => f.id === cur && f.status === "ready") ? cur : id));
          }
        } catch (err) {
          update(id, { status: "error", error: toHostError(err, lang).message, host: undefined });
        }
      }
    },
    [check, lang, update],
  );

  const active = files.find((f) => f.id === activeId && f.status === "ready" && f.host);
  const activeHost = active?.host;

  useEffect(() => {
    setPreview(activeHost?.preview ?? null);
    if (!activeHost) return;
    return activeHost.subscribe((e) => {
      if (e === "selection" || e === "fix") setPreview(activeHost.preview);
    });
  }, [activeHost]);

  const download = useCallback(
    async (id: string) => {
      const entry = filesRef.current.find((f) => f.id === id);
      if (!entry?.host) return;
      setDownloading((prev) => new Set(prev).add(id));
      try {
        const out = await entry.host.annotatedFile();
        saveBytes(out.name, out.bytes);
        setNotice({ text: s.downloaded(out.name), intent: "success" });
      } catch (err) {
        setNotice({ text: toHostError(err, lang).message, intent: "error" });
      } finally {
        setDownloading((prev) => {
          const next = new Set(prev);
          next.delete(id);
          return next;
        });
      }
    },
    [lang, s],
  );

  const remove = useCallback((id: string) => {
    setFiles((prev) => prev.filter((f) => f.id !== id));
    setActiveId((cur) => (cur === id ? (filesRef.current.find((f) => f.id !== id && f.status === "ready")?.id ?? null) : cur));
  }, []);

  const downloadTemplate = useCallback(async () => {
    const t = await templateFile(lang);
    saveBytes(t.name, t.bytes);
  }, [lang]);

  const hasFiles = files.length > 0;
  const pane = useMemo(
    () => (activeHost && active ? <App key={active.id} host={activeHost} lang={lang} check={check} autoCheck workbookActions={false} /> : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [activeHost, active?.id, lang, check],
  );

  return (
    <div className={styles.root} lang={lang} data-testid="browser-mode">
      <header className={styles.header}>
        <div className={styles.titles}>
          <Subtitle1 as="h1">{s.title}</Subtitle1>
          <Body1 className={styles.muted}>{s.subtitle}</Body1>
        </div>
        <Button appearance="subtle" icon={<ArrowDownload20Regular />} onClick={() => void downloadTemplate()}>
          {s.template}
        </Button>
      </header>
      <MessageBar intent="info" icon={<ShieldLock20Regular />} data-testid="privacy-notice">
        <MessageBarBody>{s.privacy}</MessageBarBody>
      </MessageBar>
      <FileDrop s={s} compact={hasFiles} onFiles={(f) => void open(f)} />
      {hasFiles && (
        <section className={styles.files} aria-labelledby="kensa-files-heading">
          <Subtitle1 as="h2" id="kensa-files-heading" style={{ fontSize: tokens.fontSizeBase400 }}>
            {s.filesHeading}
          </Subtitle1>
          <FileList s={s} files={files} activeId={activeId} downloading={downloading} onShow={setActiveId} onDownload={(id) => void download(id)} onRemove={remove} />
          {notice && (
            <MessageBar intent={notice.intent} data-testid="browser-notice">
              <MessageBarBody>{notice.text}</MessageBarBody>
            </MessageBar>
          )}
        </section>
      )}
      {pane && (
        <div className={styles.work}>
          <div className={styles.pane} aria-label={s.paneLabel(active!.name)} role="region">
            {pane}
          </div>
          <aside className={styles.aside} aria-label={s.previewHeading}>
            <CellPreview preview={preview} s={s} />
          </aside>
        </div>
      )}
    </div>
  );
}
