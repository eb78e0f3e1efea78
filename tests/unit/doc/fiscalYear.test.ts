import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { dueForMetric } from '../../../src/domain/checkin';
import { fiscalPeriodLabel, weekdayOrder, type WeekStart } from '../../../src/domain/fiscal';
import { periodOf } from '../../../src/domain/periods';
import { readTargets, Problems } from '../../../src/domain/validate';
import { fiscalYearStart, metaArea, setFiscalYearStart } from '../../../src/doc/meta';
import { workspaceDoc, type WorkspaceDoc } from '../../../src/doc/schema';
import { metric } from '../factories';

/** Two replicas of one workspace that exchange every update, as live sync does. */
function pair(): [WorkspaceDoc, WorkspaceDoc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on(
    'update',
    (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(b, u, 'peer'),
  );
  b.on(
    'update',
    (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(a, u, 'peer'),
  );
  return [workspaceDoc(a), workspaceDoc(b)];
}

/** What a device shows for a quarterly metric on `today`: its due quarters, labelled. */
function shown(ws: WorkspaceDoc, today: string, weekStart: WeekStart) {
  const fiscal = fiscalYearStart(ws);
  const m = metric('q', { cadence: 'quarterly', baselineDate: '2025-12-01' });
  return {
    quarter: periodOf(today, 'quarter', fiscal),
    label: fiscalPeriodLabel(periodOf(today, 'quarter', fiscal), fiscal),
    due: dueForMetric(m, [], today, 6, fiscal).items.map((i) => i.period),
    week: periodOf(today, 'week'), // ISO, whatever the first day of the week
    weekdays: weekdayOrder(weekStart), // the only thing the device setting changes
  };
}

describe('the fiscal year start in the document', () => {
  it('a workspace from before the setting reads January: exactly the calendar quarters', () => {
    const [a] = pair();
    expect(a.meta.has('fiscalYearStart')).toBe(false);
    expect(fiscalYearStart(a)).toBe(1);
    // 15 May 2026: calendar Q2 2026; tracked since 1 Dec 2025, so Q2, Q1 2026 and Q4 2025 are due.
    expect(shown(a, '2026-05-15', 'monday')).toMatchObject({
      quarter: '2026-Q2',
      label: 'Q2 2026',
      due: ['2026-Q2', '2026-Q1', '2025-Q4'],
    });
  });

  it('two teammates with different devices agree on quarters once one sets April', () => {
    const [a, b] = pair();
    setFiscalYearStart(a, 4);
    expect(fiscalYearStart(b)).toBe(4);
    const onA = shown(a, '2026-05-15', 'monday');
    const onB = shown(b, '2026-05-15', 'sunday');
    // April start: Apr–Jun 2026 is Q1 FY2027, still keyed 2026-Q2; the due keys are unchanged.
    expect(onA).toMatchObject({ quarter: '2026-Q2', label: 'Q1 FY2027', week: '2026-W20' });
    expect(onB.quarter).toBe(onA.quarter);
    expect(onB.label).toBe(onA.label);
    expect(onB.due).toEqual(onA.due);
    expect(onB.week).toBe(onA.week);
    expect(onB.weekdays).not.toEqual(onA.weekdays);
  });

  it('a February start moves the due quarters on both replicas alike', () => {
    const [a, b] = pair();
    setFiscalYearStart(b, 2);
    // Since 1 Dec 2025, on 15 May 2026: Nov–Jan, Feb–Apr, May–Jul (keys of their own months).
    for (const ws of [a, b]) {
      expect(shown(ws, '2026-05-15', 'sunday').due).toEqual([
        '2026-Q2+1',
        '2026-Q1+1',
        '2025-Q4+1',
      ]);
    }
  });

  it('offline changes on two replicas merge to one value both read', () => {
    const da = new Y.Doc();
    const db = new Y.Doc();
    const [a, b] = [workspaceDoc(da), workspaceDoc(db)];
    setFiscalYearStart(a, 4);
    setFiscalYearStart(b, 7);
    Y.applyUpdate(db, Y.encodeStateAsUpdate(da));
    Y.applyUpdate(da, Y.encodeStateAsUpdate(db));
    expect([4, 7]).toContain(fiscalYearStart(a));
    expect(fiscalYearStart(b)).toBe(fiscalYearStart(a));
  });

  it('stored quarter keys keep their months when the setting changes', () => {
    const [a] = pair();
    setFiscalYearStart(a, 2);
    // A target stored under the February start, read after the workspace moved to April.
    const targets = readTargets({ '2026-Q1+1': 100, '2026-Q2': 120 }, new Problems());
    expect(targets.quarterly).toEqual({ '2026-Q1+1': 100, '2026-Q2': 120 });
    setFiscalYearStart(a, 4);
    const fiscal = fiscalYearStart(a);
    expect(fiscalPeriodLabel('2026-Q1+1', fiscal)).toBe('Feb–Apr 2026');
    expect(fiscalPeriodLabel('2026-Q2', fiscal)).toBe('Q1 FY2027');
  });

  it('a value a peer wrote that is no month reads as January, with a warning', () => {
    const [a] = pair();
    a.meta.set('fiscalYearStart', 'April');
    expect(fiscalYearStart(a)).toBe(1);
    expect(metaArea.read(a).warnings).toEqual([
      {
        where: 'workspace settings',
        message: 'the fiscal year start is not a month; January is used',
      },
    ]);
    expect(() => setFiscalYearStart(a, 13)).toThrow(RangeError);
  });
});
