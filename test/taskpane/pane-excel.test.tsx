/**
 * @jest-environment jsdom
 */
/**
 * The task pane over the real Office.js adapter (ExcelHost) on FakeExcel — a test fake of the Excel
 * JavaScript API, not Excel — and the ribbon's commands on FakeOffice (a fake of Office.js' common API):
 *
 * - 検証 on the R7 sample changes no value a person can see (only colours, notes and Kensa's very hidden
 *   record sheet); 再計算・検証 says exactly which cells it wrote; "Kensa の変更を削除" gives the workbook back;
 * - the question before the first write of a session, and writing nothing when the person declines;
 * - the automatic re-check is never started by Kensa's own writes, even delivered late (Excel on the web);
 * - a ribbon failure reaches the person (the pane is shown with the message), and the ribbon waits for the
 *   pane (one lock).
 */
import "../support/jsdom-setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { ExcelHost } from "../../src/adapters/office";
import { STATE_SHEET } from "../../src/adapters/office/state";
import { readWorkbookFile } from "../../src/adapters/exceljs/read-file";
import { registerCommands } from "../../src/commands/commands";
import { COMMAND_FUNCTIONS } from "../../src/commands/function-names";
import type { Workbook } from "../../src/core/model/workbook";
import { PaneBridge } from "../../src/taskpane/bridge";
import { App } from "../../src/taskpane/components/App";
import { AUTO_RECHECK_MS } from "../../src/taskpane/pane-model";
import { FakeExcel, budgetSheetRows } from "../fakes/fake-excel";
import { FakeOffice } from "../fakes/fake-office";

jest.setTimeout(60_000);

function renderPane(fake: FakeExcel, bridge = new PaneBridge()) {
  const host = new ExcelHost({ run: fake.run, requirements: fake.requirements, lang: "ja" });
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} lang="ja" bridge={bridge} />
    </FluentProvider>,
  );
  return { host, bridge };
}

// By the button's text, not its role: with the R7 sample's findings listed, each getByRole computes the accessible
// name of every element (seconds in jsdom), and waitFor polls it many times.
const idle = async (name = "検証") =>
  waitFor(() => expect(screen.getByText(name, { selector: "button" })).toBeEnabled(), { timeout: 20_000 });

async function answer(goOn: boolean): Promise<void> {
  const bar = await screen.findByTestId("undo-question", {}, { timeout: 20_000 });
  expect(bar).toHaveTextContent("Excel の「元に戻す」について");
  fireEvent.click(within(bar).getByRole("button", { name: goOn ? "続行" : "書き込まない" }));
}

/** What a person sees of the cells' contents: value, formula, number format (no fills, no notes). */
function contents(fake: FakeExcel): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const s of fake.sheets) {
    if (s.name === STATE_SHEET) continue;
    const m: Record<string, string> = {};
    for (const [k, c] of s.cells)
      if (c.value !== "" || c.formula || c.numberFormat !== "General")
        m[k] = JSON.stringify([c.value, c.formula ?? null, c.numberFormat, !!c.error]);
    out[s.name] = m;
  }
  return out;
}

function everything(fake: FakeExcel): Record<string, Record<string, string>> {
  return Object.fromEntries(
    fake.sheets.filter((s) => s.name !== STATE_SHEET).map((s) => [s.name, fake.snapshot(s.name)]),
  );
}

const sleep = (ms: number) => act(() => new Promise<void>((r) => setTimeout(r, ms)));

let r7: Workbook;
beforeAll(async () => {
  r7 = await readWorkbookFile("samples/r7-report.xlsx");
});

describe("the pane in Excel (ExcelHost on FakeExcel)", () => {
  test("検証 on the R7 sample changes no value; 再計算・検証 names exactly the cells it wrote; removing Kensa's changes gives the workbook back", async () => {
    const fake = new FakeExcel();
    fake.addWorkbook(r7);
    const original = everything(fake);
    const values = contents(fake);
    renderPane(fake);

    fireEvent.click(screen.getByText("検証", { selector: "button" }));
    await answer(true); // the first write of the session: told once
    await screen.findByTestId("severity-summary", {}, { timeout: 20_000 });
    await idle();
    expect(contents(fake)).toEqual(values); // no value, formula or number format changed
    const pink = fake.sheets.flatMap((s) => [...s.cells.values()]).filter((c) => c.fill?.color === "#FFC7CE").length;
    const notes = fake.sheets.filter((s) => s.name !== STATE_SHEET).reduce((n, s) => n + s.notes.size, 0);
    expect(pink).toBeGreaterThan(10);
    expect(notes).toBeGreaterThan(10);
    expect(fake.sheets.map((s) => s.name)).toEqual([...r7.sheets.map((s) => s.name), STATE_SHEET]);
    expect(fake.sheet(STATE_SHEET)!.visibility).toBe("VeryHidden");

    // 再計算・検証: only empty computed cells, and the notice lists them
    fireEvent.click(screen.getByText("再計算・検証", { selector: "button" }));
    const notice = await screen.findByText(/計算セル\d+個に数式を入れました: /, {}, { timeout: 20_000 });
    await idle();
    const n = Number(/計算セル(\d+)個/.exec(notice.textContent)![1]);
    // the cells written are logged on a 修正履歴 sheet of their own; the person's sheets change only there
    const after = contents(fake);
    expect(Object.keys(after).filter((sheet) => !(sheet in values))).toEqual(["修正履歴"]);
    expect(Object.keys(after["修正履歴"]).length).toBeGreaterThan(0);
    const changed = Object.entries(after)
      .filter(([sheet]) => sheet in values)
      .flatMap(([sheet, m]) =>
        Object.keys({ ...m, ...values[sheet] })
          .filter((k) => m[k] !== values[sheet][k])
          .map((k) => `${sheet}!${k}`),
      );
    expect(changed).toHaveLength(n);
    expect(n).toBeGreaterThan(0);
    // nothing typed by a person was overwritten: every changed cell was empty before
    for (const key of changed) {
      const [sheet, k] = [key.slice(0, key.lastIndexOf("!")), key.slice(key.lastIndexOf("!") + 1)];
      expect(values[sheet][k]).toBeUndefined();
    }
    // a second 再計算・検証 has nothing to write
    fireEvent.click(screen.getByText("再計算・検証", { selector: "button" }));
    expect(await screen.findByText(/計算セルに変更はありません。/, {}, { timeout: 20_000 })).toBeInTheDocument();
    await idle();

    fireEvent.click(screen.getByText("Kensa の変更を削除", { selector: "button" }));
    expect(
      await screen.findByText(
        new RegExp(`Kensa が入れた数式${n}個とシート「修正履歴」「${STATE_SHEET}」を削除しました。`),
        {},
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    await idle();
    expect(everything(fake)).toEqual(original);
    expect(fake.sheet(STATE_SHEET)).toBeUndefined();
  });

  test("before the first write the pane asks once; declining writes nothing (the findings are still listed)", async () => {
    const fake = new FakeExcel();
    fake.addSheet("予算", budgetSheetRows(20, 3));
    const before = everything(fake);
    renderPane(fake);
    fireEvent.click(screen.getByText("検証", { selector: "button" }));
    await answer(false);
    expect(await screen.findByText(/セルには何も書き込んでいません/, {}, { timeout: 20_000 })).toBeInTheDocument();
    await idle();
    expect(screen.getAllByTestId("finding").length).toBeGreaterThan(0);
    expect(everything(fake)).toEqual(before);
    expect(fake.sheet(STATE_SHEET)).toBeUndefined();
    // asked again until the person goes on; then never again in the session
    fireEvent.click(screen.getByText("検証", { selector: "button" }));
    await answer(true);
    await idle();
    expect(fake.cell("予算", "D4")!.fill?.color).toBe("#FFC7CE");
    fireEvent.click(screen.getByText("検証", { selector: "button" }));
    await idle();
    expect(screen.queryByTestId("undo-question")).not.toBeInTheDocument();
  });

  test("a protected sheet is checked but never written; the pane names it", async () => {
    const fake = new FakeExcel();
    fake.addSheet("予算", budgetSheetRows(20, 3));
    fake.addSheet("保護された予算", budgetSheetRows(10, 2, "保護機関")).protected = true;
    const before = fake.snapshot("保護された予算");
    renderPane(fake);
    fireEvent.click(screen.getByText("検証", { selector: "button" }));
    await answer(true);
    expect(
      await screen.findByText(/保護されたシート「保護された予算」には書き込んでいません/, {}, { timeout: 20_000 }),
    ).toBeInTheDocument();
    await idle();
    expect(
      screen
        .getAllByTestId("finding")
        .some((f) => f.closest("[data-sheet]")?.getAttribute("data-sheet") === "保護された予算"),
    ).toBe(true);
    expect(fake.snapshot("保護された予算")).toEqual(before);
  });

  test("the automatic re-check is never started by Kensa's own writes, even delivered late; a person's edit starts one", async () => {
    const fake = new FakeExcel();
    fake.eventDelayMs = 1200; // later than the one-second window the pane used to rely on
    fake.addSheet("予算", budgetSheetRows(20, 3));
    const { host } = renderPane(fake);
    const reads = jest.spyOn(host, "read");
    fireEvent.click(screen.getByRole("switch", { name: /編集後に自動で再検証/ }));
    fireEvent.click(screen.getByText("再計算・検証", { selector: "button" }));
    await answer(true);
    await screen.findByText(/計算セル\d+個に数式を入れました/, {}, { timeout: 20_000 });
    await idle();
    await sleep(fake.eventDelayMs + AUTO_RECHECK_MS + 500);
    expect(fake.events.length).toBeGreaterThan(0); // Kensa's writes did fire onChanged
    expect(reads).not.toHaveBeenCalled();
    fake.edit("予算", "C5", 180);
    await sleep(fake.eventDelayMs + AUTO_RECHECK_MS + 500);
    await idle();
    expect(reads).toHaveBeenCalledTimes(1);
    // and that re-check (検証) wrote no value, so nothing more follows
    await sleep(fake.eventDelayMs + AUTO_RECHECK_MS + 500);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  test("without triggerSource (ExcelApi 1.13) Kensa's computed cells start at most one re-check, which writes no value: no loop", async () => {
    const fake = new FakeExcel();
    fake.apiVersion = "1.13";
    fake.eventDelayMs = 50;
    fake.addSheet("予算", budgetSheetRows(20, 3));
    const { host } = renderPane(fake);
    const reads = jest.spyOn(host, "read");
    fireEvent.click(screen.getByRole("switch", { name: /編集後に自動で再検証/ }));
    fireEvent.click(screen.getByText("再計算・検証", { selector: "button" }));
    await answer(true);
    await screen.findByText(/計算セル\d+個に数式を入れました/, {}, { timeout: 20_000 });
    await idle();
    await sleep(AUTO_RECHECK_MS + 1000);
    await idle();
    expect(reads).toHaveBeenCalledTimes(1);
    await sleep(AUTO_RECHECK_MS + 1000);
    expect(reads).toHaveBeenCalledTimes(1);
  });
});

describe("the ribbon in the pane's shared runtime (FakeOffice)", () => {
  test("a ribbon failure reaches the person: the pane is shown with the message, and the event is completed", async () => {
    const fake = new FakeExcel();
    fake.addSheet("予算", budgetSheetRows(10, 1));
    const office = new FakeOffice({ sharedRuntime: true, excel: fake });
    const bridge = new PaneBridge();
    registerCommands(office, bridge, { pageUrl: "https://localhost:3000/taskpane.html" });
    renderPane(fake, bridge);
    fake.failNextSyncWith = "GeneralException";
    await act(() => office.press(COMMAND_FUNCTIONS.recheck));
    const bar = await screen.findByTestId("failure");
    expect(bar).toHaveTextContent("再計算・検証できませんでした");
    expect(bar).toHaveTextContent("GeneralException");
    expect(office.paneVisible).toBe(true);
    expect(office.dialogs).toEqual([]);
  });

  test("the ribbon waits for the pane (one lock), asks the undo question in the pane, then runs", async () => {
    const fake = new FakeExcel();
    fake.addSheet("予算", budgetSheetRows(10, 1));
    const office = new FakeOffice({ sharedRuntime: true, excel: fake });
    const bridge = new PaneBridge();
    registerCommands(office, bridge, { pageUrl: "https://localhost:3000/taskpane.html" });
    renderPane(fake, bridge);
    // the pane's 検証 is under way (waiting on the question) when the ribbon is pressed
    fireEvent.click(screen.getByText("検証", { selector: "button" }));
    await screen.findByTestId("undo-question");
    let ribbonDone = false;
    const pressed = office.press(COMMAND_FUNCTIONS.recheck).then(() => (ribbonDone = true));
    await sleep(50);
    expect(ribbonDone).toBe(false);
    expect(fake.cell("予算", "F4")?.formula).toBeUndefined();
    await answer(true);
    await act(() => pressed);
    expect(ribbonDone).toBe(true);
    expect(fake.cell("予算", "F4")!.formula).toMatch(/^=/); // the ribbon's 再計算・検証 ran after the pane's 検証
    expect(await screen.findByText(/計算セル\d+個に数式を入れました/)).toBeInTheDocument();
  });

  test("the ribbon's first write of the session shows the pane for the undo question", async () => {
    const fake = new FakeExcel();
    fake.addSheet("予算", budgetSheetRows(10, 1));
    const office = new FakeOffice({ sharedRuntime: true, excel: fake });
    const bridge = new PaneBridge();
    registerCommands(office, bridge, { pageUrl: "https://localhost:3000/taskpane.html" });
    renderPane(fake, bridge);
    const pressed = office.press(COMMAND_FUNCTIONS.clearHighlights);
    await screen.findByTestId("undo-question", {}, { timeout: 20_000 });
    await waitFor(() => expect(office.paneVisible).toBe(true));
    await answer(true);
    await act(() => pressed);
    expect(await screen.findByText("ハイライトを解除しました。")).toBeInTheDocument();
  });
});
