/** Small helpers for the browser benchmark's numbers. */

export const round1 = (n: number): number => Math.round(n * 10) / 10;

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export interface Samples {
  medianMs: number;
  minMs: number;
  maxMs: number;
  samplesMs: number[];
}

export function samples(values: readonly number[]): Samples {
  return {
    medianMs: round1(median(values)),
    minMs: round1(Math.min(...values)),
    maxMs: round1(Math.max(...values)),
    samplesMs: values.map(round1),
  };
}

export interface Goal {
  name: string;
  goal: string;
  value: number | null;
  pass: boolean | null;
  note?: string;
}

/** A goal "value ≤ limit" (or "<" when strict); null value = not measured. */
export function goal(
  name: string,
  value: number | null,
  limit: number,
  unit: string,
  strict = false,
  note?: string,
): Goal {
  const pass = value === null ? null : strict ? value < limit : value <= limit;
  return {
    name,
    goal: `${strict ? '<' : '≤'} ${limit}${unit}`,
    value: value === null ? null : round1(value),
    pass,
    ...(note ? { note } : {}),
  };
}
