import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMetric } from '../../../src/doc/metrics';
import { setEntries } from '../../../src/doc/entries';
import { readAllEntries, unreadableWarnings, updateEntries } from '../../../src/state/entriesCache';
import { replica } from '../doc/replicas';

describe('entries cache', () => {
  it('re-reads only the metrics named; the others keep their arrays', () => {
    const ws = replica(1);
    const a = addMetric(ws, { name: 'A' }, null);
    const b = addMetric(ws, { name: 'B' }, null);
    setEntries(ws, [
      { metricId: a, period: '2025-W01', value: 1, note: '', by: null },
      { metricId: b, period: '2025-W01', value: 2, note: '', by: null },
    ]);
    const first = readAllEntries(ws);
    setEntries(ws, [{ metricId: b, period: '2025-W02', value: 3, note: '', by: null }]);
    const next = updateEntries(ws, first, [b]);
    expect(next.entries.get(a)).toBe(first.entries.get(a));
    expect(next.entries.get(b)?.map((e) => e.value)).toEqual([2, 3]);
    expect(first.entries.get(b)?.map((e) => e.value)).toEqual([2]);
  });

  it('counts a peer’s unreadable values per metric and names them in a warning', () => {
    const ws = replica(1);
    const a = addMetric(ws, { name: 'Weekly users' }, null);
    setEntries(ws, [{ metricId: a, period: '2025-W01', value: 1, note: '', by: null }]);
    const map = ws.entries.get(a);
    expect(map).toBeInstanceOf(Y.Map);
    (map as Y.Map<unknown>).set('2025-W02', 'not an entry');
    (map as Y.Map<unknown>).set('nonsense', { value: 'x' });
    const read = readAllEntries(ws);
    expect(read.entries.get(a)?.map((e) => e.period)).toEqual(['2025-W01']);
    expect(read.unreadable.get(a)).toBe(2);
    expect(unreadableWarnings(read.unreadable, () => 'Weekly users')).toEqual([
      {
        where: 'entries of “Weekly users”',
        message: '2 stored values are not valid and were ignored',
      },
    ]);
    // Once the bad values are gone, so is the warning.
    (map as Y.Map<unknown>).delete('2025-W02');
    (map as Y.Map<unknown>).delete('nonsense');
    expect(updateEntries(ws, read, [a]).unreadable.size).toBe(0);
  });
});
