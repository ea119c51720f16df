/** One Excel.run batch with counted syncs, the UI language and the requirement-set check. */
import type { Lang } from "../../core/report/format";
import { hostError } from "./errors";

export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export class Session {
  syncs = 0;
  constructor(
    readonly ctx: Excel.RequestContext,
    readonly lang: Lang,
    private readonly requirements: Requirements,
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
}
