import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addMetric } from '../../../src/doc/metrics';
import { deleteEntry, readEntries, setEntries } from '../../../src/doc/entries';
import { createUndoManager } from '../../../src/doc/undo';
import { replica, syncAll } from './replicas';

describe('entries', () => {
  it('keeps one value per metric and period; re-importing does not duplicate', () => {
    const ws = replica(1);
    const m = addMetric(ws, { name: 'Users' }, null);
    const rows = [
      { metricId: m, period: '2025-W02', value: 12, note: '', by: null },
      { metricId: m, period: '2025-W01', value: 10, note: 'first', by: 'p1' },
    ];
    setEntries(ws, rows, 5);
    setEntries(ws, rows, 6);
    const { entries, invalid } = readEntries(ws, m);
    expect(invalid).toBe(0);
    expect(entries.map((e) => [e.period, e.value, e.note, e.by])).toEqual([
      ['2025-W01', 10, 'first', 'p1'],
      ['2025-W02', 12, '', null],
    ]);
  });

  it('reads stored values in period order whatever order they were written in, every time', () => {
    const ws = replica(1);
    const m = addMetric(ws, { name: 'Users' }, null);
    const other = addMetric(ws, { name: 'Teams' }, null);
    ws.doc.transact(() => {
      const map = ws.entries.get(m) as Y.Map<unknown>;
      // Written newest first, with two keys a peer might write: a 13th month and a word.
      for (const period of ['2026-03', '2026-13', '2026-01', 'soon', '2026-02']) {
        map.set(period, [1, '', null, 0]);
      }
    });
    setEntries(ws, [{ metricId: other, period: '2026-01', value: 7, note: '', by: null }]);
    // Read twice: the second read finds the keys already checked, with the same outcome.
    for (let round = 0; round < 2; round++) {
      const read = readEntries(ws, m);
      expect(read.entries.map((e) => e.period)).toEqual(['2026-01', '2026-02', '2026-03']);
      expect(read.invalid).toBe(2);
      expect(readEntries(ws, other).entries.map((e) => [e.period, e.value])).toEqual([
        ['2026-01', 7],
      ]);
    }
  });

  it('rejects a whole batch with a bad row, writing nothing', () => {
    const ws = replica(1);
    const m = addMetric(ws, { name: 'Users' }, null);
    expect(() =>
      setEntries(ws, [
        { metricId: m, period: '2025-W01', value: 1, note: '', by: null },
        { metricId: m, period: 'yesterday', value: 2, note: '', by: null },
      ]),
    ).toThrow(/not a period/);
    expect(readEntries(ws, m).entries).toEqual([]);
  });

  it('merges entries from two replicas; both win on different periods', () => {
    const a = replica(1);
    const b = replica(2);
    const m = addMetric(a, { name: 'Users' }, null);
    syncAll([a, b]);
    setEntries(a, [{ metricId: m, period: '2025-03', value: 1, note: '', by: null }]);
    setEntries(b, [{ metricId: m, period: '2025-04', value: 2, note: '', by: null }]);
    syncAll([a, b]);
    expect(readEntries(b, m).entries.map((e) => e.period)).toEqual(['2025-03', '2025-04']);
  });

  it('undoes an edit and a delete', () => {
    const ws = replica(1);
    const m = addMetric(ws, { name: 'Users' }, null);
    const undo = createUndoManager(ws);
    setEntries(ws, [{ metricId: m, period: '2025-03', value: 1, note: '', by: null }]);
    undo.stopCapturing();
    setEntries(ws, [{ metricId: m, period: '2025-03', value: 5, note: '', by: null }]);
    undo.stopCapturing();
    deleteEntry(ws, m, '2025-03');
    undo.undo();
    expect(readEntries(ws, m).entries[0]?.value).toBe(5);
    undo.undo();
    expect(readEntries(ws, m).entries[0]?.value).toBe(1);
  });

  it('ignores junk values written by a peer and counts them', () => {
    const ws = replica(1);
    const m = addMetric(ws, { name: 'Users' }, null);
    const map = ws.entries.get(m) as Y.Map<unknown>;
    map.set('2025-03', ['NaN', 1]);
    map.set('not-a-period', [1, '', null, 0]);
    map.set('2025-04', [7, { evil: true }, 42, 'x']);
    const { entries, invalid } = readEntries(ws, m);
    expect(invalid).toBe(2);
    expect(entries).toEqual([
      { metricId: m, period: '2025-04', value: 7, note: '', by: null, at: 0 },
    ]);
  });
});
