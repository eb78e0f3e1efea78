/**
 * Quarters side by side: attainment per metric across the last quarters (each quarter's frozen
 * figures when its review is closed, else today's draft figures), metrics in the latest
 * quarter's tree order with metrics seen only in older quarters after them; and the tree's
 * changes between two closed reviews, in words.
 */
import type { ReviewRow, ReviewStatus, TreeChange } from './review';
import { nextPeriod } from './periods';

export interface QuarterColumn {
  quarter: string;
  closed: boolean;
  rows: readonly ReviewRow[];
}

export interface CompareCell {
  status: ReviewStatus;
  attainment: number | null;
}

export interface CompareRow {
  metricId: string;
  name: string;
  depth: number;
  /** One cell per column, in column order; null when the metric was not in that quarter. */
  cells: (CompareCell | null)[];
}

/** The `count` quarters up to and including `latest`, oldest first. */
export function lastQuarters(latest: string, count: number): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) out.push(nextPeriod(latest, -i));
  return out;
}

/** The comparison table of the given columns (oldest first). */
export function compareQuarters(columns: readonly QuarterColumn[]): CompareRow[] {
  const order: { metricId: string; name: string; depth: number }[] = [];
  const seen = new Set<string>();
  for (let c = columns.length - 1; c >= 0; c--) {
    for (const r of columns[c]?.rows ?? []) {
      if (seen.has(r.metricId)) continue;
      seen.add(r.metricId);
      order.push({ metricId: r.metricId, name: r.name, depth: r.depth });
    }
  }
  const byColumn = columns.map((col) => new Map(col.rows.map((r) => [r.metricId, r])));
  return order.map((m) => ({
    ...m,
    cells: byColumn.map((rows) => {
      const r = rows.get(m.metricId);
      return r ? { status: r.status, attainment: r.attainment } : null;
    }),
  }));
}

/** A tree change in words, e.g. "Activation was added". */
export function changeSentence(c: TreeChange, parentName: string | null): string {
  switch (c.change) {
    case 'added':
      return `${c.name} was added`;
    case 'removed':
      return `${c.name} was removed or retired from the tree`;
    case 'moved':
      return parentName ? `${c.name} moved under ${parentName}` : `${c.name} moved to the top`;
    case 'owner':
      return `${c.name} has a new owner`;
    case 'renamed':
      return `${c.name} was renamed`;
  }
}
