/**
 * The submission set's summary (DOMAIN §3.4), above the per-file list: how many files, where 全体 and PJ1–PJ8
 * were found (file and sheet), which are missing or claimed twice, whether the roll-up across the files was
 * checked, the counts of every file (files not checked or not readable counted apart: never 「問題なし」 then),
 * and 「まとめてダウンロード」 for the findings workbook of the whole set.
 */
import { Badge, Button, Caption1, makeStyles, mergeClasses, Spinner, Text, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular, CheckmarkCircle16Filled, ErrorCircle16Filled } from "@fluentui/react-icons";
import { SetBox, SetHeading } from "../../taskpane/components/SetBox";
import { SetStatus } from "../../taskpane/components/SetStatus";
import { useSharedStyles } from "../../taskpane/components/shared-styles";
import type { SetOverview } from "../set-check";
import type { BrowserStrings } from "../strings";

const useStyles = makeStyles({
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    justifyContent: "space-between",
  },
  title: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  download: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-end",
    gap: tokens.spacingVerticalXXS,
    maxWidth: "26em",
  },
  muted: { color: tokens.colorNeutralForeground2 },
  status: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  projects: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(15em, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  project: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    minWidth: 0,
  },
  projectBad: {
    border: `1px solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
  code: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  place: { overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  total: { fontWeight: tokens.fontWeightSemibold },
  fold: {
    "& > summary": {
      cursor: "pointer",
      color: tokens.colorNeutralForeground2,
      fontSize: tokens.fontSizeBase200,
      width: "fit-content",
    },
    "&[open] > summary": { marginBottom: tokens.spacingVerticalXS },
  },
});

const VERDICT_COLOR = {
  errors: "danger",
  unreadable: "danger",
  unchecked: "severe",
  unfilled: "severe",
  warnings: "warning",
  "rollup-skipped": "informative",
  clean: "success",
} as const;

export interface SetSummaryProps {
  s: BrowserStrings;
  overview: SetOverview;
  /** A check of the set is running (files added, removed or changed). */
  checking: boolean;
  downloading: boolean;
  onDownloadAll: () => void;
}

export function SetSummary({ s, overview: o, checking, downloading, onDownloadAll }: SetSummaryProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const busy = checking || o.pending > 0;
  const settled = o.files - o.pending;
  const place = (p: { file: string; sheet: string }) => s.setPlace(p.file, p.sheet);
  const placesOf = (code: string) => o.projects.find((p) => p.project === code)?.places.map(place) ?? [];
  return (
    <SetBox
      wide
      aria-busy={busy}
      data-testid="set-summary"
      data-files={o.files}
      data-rollup={busy ? undefined : o.rollup}
      data-missing={busy ? undefined : o.missing.join(",")}
      data-duplicates={busy ? undefined : o.duplicates.join(",")}
      data-verdict={busy ? undefined : o.verdict}
      data-error={o.summary.error}
      data-warning={o.summary.warning}
      data-info={o.summary.info}
    >
      <div className={styles.head}>
        <div className={styles.title}>
          <SetHeading>{s.setHeading(o.files)}</SetHeading>
          {!busy && (
            <Badge appearance="filled" color={VERDICT_COLOR[o.verdict]} data-testid="set-verdict">
              {s.setVerdict[o.verdict]}
            </Badge>
          )}
        </div>
        <div className={styles.download}>
          <Button
            appearance="primary"
            icon={downloading ? <Spinner size="extra-tiny" /> : <ArrowDownload20Regular />}
            disabled={busy || downloading || settled === 0}
            onClick={onDownloadAll}
            aria-label={s.downloadAllLabel}
            aria-describedby="kensa-set-download-hint"
            data-testid="download-all"
          >
            {downloading ? s.downloading : s.downloadAll}
          </Button>
          <Caption1 id="kensa-set-download-hint" className={styles.muted} style={{ textAlign: "end" }}>
            {s.downloadAllHint}
          </Caption1>
        </div>
      </div>
      <Caption1 className={styles.muted}>{s.setIntro}</Caption1>

      <div className={styles.status} aria-live="polite" data-testid="set-status">
        {busy ? (
          <Spinner
            size="extra-tiny"
            labelPosition="after"
            label={o.pending > 0 ? `${s.setChecking}（${s.setPending(o.pending)}）` : s.setChecking}
          />
        ) : (
          <SetStatus s={s} rollup={o.rollup} missing={o.missing} duplicates={o.duplicates} placesOf={placesOf} />
        )}
      </div>

      {!busy && o.rollup !== "none" && o.projects.length > 0 && (
        // folded when every project is found once: where each one is is then a detail, and the findings come sooner
        <details
          key={o.missing.length + o.duplicates.length > 0 ? "open" : "folded"}
          className={styles.fold}
          open={o.missing.length + o.duplicates.length > 0 || undefined}
          data-testid="set-projects-fold"
        >
          <summary>{s.setProjectsLabel}</summary>
          <ul className={styles.projects} aria-label={s.setProjectsLabel} data-testid="set-projects">
            {o.projects.map((p) => (
              <li
                key={p.project}
                className={mergeClasses(shared.card, styles.project, p.state !== "present" && styles.projectBad)}
                data-testid="set-project"
                data-project={p.project}
                data-state={p.state}
                data-places={p.places.map((x) => `${x.file}:${x.sheet}`).join("|")}
              >
                <span className={styles.code}>
                  {p.state === "present" ? (
                    <CheckmarkCircle16Filled className={styles.ok} aria-hidden />
                  ) : (
                    <ErrorCircle16Filled className={styles.bad} aria-hidden />
                  )}
                  {p.project}
                  {p.state === "missing" && (
                    <Badge size="small" appearance="tint" color="danger">
                      {s.setMissingBadge}
                    </Badge>
                  )}
                  {p.state === "duplicate" && (
                    <Badge size="small" appearance="tint" color="danger">
                      {s.setDuplicateBadge}
                    </Badge>
                  )}
                </span>
                {p.places.map((x) => (
                  <Text key={`${x.file}:${x.sheet}`} className={styles.place}>
                    {place(x)}
                  </Text>
                ))}
              </li>
            ))}
          </ul>
        </details>
      )}

      <Text className={styles.total} data-testid="set-total">
        {s.setTotal(
          o.files,
          o.unchecked,
          o.unreadable,
          o.summary.error,
          o.summary.warning,
          o.summary.info,
          o.summary.accepted,
        )}
      </Text>
    </SetBox>
  );
}
