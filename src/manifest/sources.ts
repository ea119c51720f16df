/** What the manifest lint reads besides the manifest: PNG sizes, and the functions commands.ts associates. */
import { COMMAND_FUNCTIONS } from "../commands/function-names";

/** Width and height from a PNG's IHDR, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) return undefined;
  if (String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]) !== "IHDR") return undefined;
  const u32 = (o: number) => ((bytes[o] << 24) | (bytes[o + 1] << 16) | (bytes[o + 2] << 8) | bytes[o + 3]) >>> 0;
  return { width: u32(16), height: u32(20) };
}

// ---------------------------------------------------------------------------------------------------------
// commands.ts

function stripComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:\\])\/\/.*$/gm, "$1");
}

/** The function names a commands source passes to Office.actions.associate (literals and COMMAND_FUNCTIONS.x). */
export function associatedNames(
  source: string,
  names: Readonly<Record<string, string>> = COMMAND_FUNCTIONS,
): Set<string> {
  const found = new Set<string>();
  const re = /\bactions\s*\.\s*associate\s*\(\s*([^,)]+?)\s*,/g;
  let m: RegExpExecArray | null;
  const src = stripComments(source);
  while ((m = re.exec(src))) {
    const arg = m[1];
    const lit = /^(["'`])([^"'`]*)\1$/.exec(arg);
    const member = /^COMMAND_FUNCTIONS\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*(["'])([^"']*)\2\s*\])$/.exec(arg);
    if (lit) found.add(lit[2]);
    else if (member) {
      const key = member[1] ?? member[3];
      if (Object.prototype.hasOwnProperty.call(names, key)) found.add(names[key]);
    }
  }
  return found;
}
