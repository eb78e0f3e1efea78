/** Timing helpers for the Node benchmarks (run.ts, plans.ts): median and p95 of repeated runs. */

export const round = (n: number): number => Math.round(n * 1000) / 1000;

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export interface Timing {
  medianMs: number;
  p95Ms: number;
}

/** Runs `fn` 3 times to warm up the JIT, then `runs` times measured. */
export function time(runs: number, fn: () => void): Timing {
  for (let i = 0; i < 3; i++) fn(); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    medianMs: round(median(samples)),
    p95Ms: round(sorted[Math.floor(sorted.length * 0.95)] ?? 0),
  };
}
