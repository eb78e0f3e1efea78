/** Helpers of the CSV import screens: guesses for the choosers, wording, what an import changes. */
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

/** A count with its noun: “1 row”, “1,234 rows”. */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** Why a column mapping cannot be used because one column fills two roles (-1, none, may repeat). */
export function columnClash<K extends string>(columns: Readonly<Record<K, number>>): string | null {
  const used = Object.values<number>(columns).filter((c) => c >= 0);
  return new Set(used).size < used.length ? 'Each column can be used for one thing only.' : null;
}

/** The guessed column of each role, -1 (none) where there is no guess. */
export function guessedColumns<K extends string>(
  none: Readonly<Record<K, number>>,
  guessed: Partial<Record<K, number | null>>,
): Record<K, number> {
  const columns: Record<K, number> = { ...none };
  for (const role of Object.keys(none) as K[]) columns[role] = guessed[role] ?? -1;
  return columns;
}

/** An error as people read it. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs an import that changes everything or nothing; what went wrong, or null when it worked. */
export function importFailure(run: () => unknown): string | null {
  try {
    // An action returns null when nothing was written: this copy is read-only.
    return run() === null ? 'Nothing was imported: this copy of the workspace is read-only.' : null;
  } catch (e) {
    return `Nothing was imported: ${errorText(e)}`;
  }
}
