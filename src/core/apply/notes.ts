/**
 * Kensa's part of a cell note, shared by the exceljs adapter (annotated copies) and the Office.js
 * adapter (add-in), so a note written by one is recognised and replaced — never stacked — by the other.
 * The text itself is built by planHighlights (NotePlan.text, which starts with NOTE_MARK).
 */

/** Marks the start of Kensa's part of a cell note, so a later run replaces it and keeps the person's part. */
export const NOTE_MARK = "Kensa:";
/** Between a person's note and Kensa's part appended after it. */
export const NOTE_SEPARATOR = "\n\n";

/** The person's part of an existing note (anything before an earlier Kensa note). */
export function userPartOfNote(existing: string): string {
  if (existing.startsWith(NOTE_MARK)) return "";
  const i = existing.indexOf(NOTE_SEPARATOR + NOTE_MARK);
  return i >= 0 ? existing.slice(0, i) : existing;
}

/** True when the note still carries a Kensa part (at its start or after the separator). */
export function hasKensaPart(existing: string): boolean {
  return existing.startsWith(NOTE_MARK) || existing.includes(NOTE_SEPARATOR + NOTE_MARK);
}

/** The note to write: Kensa's text alone, or after the person's own note. */
export function noteWithKensa(userPart: string, kensaText: string): string {
  return userPart ? userPart + NOTE_SEPARATOR + kensaText : kensaText;
}
