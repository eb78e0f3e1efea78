/**
 * The browser benchmark's workload, built in Node with the app's own doc layer so the layout is
 * exactly the app's: 200 metrics and exactly 100,000 entries, all in the five years ending today.
 *
 * Tree: one weekly North Star ("Weekly active users") → 10 weekly input areas → 189 leaves
 * (50 daily, 30 monthly, 109 weekly). Daily, monthly, the NSM and the areas hold every period of
 * the last five years up to the previous one (the current period of each cadence is left empty,
 * so it is due: the dashboard shows the quick-log and the check-in lists 200 rows). The weekly
 * leaves started at different times: they share what is left of the 100,000 evenly. Each metric
 * was "created" on its first period, so nothing older is due.
 */
import * as Y from 'yjs';
import { workspaceDoc, type WorkspaceDoc } from '../../src/doc/schema';
import { initWorkspace } from '../../src/doc/meta';
import { addMetric } from '../../src/doc/metrics';
import { addPerson } from '../../src/doc/people';
import { PERSON_COLORS } from '../../src/domain/personColors';
import { setEntries, type EntryInput } from '../../src/doc/entries';
import {
  CADENCE_GRAIN,
  nextPeriod,
  periodOf,
  periodStart,
  todayLocal,
} from '../../src/domain/periods';
import type { Cadence, MetricFields } from '../../src/domain/types';

export const TOTAL_ENTRIES = 100_000;
export const NSM_NAME = 'Weekly active users';

export interface SeedMetric {
  id: string;
  name: string;
  cadence: Cadence;
  /** Logged periods, chronological. */
  periods: string[];
}

export interface Seed {
  name: string;
  today: string;
  /** The first day that counts as "within the last five years". */
  since: string;
  update: Uint8Array;
  metrics: SeedMetric[];
  nsm: SeedMetric;
  /** A daily metric with five full years of values (for the chart). */
  daily: SeedMetric;
  entries: number;
  byCadence: Record<Cadence, { metrics: number; entries: number }>;
  generateMs: number;
  encodeMs: number;
}

/**
 * A small deterministic PRNG (mulberry32), so every run seeds the same values; also the plans
 * workload's generator (plans.ts).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The last `count` periods of a cadence before the current one, chronological. */
function lastPeriods(cadence: Cadence, today: string, count: number): string[] {
  const current = periodOf(today, CADENCE_GRAIN[cadence]);
  const out: string[] = [];
  for (let i = count; i >= 1; i--) out.push(nextPeriod(current, -i));
  return out;
}

/** How many whole periods before the current one start on or after `since`. */
function periodsSince(cadence: Cadence, today: string, since: string): number {
  const current = periodOf(today, CADENCE_GRAIN[cadence]);
  let n = 0;
  while (periodStart(nextPeriod(current, -(n + 1))) >= since) n++;
  return n;
}

/** Local noon of a calendar date, in ms: its local date is that date in any time zone here. */
function noonOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12).getTime();
}

function fiveYearsBefore(today: string): string {
  const [y, rest] = [Number(today.slice(0, 4)), today.slice(4)];
  // 29 February five years back does not exist: use 1 March.
  const date = `${y - 5}${rest}`;
  return rest === '-02-29' ? `${y - 5}-03-01` : date;
}

interface Plan {
  name: string;
  cadence: Cadence;
  count: number;
  fields: Partial<MetricFields>;
  parent: number | null;
}

/** The 200 metrics and how many values each holds (summing to exactly TOTAL_ENTRIES). */
function planMetrics(today: string, since: string): Plan[] {
  const full = (c: Cadence): number => periodsSince(c, today, since);
  const plans: Plan[] = [
    {
      name: NSM_NAME,
      cadence: 'weekly',
      count: full('weekly'),
      fields: { kind: 'north-star', aggregation: 'last' },
      parent: null,
    },
  ];
  for (let a = 1; a <= 10; a++) {
    plans.push({
      name: `Input area ${a}`,
      cadence: 'weekly',
      count: full('weekly'),
      fields: {},
      parent: 0,
    });
  }
  const leaves: Plan[] = [];
  for (let i = 0; i < 189; i++) {
    const cadence: Cadence = i < 50 ? 'daily' : i < 80 ? 'monthly' : 'weekly';
    leaves.push({
      name: `${cadence === 'daily' ? 'Daily' : cadence === 'monthly' ? 'Monthly' : 'Weekly'} input ${i + 1}`,
      cadence,
      count: cadence === 'weekly' ? 0 : full(cadence),
      fields: cadence === 'daily' ? { aggregation: 'sum' } : {},
      parent: 1 + (i % 10),
    });
  }
  const weeklyLeaves = leaves.filter((l) => l.cadence === 'weekly');
  const fixed = [...plans, ...leaves].reduce((s, p) => s + p.count, 0);
  const left = TOTAL_ENTRIES - fixed;
  if (left < weeklyLeaves.length) throw new Error(`seed: only ${left} entries left for leaves`);
  weeklyLeaves.forEach((leaf, i) => {
    leaf.count = Math.floor(left / weeklyLeaves.length) + (i < left % weeklyLeaves.length ? 1 : 0);
    if (leaf.count > full('weekly')) throw new Error('seed: a weekly leaf exceeds five years');
  });
  return [...plans, ...leaves];
}

/** Builds the workspace document and encodes it as one Yjs update (V1). */
export function generateSeed(name: string, now = new Date()): Seed {
  const t0 = performance.now();
  const today = todayLocal(now);
  const since = fiveYearsBefore(today);
  const rnd = mulberry32(20250101);
  const ws: WorkspaceDoc = workspaceDoc(new Y.Doc());
  initWorkspace(ws, name, now.getTime());
  const people = Array.from({ length: 8 }, (_, i) =>
    addPerson(ws, {
      name: `Person ${i + 1}`,
      team: `Team ${(i % 3) + 1}`,
      color: PERSON_COLORS[i % PERSON_COLORS.length] as string,
    }),
  );
  const plans = planMetrics(today, since);
  const quarter = periodOf(today, 'quarter');
  const ids: string[] = [];
  const metrics: SeedMetric[] = [];
  const byCadence: Seed['byCadence'] = {
    daily: { metrics: 0, entries: 0 },
    weekly: { metrics: 0, entries: 0 },
    monthly: { metrics: 0, entries: 0 },
    quarterly: { metrics: 0, entries: 0 },
  };
  let entries = 0;
  plans.forEach((plan, i) => {
    const periods = lastPeriods(plan.cadence, today, plan.count);
    const first = periods[0] ?? periodOf(today, CADENCE_GRAIN[plan.cadence]);
    const level = plan.cadence === 'daily' ? 50 : plan.cadence === 'weekly' ? 1000 : 5000;
    let value = level * (0.5 + rnd());
    const values = periods.map(() => {
      value = Math.max(0, value * (1.002 + (rnd() - 0.5) * 0.06));
      return Math.round(value);
    });
    const lastValue = values.at(-1) ?? level;
    const parent = plan.parent === null ? null : (ids[plan.parent] ?? null);
    const id = addMetric(
      ws,
      {
        name: plan.name,
        cadence: plan.cadence,
        ownerId: people[i % people.length] ?? null,
        definition: `Benchmark metric ${i + 1}.`,
        baselineValue: values[0] ?? null,
        baselineDate: periodStart(first),
        targets: { quarterly: { [quarter]: Math.round(lastValue * 1.1) }, monthly: {} },
        ...plan.fields,
      },
      parent,
      noonOf(periodStart(first)),
    );
    ids.push(id);
    const inputs: EntryInput[] = periods.map((period, k) => ({
      metricId: id,
      period,
      value: values[k] as number,
      note: k % 25 === 0 ? `Note on ${period}` : '',
      by: people[(i + k) % people.length] ?? null,
    }));
    setEntries(ws, inputs, now.getTime());
    entries += inputs.length;
    byCadence[plan.cadence].metrics++;
    byCadence[plan.cadence].entries += inputs.length;
    metrics.push({ id, name: plan.name, cadence: plan.cadence, periods });
  });
  if (entries !== TOTAL_ENTRIES) throw new Error(`seed: ${entries} entries, not ${TOTAL_ENTRIES}`);
  const generateMs = performance.now() - t0;
  const t1 = performance.now();
  const update = Y.encodeStateAsUpdate(ws.doc);
  const encodeMs = performance.now() - t1;
  const nsm = metrics[0] as SeedMetric;
  const daily = metrics.find((m) => m.cadence === 'daily') as SeedMetric;
  return {
    name,
    today,
    since,
    update,
    metrics,
    nsm,
    daily,
    entries,
    byCadence,
    generateMs,
    encodeMs,
  };
}

/**
 * A CSV of one value per seeded (metric, period): 100,000 rows that overwrite what is stored
 * (same periods, new values), dated by the first day of each period as a spreadsheet would.
 */
export function overwriteCsv(seed: Seed, round: number): string {
  const lines = ['Metric,Date,Value,Note'];
  seed.metrics.forEach((m, i) => {
    m.periods.forEach((period, k) => {
      const value = 100 + ((i * 7919 + k * 104729 + round * 15485863) % 100_000);
      lines.push(`${m.name},${periodStart(period)},${value},${k % 50 === 0 ? 'imported' : ''}`);
    });
  });
  return lines.join('\n') + '\n';
}
