/** Bulk edit of selected metrics: owner, cadence and status of several at once, one Undo. */
import { describe, expect, it } from 'vitest';
import { openAreas } from './areaHarness';

describe('TreeArea.updateMany', () => {
  it('sets the owner, cadence and status of the chosen metrics only, and one Undo takes it back', () => {
    const { areas, undo } = openAreas();
    const ana = areas.people.add({ name: 'Ana', team: '', color: '#2f5bd3' })!;
    const star = areas.tree.add({ name: 'Star', kind: 'north-star' }, null)!;
    const a = areas.tree.add({ name: 'A', cadence: 'weekly' }, star)!;
    const b = areas.tree.add({ name: 'B', cadence: 'weekly' }, star)!;
    const c = areas.tree.add({ name: 'C', cadence: 'weekly' }, star)!;
    const read = (id: string) => {
      const m = areas.tree.byId.get(id)!.metric;
      return `${m.ownerId ?? '-'} ${m.cadence ?? '-'} ${m.status}`;
    };

    areas.tree.updateMany([a, b], { ownerId: ana, cadence: 'monthly' });
    areas.tree.updateMany([a, b, c], { status: 'retired' });
    expect([a, b, c].map(read)).toEqual([
      `${ana} monthly retired`,
      `${ana} monthly retired`,
      '- weekly retired', // C was not chosen for the owner and cadence
    ]);

    // Each bulk edit is one step: the first Undo takes back the status of all three only.
    undo.undo();
    expect([a, b, c].map(read)).toEqual([
      `${ana} monthly active`,
      `${ana} monthly active`,
      '- weekly active',
    ]);
    undo.undo();
    expect([a, b, c].map(read)).toEqual(['- weekly active', '- weekly active', '- weekly active']);
    expect(read(star)).toBe('- weekly active');
  });

  it('skips ids that are gone and writes nothing on a read-only copy', () => {
    const { areas } = openAreas();
    const a = areas.tree.add({ name: 'A' }, null)!;
    areas.tree.updateMany([a, 'gone'], { cadence: null });
    expect(areas.tree.byId.get(a)!.metric.cadence).toBeNull();
    expect(areas.tree.byId.has('gone')).toBe(false);

    const ro = openAreas({ readOnly: true });
    expect(ro.areas.tree.updateMany(['x'], { status: 'retired' })).toBeNull();
  });
});
