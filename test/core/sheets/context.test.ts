import { createContext } from "../../../src/core/engine";
import type { Workbook } from "../../../src/core/model/workbook";
import { memoKey, memoPerSheet, newMemo, setMemo, type SubmissionSet } from "../../../src/core/sheets/context";
import type { DetectedTable } from "../../../src/core/sheets/table";

const empty: Workbook = { sheets: [] };

test("a memo computes once per key, and two keys with the same name never share an entry", () => {
  const memo = newMemo();
  const a = memoKey<number[]>("rows");
  const b = memoKey<number[]>("rows");
  let calls = 0;
  const first = memo(a, () => [++calls]);
  expect(memo(a, () => [++calls])).toBe(first);
  expect(memo(b, () => [++calls])).toEqual([2]);
  expect(calls).toBe(2);
});

test("memoPerSheet keeps one entry per sheet under its key", () => {
  const ctx = createContext(empty);
  const key = memoKey<Map<string, string>>("by sheet");
  const table = (name: string) => ({ sheet: { name } }) as DetectedTable;
  expect(memoPerSheet(ctx, key, table("A"), () => "a")).toBe("a");
  expect(memoPerSheet(ctx, key, table("A"), () => "again")).toBe("a");
  expect(memoPerSheet(ctx, key, table("B"), () => "b")).toBe("b");
});

test("setMemo computes once for the whole set, and per workbook when it is checked alone", () => {
  const key = memoKey<object>("across the set");
  const set: SubmissionSet = { members: [], memo: newMemo() };
  const one = createContext(empty, undefined, { set, file: "a.xlsx" });
  const two = createContext(empty, undefined, { set, file: "b.xlsx" });
  const shared = setMemo(one, key, () => ({}));
  expect(setMemo(two, key, () => ({}))).toBe(shared);
  const alone = createContext(empty);
  expect(setMemo(alone, key, () => ({}))).not.toBe(shared);
});
