/** One Excel.run batch with counted syncs, the UI language and the requirement-set check. */
import type { Lang } from "../../core/values/format";
import { hostError, isPayloadError } from "./errors";
import { PAYLOAD_BUDGET_BYTES, batchByBytes } from "./limits";

export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export class Session {
  syncs = 0;
  /** Ids of Kensa's own sheets met in this run (the host ignores change events there). */
  readonly ownSheetIds: string[] = [];
  constructor(
    readonly ctx: Excel.RequestContext,
    readonly lang: Lang,
    private readonly requirements: Requirements,
    /** True when this run may add, delete or hide sheets (it is not merged into one undo group). */
    readonly structureAllowed = true,
  ) {}

  private readonly sheets = new Map<string, Excel.Worksheet>();

  /** One worksheet proxy per sheet name for the whole batch (fewer proxy objects). */
  sheet(name: string): Excel.Worksheet {
    let ws = this.sheets.get(name);
    if (!ws) this.sheets.set(name, (ws = this.ctx.workbook.worksheets.getItem(name)));
    return ws;
  }

  async sync(): Promise<void> {
    this.syncs++;
    await this.ctx.sync();
  }

  supports(version: string): boolean {
    try {
      return this.requirements.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  }

  /** Throws "unsupported-api" (not retryable) when ExcelApi `version` is missing. */
  require(version: string): void {
    if (!this.supports(version)) throw hostError("unsupported-api", this.lang, { set: version }, false);
  }

  /**
   * Writes items in byte-sized batches, one sync each (Excel on the web refuses a request over 5 MB,
   * docs/excel/performance.md); a payload error halves the batch and sends it again, as the reader does.
   * `queue` must queue the whole batch afresh each time (a failed request's proxies are not reused); what
   * it returns runs once that batch's sync succeeded (to read loaded values).
   */
  async writeInBatches<T>(
    items: readonly T[],
    bytes: (t: T) => number,
    queue: (batch: T[]) => (() => void) | void,
    options: { budget?: number; split?: (t: T) => T[] | undefined } = {},
  ): Promise<void> {
    const pending = batchByBytes(items, bytes, options.budget ?? PAYLOAD_BUDGET_BYTES);
    while (pending.length) {
      const batch = pending.shift()!;
      const after = queue(batch);
      try {
        await this.sync();
        if (after) after();
      } catch (err) {
        if (!isPayloadError(err)) throw err;
        if (batch.length > 1) {
          const half = Math.ceil(batch.length / 2);
          pending.unshift(batch.slice(0, half), batch.slice(half));
          continue;
        }
        // one item too large: in halves, when it can be cut (a run of cells)
        const parts = options.split?.(batch[0]);
        if (!parts || parts.length < 2) throw hostError("payload-too-large", this.lang);
        pending.unshift(...parts.map((p) => [p]));
      }
    }
  }

  /** Whether Kensa's state sheet exists after this run (learned by its reads and writes). */
  stateSheetPresent?: boolean;
}
