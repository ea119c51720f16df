/**
 * What Kensa prints to a terminal is made safe: a file name, sheet name or cell text holding ESC, BEL, CR or any
 * other control character could otherwise move the cursor, rewrite lines already printed, change the window
 * title or hide text. Such characters are shown escaped (`\x1b`, `\r`, `\u202e`), visibly and unambiguously,
 * in the text output; JSON keeps its meaning (the same characters as \u escapes); CSV is written as it is (it
 * is a document for a spreadsheet, with its own formula neutralising).
 */

/**
 * Characters that act on a terminal instead of being shown: C0 controls (tab and newline included: inside a
 * name or a message they break Kensa's one-line layout), DEL, C1 controls (0x9b is CSI on terminals that honour
 * 8-bit controls), the Unicode line and paragraph separators, and the bidirectional overrides and isolates that
 * can make text read in another order than it is (CVE-2021-42574, "Trojan Source").
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return (
    NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`)
  );
}

/** `s` with every character that acts on a terminal shown escaped: one visible line, whatever it held. */
export function escapeControls(s: string): string {
  return s.replace(UNSAFE, escapeChar);
}

/** True when `s` holds a character escapeControls would escape. */
export function hasControls(s: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(s);
  UNSAFE.lastIndex = 0;
  return found;
}

/**
 * The last line of defence for text written to stdout or stderr: every control character is escaped except
 * the newline between Kensa's own lines and Kensa's own escape sequences (colours `ESC[…m`, and the progress
 * line's `\r ESC[K`). Names and messages are escaped where they are formatted (so that an ESC in a file name
 * never reaches here as a colour); this catches whatever a new message might forget.
 */
export function safeTerminalText(s: string): string {
  return s.replace(
    /(\x1b\[[0-9;]*[mK]|\r(?=\x1b\[K)|\n)|[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (m, own?: string) => (own ? m : escapeChar(m)),
  );
}

/**
 * JSON text with the characters JSON.stringify leaves raw (C1 controls, U+2028/U+2029, bidi controls) written
 * as \u escapes: the same document to any JSON parser, and nothing a terminal would act on.
 */
export function safeJson(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** A writable stream whose text goes through `filter` first. */
export function filtered<T extends { write(s: string): unknown }>(stream: T, filter: (s: string) => string): T {
  return new Proxy(stream, {
    get(target, prop, receiver) {
      if (prop === "write") return (s: string) => target.write(filter(s));
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
