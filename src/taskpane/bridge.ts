/**
 * How the ribbon's commands reach the task pane. With the shared runtime (manifest.xml, SharedRuntime 1.1)
 * the ribbon's function commands run in the pane's own page, so a command runs the pane's action: it waits
 * for the pane's lock (pane and ribbon never work on the workbook at the same time), its result and any
 * failure land in the pane's state, and when the person must see something — a failure, a warning, the
 * undo question — the pane asks to be shown (onAttention, which src/commands/commands.ts points at
 * Office.addin.showAsTaskpane).
 */

/** The ribbon's actions (the two ExecuteFunction buttons). */
export type RibbonAction = "recalcCheck" | "clearHighlights";

export interface RibbonOutcome {
  ok: boolean;
  /** The pane holds something the person must see (a failure, a warning, a question). */
  attention: boolean;
  /** One line for a surface other than the pane (a dialog), when the pane cannot be shown. */
  title?: string;
  message?: string;
}

export interface RibbonActions {
  /** Runs the action as if pressed in the pane, after anything the pane is doing. */
  ribbon(action: RibbonAction): Promise<RibbonOutcome>;
}

export class PaneBridge {
  private actions?: RibbonActions;
  private waiting: ((a: RibbonActions) => void)[] = [];
  /** Called when the pane holds something the person must see; the commands module shows the pane. */
  onAttention?: () => void;

  /** The pane, once mounted, offers its actions. */
  attach(actions: RibbonActions): () => void {
    this.actions = actions;
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) w(actions);
    return () => {
      if (this.actions === actions) this.actions = undefined;
    };
  }

  /** The pane's actions (waits for the pane to mount). */
  ready(): Promise<RibbonActions> {
    if (this.actions) return Promise.resolve(this.actions);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  attention(): void {
    try {
      this.onAttention?.();
    } catch {
      // showing the pane is best effort; the state holds the message either way
    }
  }
}
