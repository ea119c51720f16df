/** The files opened in this page: status, counts, and per file "show" and "download annotated copy". */
import { Badge, Button, Caption1, makeStyles, mergeClasses, Spinner, Text, tokens } from "@fluentui/react-components";
import {
  ArrowDownload20Regular,
  Dismiss20Regular,
  DocumentDismiss16Regular,
  DocumentTable20Regular,
  ErrorCircle20Filled,
  Save20Regular,
} from "@fluentui/react-icons";
import { isUnchecked } from "../../core/report/status";
import type { BrowserStrings } from "../strings";
import { useSharedStyles } from "../../taskpane/components/shared-styles";
import type { FileEntry } from "./BrowserApp";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  active: { border: `2px solid ${tokens.colorBrandStroke1}` },
  name: { flexGrow: 1, minWidth: "12em", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  title: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  error: {
    color: tokens.colorPaletteRedForeground1,
    display: "flex",
    gap: tokens.spacingHorizontalXS,
    alignItems: "flex-start",
  },
  muted: { color: tokens.colorNeutralForeground2 },
  badges: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  actions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

export interface FileListProps {
  s: BrowserStrings;
  files: FileEntry[];
  activeId: string | null;
  downloading: ReadonlySet<string>;
  onShow: (id: string) => void;
  onDownload: (id: string) => void;
  onRemove: (id: string) => void;
  /** Saves the file with its record of accepted findings (shown once an acceptance was made or revoked here). */
  onSaveStored?: (id: string) => void;
}

export function FileList({
  s,
  files,
  activeId,
  downloading,
  onShow,
  onDownload,
  onRemove,
  onSaveStored,
}: FileListProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  return (
    <ul className={shared.stack} aria-label={s.fileListLabel} data-testid="file-list">
      {files.map((f) => {
        const result = f.host?.result;
        // no sheet of a known kind: a badge of its own instead of counts that would read as "no problems"
        const unchecked = !!result && isUnchecked(result);
        const extras = `${f.host && f.host.fixesApplied > 0 ? ` · ${s.fixesApplied(f.host.fixesApplied)}` : ""}${
          f.host && !f.host.highlightsOn ? ` · ${s.noHighlights}` : ""
        }${f.host && f.host.acceptChanges > 0 ? ` · ${s.acceptSaved}` : ""}`;
        const accepted = result?.summary.accepted ?? 0;
        const active = f.id === activeId;
        return (
          <li
            key={f.id}
            className={mergeClasses(shared.card, styles.item, active && styles.active)}
            data-testid="file-item"
            data-file={f.name}
            data-status={f.status}
            data-result={result ? (unchecked ? "unchecked" : "checked") : undefined}
            aria-current={active ? "true" : undefined}
          >
            <div className={styles.name}>
              <span className={styles.title}>
                <DocumentTable20Regular aria-hidden />
                {f.name}
              </span>
              {f.setName && <Caption1 className={styles.muted}>{s.setNameNote(f.setName)}</Caption1>}
              {(f.status === "reading" || f.status === "checking") && (
                <Spinner
                  size="extra-tiny"
                  label={f.status === "reading" ? s.reading : s.checking}
                  labelPosition="after"
                />
              )}
              {f.status === "error" && (
                <Text className={styles.error} role="alert" data-testid="file-error">
                  <ErrorCircle20Filled aria-hidden />
                  <span>
                    {s.cannotRead(f.name)}: {f.error}
                  </span>
                </Text>
              )}
              {result && unchecked && (
                <span className={styles.badges} data-testid="file-unchecked">
                  <Badge appearance="filled" color="severe" icon={<DocumentDismiss16Regular />}>
                    {s.notChecked}
                  </Badge>
                  <Caption1 className={styles.muted}>
                    {s.notCheckedCaption}
                    {extras}
                  </Caption1>
                </span>
              )}
              {result && !unchecked && (
                <span
                  className={styles.badges}
                  data-testid="file-counts"
                  data-error={result.summary.error}
                  data-warning={result.summary.warning}
                  data-info={result.summary.info}
                  data-accepted={accepted}
                >
                  <Badge appearance="tint" color="danger">
                    {`E ${result.summary.error}`}
                  </Badge>
                  <Badge appearance="tint" color="warning">
                    {`W ${result.summary.warning}`}
                  </Badge>
                  <Badge appearance="tint" color="informative">
                    {`I ${result.summary.info}`}
                  </Badge>
                  {accepted > 0 && (
                    <Badge appearance="tint" color="success" data-testid="file-accepted">
                      {s.acceptedCount(accepted)}
                    </Badge>
                  )}
                  <Caption1 className={styles.muted}>
                    {s.counts(result.summary.error, result.summary.warning, result.summary.info)}
                    {extras}
                  </Caption1>
                </span>
              )}
            </div>
            <span className={styles.actions}>
              {f.status === "ready" && (
                <Button
                  size="small"
                  appearance={active ? "subtle" : "secondary"}
                  disabled={active}
                  onClick={() => onShow(f.id)}
                  aria-label={`${active ? s.showing : s.show}: ${f.name}`}
                >
                  {active ? s.showing : s.show}
                </Button>
              )}
              {f.status === "ready" && result && (
                <Button
                  size="small"
                  icon={downloading.has(f.id) ? <Spinner size="extra-tiny" /> : <ArrowDownload20Regular />}
                  disabled={downloading.has(f.id)}
                  onClick={() => onDownload(f.id)}
                  aria-label={s.downloadLabel(f.name)}
                  data-testid="download"
                >
                  {downloading.has(f.id) ? s.downloading : s.download}
                </Button>
              )}
              {f.status === "ready" && f.host && f.host.acceptChanges > 0 && onSaveStored && (
                <Button
                  size="small"
                  appearance="primary"
                  icon={<Save20Regular />}
                  onClick={() => onSaveStored(f.id)}
                  aria-label={s.downloadStoreLabel(f.name)}
                  title={s.downloadStoreHint}
                  data-testid="download-store"
                >
                  {s.downloadStore}
                </Button>
              )}
              <Button
                size="small"
                appearance="subtle"
                icon={<Dismiss20Regular />}
                aria-label={s.removeLabel(f.name)}
                title={s.remove}
                onClick={() => onRemove(f.id)}
              />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
