/**
 * @jest-environment jsdom
 *
 * Accepting findings in browser mode: BrowserHost writes the acceptance into the in-memory file (so the next
 * check honours it and the saved copy carries it), the pane copy marks accepted findings, and the panel
 * accepts with a reason, shows the reason and revokes.
 */
import "../support/jsdom-setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { BrowserHost } from "../../src/browser/browser-host";
import { AcceptPanel } from "../../src/browser/components/AcceptPanel";
import { FileList } from "../../src/browser/components/FileList";
import { originalResult, withOtherFiles } from "../../src/browser/cross-file";
import { setOverview, setTableFiles } from "../../src/browser/set-check";
import { BROWSER_STRINGS } from "../../src/browser/strings";
import { readStoreFromPackage } from "../../src/adapters/exceljs/accept";
import { readWorkbookBuffer } from "../../src/adapters/exceljs/read";
import { checkSet, checkWorkbook } from "../../src/core/engine";
import type { Finding } from "../../src/core/model/finding";
import { findingRows } from "../../src/core/report/table";
import { isExternalRef } from "../../src/core/model/refs";
import { HostError } from "../../src/host/host";
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { writeSplit } from "../fixtures/split";

const SAMPLE = path.resolve(__dirname, "../../samples/r7-report.xlsx");
const REASON = "指標8は令和8年度からの事業のため";

async function checkedHost(): Promise<{ host: BrowserHost; j15: Finding }> {
  const host = new BrowserHost("r7-report.xlsx", new Uint8Array(readFileSync(SAMPLE)), "ja");
  const result = checkWorkbook(await host.read());
  await host.highlight(result);
  return { host, j15: result.findings.find((f) => f.rule === "grade/below-pace" && f.cell === "J15")! };
}

describe("BrowserHost.accept and revoke", () => {
  it("writes the acceptance into the file in memory; the next check honours it; the saved file carries it", async () => {
    const { host, j15 } = await checkedHost();
    const events: string[] = [];
    host.subscribe((e) => events.push(e));
    const before = host.currentBytes;
    // the pane's copy of the finding (message changed) is matched to the original
    await host.accept({ ...j15, message: "copy" }, REASON, "山田");
    expect(events).toEqual(["accept"]);
    expect(host.acceptChanges).toBe(1);
    expect(host.currentBytes).not.toBe(before);
    expect(host.loaded).toBeNull();
    const result = checkWorkbook(await host.read());
    const accepted = result.findings.filter((f) => f.accepted);
    expect(accepted.map((f) => [f.rule, f.cell, f.accepted!.reason, f.accepted!.by])).toEqual([
      ["grade/below-pace", "J15", REASON, "山田"],
    ]);
    const saved = host.storedFile();
    expect(saved.name).toBe("r7-report.xlsx");
    expect((await readStoreFromPackage(saved.bytes)).entries).toHaveLength(1);
    // the annotated copy carries the record too
    await host.highlight(result);
    const annotated = await host.annotatedFile();
    expect(checkWorkbook(await readWorkbookBuffer(annotated.bytes)).summary.accepted).toBe(1);

    await host.revoke(j15);
    expect(host.acceptChanges).toBe(2);
    expect(checkWorkbook(await host.read()).summary.accepted).toBeUndefined();
    expect((await readStoreFromPackage(host.storedFile().bytes)).entries).toEqual([]);
  });

  it("an empty reason is refused; a sheet of that name that is not Kensa's is not overwritten", async () => {
    const { host, j15 } = await checkedHost();
    await expect(host.accept(j15, "  ")).rejects.toThrow("確認済みにする理由を書いてください");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(SAMPLE) as unknown as ExcelJS.Buffer);
    wb.addWorksheet("Kensa_accepted").getCell("A1").value = "メモ";
    const theirs = new BrowserHost("x.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()), "ja");
    await theirs.highlight(checkWorkbook(await theirs.read()));
    const err = await theirs.accept(j15, REASON).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).message).toContain("Kensa の記録ではない");
    expect(theirs.acceptChanges).toBe(0);
  });

  it("selectedFinding follows the latest result", async () => {
    const { host, j15 } = await checkedHost();
    expect(host.selectedFinding).toBeNull();
    await host.select(j15.sheet, j15.cells);
    expect(host.selectedFinding).toBe(j15);
    await host.accept(j15, REASON);
    await host.highlight(checkWorkbook(await host.read()));
    expect(host.selectedFinding!.accepted!.reason).toBe(REASON);
  });

  it("a cross-file finding is accepted with the other open files' values", async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), "kensa-browser-accept-"));
    try {
      const files = await writeSplit(tmp);
      const hosts = files.map((f) => new BrowserHost(path.basename(f), new Uint8Array(readFileSync(f)), "ja"));
      const named = await Promise.all(hosts.map(async (h) => ({ name: h.fileName, workbook: await h.read() })));
      const total = hosts.findIndex((h) => h.fileName === "提出_総括.xlsx");
      const host = hosts[total];
      host.otherWorkbook = (name) => named.find((n) => n.name === name)?.workbook;
      const set = checkSet(named);
      await host.highlight(set.files[total].result!);
      const g6 = set.files[total].result!.findings.find((f) => f.rule === "rollup/additive" && f.cell === "G6")!;
      // the pane may select only the finding's cells in this file: the finding is still found, its other cells listed
      await host.select(
        g6.sheet,
        g6.cells.filter((c) => !isExternalRef(c)),
      );
      expect(host.selectedFinding).toBe(g6);
      expect(host.preview!.otherFiles).toHaveLength(8);
      await host.accept(g6, "重複を除くため");
      const now = await host.read();
      const honoured = checkSet(named.map((n, i) => (i === total ? { name: n.name, workbook: now } : n)));
      expect(honoured.files[total].result!.findings.filter((f) => f.accepted).map((f) => f.cell)).toEqual(["G6"]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("the pane's copy and the tables", () => {
  it("marks accepted findings with their reason; the download keeps the message as it is", async () => {
    const { host, j15 } = await checkedHost();
    await host.accept(j15, REASON, "山田");
    const result = checkWorkbook(await host.read());
    const pane = withOtherFiles(result, "ja");
    const shown = pane.findings.find((f) => f.accepted)!;
    // the pane's rows show `accepted` themselves: the message stays the engine's
    expect(shown.message).toMatch(/^「指標8」の進捗はAですが/);
    expect(shown.message).toBe(result.findings.find((f) => f.accepted)!.message);
    expect(shown.accepted).toMatchObject({ reason: REASON, by: "山田" });
    expect(originalResult(pane)).toBe(result);
    await host.highlight(pane);
    const table = setTableFiles([{ id: "a", name: "r7-report.xlsx", status: "ready", host }]);
    const rows = findingRows(table, "ja");
    expect(
      rows
        .filter((r) => r.status === "確認済み")
        .map((r) => [r.cell, r.message.startsWith("［"), r.reason?.startsWith(REASON)]),
    ).toEqual([["J15", false, true]]);
    expect(setOverview([{ id: "a", name: "r7-report.xlsx", status: "ready", host }], null).summary.accepted).toBe(1);
  });
});

describe("AcceptPanel", () => {
  const s = BROWSER_STRINGS.ja;
  const finding: Finding = {
    rule: "grade/below-pace",
    severity: "warning",
    sheet: "アウトプット指標",
    cell: "J15",
    cells: ["J15", "H15", "D15"],
    message: "指標8 の進捗は A ですが…",
  };

  function panel(
    selected: Finding | null,
    findings: Finding[] = [],
    on: { accept?: jest.Mock; revoke?: jest.Mock } = {},
  ) {
    return render(
      <FluentProvider theme={webLightTheme}>
        <AcceptPanel
          s={s}
          lang="ja"
          selected={selected}
          findings={findings}
          busy={false}
          onAccept={on.accept ?? jest.fn()}
          onRevoke={on.revoke ?? jest.fn()}
        />
      </FluentProvider>,
    );
  }

  it("asks to select a finding first", () => {
    panel(null);
    expect(screen.getByTestId("accept-none").textContent).toBe(s.acceptNone);
  });

  it("accepts the selected finding only with a reason", () => {
    const accept = jest.fn();
    panel(finding, [finding], { accept });
    const button = screen.getByTestId<HTMLButtonElement>("accept-button");
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByTestId("accept-reason"), { target: { value: REASON } });
    fireEvent.change(screen.getByTestId("accept-by"), { target: { value: "山田" } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    expect(accept).toHaveBeenCalledWith(finding, REASON, "山田");
    expect(screen.getByText("選んだ指摘: アウトプット指標!J15（進捗ペース未達 grade/below-pace）")).toBeTruthy();
  });

  it("shows an accepted finding's reason, lists every accepted one, and revokes", () => {
    const revoke = jest.fn();
    const accepted = { ...finding, accepted: { reason: REASON, by: "山田", at: "2025-12-02T10:15:00+09:00" } };
    panel(accepted, [accepted, { ...finding, cell: "J23", cells: ["J23"] }], { revoke });
    expect(screen.getByTestId("accepted-reason").textContent).toBe(REASON);
    expect(screen.getByText("確認者: 山田")).toBeTruthy();
    expect(screen.queryByTestId("accept-button")).toBeNull();
    const list = screen.getByTestId("accepted-list");
    expect(within(list).getAllByTestId("accepted-item")).toHaveLength(1);
    expect(screen.getByText("このファイルの確認済みの指摘（1件）")).toBeTruthy();
    fireEvent.click(within(list).getByTestId("revoke"));
    fireEvent.click(screen.getByTestId("revoke-selected"));
    expect(revoke).toHaveBeenCalledTimes(2);
    expect(revoke).toHaveBeenCalledWith(accepted);
  });

  it("offers nothing to accept for the record's own infos", () => {
    panel({ ...finding, rule: "accepted/lapsed", severity: "info" });
    expect(screen.queryByTestId("accept-button")).toBeNull();
    expect(screen.getByText(s.acceptNotFor)).toBeTruthy();
  });
});

describe("FileList", () => {
  it("counts accepted findings apart and offers to save the file with its record once changed", async () => {
    const { host, j15 } = await checkedHost();
    const save = jest.fn();
    const renderList = () =>
      render(
        <FluentProvider theme={webLightTheme}>
          <FileList
            s={BROWSER_STRINGS.ja}
            files={[{ id: "a", name: "r7-report.xlsx", status: "ready", host }]}
            activeId="a"
            downloading={new Set()}
            onShow={jest.fn()}
            onDownload={jest.fn()}
            onRemove={jest.fn()}
            onSaveStored={save}
          />
        </FluentProvider>,
      );
    const first = renderList();
    expect(screen.queryByTestId("download-store")).toBeNull();
    expect(screen.queryByTestId("file-accepted")).toBeNull();
    first.unmount();
    await host.accept(j15, REASON);
    await host.highlight(checkWorkbook(await host.read()));
    renderList();
    expect(screen.getByTestId("file-counts").getAttribute("data-accepted")).toBe("1");
    expect(screen.getByTestId("file-accepted").textContent).toBe("確認済み1件");
    fireEvent.click(screen.getByTestId("download-store"));
    expect(save).toHaveBeenCalledWith("a");
  });
});
