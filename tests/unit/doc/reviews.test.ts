import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addReviewItem,
  closeReview,
  deleteReviewItem,
  readReviewItems,
  readReviews,
  reopenReview,
  restoreReviewItem,
  setDecisionDone,
  setNextTarget,
  signReview,
  updateReviewItem,
} from '../../../src/doc/reviews';
import { addMetric, readMetrics } from '../../../src/doc/metrics';
import { readEntries, setEntries } from '../../../src/doc/entries';
import { buildTree } from '../../../src/domain/tree';
import { movedSinceClose, reviewRows } from '../../../src/domain/review';
import { carriedDecisions } from '../../../src/domain/reviewRecord';
import { createUndoManager } from '../../../src/doc/undo';
import type { WorkspaceDoc } from '../../../src/doc/schema';
import { replica, syncAll } from './replicas';

/** A North Star with two months of Q4 values (sum). */
function workspace(): { ws: WorkspaceDoc; id: string } {
  const ws = replica(1);
  const id = addMetric(
    ws,
    { name: 'Orders', kind: 'north-star', cadence: 'monthly', aggregation: 'sum' },
    null,
  );
  setEntries(ws, [
    { metricId: id, period: '2026-09', value: 90, note: '', by: null },
    { metricId: id, period: '2026-10', value: 40, note: '', by: null },
    { metricId: id, period: '2026-11', value: 60, note: '', by: null },
  ]);
  return { ws, id };
}

const rowsOf = (ws: WorkspaceDoc, quarter: string) => {
  return reviewRows(buildTree(readMetrics(ws).metrics), (m) => readEntries(ws, m).entries, quarter);
};
const review = (ws: WorkspaceDoc, q: string) =>
  readReviews(ws).reviews.find((r) => r.quarter === q);

describe('quarterly reviews in the document', () => {
  it('closing freezes the figures, writes next targets and logs; a late entry changes only what moved', () => {
    const { ws, id } = workspace();
    setNextTarget(ws, '2026-Q4', id, 150);
    expect(review(ws, '2026-Q4')).toMatchObject({ status: 'draft', nextTargets: { [id]: 150 } });
    closeReview(ws, '2026-Q4', rowsOf(ws, '2026-Q4'), { [id]: 150 }, 'ann', 1000);
    const closed = review(ws, '2026-Q4');
    expect(closed?.status).toBe('closed');
    expect(closed?.closed?.rows[0]).toMatchObject({ metricId: id, start: 90, actual: 100 });
    expect(closed?.log).toEqual([{ at: 1000, by: 'ann', action: 'closed' }]);
    expect(readMetrics(ws).metrics[0]?.targets.quarterly['2027-Q1']).toBe(150);
    expect(() => setNextTarget(ws, '2026-Q4', id, 1)).toThrow('closed');
    expect(() => closeReview(ws, '2026-Q4', [], {}, null)).toThrow('already closed');

    setEntries(ws, [{ metricId: id, period: '2026-12', value: 5, note: '', by: null }]);
    const frozen = review(ws, '2026-Q4')?.closed?.rows ?? [];
    expect(frozen[0]?.actual).toBe(100);
    expect(movedSinceClose(frozen, rowsOf(ws, '2026-Q4'))).toEqual([
      { metricId: id, name: 'Orders', field: 'actual', was: 100, now: 105 },
    ]);
  });

  it('a close stores each point as its period and value only, even when given whole entries', () => {
    const { ws, id } = workspace();
    const rows = rowsOf(ws, '2026-Q4');
    // Rows whose points are the entries themselves (metric, note, author, time), as a caller may pass.
    const entries = readEntries(ws, id).entries.filter((e) => e.period >= '2026-10');
    closeReview(ws, '2026-Q4', [{ ...rows[0]!, points: entries }], {}, 'ann', 1000);
    const stored = [...ws.reviews.entries()].find(([k]) =>
      k.startsWith('2026-Q4|closed/'),
    )?.[1] as {
      rows: { points: unknown[] }[];
    };
    expect(stored.rows[0]?.points).toEqual([
      { period: '2026-10', value: 40 },
      { period: '2026-11', value: 60 },
    ]);
    expect(review(ws, '2026-Q4')?.closed?.rows[0]?.points).toEqual(stored.rows[0]?.points);
  });

  it('reopening is logged and keeps the last frozen figures; only a closed review can be signed', () => {
    const { ws } = workspace();
    expect(() => signReview(ws, '2026-Q4', 'ann', 'Ann')).toThrow('closed');
    closeReview(ws, '2026-Q4', rowsOf(ws, '2026-Q4'), {}, 'ann', 1000);
    signReview(ws, '2026-Q4', 'bob', 'Bob', 2000);
    reopenReview(ws, '2026-Q4', 'bob', 3000);
    const r = review(ws, '2026-Q4');
    expect(r?.status).toBe('draft');
    expect(r?.closed?.at).toBe(1000);
    expect(r?.signatures).toEqual([{ personId: 'bob', name: 'Bob', at: 2000 }]);
    expect(r?.log.map((l) => l.action)).toEqual(['closed', 'reopened']);
  });

  it.each([2, 0])(
    'closed on two devices while offline (the later closer has client id %i): one closed review, the later close wins, both keep their lines',
    (clientId) => {
      const a = workspace().ws; // client id 1
      const b = replica(clientId);
      syncAll([a, b]);
      addReviewItem(a, '2026-Q4', { kind: 'strength', text: 'Fast onboarding' }, 1);
      addReviewItem(b, '2026-Q4', { kind: 'threat', text: 'A new competitor' }, 2);
      closeReview(a, '2026-Q4', rowsOf(a, '2026-Q4'), {}, 'ann', 10);
      closeReview(b, '2026-Q4', rowsOf(b, '2026-Q4'), {}, 'bob', 11);
      syncAll([a, b]);
      for (const ws of [a, b]) {
        const reviews = readReviews(ws).reviews;
        expect(reviews).toHaveLength(1);
        expect(reviews[0]?.status).toBe('closed');
        expect(reviews[0]?.closed).toMatchObject({ at: 11, by: 'bob' });
        expect(reviews[0]?.log).toHaveLength(2);
        expect(
          readReviewItems(ws)
            .items.map((i) => i.text)
            .sort(),
        ).toEqual(['A new competitor', 'Fast onboarding']);
      }
      // The next close clears both earlier ones: one frozen copy is kept, not a pile.
      reopenReview(a, '2026-Q4', 'ann', 12);
      closeReview(a, '2026-Q4', rowsOf(a, '2026-Q4'), {}, 'ann', 13);
      syncAll([a, b]);
      for (const ws of [a, b]) {
        const closes = [...ws.reviews.keys()].filter((k) => k.startsWith('2026-Q4|closed'));
        expect(closes).toHaveLength(1);
        expect(review(ws, '2026-Q4')?.closed).toMatchObject({ at: 13, by: 'ann' });
      }
    },
  );

  it('reads a close stored the earlier way (one `closed` key)', () => {
    const { ws } = workspace();
    closeReview(ws, '2026-Q4', rowsOf(ws, '2026-Q4'), {}, 'ann', 10);
    const [k] = [...ws.reviews.keys()].filter((x) => x.startsWith('2026-Q4|closed/'));
    ws.doc.transact(() => {
      ws.reviews.set('2026-Q4|closed', ws.reviews.get(k!));
      ws.reviews.delete(k!);
    });
    expect(review(ws, '2026-Q4')?.closed).toMatchObject({ at: 10, by: 'ann' });
  });

  it('open decisions carry into later quarters until done; lines delete and restore; one undo per close', () => {
    const { ws, id } = workspace();
    const undo = createUndoManager(ws);
    // Created a millisecond apart: lines are listed oldest first.
    const d = addReviewItem(
      ws,
      '2026-Q3',
      { kind: 'decision', text: 'Hire a CSM', ownerId: 'ann' },
      1,
    );
    addReviewItem(ws, '2026-Q4', { kind: 'decision', text: 'Price test' }, 2);
    expect(() => addReviewItem(ws, '2026-Q4', { kind: 'win', text: ' ' })).toThrow(
      'Write the line',
    );
    expect(() => addReviewItem(ws, '2026-Q5', { kind: 'win', text: 'x' })).toThrow('not a quarter');
    let items = readReviewItems(ws).items;
    expect(carriedDecisions(items, '2026-Q4').map((i) => i.text)).toEqual(['Hire a CSM']);
    expect(carriedDecisions(items, '2027-Q1').map((i) => i.text)).toEqual([
      'Hire a CSM',
      'Price test',
    ]);
    setDecisionDone(ws, d, true, '2026-11-20');
    items = readReviewItems(ws).items;
    expect(carriedDecisions(items, '2027-Q1').map((i) => i.text)).toEqual(['Price test']);
    deleteReviewItem(ws, d);
    expect(readReviewItems(ws).items).toHaveLength(1);
    restoreReviewItem(ws, d);
    expect(readReviewItems(ws).items).toHaveLength(2);

    undo.stopCapturing();
    closeReview(ws, '2026-Q4', rowsOf(ws, '2026-Q4'), { [id]: 120 }, null);
    undo.stopCapturing();
    undo.undo();
    expect(review(ws, '2026-Q4')?.status ?? 'draft').toBe('draft');
    expect(readMetrics(ws).metrics[0]?.targets.quarterly['2027-Q1']).toBeUndefined();
  });

  it('a decision is about one metric or one experiment at most', () => {
    const { ws, id } = workspace();
    const d = addReviewItem(ws, '2026-Q4', { kind: 'decision', text: 'Price test' }, 1);
    const line = () => readReviewItems(ws).items.find((i) => i.id === d)!;
    updateReviewItem(ws, d, { metricId: id });
    expect([line().metricId, line().experimentId]).toEqual([id, null]);
    updateReviewItem(ws, d, { experimentId: 'e1' });
    expect([line().metricId, line().experimentId]).toEqual([null, 'e1']);
    updateReviewItem(ws, d, { metricId: null, experimentId: null });
    expect([line().metricId, line().experimentId]).toEqual([null, null]);
  });

  it("a peer's junk is ignored with a warning", () => {
    const { ws } = workspace();
    ws.doc.transact(() => {
      ws.reviews.set('nonsense', 1);
      ws.reviews.set('2026-Q4|closed', { rows: 'all of them' });
      ws.reviews.set('2026-Q4|target/m1', 'lots');
      ws.reviewItems.set('x', 5 as unknown as Y.Map<unknown>);
    }, 'remote');
    const { reviews, warnings } = readReviews(ws);
    expect(reviews[0]).toMatchObject({
      quarter: '2026-Q4',
      status: 'draft',
      closed: null,
      nextTargets: {},
    });
    expect(warnings.map((w) => w.message).sort()).toEqual([
      '1 unreadable value(s) were ignored',
      'a next target is not a number',
      'the frozen figures are unreadable',
    ]);
    expect(readReviewItems(ws).warnings).toHaveLength(1);
  });
});
