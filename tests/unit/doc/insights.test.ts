import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addInsight,
  deleteInsight,
  readInsights,
  restoreInsight,
  updateInsight,
} from '../../../src/doc/insights';
import { replica, syncAll } from './replicas';

describe('insights in the document', () => {
  it('captures an insight with normalised tags and today’s date', () => {
    const ws = replica(1);
    const id = addInsight(
      ws,
      { text: ' Setup took weeks ', tags: 'Onboarding, #Setup, onboarding', customer: ' Acme ' },
      '2025-03-10',
      7,
    );
    expect(readInsights(ws).insights).toEqual([
      {
        id,
        text: 'Setup took weeks',
        customer: 'Acme',
        planId: null,
        source: '',
        date: '2025-03-10',
        tags: ['onboarding', 'setup'],
        metricId: null,
        stepId: null,
        createdAt: 7,
        deletedAt: null,
      },
    ]);
    expect(() => addInsight(ws, { text: '  ' })).toThrow();
    expect(() => addInsight(ws, { text: 'x', date: '10/03/2025' })).toThrow();
  });

  it('lists newest first, edits, links, deletes and restores', () => {
    const ws = replica(1);
    const older = addInsight(ws, { text: 'Old', date: '2025-01-01' });
    const newer = addInsight(ws, { text: 'New', date: '2025-03-01', planId: 'p1' });
    expect(readInsights(ws).insights.map((i) => i.text)).toEqual(['New', 'Old']);
    updateInsight(ws, older, { tags: ['Pricing'], stepId: 's2', metricId: 'm1', source: 'Call' });
    updateInsight(ws, newer, { planId: null });
    const [n, o] = readInsights(ws).insights;
    expect(o).toMatchObject({ tags: ['pricing'], stepId: 's2', metricId: 'm1', source: 'Call' });
    expect(n?.planId).toBeNull();
    const before = Y.encodeStateVector(ws.doc);
    updateInsight(ws, older, { tags: ['pricing'], text: 'Old' });
    expect(Y.encodeStateVector(ws.doc)).toEqual(before);
    deleteInsight(ws, newer);
    expect(readInsights(ws).insights.map((i) => i.text)).toEqual(['Old']);
    expect(readInsights(ws, true).insights).toHaveLength(2);
    restoreInsight(ws, newer);
    expect(readInsights(ws).insights).toHaveLength(2);
  });

  it('merges captures from two replicas and warns about junk', () => {
    const a = replica(1);
    const b = replica(2);
    addInsight(a, { text: 'From A' });
    addInsight(b, { text: 'From B' });
    b.insights.set('junk', 3 as unknown as Y.Map<unknown>);
    syncAll([a, b]);
    expect(
      readInsights(a)
        .insights.map((i) => i.text)
        .sort(),
    ).toEqual(['From A', 'From B']);
    expect(readInsights(a).warnings).toEqual([
      {
        where: 'insights',
        message: '1 unreadable insight was ignored (written by another copy)',
        count: 1,
      },
    ]);
  });
});
