/**
 * Stored update rows of a workspace over 100 opens and a day of edits, in Node (part of `npm run
 * bench`; alone: `npx tsx tests/bench/storage-rows.ts`), with the app's own store
 * (storage/workspaceStore.ts) and compaction trigger (storage/compaction.ts, as
 * WorkspaceSession starts it) on fake-indexeddb. The workspace is small (one daily metric with
 * 2,000 values, stored as one row): the row counts do not depend on its size, and on a shared
 * 2-core machine fake-indexeddb copies a 100,000-entry document for seconds on every read.
 *
 * - 100 opens: each opens the store, starts the trigger, saves three values one by one (a
 *   check-in of three metrics), waits for the trigger, closes.
 * - A day of edits: one session saving 2,000 values one by one (every value its own row).
 *
 * Each workload runs twice: with the trigger, and with no compaction at all (what the rows grow
 * to without it). Reports the rows after each open (max, last), the compactions that ran, their
 * times (fake-indexeddb, small document: indicative only) and the bytes stored. Writes
 * bench-results/storage-rows.json and prints it.
 */
import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { setEntries } from '../../src/doc/entries';
import { initWorkspace } from '../../src/doc/meta';
import { addMetric } from '../../src/doc/metrics';
import { workspaceDoc } from '../../src/doc/schema';
import { addDays } from '../../src/domain/periods';
import { CompactionTrigger, COMPACTION_BOUNDS } from '../../src/storage/compaction';
import { openStoredDoc, type StoredDoc } from '../../src/storage/workspaceStore';
import { ROOT } from './pages';
import { round1, runIfMain, samples } from './stats';

const OPENS = 100;
const SAVES_PER_OPEN = 3;
const DAY_SAVES = 2000;
const VALUES = 2000;

/** The workspace: its encoded state, its daily metric and that metric's logged days. */
interface Seed {
  update: Uint8Array;
  metricId: string;
  days: string[];
}

function smallWorkspace(): Seed {
  const ws = workspaceDoc(new Y.Doc());
  initWorkspace(ws, 'Lodestar bench');
  const metricId = addMetric(ws, { name: 'Daily signups', cadence: 'daily' }, null);
  const days = Array.from({ length: VALUES }, (_, i) => addDays('2021-01-01', i));
  setEntries(
    ws,
    days.map((period, i) => ({ metricId, period, value: i, note: '', by: null })),
  );
  return { update: Y.encodeStateAsUpdate(ws.doc), metricId, days };
}

/** Rows and bytes of a workspace's `updates` store, read on a connection of its own. */
function storedRows(id: string): Promise<{ rows: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(`lodestar-ws-${id}`);
    open.onerror = () => reject(open.error ?? new Error('could not open'));
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction('updates', 'readonly').objectStore('updates').getAll();
      req.onsuccess = () => {
        db.close();
        const rows = req.result as Uint8Array[];
        resolve({ rows: rows.length, bytes: rows.reduce((n, r) => n + r.byteLength, 0) });
      };
      req.onerror = () => reject(req.error ?? new Error('could not read'));
    };
  });
}

/** A store holding the seeded workspace as one row. */
async function seeded(id: string, seed: Seed): Promise<void> {
  const stored = await openStoredDoc(id);
  Y.applyUpdate(stored.doc, seed.update);
  await stored.written();
  await stored.close();
}

/** One save of one value of the daily metric (its own transaction, awaited: its own row). */
async function saveOne(stored: StoredDoc, seed: Seed, i: number): Promise<void> {
  const period = seed.days[i % seed.days.length] as string;
  setEntries(workspaceDoc(stored.doc), [
    { metricId: seed.metricId, period, value: 100_000 + i, note: '', by: null },
  ]);
  await stored.written();
}

interface Timed {
  trigger: CompactionTrigger | null;
  compactMs: number[];
}

/** Starts the trigger (or none) with its compactions timed. */
function watch(stored: StoredDoc, compacting: boolean): Timed {
  const timed: Timed = { trigger: null, compactMs: [] };
  if (!compacting) return timed;
  const store = {
    rows: () => stored.rows(),
    written: () => stored.written(),
    subscribe: stored.subscribe,
    compact: async () => {
      const t0 = performance.now();
      await stored.compact();
      timed.compactMs.push(performance.now() - t0);
    },
  };
  timed.trigger = new CompactionTrigger(store);
  timed.trigger.start();
  return timed;
}

async function opens(seed: Seed, compacting: boolean): Promise<Record<string, unknown>> {
  const id = `opens-${compacting ? 'on' : 'off'}`;
  await seeded(id, seed);
  const rowsAfter: number[] = [];
  const openMs: number[] = [];
  const compactMs: number[] = [];
  let compactions = 0;
  for (let o = 0; o < OPENS; o++) {
    const t0 = performance.now();
    const stored = await openStoredDoc(id);
    openMs.push(performance.now() - t0);
    const timed = watch(stored, compacting);
    for (let s = 0; s < SAVES_PER_OPEN; s++) await saveOne(stored, seed, o * SAVES_PER_OPEN + s);
    await timed.trigger?.settled();
    compactions += timed.trigger?.compactions ?? 0;
    compactMs.push(...timed.compactMs);
    timed.trigger?.stop();
    await stored.close();
    rowsAfter.push((await storedRows(id)).rows);
  }
  const last = await storedRows(id);
  return {
    rowsAfterEachOpen: { max: Math.max(...rowsAfter), last: last.rows, series: rowsAfter },
    bytesStored: last.bytes,
    compactions,
    compactMs: compactMs.length > 0 ? samples(compactMs) : null,
    openMs: { first: round1(openMs[0] ?? NaN), last: round1(openMs.at(-1) ?? NaN) },
  };
}

async function day(seed: Seed, compacting: boolean): Promise<Record<string, unknown>> {
  const id = `day-${compacting ? 'on' : 'off'}`;
  await seeded(id, seed);
  const stored = await openStoredDoc(id);
  const timed = watch(stored, compacting);
  let maxRows = 0;
  for (let i = 0; i < DAY_SAVES; i++) {
    await saveOne(stored, seed, i);
    maxRows = Math.max(maxRows, stored.rows());
  }
  await timed.trigger?.settled();
  const compactions = timed.trigger?.compactions ?? 0;
  timed.trigger?.stop();
  await stored.close();
  const last = await storedRows(id);
  const t0 = performance.now();
  const reopened = await openStoredDoc(id);
  const reopenMs = performance.now() - t0;
  await reopened.close();
  return {
    maxRowsDuringTheDay: maxRows,
    rowsAtTheEnd: last.rows,
    bytesStored: last.bytes,
    compactions,
    compactMs: timed.compactMs.length > 0 ? samples(timed.compactMs) : null,
    nextOpenMs: round1(reopenMs),
  };
}

export async function runStorageRowsBench(): Promise<boolean> {
  const loadAverageAtStart = loadavg().map(round1);
  const seed = smallWorkspace();
  console.error(`bench: storage rows (${VALUES} values, ${seed.update.byteLength} bytes)…`);
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    machine: { cpus: cpus().length, loadAverageAtStart, loadAverageAtEnd: [] as number[] },
    what: `rows of the workspace's IndexedDB store \`updates\` (fake-indexeddb; the app's store and compaction trigger, bounds: more than ${COMPACTION_BOUNDS.onOpen} rows on open, more than ${COMPACTION_BOUNDS.whileOpen} after a save)`,
    workload: { entries: VALUES, seedBytes: seed.update.byteLength },
    [`${OPENS} opens, ${SAVES_PER_OPEN} saves each`]: {
      withTrigger: await opens(seed, true),
      withoutCompaction: await opens(seed, false),
    },
    [`a day of edits: ${DAY_SAVES} saves in one session`]: {
      withTrigger: await day(seed, true),
      withoutCompaction: await day(seed, false),
    },
  };
  results.machine.loadAverageAtEnd = loadavg().map(round1);
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  const text = JSON.stringify(results, null, 2) + '\n';
  writeFileSync(join(ROOT, 'bench-results', 'storage-rows.json'), text);
  console.log(text);
  return true;
}

runIfMain(import.meta.url, runStorageRowsBench);
