/**
 * The problems of a catalogue document, each a path inside the document and a message in both languages
 * (「indicators[3].groups[0].relation は exhaustive・partial・… のいずれかです」), and zod's issues put in those
 * plain words. Whoever read the document turns the path into a place the user can find (./load.ts).
 */
import { z } from "zod";
import { editDistance } from "../values/edit-distance";
import { CatalogueFileSchema } from "./schema";

export type CataloguePath = readonly PropertyKey[];

/**
 * One problem of a catalogue document. `ja` and `en` read after the path (「indicators[0].rollup がありません」);
 * `{other}` in them stands for another place of the document (`other`), written the same way as the path.
 */
export interface CatalogueIssue {
  path: CataloguePath;
  ja: string;
  en: string;
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

/** An issue as one line: the place (the path unless `place` says otherwise), then the message. */
export function formatIssue(
  issue: CatalogueIssue,
  lang: "ja" | "en" = "ja",
  place: (path: CataloguePath) => string = formatPath,
  otherPlace: (path: CataloguePath) => string = place,
): string {
  const text = (lang === "ja" ? issue.ja : issue.en).replace("{other}", issue.other ? otherPlace(issue.other) : "");
  return `${place(issue.path)} ${text}`;
}

// ---------------------------------------------------------------------------------------------------------
// zod issues in plain words

type ZodIssue = z.core.$ZodIssue & { input?: unknown };

/** 「文字列「sum」が」, 「数値 8 が」: the found value as the subject of a sentence. */
function found(v: unknown): { ja: string; en: string } {
  const d = describeInput(v);
  return { ja: `${d.ja}${d.ja.endsWith("」") ? "" : " "}が書かれています`, en: `found ${d.en}` };
}

function describeInput(v: unknown): { ja: string; en: string } {
  if (v === null) return { ja: "空（null）", en: "empty (null)" };
  if (Array.isArray(v)) return { ja: "リスト", en: "a list" };
  if (typeof v === "object") return { ja: "「項目: 値」の組", en: "a mapping" };
  if (typeof v === "string") return { ja: `文字列「${v}」`, en: `the text “${v}”` };
  if (typeof v === "number") return { ja: `数値 ${v}`, en: `the number ${v}` };
  if (typeof v === "boolean") return { ja: String(v), en: String(v) };
  return { ja: String(v), en: String(v) };
}

/** What a value of each type zod expected should have been written as, in Japanese and in English. */
const EXPECTED: Record<string, [ja: string, en: string]> = {
  string: ["文字列で書いてください", "must be a text"],
  number: ["数値で書いてください", "must be a number"],
  boolean: ["true か false で書いてください", "must be true or false"],
  array: [
    "リスト（YAML では「- 」で始まる行、JSON では [ ]）で書いてください",
    "must be a list (lines starting with “- ” in YAML, [ ] in JSON)",
  ],
  object: ["「項目: 値」の組（JSON では { }）で書いてください", "must be a mapping of “key: value” ({ } in JSON)"],
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
      if (!hasInput) return [{ path, ja: "がありません（必須の項目です）", en: "is missing (required)" }];
      const [wantJa, wantEn] = EXPECTED[i.expected] ?? [` ${i.expected} で書いてください`, `must be ${i.expected}`];
      const got = found(i.input);
      return [{ path, ja: `は${wantJa}（${got.ja}）`, en: `${wantEn} (${got.en})` }];
    }
    case "invalid_union": {
      if (!hasInput) return [{ path, ja: "がありません（必須の項目です）", en: "is missing (required)" }];
      const got = found(i.input);
      return [
        { path, ja: `は文字列か数値で書いてください（${got.ja}）`, en: `must be a text or a number (${got.en})` },
      ];
    }
    case "invalid_value": {
      const values = i.values.map(String);
      if (!hasInput)
        return [
          {
            path,
            ja: `がありません（${values.join("・")} のいずれかです）`,
            en: `is missing (one of ${values.join(", ")})`,
          },
        ];
      const got = found(i.input);
      return [
        {
          path,
          ja: `は ${values.join("・")} のいずれかです（${got.ja}）`,
          en: `must be one of ${values.join(", ")} (${got.en})`,
        },
      ];
    }
    case "too_small":
      if (i.origin === "array")
        return [
          {
            path,
            ja: `は${String(i.minimum)}つ以上必要です（空のリストです）`,
            en: `needs at least ${String(i.minimum)} entr${i.minimum === 1 ? "y" : "ies"} (the list is empty)`,
          },
        ];
      return [{ path, ja: "が空です", en: "is empty" }];
    case "unrecognized_keys": {
      const keys = knownKeys(path);
      return i.keys.map((k) => {
        const near = nearestKey(k, keys);
        const list = keys.join("・");
        return {
          path: [...path, k],
          ja: near
            ? `は使えない項目名です（${near} のことですか？）`
            : `は使えない項目名です（ここに書けるのは ${list}）`,
          en: near
            ? `is not a known key (did you mean ${near}?)`
            : `is not a known key (allowed here: ${keys.join(", ")})`,
        };
      });
    }
    default:
      return [{ path, ja: `が正しくありません（${i.message}）`, en: `is not valid (${i.message})` }];
  }
}

/** zod's issues as catalogue issues, in plain words. */
export function zodIssues(error: z.ZodError, base: CataloguePath = []): CatalogueIssue[] {
  return error.issues.flatMap((i) => zodIssue(i, base));
}
