/** Small helpers of the CSV import screen: guesses for its choosers and what an import changes. */
import { parseDateCell, type DateOrder, type ParsedCsv } from '../../domain/csvParse';
import type { Entry } from '../../domain/types';

/** Up to `limit` non-empty cells of one column. */
export function columnSamples(parsed: ParsedCsv, column: number, limit = 500): string[] {
  const out: string[] = [];
  if (column < 0) return out;
  for (const row of parsed.rows) {
    const cell = (row[column] ?? '').trim();
    if (cell !== '') out.push(cell);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * The date order under which most sample cells read as dates. Ties go to year-month-day, then
 * to month first only when `monthFirst` (a US-English browser reading a decimal-point file),
 * else day first.
 */
export function guessDateOrder(samples: readonly string[], monthFirst: boolean): DateOrder {
  const orders: DateOrder[] = monthFirst ? ['ymd', 'mdy', 'dmy'] : ['ymd', 'dmy', 'mdy'];
  let best: DateOrder = 'ymd';
  let bestCount = -1;
  for (const order of orders) {
    const count = samples.filter((s) => parseDateCell(s, order) !== null).length;
    if (count > bestCount) {
      best = order;
      bestCount = count;
    }
  }
  return best;
}

export interface ImportChanges {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * What importing the rows would do to the stored entries: values that are new, that replace
 * another value or note, and that are already there as they are (written as no change at all).
 */
export function importChanges(
  rows: readonly { metricId: string; period: string; value: number; note: string }[],
  entries: ReadonlyMap<string, readonly Entry[]>,
): ImportChanges {
  const byMetric = new Map<string, Map<string, Entry>>();
  const stored = (metricId: string): Map<string, Entry> => {
    let map = byMetric.get(metricId);
    if (!map) {
      map = new Map((entries.get(metricId) ?? []).map((e) => [e.period, e]));
      byMetric.set(metricId, map);
    }
    return map;
  };
  const changes: ImportChanges = { added: 0, updated: 0, unchanged: 0 };
  for (const row of rows) {
    const current = stored(row.metricId).get(row.period);
    if (!current) changes.added++;
    else if (current.value === row.value && current.note === row.note.slice(0, 2000)) {
      changes.unchanged++;
    } else changes.updated++;
  }
  return changes;
}

const DELIMITER_NAMES: Record<string, string> = {
  ',': 'commas',
  ';': 'semicolons',
  '\t': 'tabs',
};

export function delimiterName(delimiter: string): string {
  return DELIMITER_NAMES[delimiter] ?? `“${delimiter}”`;
}
