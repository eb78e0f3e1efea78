import { generateKeyBetween } from 'fractional-indexing';

/**
 * A sibling order key strictly between two neighbours (null = open end). Concurrent inserts may
 * produce equal keys; readers break ties by id, and a key that is not below `after` (a tie, or
 * a malformed key from a peer) falls back to "just after `before`".
 */
export function keyBetween(before: string | null, after: string | null): string {
  try {
    if (before !== null && after !== null && before >= after) {
      return generateKeyBetween(before, null);
    }
    return generateKeyBetween(before, after);
  } catch {
    // A peer wrote a key this library cannot read: keep clear of the unreadable neighbour.
    return (
      safely(() => generateKeyBetween(before, null)) ??
      safely(() => generateKeyBetween(null, after)) ??
      'a0'
    );
  }
}

function safely(make: () => string): string | null {
  try {
    return make();
  } catch {
    return null;
  }
}
