/** A file that is one metric's series: which metric it is likely for. */
import { nameKey } from './csvColumns';
import type { ImportMetric } from './csvImport';
import { headerMetrics } from './csvWideImport';

/**
 * The metric a series file (`date,value`, `date,actual,target,baseline`) is likely for: the
 * one metric a header names ("date,Signups": that column is also its value column), else the
 * metric the file is named after ("signups.csv", "Weekly_active-users (2).csv": extension,
 * copy numbers, dashes and underscores ignored), else none.
 */
export function guessSeriesMetric(
  header: readonly string[],
  fileName: string,
  metrics: readonly ImportMetric[],
): { metricId: string; valueColumn: number | null } | null {
  const named = headerMetrics(header, metrics);
  const [only] = named;
  if (named.length === 1 && only) return { metricId: only.metricId, valueColumn: only.column };
  const base = nameKey(
    fileName
      .replace(/\.[a-z0-9]{1,4}$/i, '')
      .replace(/\s*\(\d+\)$/, '')
      .replace(/[-_]+/g, ' '),
  );
  const matches = metrics.filter((m) => nameKey(m.name) === base);
  const [match] = matches;
  return matches.length === 1 && match ? { metricId: match.id, valueColumn: null } : null;
}
