/**
 * Values of an import that parse but look wrong beside the metric's history, flagged before
 * anything is written. The reference is the median of the metric's last 12 stored values (with
 * fewer than 3 stored: of the file's own values for that metric). A value is flagged when
 * - its size is at least 1000× the reference ("1.234.567" read with the wrong decimal mark,
 *   a value in cents, a pasted total), or
 * - it has a fraction of 1–3 digits and 1000× it lies within half to twice the reference
 *   ("1.234" read as 1.234 where the history says about 1,200: a thousands separator read as
 *   a decimal mark).
 * A zero reference says nothing (every value would be infinitely larger) and flags nothing.
 */

export interface PlannedValue {
  line: number;
  metricId: string;
  period: string;
  value: number;
}

export interface ImplausibleValue extends PlannedValue {
  /** The median it was compared with. */
  reference: number;
  kind: 'huge' | 'decimal-mark';
}

const RECENT = 12;
const MIN_HISTORY = 3;
export const HUGE_FACTOR = 1000;

/** The median of the values (the mean of the middle two for an even count); null when none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? 0) + hi) / 2;
}

/** True when the value has 1–3 digits after the decimal point (1.234, 0.5; not 1.2345). */
function hasShortFraction(value: number): boolean {
  if (Number.isInteger(value)) return false;
  const thousandths = value * 1000;
  return Math.abs(thousandths - Math.round(thousandths)) < 1e-6;
}

/**
 * The planned values that look implausible (see the file comment), in file order. `stored`
 * gives a metric's stored values, oldest first.
 */
export function implausibleValues(
  rows: readonly PlannedValue[],
  stored: (metricId: string) => readonly number[],
): ImplausibleValue[] {
  const fileValues = new Map<string, number[]>();
  for (const r of rows) {
    const list = fileValues.get(r.metricId) ?? [];
    list.push(r.value);
    fileValues.set(r.metricId, list);
  }
  const references = new Map<string, number | null>();
  const referenceOf = (metricId: string): number | null => {
    if (references.has(metricId)) return references.get(metricId) ?? null;
    const history = stored(metricId).slice(-RECENT);
    const basis = history.length >= MIN_HISTORY ? history : (fileValues.get(metricId) ?? []);
    const m = median(basis.map(Math.abs));
    references.set(metricId, m);
    return m;
  };
  const out: ImplausibleValue[] = [];
  for (const row of rows) {
    const reference = referenceOf(row.metricId);
    if (reference === null || reference === 0) continue;
    const size = Math.abs(row.value);
    if (size >= HUGE_FACTOR * reference) out.push({ ...row, reference, kind: 'huge' });
    else if (hasShortFraction(row.value)) {
      const ratio = (size * 1000) / reference;
      if (ratio >= 0.5 && ratio <= 2) out.push({ ...row, reference, kind: 'decimal-mark' });
    }
  }
  return out;
}
