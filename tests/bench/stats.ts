/**
 * Small helpers for the browser benchmarks: their numbers (samples, percentiles, goals), running
 * a measured section, the summary's goal lines, running a benchmark file directly.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const round1 = (n: number): number => Math.round(n * 10) / 10;

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1
    ? (s[mid] as number)
    : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The nearest-rank `p` percentile (0 < p ≤ 1) of ascending values; NaN when there are none. */
export const nearestRank = (sorted: readonly number[], p: number): number =>
  sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;

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

/** A number deep inside a result section, or null when absent or not a finite number. */
export const num = (s: unknown, ...path: string[]): number | null => {
  let v: unknown = s;
  for (const key of path) v = (v as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/**
 * Runs one measured section; a thrown error is logged under `label`, recorded in `failures`
 * and returned as the section's result instead of ending the run.
 */
export async function section<T extends object>(
  label: string,
  name: string,
  failures: string[],
  fn: () => Promise<T>,
): Promise<T | { error: string }> {
  const t0 = performance.now();
  try {
    const result = await fn();
    console.error(`${label}: ${name} done in ${Math.round(performance.now() - t0)} ms`);
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failures.push(`${name}: ${message}`);
    console.error(`${label}: ${name} FAILED: ${message}`);
    return { error: message };
  }
}

/** The summary lines for goals and failures, as both benchmarks print them. */
export function goalLines(goals: readonly Goal[], failures: readonly string[]): string[] {
  return [
    ...goals.map(
      (g) =>
        `  goal ${g.name} ${g.goal}: ${g.value ?? '–'} → ${g.pass === null ? 'not measured' : g.pass ? 'pass' : 'MISS'}`,
    ),
    ...failures.map((f) => `  FAILED ${f}`),
  ];
}

/** The summary lines for the `goals` and `failures` of a results object. */
export const resultGoalLines = (r: Record<string, unknown>): string[] =>
  goalLines(
    (r['goals'] as Goal[] | undefined) ?? [],
    (r['failures'] as string[] | undefined) ?? [],
  );

/** Runs a benchmark when its file is executed directly (`tsx tests/bench/x.ts`). */
export function runIfMain(moduleUrl: string, run: () => Promise<boolean>): void {
  if (process.argv[1] === undefined || resolve(process.argv[1]) !== fileURLToPath(moduleUrl))
    return;
  run().then(
    (ok) => {
      if (!ok) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
