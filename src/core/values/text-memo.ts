/**
 * `compute`, remembering its result per text: readers ask the same few labels, numbers and templates of every
 * sheet of a workbook and of every file of a batch. Bounded (the whole memo is dropped when full), as a batch
 * brings new texts without end. `compute` must not return undefined; a result is shared, so never changed.
 */
export function memoByText<R>(compute: (text: string) => R, max = 4096): (text: string) => R {
  const known = new Map<string, R>();
  return (text) => {
    let out = known.get(text);
    if (out === undefined) {
      if (known.size >= max) known.clear();
      known.set(text, (out = compute(text)));
    }
    return out;
  };
}
