/**
 * The workloads of the scale benchmark (scale.ts): a weekly North Star and daily inputs, with
 * exactly `entries` values in all, built in Node with the app's own doc layer. The inputs share
 * the values left after the North Star's evenly, each ending yesterday (today is due, so the
 * North Star card shows its quick log). The document is stored as several rows, one per batch
 * of metrics (an update against the previous state), as a device that imported over time holds
 * it; a row stays a few MB, so it crosses into the page in one call.
 */
import * as Y from 'yjs';
import { workspaceDoc } from '../../src/doc/schema';
import { initWorkspace } from '../../src/doc/meta';
import { addMetric } from '../../src/doc/metrics';
import { addPerson } from '../../src/doc/people';
import { setEntries, type EntryInput } from '../../src/doc/entries';
import { nextPeriod, periodOf, todayLocal } from '../../src/domain/periods';
import { mulberry32 } from './seed';

export interface ScaleSize {
  entries: number;
  metrics: number;
}

export interface ScaleSeed extends ScaleSize {
  /** Stored rows, in order: each a Yjs update (V1). */
  rows: Uint8Array[];
  bytes: number;
  /** Values per input metric (the first ones hold one more when it does not divide evenly). */
  daysPerInput: number;
  northStarWeeks: number;
  generateMs: number;
}

const METRICS_PER_ROW = 40;

/** The periods of `grain` before the current one, `count` of them, chronological. */
function before(today: string, grain: 'day' | 'week', count: number): string[] {
  const current = periodOf(today, grain);
  return Array.from({ length: count }, (_, i) => nextPeriod(current, i - count));
}

export function generateScaleSeed(size: ScaleSize, now = new Date()): ScaleSeed {
  const t0 = performance.now();
  const today = todayLocal(now);
  const rnd = mulberry32(size.entries);
  const ws = workspaceDoc(new Y.Doc());
  initWorkspace(ws, `Scale ${size.entries.toLocaleString('en-US')}`, now.getTime());
  const owner = addPerson(ws, { name: 'Owner', team: 'Team', color: '#1d4ed8' });
  const rows: Uint8Array[] = [];
  let state = Y.encodeStateVector(new Y.Doc()); // the first row holds everything from the start
  const cut = (): void => {
    rows.push(Y.encodeStateAsUpdate(ws.doc, state));
    state = Y.encodeStateVector(ws.doc);
  };
  const inputs = size.metrics - 1;
  const northStarWeeks = Math.min(260, size.entries - inputs);
  const left = size.entries - northStarWeeks;
  const daysPerInput = Math.floor(left / inputs);
  const put = (id: string, periods: string[], level: number): void => {
    let value = level * (0.5 + rnd());
    const values: EntryInput[] = periods.map((period) => {
      value = Math.max(0, value * (1.002 + (rnd() - 0.5) * 0.06));
      return { metricId: id, period, value: Math.round(value), note: '', by: owner };
    });
    setEntries(ws, values, now.getTime());
  };
  const nsm = addMetric(
    ws,
    { name: 'Weekly active users', kind: 'north-star', cadence: 'weekly', ownerId: owner },
    null,
  );
  put(nsm, before(today, 'week', northStarWeeks), 1000);
  for (let i = 0; i < inputs; i++) {
    const count = daysPerInput + (i < left % inputs ? 1 : 0);
    const id = addMetric(
      ws,
      { name: `Daily input ${i + 1}`, cadence: 'daily', aggregation: 'sum', ownerId: owner },
      nsm,
    );
    put(id, before(today, 'day', count), 50);
    if ((i + 1) % METRICS_PER_ROW === 0) cut();
  }
  cut();
  return {
    ...size,
    rows,
    bytes: rows.reduce((s, r) => s + r.byteLength, 0),
    daysPerInput,
    northStarWeeks,
    generateMs: performance.now() - t0,
  };
}
