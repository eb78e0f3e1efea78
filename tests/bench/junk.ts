/**
 * A peer floods `metrics` with 20,000 junk keys (tests/unit/junkFlood.ts: six kinds, one in six
 * a Y.Map of junk fields; doc/junk.ts says what junk is). Times what the app does with the
 * metrics on every read of the workspace (readMetrics + buildTree + checkTreeHealth) on the
 * 200-metric workspace of run.ts, and on the same workspace with the flood, so "reading and
 * drawing the workspace do not slow down because of them" is measured here; no test asserts a
 * time. Also the load of the encoded document into a new Y.Doc (Yjs's own cost of a reload,
 * which grows with what is stored, junk or not), countRecords (the version counts) and what the
 * tree area does after an edit (one record re-read, the tree built and checked).
 * Writes bench-results/junk.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import { workspaceDoc, type WorkspaceDoc } from '../../src/doc/schema';
import { addMetric, readMetricById, readMetrics } from '../../src/doc/metrics';
import { countRecords } from '../../src/doc/versions';
import { buildTree } from '../../src/domain/tree';
import { checkTreeHealth } from '../../src/domain/health';
import type { Metric } from '../../src/domain/types';
import { writeJunk } from '../unit/junkFlood';
import { round, time, type Timing } from './timing';

const METRICS = 200;
const JUNK = 20_000;

/** The tree of run.ts: one NSM, each metric with five children, down to 4–5 levels. */
function workspace(): WorkspaceDoc {
  const ws = workspaceDoc(new Y.Doc());
  const ids = [addMetric(ws, { name: 'North Star', kind: 'north-star' }, null)];
  for (let i = 1; i < METRICS; i++) {
    const parent = ids[Math.floor((i - 1) / 5)] ?? ids[0]!;
    ids.push(
      addMetric(
        ws,
        { name: `Input metric ${i} with a fairly long descriptive name`, ownerId: `p${i % 7}` },
        parent,
      ),
    );
  }
  return ws;
}

/** The same workspace, after a peer's flood arrived as one update. */
function flooded(normal: WorkspaceDoc): WorkspaceDoc {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(normal.doc));
  const before = Y.encodeStateVector(peer);
  peer.transact(() => writeJunk(peer.getMap('metrics'), JUNK));
  const ws = workspaceDoc(new Y.Doc());
  Y.applyUpdate(ws.doc, Y.encodeStateAsUpdate(normal.doc));
  Y.applyUpdate(ws.doc, Y.encodeStateAsUpdate(peer, before), 'hostile-peer');
  return ws;
}

/** What a full read of the metrics costs (opening the workspace): read, repair and build, health. */
function readAndCheck(ws: WorkspaceDoc): void {
  checkTreeHealth(buildTree(readMetrics(ws).metrics));
}

/**
 * What the tree area does after an edit of one metric (state/tree.svelte.ts re-reads only the
 * records a transaction touched): one record read, the tree built and checked again.
 */
function afterEdit(ws: WorkspaceDoc, metrics: Map<string, Metric>, id: string): void {
  const one = readMetricById(ws, id).metric;
  if (one) metrics.set(id, one);
  checkTreeHealth(buildTree([...metrics.values()]));
}

const ratio = (a: Timing, b: Timing): number => round(a.medianMs / b.medianMs);

export function runJunkBench(): Record<string, unknown> {
  const normal = workspace();
  const flood = flooded(normal);
  const read = readMetrics(flood);
  const encodedNormal = Y.encodeStateAsUpdate(normal.doc);
  const encodedFlood = Y.encodeStateAsUpdate(flood.doc);

  const readNormal = time(100, () => readAndCheck(normal));
  const readFlood = time(100, () => readAndCheck(flood));
  const edited = readMetrics(normal).metrics[100]!.id;
  const byId = (ws: WorkspaceDoc) => new Map(readMetrics(ws).metrics.map((m) => [m.id, m]));
  const [normalById, floodById] = [byId(normal), byId(flood)];
  const editNormal = time(100, () => afterEdit(normal, normalById, edited));
  const editFlood = time(100, () => afterEdit(flood, floodById, edited));
  const loadNormal = time(20, () => Y.applyUpdate(new Y.Doc(), encodedNormal));
  const loadFlood = time(20, () => Y.applyUpdate(new Y.Doc(), encodedFlood));
  const countNormal = time(100, () => countRecords(normal));
  const countFlood = time(100, () => countRecords(flood));

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    metrics: METRICS,
    junkKeys: JUNK,
    'what the flooded read gives': {
      metrics: read.metrics.length,
      warnings: read.warnings.map((w) => `${w.where}: ${w.message}`),
      treeRepairs: buildTree(read.metrics).repairs.length,
    },
    'readMetrics + buildTree + checkTreeHealth, 200 metrics': readNormal,
    'readMetrics + buildTree + checkTreeHealth, 200 metrics + 20,000 junk keys': readFlood,
    'flooded / normal (read and check)': ratio(readFlood, readNormal),
    'after an edit: one record re-read + buildTree + checkTreeHealth, 200 metrics': editNormal,
    'after an edit: one record re-read + buildTree + checkTreeHealth, + 20,000 junk keys':
      editFlood,
    'flooded / normal (after an edit)': ratio(editFlood, editNormal),
    'load the encoded document into a new Y.Doc, 200 metrics': loadNormal,
    'load the encoded document into a new Y.Doc, 200 metrics + 20,000 junk keys': loadFlood,
    'flooded / normal (load)': ratio(loadFlood, loadNormal),
    'countRecords, 200 metrics': countNormal,
    'countRecords, 200 metrics + 20,000 junk keys': countFlood,
    encodedBytes: { normal: encodedNormal.byteLength, flooded: encodedFlood.byteLength },
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/junk.json', JSON.stringify(results, null, 2) + '\n');
  return results;
}
