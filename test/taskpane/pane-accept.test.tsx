/**
 * @jest-environment jsdom
 */
/**
 * Accepted findings (確認済み) in the Excel pane, over the real Office.js adapter (ExcelHost) on FakeExcel — a test
 * fake of the Excel JavaScript API, not Excel — with the R7 sample:
 *
 * - the store is written into the open workbook as Kensa_accepted, very hidden, every cell text (a reason starting
 *   with "=" stays text), read back by the core exactly as `kensa accept` writes it, and its change events are
 *   known as Kensa's;
 * - a store Kensa did not write, or a protected workbook without one, is refused with nothing written;
 * - in the pane: accepted with a reason → listed apart as 確認済み with the reason, never counted as a warning,
 *   counted apart per sheet; a changed value → no longer accepted (accepted/lapsed); revoked → a warning again.
 */
import "../support/jsdom-setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { ExcelHost } from "../../src/adapters/office";
import { readWorkbookFile } from "../../src/adapters/exceljs/read-file";
import {
  ACCEPT_MARK,
  ACCEPT_SHEET,
  fingerprintOf,
  parseAcceptanceGrid,
  workbookLookup,
} from "../../src/core/accept/index";
import { checkWorkbook } from "../../src/core/engine";
import type { Finding } from "../../src/core/model/finding";
import type { Workbook } from "../../src/core/model/workbook";
import { HostError } from "../../src/host/host";
import { App } from "../../src/taskpane/components/App";
import { FakeExcel, type FakeSheet } from "../fakes/fake-excel";

jest.setTimeout(90_000);

const REASON = "=指標8は令和8年度からの事業のため、令和7年度の実績は0件";

let r7: Workbook;
beforeAll(async () => {
  r7 = await readWorkbookFile("samples/r7-report.xlsx");
});

function newHost(fake: FakeExcel): ExcelHost {
  return new ExcelHost({ run: fake.run, requirements: fake.requirements, lang: "ja" });
}

/** The store sheet's cells as a grid anchored at A1 (what Office.js would read back). */
function storeCells(sheet: FakeSheet): { values: unknown[][]; formats: string[][]; formulas: number } {
  let rows = 0;
  let cols = 0;
  for (const k of sheet.cells.keys()) {
    const [r, c] = k.split(",").map(Number);
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
  }
  const values: unknown[][] = [];
  const formats: string[][] = [];
  let formulas = 0;
  for (let r = 0; r < rows; r++) {
    values.push([]);
    formats.push([]);
    for (let c = 0; c < cols; c++) {
      const cell = sheet.get(r, c);
      values[r].push(cell?.value ?? "");
      formats[r].push(cell?.numberFormat ?? "General");
      if (cell?.formula) formulas++;
    }
  }
  return { values, formats, formulas };
}

const j15Of = (findings: readonly Finding[]) =>
  findings.find((f) => f.rule === "grade/below-pace" && f.cell === "J15")!;

describe("ExcelHost.accept / revoke (the store in the open workbook)", () => {
  test("writes Kensa_accepted very hidden, all text, read back by the core; revoke takes it out", async () => {
    const fake = new FakeExcel();
    fake.addWorkbook(r7);
    const host = newHost(fake);
    const before = checkWorkbook(await host.read(), { lang: "ja" });
    const j15 = j15Of(before.findings);
    expect(j15.accepted).toBeUndefined();

    await host.accept(j15, REASON, "山田");
    const sheet = fake.sheet(ACCEPT_SHEET)!;
    expect(sheet.visibility).toBe("VeryHidden");
    expect(host.ownSheetIds.has(sheet.id)).toBe(true);
    const cells = storeCells(sheet);
    // text format on every written cell, no formula although the reason starts with "="
    expect(cells.formats.flat().every((f) => f === "@")).toBe(true);
    expect(cells.formulas).toBe(0);
    expect(cells.values[0][0]).toBe(ACCEPT_MARK);
    const store = parseAcceptanceGrid(cells.values);
    expect(store.problems).toEqual([]);
    // the values as the pane read them when the finding was accepted
    const seen = fingerprintOf(j15, workbookLookup(host.snapshot!.workbook)).values;
    expect(seen).toHaveLength(3);
    expect(store.entries.map((e) => [e.rule, e.sheet, e.cell, e.cells, e.values, e.reason, e.by])).toEqual([
      ["grade/below-pace", "アウトプット指標", "J15", ["J15", "H15", "D15"], seen, REASON, "山田"],
    ]);

    // the next check honours it: accepted with its reason, not counted as a warning
    const after = checkWorkbook(await host.read(), { lang: "ja" });
    expect(j15Of(after.findings).accepted).toMatchObject({ reason: REASON, by: "山田" });
    expect(after.summary).toEqual({ ...before.summary, warning: before.summary.warning - 1, accepted: 1 });

    // accepting again replaces the record (one row per finding)
    await host.accept(j15Of(after.findings), "理由を書き直しました");
    expect(parseAcceptanceGrid(storeCells(fake.sheet(ACCEPT_SHEET)!).values).entries.map((e) => e.reason)).toEqual([
      "理由を書き直しました",
    ]);

    await host.revoke(j15);
    const revoked = storeCells(fake.sheet(ACCEPT_SHEET)!);
    expect(parseAcceptanceGrid(revoked.values).entries).toEqual([]);
    // the old row is emptied, not left behind
    expect(
      revoked.values
        .slice(2)
        .flat()
        .every((v) => v === ""),
    ).toBe(true);
    expect(j15Of(checkWorkbook(await host.read(), { lang: "ja" }).findings).accepted).toBeUndefined();
  });

  test("a sheet named Kensa_accepted that is not Kensa's, or a protected workbook without one: refused, nothing written", async () => {
    const fake = new FakeExcel();
    fake.addWorkbook(r7);
    fake.addSheet("kensa_accepted", [["私のメモ", "消さないでください"]]);
    const host = newHost(fake);
    const j15 = j15Of(checkWorkbook(await host.read(), { lang: "ja" }).findings);
    const mine = JSON.stringify(fake.snapshot("kensa_accepted"));
    await expect(host.accept(j15, "理由")).rejects.toThrow(HostError);
    await expect(host.accept(j15, "理由")).rejects.toThrow(/Kensa の記録ではない/);
    expect(JSON.stringify(fake.snapshot("kensa_accepted"))).toBe(mine);

    const locked = new FakeExcel();
    locked.addWorkbook(r7);
    locked.workbookProtected = true;
    const host2 = newHost(locked);
    const j15b = j15Of(checkWorkbook(await host2.read(), { lang: "ja" }).findings);
    await expect(host2.accept(j15b, "理由")).rejects.toMatchObject({ code: "protected" });
    expect(locked.sheet(ACCEPT_SHEET)).toBeUndefined();

    // an empty reason is said in Japanese, before anything is written
    const fresh = new FakeExcel();
    fresh.addWorkbook(r7);
    const host3 = newHost(fresh);
    const j15c = j15Of(checkWorkbook(await host3.read(), { lang: "ja" }).findings);
    await expect(host3.accept(j15c, "  ")).rejects.toThrow("確認済みにする理由を書いてください");
    expect(fresh.sheet(ACCEPT_SHEET)).toBeUndefined();
  });
});

describe("the pane: 確認済み", () => {
  const idle = () =>
    // by the button's text: getByRole over the listed findings takes seconds in jsdom at every poll
    waitFor(() => expect(screen.getByText("検証", { selector: "button" })).toBeEnabled(), { timeout: 30_000 });
  const row = (cell: string, rule = "grade/below-pace") =>
    screen
      .getAllByTestId("finding")
      .find((li) => li.getAttribute("data-cell") === cell && li.getAttribute("data-rule") === rule);

  test("accept with a reason, shown apart and not counted; a changed value lapses it; revoke", async () => {
    const fake = new FakeExcel();
    fake.addWorkbook(r7);
    const host = newHost(fake);
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} lang="ja" />
      </FluentProvider>,
    );
    fireEvent.click(screen.getByText("検証", { selector: "button" }));
    fireEvent.click(
      within(await screen.findByTestId("undo-question", {}, { timeout: 30_000 })).getByRole("button", { name: "続行" }),
    );
    await screen.findByTestId("severity-summary", {}, { timeout: 30_000 });
    await idle();
    const warnings = () => within(screen.getByTestId("severity-summary")).getByText(/^警告\d+件$/).textContent;
    expect(warnings()).toBe("警告2件");

    // the accept button is offered on the finding selected last
    expect(within(row("J15")!).queryByTestId("accept")).toBeNull();
    fireEvent.click(row("J15")!.querySelector("[data-finding-select]")!);
    fireEvent.click(await within(row("J15")!).findByTestId("accept"));
    const dialog = await screen.findByRole("dialog");
    // an empty reason is refused at the field
    fireEvent.click(within(dialog).getByTestId("accept-confirm"));
    expect(await within(dialog).findByText("確認済みにする理由を書いてください")).toBeInTheDocument();
    fireEvent.change(within(dialog).getByTestId("accept-reason"), { target: { value: REASON } });
    fireEvent.change(within(dialog).getByTestId("accept-by"), { target: { value: "審査担当" } });
    fireEvent.click(within(dialog).getByTestId("accept-confirm"));

    await waitFor(
      () => expect(screen.getByTestId("notice")).toHaveTextContent("アウトプット指標!J15の指摘を確認済みにしました。"),
      { timeout: 30_000 },
    );
    await idle();
    const accepted = row("J15")!;
    expect(accepted).toHaveAttribute("data-accepted", "true");
    expect(screen.getByTestId("accepted-findings")).toContainElement(accepted);
    expect(screen.getByTestId("problem-findings")).not.toContainElement(accepted);
    expect(within(accepted).getByTestId("accepted-note")).toHaveTextContent(`確認済み 理由: ${REASON}（審査担当、`);
    expect(screen.getByTestId("accepted-findings").querySelector("summary")).toHaveTextContent("確認済み（1件）");
    expect(warnings()).toBe("警告1件");
    expect(within(screen.getByTestId("severity-summary")).getByText("確認済み1件")).toBeInTheDocument();
    expect(
      within(screen.getByTestId("sheet-summary")).getByLabelText(/^アウトプット指標: .*、確認済み1件$/),
    ).toBeInTheDocument();
    expect(fake.sheet(ACCEPT_SHEET)!.visibility).toBe("VeryHidden");

    // a person changes a value the finding involves: no longer accepted, and an info says why
    fake.edit("アウトプット指標", "H15", "1件");
    fireEvent.click(screen.getByText("検証", { selector: "button" }));
    await waitFor(() => expect(row("J15")).not.toHaveAttribute("data-accepted"), { timeout: 30_000 });
    await idle();
    expect(screen.getByTestId("problem-findings")).toContainElement(row("J15")!);
    expect(row("J15", "accepted/lapsed")).toHaveTextContent(/H15: 0(件)? → 1(件)?/);
    expect(warnings()).toBe("警告2件");

    // accepted again, then revoked from its row
    fireEvent.click(row("J15")!.querySelector("[data-finding-select]")!);
    fireEvent.click(await within(row("J15")!).findByTestId("accept"));
    fireEvent.change(within(await screen.findByRole("dialog")).getByTestId("accept-reason"), {
      target: { value: "実績1件で説明済み" },
    });
    fireEvent.click(within(screen.getByRole("dialog")).getByTestId("accept-confirm"));
    await waitFor(() => expect(row("J15")).toHaveAttribute("data-accepted", "true"), { timeout: 30_000 });
    await idle();
    fireEvent.click(within(row("J15")!).getByRole("button", { name: "J15の確認済みを取り消す" }));
    await waitFor(
      () => expect(screen.getByTestId("notice")).toHaveTextContent("アウトプット指標!J15の確認済みを取り消しました。"),
      { timeout: 30_000 },
    );
    await idle();
    expect(row("J15")).not.toHaveAttribute("data-accepted");
    expect(screen.queryByTestId("accepted-findings")).toBeNull();
    expect(parseAcceptanceGrid(storeCells(fake.sheet(ACCEPT_SHEET)!).values).entries).toEqual([]);
  });
});
