/** The import action: entries, targets and baselines in one undo step; the same file again writes nothing. */
import { describe, expect, it } from 'vitest';
import { openAreas } from './areaHarness';

describe('EntriesArea.import with targets and baselines', () => {
  it('lands in one step, one Undo removes all of it, and re-importing writes nothing', () => {
    const { ws, areas, undo } = openAreas();
    const id = areas.tree.add({ name: 'Signups', cadence: 'weekly' }, null) ?? '';
    const rows = [{ metricId: id, period: '2026-W02', value: 120, note: '' }];
    const targets = [{ metricId: id, period: '2026-01', value: 150 }];
    const baselines = [{ metricId: id, date: '2026-01-05', value: 100 }];
    expect(areas.entries.import(rows, targets, baselines)).toBe(1);
    const metric = () => areas.tree.byId.get(id)?.metric;
    expect(metric()?.targets.monthly).toEqual({ '2026-01': 150 });
    expect([metric()?.baselineValue, metric()?.baselineDate]).toEqual([100, '2026-01-05']);
    expect(areas.entries.byMetric.get(id)?.map((e) => e.value)).toEqual([120]);

    // The same file again: no update is written at all.
    let updates = 0;
    ws.doc.on('update', () => updates++);
    areas.entries.import(rows, targets, baselines);
    // Positive control: a real change is an update.
    areas.entries.import([{ ...rows[0]!, value: 121 }]);
    expect(updates).toBe(1);

    undo.undo(); // the 121
    undo.undo(); // the whole first import
    expect(metric()?.targets.monthly).toEqual({});
    expect([metric()?.baselineValue, metric()?.baselineDate]).toEqual([null, null]);
    expect(areas.entries.byMetric.get(id) ?? []).toEqual([]);
  });
});
