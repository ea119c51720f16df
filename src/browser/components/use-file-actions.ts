/**
 * What browser mode does with its open files besides checking them: the downloads (an annotated copy, the file with
 * its record of accepted findings, the findings workbook of the whole set, the template) and accepting or revoking
 * a finding of the shown file. Each says how it went in one notice.
 */
import { useCallback, useState } from "react";
import type { SetSummary as SetSummaryModel } from "../../core/engine";
import { AcceptanceError } from "../../core/accept/index";
import type { Finding } from "../../core/model/finding";
import type { Lang } from "../../core/values/format";
import { templateFile, toHostError, type BrowserHost } from "../browser-host";
import { saveBytes } from "../download";
import { findingsFileName, setTableFiles, type FileEntry, type SetMember } from "../set-check";
import type { BrowserStrings } from "../strings";

export type BrowserNotice = { text: string; intent: "success" | "error" };

export interface FileActionsInput {
  lang: Lang;
  s: BrowserStrings;
  filesRef: { current: FileEntry[] };
  /** The set's last check (its projects go into the findings workbook). */
  set: SetSummaryModel | null;
  members: () => SetMember[];
  /** Checks the set again (an acceptance changes the findings). */
  recheck: () => Promise<void>;
  setNotice: (notice: BrowserNotice) => void;
}

export function useFileActions({ lang, s, filesRef, set, members, recheck, setNotice }: FileActionsInput) {
  const [downloading, setDownloading] = useState<ReadonlySet<string>>(new Set());
  const [downloadingAll, setDownloadingAll] = useState(false);
  const [accepting, setAccepting] = useState(false);
  const failed = useCallback(
    (err: unknown) => setNotice({ text: toHostError(err, lang).message, intent: "error" }),
    [lang, setNotice],
  );
  const saved = useCallback(
    (name: string, bytes: Uint8Array) => {
      saveBytes(name, bytes);
      setNotice({ text: s.downloaded(name), intent: "success" });
    },
    [s, setNotice],
  );

  const download = useCallback(
    async (id: string) => {
      const entry = filesRef.current.find((f) => f.id === id);
      if (!entry?.host) return;
      setDownloading((prev) => new Set(prev).add(id));
      try {
        const out = await entry.host.annotatedFile();
        saved(out.name, out.bytes);
      } catch (err) {
        failed(err);
      } finally {
        setDownloading((prev) => {
          const next = new Set(prev);
          next.delete(id);
          return next;
        });
      }
    },
    [filesRef, saved, failed],
  );

  /** The findings workbook of the whole set, made in the page (no links to files: they have no place on disk). */
  const downloadAll = useCallback(async () => {
    setDownloadingAll(true);
    try {
      const { findingsWorkbookBuffer } = await import(
        /* webpackChunkName: "writer" */ "../../adapters/exceljs/findings"
      );
      const bytes = await findingsWorkbookBuffer(setTableFiles(filesRef.current), {
        lang,
        set:
          set && set.rollup !== "none" && members().length > 1
            ? { projects: set.projects, rollup: set.rollup }
            : undefined,
      });
      saved(findingsFileName(lang), bytes);
    } catch (err) {
      failed(err);
    } finally {
      setDownloadingAll(false);
    }
  }, [lang, set, members, filesRef, saved, failed]);

  /** The file as opened plus its record of accepted findings, under its own name. */
  const saveStored = useCallback(
    (id: string) => {
      const host = filesRef.current.find((f) => f.id === id)?.host;
      if (!host) return;
      const out = host.storedFile();
      saved(out.name, out.bytes);
    },
    [filesRef, saved],
  );

  const downloadTemplate = useCallback(async () => {
    const t = await templateFile(lang);
    saveBytes(t.name, t.bytes);
  }, [lang]);

  /** Accepts (or, without a reason, revokes) a finding of the shown file in the in-memory file, then checks again. */
  const settle = useCallback(
    async (host: BrowserHost, finding: Finding, accept?: { reason: string; by: string }) => {
      setAccepting(true);
      const place = `${finding.sheet}!${finding.cell}`;
      try {
        if (accept) await host.accept(finding, accept.reason, accept.by);
        else await host.revoke(finding);
        setNotice({ text: accept ? s.acceptedNow(place) : s.revokedNow(place), intent: "success" });
        await recheck();
      } catch (err) {
        if (err instanceof AcceptanceError) setNotice({ text: err.message, intent: "error" });
        else failed(err);
      } finally {
        setAccepting(false);
      }
    },
    [recheck, s, setNotice, failed],
  );
  const accept = useCallback(
    (host: BrowserHost, finding: Finding, reason: string, by: string) => settle(host, finding, { reason, by }),
    [settle],
  );
  const revoke = useCallback((host: BrowserHost, finding: Finding) => settle(host, finding), [settle]);

  return {
    downloading,
    downloadingAll,
    accepting,
    download,
    downloadAll,
    saveStored,
    downloadTemplate,
    accept,
    revoke,
  };
}
