import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAndReport, ChangeCollector, describeReport } from '../../../src/doc/changeReport';
import { deleteEntry, setEntries } from '../../../src/doc/entries';
import { initWorkspace, setWorkspaceName } from '../../../src/doc/meta';
import { addMetric, setTarget, updateMetric } from '../../../src/doc/metrics';
import { addPerson } from '../../../src/doc/people';
import { addCandidate } from '../../../src/doc/workshop';
import { addPlans } from '../../../src/doc/plans';
import { addInsight } from '../../../src/doc/insights';
import { addStep } from '../../../src/doc/journey';
import type { WorkspaceDoc } from '../../../src/doc/schema';
import { replica } from './replicas';

const entry = (metricId: string, period: string, value: number) => ({
  metricId,
  period,
  value,
  note: '',
  by: null,
});

/** What `from` has that `to` lacks. */
/** The report without its zero counts. */
const changed = (report: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(report).filter(([, n]) => n > 0));

const diff = (from: WorkspaceDoc, to: WorkspaceDoc): Uint8Array =>
  Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc));

describe('applyAndReport', () => {
  it('counts every area: metrics, entries, people, settings, candidates, plans, insights, steps', () => {
    const a = replica(1);
    const b = replica(2);
    initWorkspace(a, 'Team');
    const m1 = addMetric(a, { name: 'Users' }, null);
    const m2 = addMetric(a, { name: 'Hosts' }, m1);
    setEntries(a, [entry(m1, '2025-01', 1), entry(m1, '2025-02', 2), entry(m2, '2025-01', 3)]);
    addPerson(a, { name: 'Ada', team: '', color: '#000000' });
    addCandidate(a, 'Nights booked');
    addPlans(a, [{ customer: 'Acme' }, { customer: 'Globex' }], '2025-01-10');
    addInsight(a, { text: 'Wants exports' }, '2025-01-10');
    addStep(a, { name: 'Signed' });
    const report = applyAndReport(b, Y.encodeStateAsUpdate(a.doc), 'file');
    // meta: name, createdAt, schemaVersion.
    expect(changed(report)).toEqual({
      meta: 3,
      metrics: 2,
      entries: 3,
      people: 1,
      candidates: 1,
      plans: 2,
      insights: 1,
      journey: 1,
    });
    expect(describeReport(b, report)).toBe(
      '3 workspace settings, 2 metrics, 3 entries, 1 person, 1 candidate metric, 1 journey step, 2 success plans, 1 insight',
    );
    expect(b.doc.getMap('metrics').size).toBe(2);
  });

  it('counts a metric once however many of its fields (and nested targets) changed', () => {
    const a = replica(1);
    const b = replica(2);
    const m = addMetric(a, { name: 'Users' }, null);
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    updateMetric(a, m, { name: 'Weekly users', definition: 'Distinct users per week' });
    setTarget(a, m, '2025-Q1', 100);
    setEntries(a, [entry(m, '2025-01', 5)]);
    expect(changed(applyAndReport(b, diff(a, b), 'file'))).toEqual({ metrics: 1, entries: 1 });
  });

  it('counts an entry removed and a name renamed', () => {
    const a = replica(1);
    const b = replica(2);
    initWorkspace(a, 'Team');
    const m = addMetric(a, { name: 'Users' }, null);
    setEntries(a, [entry(m, '2025-01', 1), entry(m, '2025-02', 1)]);
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    deleteEntry(a, m, '2025-01');
    setWorkspaceName(a, 'Renamed');
    expect(changed(applyAndReport(b, diff(a, b), 'file'))).toEqual({ entries: 1, meta: 1 });
  });

  it('reports nothing new the second time, and passes the origin on', () => {
    const a = replica(1);
    const b = replica(2);
    const m = addMetric(a, { name: 'Users' }, null);
    setEntries(a, [entry(m, '2025-01', 1)]);
    const update = Y.encodeStateAsUpdate(a.doc);
    const origins: unknown[] = [];
    b.doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    expect(applyAndReport(b, update, 'file').entries).toBe(1);
    expect(changed(applyAndReport(b, update, 'file'))).toEqual({});
    expect(origins).toEqual(['file', 'file']);
  });

  it('counts a new metric’s values once across a batch, with later edits and removals in it', () => {
    const a = replica(1);
    const b = replica(2);
    const m = addMetric(a, { name: 'Users' }, null);
    const first = Y.encodeStateAsUpdate(a.doc);
    setEntries(a, [entry(m, '2025-01', 1), entry(m, '2025-02', 2), entry(m, '2025-03', 3)]);
    const values = diff(a, b);
    Y.applyUpdate(b.doc, first);
    const collector = new ChangeCollector(b);
    b.doc.on('afterTransaction', collector.onTransaction);
    Y.applyUpdate(b.doc, values); // the metric's entries arrive as a new inner map: all three
    const afterValues = Y.encodeStateVector(a.doc);
    setEntries(a, [entry(m, '2025-02', 20), entry(m, '2025-04', 4)]); // one edited, one new
    deleteEntry(a, m, '2025-03');
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, afterValues));
    b.doc.off('afterTransaction', collector.onTransaction);
    // 01, 02, 03 (removed since, still a change) and 04: each once.
    expect(changed(collector.report())).toEqual({ entries: 4 });
  });

  it('throws on a truncated update and leaves the document unchanged', () => {
    const a = replica(1);
    initWorkspace(a, 'Team');
    const ids = [1, 2, 3].map((i) => addMetric(a, { name: 'M' + i }, null));
    setEntries(
      a,
      ids.map((id) => entry(id, '2025-01', 1)),
    );
    updateMetric(a, ids[0]!, { name: 'Renamed' });
    deleteEntry(a, ids[1]!, '2025-01'); // gives the update a delete set
    const full = Y.encodeStateAsUpdate(a.doc);
    const b = replica(2);
    const other = addMetric(b, { name: 'Mine' }, null);
    setEntries(b, [entry(other, '2025-01', 9)]);
    const before = Y.encodeStateAsUpdate(b.doc);
    for (let n = 0; n < full.length; n++) {
      expect(() => applyAndReport(b, full.subarray(0, n), 'file')).toThrow();
      expect(Y.encodeStateAsUpdate(b.doc)).toEqual(before);
    }
    expect(applyAndReport(b, full, 'file').metrics).toBe(3);
  });

  it('yjs alone would integrate part of a truncated update before throwing', () => {
    // Why applyAndReport decodes first: without it, some truncations change the document.
    const a = replica(1);
    const ids = [1, 2].map((i) => addMetric(a, { name: 'M' + i }, null));
    setEntries(a, [entry(ids[0]!, '2025-01', 1)]);
    deleteEntry(a, ids[0]!, '2025-01');
    const full = Y.encodeStateAsUpdate(a.doc);
    let changedAndThrew = 0;
    for (let n = 0; n < full.length; n++) {
      const b = replica(2);
      try {
        Y.applyUpdate(b.doc, full.subarray(0, n));
      } catch {
        if (b.metrics.size > 0) changedAndThrew++;
      }
    }
    expect(changedAndThrew).toBeGreaterThan(0);
  });
});

describe('describeReport', () => {
  it('says what came in, in the order of the areas, with counts in words', () => {
    const ws = replica(1);
    expect(describeReport(ws, {})).toBe('nothing new');
    expect(describeReport(ws, { metrics: 0, entries: 0 })).toBe('nothing new');
    expect(describeReport(ws, { entries: 12, metrics: 2 })).toBe('2 metrics, 12 entries');
    expect(describeReport(ws, { metrics: 1, entries: 1, people: 1, plans: 1 })).toBe(
      '1 metric, 1 entry, 1 person, 1 success plan',
    );
    expect(describeReport(ws, { entries: 12345, people: 3, workshop: 2 })).toBe(
      '12,345 entries, 3 people, 2 workshop answers',
    );
  });
});
