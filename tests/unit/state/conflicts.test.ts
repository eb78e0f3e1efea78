import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMetric, readMetrics, updateMetric } from '../../../src/doc/metrics';
import { readEntries, setEntries } from '../../../src/doc/entries';
import { workspaceDoc, type WorkspaceDoc } from '../../../src/doc/schema';
import { WorkspaceConflicts } from '../../../src/state/conflicts.svelte';

const open: WorkspaceConflicts[] = [];
afterEach(() => open.splice(0).forEach((c) => c.detach()));

/**
 * Two replicas in step, and the conflicts watched on the first. Of two concurrent writes to one
 * key Yjs keeps the one of the higher client id, so B (2) wins over A (1) here.
 */
function pair() {
  const a = workspaceDoc(new Y.Doc());
  a.doc.clientID = 1;
  const b = workspaceDoc(new Y.Doc());
  b.doc.clientID = 2;
  const id = addMetric(a, { name: 'Activation', kind: 'north-star' }, null);
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
  const conflicts = new WorkspaceConflicts((action) => action(a));
  open.push(conflicts);
  conflicts.attach(a);
  return { a, b, id, conflicts };
}

/** Each sends the other what it lacks (a concurrent merge). */
function merge(a: WorkspaceDoc, b: WorkspaceDoc): void {
  const toB = Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc));
  const toA = Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc));
  Y.applyUpdate(a.doc, toA, 'peer');
  Y.applyUpdate(b.doc, toB, 'peer');
}

const nameIn = (ws: WorkspaceDoc) => readMetrics(ws).metrics[0]?.name;
const entry = (metricId: string, value: number) => ({
  metricId,
  period: '2026-W49',
  value,
  note: '',
  by: null,
});

describe("a teammate's edit that replaced yours", () => {
  it('is said once when the merge leaves their value in a field you set, and yours can be put back', () => {
    const { a, b, id, conflicts } = pair();
    updateMetric(a, id, { name: 'Activation rate' });
    updateMetric(b, id, { name: 'Activated accounts' });
    merge(a, b);
    expect([nameIn(a), nameIn(b)]).toEqual(['Activated accounts', 'Activated accounts']);
    expect(conflicts.replaced).toMatchObject([
      { root: 'metrics', field: 'name', label: 'Activated accounts', mine: 'Activation rate' },
    ]);
    expect(conflicts.putMineBack(conflicts.replaced[0]!.id)).toBe(true);
    merge(a, b);
    expect([nameIn(a), nameIn(b)]).toEqual(['Activation rate', 'Activation rate']);
    expect(conflicts.replaced).toEqual([]);
  });

  it('with both client-id orders, the replaced case happens and is caught', () => {
    // Whichever copy Yjs favours, one of the two orders makes the teammate win.
    const outcomes = [1, 2].map((aId) => {
      const a = workspaceDoc(new Y.Doc());
      a.doc.clientID = aId;
      const b = workspaceDoc(new Y.Doc());
      b.doc.clientID = 3 - aId;
      const id = addMetric(a, { name: 'Activation', kind: 'north-star' }, null);
      Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
      const conflicts = new WorkspaceConflicts((action) => action(a));
      open.push(conflicts);
      conflicts.attach(a);
      updateMetric(a, id, { name: 'Mine' });
      updateMetric(b, id, { name: 'Theirs' });
      merge(a, b);
      return [nameIn(a), conflicts.replaced.map((r) => r.theirs)];
    });
    expect(outcomes).toContainEqual(['Theirs', ['Theirs']]);
    expect(outcomes).toContainEqual(['Mine', []]);
  });

  it('a value logged for the same week by a teammate, put back keeping the rest of the entry', () => {
    const { a, b, id, conflicts } = pair();
    setEntries(a, [entry(id, 41)]);
    setEntries(b, [entry(id, 44)], 5);
    merge(a, b);
    expect(readEntries(a, id).entries[0]?.value).toBe(44);
    expect(conflicts.replaced).toMatchObject([{ root: 'entries', field: '2026-W49', mine: 41 }]);
    conflicts.putMineBack(conflicts.replaced[0]!.id);
    expect(readEntries(a, id).entries[0]).toMatchObject({ value: 41, period: '2026-W49' });
  });

  it("a teammate's edit of another field, or the same value, says nothing", () => {
    const { a, b, id, conflicts } = pair();
    updateMetric(a, id, { name: 'Activation rate' });
    // Positive control: their change arrives (their definition is there).
    updateMetric(b, id, { name: 'Activation rate', definition: 'Accounts active in week 1' });
    merge(a, b);
    expect(readMetrics(a).metrics[0]?.definition).toBe('Accounts active in week 1');
    expect(conflicts.replaced).toEqual([]);
  });

  it('an import (a batch of many values) is not guarded: a teammate replacing one says nothing', () => {
    const { a, b, id, conflicts } = pair();
    const many = Array.from({ length: 60 }, (_, i) => ({
      metricId: id,
      period: `2026-W${String((i % 52) + 1).padStart(2, '0')}`,
      value: i,
      note: '',
      by: null,
    }));
    setEntries(a, many.slice(0, 52));
    setEntries(b, [entry(id, 99)], 5);
    merge(a, b);
    // Positive control: their value arrived and won (B has the higher client id).
    expect(readEntries(a, id).entries.find((e) => e.period === '2026-W49')?.value).toBe(99);
    expect(conflicts.replaced).toEqual([]);
  });
});
