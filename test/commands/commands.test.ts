/**
 * The ribbon's function commands (src/commands/commands.ts) on FakeOffice (test/fakes/fake-office.ts,
 * a test fake of Office.js' common API — not Office): every command completes its event, and a failure
 * always reaches the person — the pane shown (shared runtime), else a dialog — never only the console.
 */
import { COMMAND_FUNCTIONS } from "../../src/commands/function-names";
import { MESSAGE_PARAM, registerCommands, runCommand, surface } from "../../src/commands/commands";
import { PaneBridge, type RibbonAction, type RibbonOutcome } from "../../src/taskpane/bridge";
import { FakeExcel } from "../fakes/fake-excel";
import { FakeOffice } from "../fakes/fake-office";

const PAGE = "https://localhost:3000/taskpane.html";

function paneAnswering(outcome: RibbonOutcome | Error): { bridge: PaneBridge; calls: RibbonAction[] } {
  const bridge = new PaneBridge();
  const calls: RibbonAction[] = [];
  bridge.attach({
    ribbon: async (action) => {
      calls.push(action);
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
  });
  return { bridge, calls };
}

const FAILED: RibbonOutcome = {
  ok: false,
  attention: true,
  title: "再計算・検証できませんでした",
  message: "Excel でエラーが発生しました: GeneralException",
};

describe("ribbon commands", () => {
  test("registerCommands associates both ExecuteFunction names with the pane's actions", async () => {
    const office = new FakeOffice({ sharedRuntime: true, excel: new FakeExcel() });
    const { bridge, calls } = paneAnswering({ ok: true, attention: false });
    registerCommands(office, bridge, { pageUrl: PAGE });
    await office.press(COMMAND_FUNCTIONS.recheck);
    await office.press(COMMAND_FUNCTIONS.clearHighlights);
    expect(calls).toEqual(["recalcCheck", "clearHighlights"]);
    expect(office.paneVisible).toBe(false); // a plain success does not open the pane
    expect(office.dialogs).toEqual([]);
  });

  test("shared runtime: a failure shows the pane, which holds the message; the event is completed", async () => {
    const office = new FakeOffice({ sharedRuntime: true, excel: new FakeExcel() });
    const { bridge } = paneAnswering(FAILED);
    let completed = 0;
    const out = await runCommand(
      office,
      bridge,
      "recalcCheck",
      { completed: () => completed++ } as unknown as Office.AddinCommands.Event,
      { pageUrl: PAGE },
    );
    expect(out.ok).toBe(false);
    expect(office.paneVisible).toBe(true);
    expect(office.dialogs).toEqual([]);
    expect(completed).toBe(1);
  });

  test("showAsTaskpane refused (e.g. a Marketplace add-in): the failure goes to a dialog", async () => {
    const office = new FakeOffice({ sharedRuntime: true, excel: new FakeExcel(), showAsTaskpaneIgnored: true });
    const { bridge } = paneAnswering(FAILED);
    await runCommand(office, bridge, "recalcCheck", undefined, { pageUrl: PAGE });
    expect(office.dialogs).toHaveLength(1);
    const url = new URL(office.dialogs[0]);
    expect(JSON.parse(url.searchParams.get(MESSAGE_PARAM)!)).toEqual({ title: FAILED.title, message: FAILED.message });
  });

  test("separate runtimes (no SharedRuntime): the pane cannot be shown, so the failure is a dialog", async () => {
    let runtimes = 0;
    const office: FakeOffice = new FakeOffice({
      sharedRuntime: false,
      excel: new FakeExcel(),
      // each press loads the function file into a fresh runtime: its own bridge and (hidden) pane
      loadFunctionFile: (o) => {
        runtimes++;
        registerCommands(o, paneAnswering(FAILED).bridge, { pageUrl: PAGE });
      },
    });
    expect(office.addin).toBeUndefined();
    await office.press(COMMAND_FUNCTIONS.recheck);
    await office.press(COMMAND_FUNCTIONS.recheck);
    expect(runtimes).toBe(2);
    expect(office.dialogs).toHaveLength(2);
    expect(office.dialogs[0]).toContain(encodeURIComponent("再計算・検証できませんでした").slice(0, 9));
  });

  test("Kensa itself failing (an exception out of the pane) still completes the event and is shown", async () => {
    const office = new FakeOffice({ sharedRuntime: false, excel: new FakeExcel() });
    const { bridge } = paneAnswering(new TypeError("boom"));
    let completed = false;
    await runCommand(
      office,
      bridge,
      "clearHighlights",
      { completed: () => (completed = true) } as unknown as Office.AddinCommands.Event,
      { pageUrl: PAGE },
    );
    expect(completed).toBe(true);
    expect(office.dialogs).toHaveLength(1);
    expect(office.dialogs[0]).toContain("boom");
  });

  test("a warning (e.g. protected sheets left alone) shows the pane too; surface reports how", async () => {
    const office = new FakeOffice({ sharedRuntime: true, excel: new FakeExcel() });
    expect(await surface(office, { ok: true, attention: true, message: "保護されたシート…" }, { pageUrl: PAGE })).toBe(
      "pane",
    );
    const none = new FakeOffice({ sharedRuntime: false, excel: new FakeExcel() });
    (none.context as { ui?: unknown }).ui = undefined;
    expect(await surface(none, FAILED, { pageUrl: PAGE })).toBe("none");
  });

  test("a command waits for the pane to mount (the press may be what started the runtime)", async () => {
    const office = new FakeOffice({ sharedRuntime: true, excel: new FakeExcel() });
    const bridge = new PaneBridge();
    registerCommands(office, bridge, { pageUrl: PAGE });
    let done = false;
    const pressed = office.press(COMMAND_FUNCTIONS.recheck).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(done).toBe(false);
    bridge.attach({ ribbon: async () => ({ ok: true, attention: false }) });
    await pressed;
    expect(done).toBe(true);
  });
});
