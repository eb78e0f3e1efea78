/**
 * `npm run bench`: measures the hot paths of the metric tree on a 200-metric workspace and
 * writes the numbers to bench-results/tree.json (and prints them). Runs in Node with the same
 * domain and doc code the app uses; each figure is the median (and p95) of repeated runs. Then
 * measures success plans and insights at scale (1,000 plans, 5,000 insights; plans.ts →
 * bench-results/plans.json, also printed). Then runs the browser benchmark (browser.ts →
 * bench-results/tracking.json), the scale benchmark (scale.ts → bench-results/scale.json: cold
 * opens against the storage floor at 10k / 100k / 1M entries), the live sync benchmark between two browsers (sync.ts →
 * bench-results/sync.json) and the plan screens at scale in the browser (plans-browser.ts →
 * bench-results/plans-browser.json) and the experiments screens (experiments-browser.ts →
 * bench-results/experiments-browser.json) unless BENCH_BROWSER=0. Experiments in Node:
 * experiments.ts → bench-results/experiments.json (after plans); then the quarterly review
 * at scale (review.ts → bench-results/review.json: drafting and closing a review of that
 * workspace with the plans workload's 1,000 plans and 5,000 insights merged in), then the
 * versions (checkpoints) of that workspace (history.ts → bench-results/history.json: a checkpoint,
 * an unchanged one, a preview, the difference between two, a full restore, the storage a month
 * of daily use keeps; Dexie on fake-indexeddb), then the stored update rows over 100 opens and a
 * day of edits (storage-rows.ts → bench-results/storage-rows.json), then a peer's flood of
 * 20,000 junk keys in `metrics` against the 200-metric tree (junk.ts → bench-results/junk.json: reading, building and
 * checking the tree with and without it, the load of the document, the read after an edit), and
 * server sync through two Hocuspocus instances and Redis (hocuspocus.ts →
 * bench-results/hocuspocus.json), and the review in the browser (review-browser.ts →
 * bench-results/review-browser.json) unless BENCH_BROWSER=0.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import { workspaceDoc, type WorkspaceDoc } from '../../src/doc/schema';
import { addMetric, deleteMetrics, moveMetric, readMetrics } from '../../src/doc/metrics';
import { buildTree, isAncestorOrSelf } from '../../src/domain/tree';
import { checkTreeHealth } from '../../src/domain/health';
import { layoutTree } from '../../src/domain/treeLayout';
import type { Metric } from '../../src/domain/types';
import { runExperimentsBench } from './experiments';
import { runJunkBench } from './junk';
import { runPlansBench } from './plans';
import { runReviewBench } from './review';
import { time } from './timing';

const METRICS = 200;

/** A realistic tree: one NSM, 5 inputs, each with sub-inputs, down to 4-5 levels. */
function buildWorkspace(): { ws: WorkspaceDoc; ids: string[] } {
  const doc = new Y.Doc();
  const ws = workspaceDoc(doc);
  const ids: string[] = [];
  const root = addMetric(ws, { name: 'North Star', kind: 'north-star' }, null);
  ids.push(root);
  for (let i = 1; i < METRICS; i++) {
    const parent = ids[Math.floor((i - 1) / 5)] ?? root;
    ids.push(
      addMetric(
        ws,
        { name: `Input metric ${i} with a fairly long descriptive name`, ownerId: `p${i % 7}` },
        parent,
      ),
    );
  }
  return { ws, ids };
}

/** Two replicas that moved nodes under each other and deleted parents, merged. */
function conflictedMetrics(): Metric[] {
  const a = buildWorkspace();
  const b = workspaceDoc(new Y.Doc());
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.ws.doc));
  const treeA = buildTree(readMetrics(a.ws).metrics);
  const treeB = buildTree(readMetrics(b).metrics);
  for (let i = 10; i < 60; i += 2) {
    const x = a.ids[i] as string;
    const y = a.ids[i + 1] as string;
    moveMetric(a.ws, x, y, null, (p) => isAncestorOrSelf(treeA, x, p));
    moveMetric(b, y, x, null, (p) => isAncestorOrSelf(treeB, y, p));
  }
  deleteMetrics(b, a.ids.slice(100, 110));
  Y.applyUpdate(a.ws.doc, Y.encodeStateAsUpdate(b.doc));
  return readMetrics(a.ws).metrics;
}

const build = time(20, () => buildWorkspace());
const { ws } = buildWorkspace();
const read = time(200, () => readMetrics(ws));
const metrics = readMetrics(ws).metrics;
const repairClean = time(500, () => buildTree(metrics));
const conflicted = conflictedMetrics();
const repairs = buildTree(conflicted).repairs;
const repairConflicted = time(500, () => buildTree(conflicted));
const tree = buildTree(metrics);
const layout = time(500, () => layoutTree(tree.roots, new Set()));
const health = time(500, () => checkTreeHealth(tree));
const fullRefresh = time(200, () => {
  const t = buildTree(readMetrics(ws).metrics);
  checkTreeHealth(t);
  layoutTree(t.roots, new Set());
});
const encoded = Y.encodeStateAsUpdate(ws.doc).byteLength;
const load = time(50, () => Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(ws.doc)));

const results = {
  date: new Date().toISOString(),
  node: process.version,
  metrics: METRICS,
  'build a 200-metric tree in a Y.Doc (200 local transactions)': build,
  'read and validate 200 metrics from the Y.Doc': read,
  'repair and build the tree (no conflicts)': repairClean,
  [`repair and build the tree (${repairs.length} repairs: cycles, deleted parents)`]:
    repairConflicted,
  'lay out the diagram (200 nodes)': layout,
  'tree health check': health,
  'full refresh after an edit (read + repair + health + layout)': fullRefresh,
  'load the encoded document into a new Y.Doc': load,
  encodedBytes: encoded,
};

mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/tree.json', JSON.stringify(results, null, 2) + '\n');
console.log(JSON.stringify(results, null, 2));

// Then success plans and insights at scale: bench-results/plans.json.
console.log(JSON.stringify(runPlansBench(), null, 2));

// Then experiments at scale (500 experiments, 2,000 milestones, 50 sprints on the 100,000-entry
// workspace): bench-results/experiments.json.
console.log(JSON.stringify(runExperimentsBench(), null, 2));

// Then the quarterly review at scale (draft < 300 ms, close < 1 s): bench-results/review.json.
console.log(JSON.stringify(runReviewBench(), null, 2));

// Then versions of the workspace (checkpoint < 500 ms, preview < 1 s, full restore < 1 s,
// unchanged checkpoint < 200 ms; a month's storage): bench-results/history.json. Imported here,
// as it installs fake-indexeddb for Dexie.
{
  const { runHistoryBench, historySummary } = await import('./history');
  const history = await runHistoryBench();
  console.log(JSON.stringify(history, null, 2));
  console.log(historySummary(history).join('\n'));
}

// Then the stored update rows over 100 opens and a day of edits, with the app's store and
// compaction trigger on fake-indexeddb: bench-results/storage-rows.json.
{
  const { runStorageRowsBench } = await import('./storage-rows');
  await runStorageRowsBench();
}

// Then a peer's 20,000 junk keys in `metrics` (read + tree + health with and without them; the
// issue's "within 2× its normal time" is measured here, not asserted): bench-results/junk.json.
console.log(JSON.stringify(runJunkBench(), null, 2));

// Then server sync: joining a 100,000-entry workspace through two Hocuspocus instances sharing a
// Redis, against fetching and applying the encoded state, and the edit latency p95 between the
// instances (hocuspocus.ts → bench-results/hocuspocus.json; skipped without redis-server).
{
  const { runHocuspocusBench } = await import('./hocuspocus');
  if (!(await runHocuspocusBench())) process.exitCode = 1;
}

// Then the browser benchmark (tracking at scale in the built app): bench-results/tracking.json.
// BENCH_BROWSER=0 skips it (e.g. where no Chromium is installed).
if (process.env['BENCH_BROWSER'] !== '0') {
  const { runBrowserBench } = await import('./browser');
  if (!(await runBrowserBench())) process.exitCode = 1;
  // Then cold opens against the storage floor at 10,000, 100,000 and 1,000,000 entries, eight
  // interleaved rounds each, and the heap after open: bench-results/scale.json.
  const { runScaleBench } = await import('./scale');
  if (!(await runScaleBench())) process.exitCode = 1;
  // Then the JavaScript each first screen fetches (start screen, dashboard), gzip:
  // bench-results/first-screen.json.
  const { runFirstScreenBench } = await import('./first-screen');
  if (!(await runFirstScreenBench())) process.exitCode = 1;
  // Then live sync between two browser processes (edit latency, joining a 100,000-entry
  // workspace): bench-results/sync.json.
  const { runSyncBench } = await import('./sync');
  if (!(await runSyncBench())) process.exitCode = 1;
  // Then customer success at scale in the built app (1,000 plans, 5,000 insights: opening,
  // filtering and re-grouping the list and the board): bench-results/plans-browser.json.
  const { runPlansBrowserBench } = await import('./plans-browser');
  if (!(await runPlansBrowserBench())) process.exitCode = 1;
  // Then the experiments screens at scale in the built app (backlog, filters, sprints, the
  // metric chart with 50 windows, an edit): bench-results/experiments-browser.json.
  const { runExperimentsBrowserBench } = await import('./experiments-browser');
  if (!(await runExperimentsBrowserBench())) process.exitCode = 1;
  // Then the quarterly review in the built app (cold open, open from the list, close):
  // bench-results/review-browser.json.
  const { runReviewBrowserBench } = await import('./review-browser');
  if (!(await runReviewBrowserBench())) process.exitCode = 1;
}
