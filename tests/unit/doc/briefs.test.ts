import { describe, expect, it } from 'vitest';
import { editBrief, readBriefs } from '../../../src/doc/briefs';
import { closeReview, readReviews } from '../../../src/doc/reviews';
import { createUndoManager } from '../../../src/doc/undo';
import { updatedIn } from '../../../src/domain/briefs';
import { replica, syncAll } from './replicas';

describe("owners' briefs", () => {
  it('two people writing the same brief for the first time at once both keep their words', () => {
    const a = replica(1);
    const b = replica(2);
    editBrief(a, 'ann', 'strategy', 'Grow activation through onboarding.', '2026-11-02');
    editBrief(b, 'ann', 'strategy', 'Cut churn in SMB.', '2026-11-03');
    syncAll([a, b]);
    const text = readBriefs(a).briefs[0]?.text ?? '';
    expect(text).toContain('Grow activation through onboarding.');
    expect(text).toContain('Cut churn in SMB.');
    expect(readBriefs(b).briefs).toEqual(readBriefs(a).briefs);
  });

  it('knows when each was last edited, per person and kind', () => {
    const ws = replica(1);
    editBrief(ws, 'ann', 'roadmap', 'Q1: checklist', '2026-10-05');
    editBrief(ws, 'bob', 'playbook', 'Call every new team', '2026-12-01');
    const [ann, bob] = readBriefs(ws).briefs;
    expect(ann).toMatchObject({ personId: 'ann', kind: 'roadmap', updatedAt: '2026-10-05' });
    expect(updatedIn(ann, '2026-10-01', '2026-12-31')).toBe(true);
    expect(updatedIn(ann, '2027-01-01', '2027-03-31')).toBe(false);
    expect(updatedIn(bob, '2026-07-01', '2026-09-30')).toBe(false);
    expect(updatedIn(undefined, '2026-10-01', '2026-12-31')).toBe(false);
  });

  it('a closed review keeps the version at close; later edits do not change it; typing undoes', () => {
    const ws = replica(1);
    const undo = createUndoManager(ws);
    editBrief(ws, 'ann', 'strategy', 'Version one', '2026-12-01');
    closeReview(ws, '2026-Q4', [], {}, 'ann', 1, readBriefs(ws).briefs);
    undo.stopCapturing();
    editBrief(ws, 'ann', 'strategy', 'Version two', '2027-01-10');
    const closed = readReviews(ws).reviews[0]?.closed;
    expect(closed?.briefs).toEqual([
      { personId: 'ann', kind: 'strategy', text: 'Version one', updatedAt: '2026-12-01' },
    ]);
    expect(readBriefs(ws).briefs[0]?.text).toBe('Version two');
    undo.undo();
    expect(readBriefs(ws).briefs[0]).toMatchObject({
      text: 'Version one',
      updatedAt: '2026-12-01',
    });
  });

  it("a peer's junk dates are ignored with a warning", () => {
    const ws = replica(1);
    ws.doc.transact(() => {
      ws.briefs.set('ann|strategy', 42);
      ws.briefs.set('ann|poem', '2026-01-01');
    }, 'remote');
    const { briefs, warnings } = readBriefs(ws);
    expect(briefs).toEqual([]);
    expect(warnings[0]?.message).toBe('2 unreadable value(s) were ignored');
  });
});
