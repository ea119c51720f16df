/**
 * The problems of a catalogue document, each a path inside the document and a message id with its data
 * (「indicators[3].groups[0].relation は exhaustive・partial・… のいずれかです」, ./messages.ts), and zod's issues
 * put in those plain words. Whoever read the document turns the path into a place the user can find (./load.ts).
 */
import type { z } from "zod";
import { editDistance } from "../values/edit-distance";
import type { CatalogueData, CatalogueDatum, IssueId, VALUE_PHRASES } from "./messages";
import { CatalogueFileSchema } from "./schema";

export type CataloguePath = readonly PropertyKey[];

/**
 * One problem of a catalogue document: its path, a message id of ./messages.ts's ISSUE_MESSAGES (read after the
 * path: 「indicators[0].rollup がありません」) and its data; `{other}` in the message is another place of the
 * document (`other`), written the same way as the path.
 */
export interface CatalogueIssue {
  path: CataloguePath;
  id: IssueId;
  data?: CatalogueData;
  other?: CataloguePath;
}

/** `indicators[2].groups[0].relation` */
export function formatPath(path: CataloguePath): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += (out ? "." : "") + String(p);
  }
  return out || "（ルート）";
}

// ---------------------------------------------------------------------------------------------------------
// zod issues in plain words

type ZodIssue = z.core.$ZodIssue & { input?: unknown };

/** The found value, as the end of a message: 「文字列「sum」が書かれています」 / "found the text “sum”". */
function found(v: unknown): CatalogueDatum {
  if (v === null) return { phrase: "foundNull" };
  if (Array.isArray(v)) return { phrase: "foundList" };
  if (typeof v === "object") return { phrase: "foundMapping" };
  if (typeof v === "string") return { phrase: "foundText", data: { value: v } };
  if (typeof v === "number") return { phrase: "foundNumber", data: { value: v } };
  return { phrase: "foundOther", data: { value: String(v) } };
}

/** What a value of each type zod expected should have been written as (./messages.ts VALUE_PHRASES). */
const EXPECTED: Record<string, keyof typeof VALUE_PHRASES> = {
  string: "wantString",
  number: "wantNumber",
  boolean: "wantBoolean",
  array: "wantArray",
  object: "wantObject",
};

/** Walks the file schema along a path, for the keys an object there may have (unknown-key messages). */
function schemaAt(path: CataloguePath): z.ZodType | undefined {
  let s: z.ZodType | undefined = CatalogueFileSchema;
  const unwrap = (x: z.ZodType): z.ZodType => {
    for (;;) {
      const def = (x as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
      if ((def.type === "optional" || def.type === "default" || def.type === "nullable") && def.innerType)
        x = def.innerType;
      else if (def.type === "pipe" && def.in) x = def.in;
      else return x;
    }
  };
  for (const seg of path) {
    if (!s) return undefined;
    const u = unwrap(s) as unknown as {
      _zod: { def: { type: string; element?: z.ZodType; shape?: Record<string, z.ZodType> } };
    };
    const def = u._zod.def;
    if (typeof seg === "number" && def.type === "array") s = def.element;
    else if (typeof seg === "string" && def.type === "object" && def.shape) s = def.shape[seg];
    else return undefined;
  }
  return s ? unwrap(s) : undefined;
}

function knownKeys(path: CataloguePath): string[] {
  const s = schemaAt(path) as unknown as
    { _zod: { def: { type: string; shape?: Record<string, unknown> } } } | undefined;
  return s && s._zod.def.type === "object" && s._zod.def.shape ? Object.keys(s._zod.def.shape) : [];
}

function nearestKey(key: string, keys: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of keys) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase(), 3);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return bestD <= Math.max(1, Math.floor(key.length * 0.4)) ? best : undefined;
}

function zodIssue(i: ZodIssue, base: CataloguePath = []): CatalogueIssue[] {
  const path = [...base, ...i.path];
  const hasInput = "input" in i && i.input !== undefined;
  switch (i.code) {
    case "invalid_type": {
      if (!hasInput) return [{ path, id: "missing" }];
      const want = EXPECTED[i.expected];
      return [
        {
          path,
          id: "wrongType",
          data: {
            want: want ? { phrase: want } : { phrase: "wantOther", data: { type: i.expected } },
            found: found(i.input),
          },
        },
      ];
    }
    case "invalid_union":
      if (!hasInput) return [{ path, id: "missing" }];
      return [{ path, id: "notTextOrNumber", data: { found: found(i.input) } }];
    case "invalid_value": {
      const values: CatalogueDatum = { list: i.values.map(String), style: "and" };
      if (!hasInput) return [{ path, id: "missingOneOf", data: { values } }];
      return [{ path, id: "notOneOf", data: { values, found: found(i.input) } }];
    }
    case "too_small":
      if (i.origin === "array")
        return [{ path, id: i.minimum === 1 ? "tooFewOne" : "tooFew", data: { minimum: String(i.minimum) } }];
      return [{ path, id: "empty" }];
    case "unrecognized_keys": {
      const keys = knownKeys(path);
      return i.keys.map((k): CatalogueIssue => {
        const near = nearestKey(k, keys);
        return near
          ? { path: [...path, k], id: "unknownKeyNear", data: { near } }
          : { path: [...path, k], id: "unknownKey", data: { keys: { list: keys, style: "and" } } };
      });
    }
    default:
      return [{ path, id: "invalid", data: { message: i.message } }];
  }
}

/** zod's issues as catalogue issues, in plain words. */
export function zodIssues(error: z.ZodError, base: CataloguePath = []): CatalogueIssue[] {
  return error.issues.flatMap((i) => zodIssue(i, base));
}
