import type * as Y from 'yjs';

/**
 * Turns a Y.Text into `next` with the smallest single edit: the common start and end are kept
 * and only the middle is replaced. A whole-text replace would make two people typing in one
 * text at once overwrite each other; this keeps both their words (Yjs merges the two inserts).
 * Call it inside a transaction.
 */
export function editText(t: Y.Text, next: string): void {
  const current = t.toString();
  if (current === next) return;
  let start = 0;
  const max = Math.min(current.length, next.length);
  while (start < max && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  ) {
    end++;
  }
  // Never split a surrogate pair (an emoji): widen the edit to the whole character.
  if (start > 0 && isHigh(current.charCodeAt(start - 1))) start--;
  if (end > 0 && isLow(current.charCodeAt(current.length - end))) end--;
  const removed = current.length - start - end;
  if (removed > 0) t.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted !== '') t.insert(start, inserted);
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
