/**
 * A one-line progress display on stderr ("[3/12] path"), redrawn in place. Enabled only when stderr is a
 * terminal and there are several files; call clear() before writing anything else to the terminal.
 */
import { escapeControls } from "./terminal";
import { displayWidth } from "./text-report";

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export class Progress {
  private shown = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
    readonly enabled: boolean,
  ) {}

  static for(stream: ProgressStream, total: number): Progress {
    return new Progress(stream, total, stream.isTTY === true && total > 1);
  }

  /** Shows that file `index` (0-based) is being checked. */
  update(index: number, rawLabel: string): void {
    if (!this.enabled) return;
    const label = escapeControls(rawLabel);
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    let line = `[${index + 1}/${this.total}] ${label}`;
    if (displayWidth(line) > width) {
      // Keep the end of the path: the file name matters more than the folders.
      const chars = Array.from(label);
      while (chars.length && displayWidth(`[${index + 1}/${this.total}] …${chars.join("")}`) > width) chars.shift();
      line = `[${index + 1}/${this.total}] …${chars.join("")}`;
    }
    this.stream.write(`\r\x1b[K${line}`);
    this.shown = true;
  }

  /** Erases the progress line, if one is shown. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write("\r\x1b[K");
    this.shown = false;
  }
}
