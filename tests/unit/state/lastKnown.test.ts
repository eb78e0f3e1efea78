/**
 * What the dashboard's last known numbers hold (buildLastKnown) and when they are written
 * (LastKnownKeeper: after changes are quiet, then when idle; never on the change itself).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MetricSummary } from '../../../src/domain/summary';
import type { Person } from '../../../src/domain/types';
import {
  buildLastKnown,
  DEBOUNCE_MS,
  LastKnownKeeper,
  type DashboardFigures,
  type LastKnown,
} from '../../../src/state/lastKnownKeeper';
import { metric } from '../factories';

/** The fields of a summary the dashboard's first screen shows; the rest are not read. */
function summary(fields: Partial<MetricSummary>): MetricSummary {
  return { latest: null, change: null, status: 'no-data', ...fields } as MetricSummary;
}

const people = new Map<string, Person>([
  ['p1', { id: 'p1', name: 'Ana', team: 'Growth' } as Person],
]);

function figures(): DashboardFigures {
  return {
    id: 'ws-1',
    name: 'Acme',
    metrics: [
      metric('nsm', { kind: 'north-star', name: 'Weekly active teams' }),
      metric('old', { kind: 'north-star', name: 'Retired star', status: 'retired' }),
      metric('a', { name: 'Signups', ownerId: 'p1' }),
      metric('g', { name: 'Churn', kind: 'counter', ownerId: null, unit: 'percent' }),
      metric('gone', { name: 'Deleted', deletedAt: 5 }),
    ],
    people,
    summaries: new Map([
      [
        'nsm',
        summary({ latest: { period: '2026-Q2', value: 4200 }, change: 200, status: 'at-risk' }),
      ],
      ['a', summary({ latest: { period: '2026-W10', value: 31 }, change: -2, status: 'on-track' })],
    ]),
    fiscalStart: 4,
  };
}

describe('buildLastKnown', () => {
  it('holds the North Star and the input lines as the dashboard shows them', () => {
    const s = buildLastKnown(figures(), 1000);
    expect(s).toEqual({
      v: 1,
      id: 'ws-1',
      name: 'Acme',
      takenAt: 1000,
      stars: [
        {
          name: 'Weekly active teams',
          unit: 'count',
          value: 4200,
          change: 200,
          status: 'at-risk',
          counter: false,
          // The quarter named in the workspace's fiscal year (April start).
          period: 'Q1 FY2027',
        },
      ],
      groups: [
        {
          label: 'Ana',
          lines: [
            {
              name: 'Signups',
              unit: 'count',
              value: 31,
              change: -2,
              status: 'on-track',
              counter: false,
            },
          ],
        },
        {
          label: 'No owner',
          lines: [
            {
              name: 'Churn',
              unit: 'percent',
              value: null,
              change: null,
              status: 'no-data',
              counter: true,
            },
          ],
        },
      ],
      more: 0,
    });
  });
});

describe('LastKnownKeeper', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes once after a burst of changes has been quiet, with the latest figures', () => {
    const written: LastKnown[] = [];
    let name = 'First';
    const keeper = new LastKnownKeeper(
      () => ({ ...figures(), name }),
      (s) => written.push(s),
      () => 42,
    );
    for (let i = 0; i < 10; i++) {
      keeper.changed();
      vi.advanceTimersByTime(DEBOUNCE_MS / 2);
    }
    expect(written).toHaveLength(0); // the burst is not over
    name = 'Latest';
    vi.runAllTimers(); // the quiet wait, then the idle callback (a timer in Node)
    expect(written.map((s) => [s.name, s.takenAt])).toEqual([['Latest', 42]]);
  });

  it('keeps a waiting change when stopped, then writes nothing more', () => {
    const written: LastKnown[] = [];
    const keeper = new LastKnownKeeper(figures, (s) => written.push(s));
    keeper.changed();
    keeper.stop();
    expect(written).toHaveLength(1);
    keeper.changed();
    vi.runAllTimers();
    expect(written).toHaveLength(1);
  });

  it('keeps a waiting change at once when flushed (the page is going away), and keeps going', () => {
    const written: LastKnown[] = [];
    const keeper = new LastKnownKeeper(figures, (s) => written.push(s));
    keeper.flush();
    expect(written).toHaveLength(0); // nothing waited
    keeper.changed();
    keeper.flush();
    expect(written).toHaveLength(1);
    vi.runAllTimers();
    expect(written).toHaveLength(1); // the flushed change is not written twice
    keeper.changed();
    vi.runAllTimers();
    expect(written).toHaveLength(2); // still keeping after a flush
  });

  it('writes nothing while there is no open workspace', () => {
    const written: LastKnown[] = [];
    let open = false;
    const keeper = new LastKnownKeeper(
      () => (open ? figures() : null),
      (s) => written.push(s),
    );
    keeper.changed();
    vi.runAllTimers();
    expect(written).toHaveLength(0);
    open = true; // positive control: the same keeper writes once the workspace is open
    keeper.changed();
    vi.runAllTimers();
    expect(written).toHaveLength(1);
  });
});
