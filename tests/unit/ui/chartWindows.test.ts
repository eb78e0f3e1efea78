import { describe, expect, it } from 'vitest';
import { readExperiment, type Experiment } from '../../../src/domain/experiments';
import { addDays, periodEnd, periodStart, periodsBetween } from '../../../src/domain/periods';
import { Problems } from '../../../src/domain/validate';
import {
  bandPixels,
  chartWindows,
  fitLabel,
  labelRows,
  linkedExperiments,
  windowAt,
  windowRange,
} from '../../../src/ui/metric/chartWindows';

/** An experiment read the way the document reads one; `history` is [status, date] pairs. */
function exp(
  id: string,
  fields: Record<string, unknown>,
  history: [string, string][] = [],
): Experiment {
  return readExperiment(
    id,
    { title: id.toUpperCase(), createdAt: 1, ...fields },
    {
      milestones: [],
      statusHistory: history.map(([status, at]) => ({ status, at, by: null })),
      scope: {},
    },
    new Problems(),
  );
}

// ISO weeks of early 2025: W01 starts Mon 30 Dec 2024, W06 is 3–9 Feb, W07 is 10–16 Feb.
const weeks = periodsBetween('2025-W01', '2025-W08');
const today = '2025-02-12';

describe('windowRange: the categories a window of dates covers', () => {
  it('covers every period the window overlaps, inclusive at both ends', () => {
    // 3 Feb (Mon of W06) to 10 Feb (Mon of W07): W06 and W07.
    expect(windowRange(weeks, { start: '2025-02-03', end: '2025-02-10' })).toEqual({
      from: 5,
      to: 6,
    });
    // One day inside W02 covers W02 only.
    expect(windowRange(weeks, { start: '2025-01-08', end: '2025-01-08' })).toEqual({
      from: 1,
      to: 1,
    });
    // A window ending on a Sunday does not reach the next week.
    expect(windowRange(weeks, { start: '2025-02-09', end: '2025-02-09' })).toEqual({
      from: 5,
      to: 5,
    });
  });

  it('clips a window to the chart x range and is null outside it', () => {
    expect(windowRange(weeks, { start: '2024-11-01', end: '2025-01-01' })).toEqual({
      from: 0,
      to: 0,
    });
    expect(windowRange(weeks, { start: '2025-02-20', end: '2025-06-01' })).toEqual({
      from: 7,
      to: 7,
    });
    expect(windowRange(weeks, { start: '2025-03-01', end: '2025-03-31' })).toBeNull();
    expect(windowRange(weeks, { start: '2024-01-01', end: '2024-02-01' })).toBeNull();
    expect(windowRange([], { start: '2025-01-01', end: '2025-12-31' })).toBeNull();
  });

  it('maps to coarser categories: months and quarters', () => {
    const months = periodsBetween('2025-01', '2025-06');
    expect(windowRange(months, { start: '2025-01-31', end: '2025-03-01' })).toEqual({
      from: 0,
      to: 2,
    });
    const quarters = periodsBetween('2024-Q3', '2025-Q2');
    expect(windowRange(quarters, { start: '2024-12-31', end: '2025-01-01' })).toEqual({
      from: 1,
      to: 2,
    });
  });
});

describe('chartWindows: the windows a metric chart shows', () => {
  const running = exp('run', { hypothesisMetricId: 'm1' }, [
    ['planned', '2025-01-20'],
    ['running', '2025-02-03'],
  ]);
  const done = exp('done', { metricIds: ['m1'] }, [
    ['running', '2025-01-06'],
    ['done', '2025-02-04'],
  ]);
  const guard = exp('guard', { metricIds: ['m2'], guardrailIds: ['m1'] }, [
    ['running', '2025-02-05'],
  ]);
  const idea = exp('idea', { metricIds: ['m1'] });
  const elsewhere = exp('else', { metricIds: ['m2'] }, [['running', '2025-02-01']]);
  const typedIn = exp('typed', {
    metricIds: ['m1'],
    startDate: '2025-01-13',
    endDate: '2025-01-14',
  });

  it('keeps linked experiments with a window, oldest first, each with its range and role', () => {
    const out = chartWindows([running, done, guard, idea, elsewhere], 'm1', today, weeks);
    expect(out.map((w) => [w.id, w.role, w.start, w.end, w.range])).toEqual([
      ['done', 'target', '2025-01-06', '2025-02-04', { from: 1, to: 5 }],
      // A running window ends today.
      ['run', 'target', '2025-02-03', today, { from: 5, to: 6 }],
      ['guard', 'guardrail', '2025-02-05', today, { from: 5, to: 6 }],
    ]);
  });

  it('an experiment never run has a window only once done with its dates typed in', () => {
    expect(chartWindows([typedIn], 'm1', today, weeks)).toEqual([]);
    const finished = exp(
      'typed',
      { metricIds: ['m1'], startDate: '2025-01-13', endDate: '2025-01-14' },
      [['done', '2025-02-01']],
    );
    expect(chartWindows([finished], 'm1', today, weeks).map((w) => w.range)).toEqual([
      { from: 2, to: 2 },
    ]);
  });

  it('targets of this metric in overlapping windows name each other; guardrails do not count', () => {
    const out = chartWindows([running, done, guard], 'm1', today, weeks);
    const by = new Map(out.map((w) => [w.id, w.overlaps]));
    // done ran 6 Jan – 4 Feb, run from 3 Feb: they share 3 and 4 Feb.
    expect(by.get('done')).toEqual(['RUN']);
    expect(by.get('run')).toEqual(['DONE']);
    expect(by.get('guard')).toEqual([]);
  });

  it('windows sharing no day do not overlap', () => {
    const before = exp('before', { metricIds: ['m1'] }, [
      ['running', '2025-01-06'],
      ['done', '2025-02-02'],
    ]);
    const out = chartWindows([before, running], 'm1', today, weeks);
    expect(out.map((w) => w.overlaps)).toEqual([[], []]);
  });

  it('a window outside the periods shown is still listed, without a range', () => {
    const old = exp('old', { metricIds: ['m1'] }, [
      ['running', '2024-03-01'],
      ['done', '2024-04-01'],
    ]);
    expect(chartWindows([old], 'm1', today, weeks)).toMatchObject([{ id: 'old', range: null }]);
  });

  it('linkedExperiments: a metric both targeted and guarded counts as a target; deleted ones go', () => {
    const both = exp('both', { metricIds: ['m1'], guardrailIds: ['m1'] });
    const gone = exp('gone', { metricIds: ['m1'], deletedAt: 5 });
    expect(
      linkedExperiments([both, gone, guard], 'm1').map((l) => [l.experiment.id, l.role]),
    ).toEqual([
      ['both', 'target'],
      ['guard', 'guardrail'],
    ]);
  });
});

describe('drawing helpers', () => {
  it('bandPixels: half a category step either side, inside the plot area', () => {
    const px = (i: number): number => 100 + i * 20;
    const area = { left: 100, right: 240 };
    expect(bandPixels({ from: 2, to: 3 }, 8, px, area)).toEqual({ left: 130, right: 170 });
    // The first and last categories sit on the plot's edges: clipped there.
    expect(bandPixels({ from: 0, to: 7 }, 8, px, area)).toEqual({ left: 100, right: 240 });
    // One category: the whole plot.
    expect(bandPixels({ from: 0, to: 0 }, 1, () => 170, area)).toEqual({ left: 100, right: 240 });
  });

  it('labelRows: a label takes the first row where it fits', () => {
    expect(
      labelRows([
        { left: 0, right: 50 },
        { left: 30, right: 80 },
        { left: 60, right: 100 },
        { left: 20, right: 40 },
      ]),
    ).toEqual([0, 1, 0, 2]);
  });

  it('windowAt: labels first, then the narrowest band under the point', () => {
    const hits = [
      {
        id: 'long',
        band: { left: 0, right: 200, top: 0, bottom: 100 },
        label: { left: 0, right: 60, top: 0, bottom: 18 },
      },
      { id: 'short', band: { left: 50, right: 70, top: 0, bottom: 100 }, label: null },
    ];
    expect(windowAt(55, 10, hits)).toBe('long');
    expect(windowAt(55, 50, hits)).toBe('short');
    expect(windowAt(150, 50, hits)).toBe('long');
    expect(windowAt(250, 50, hits)).toBeNull();
  });

  it('fitLabel: cuts with an ellipsis to the width', () => {
    const measure = (s: string): number => s.length * 10;
    expect(fitLabel('Short', 100, measure)).toBe('Short');
    expect(fitLabel('A rather long title', 100, measure)).toBe('A rather…');
    expect(fitLabel('Wide', 5, measure)).toBe('…');
  });
});

describe('windowRange on long series', () => {
  /** The covered categories worked out the slow way: every key's first and last day. */
  function brute(keys: string[], w: { start: string; end: string }) {
    const idx = keys
      .map((k, i) => ({ i, s: periodStart(k), e: periodEnd(k) }))
      .filter((k) => k.s <= w.end && k.e >= w.start)
      .map((k) => k.i);
    return idx.length === 0 ? null : { from: idx[0], to: idx.at(-1) };
  }

  it('finds the same categories as checking every key, for days, weeks and months', () => {
    const days = periodsBetween('2024-12-20', '2026-01-10');
    const weeks = periodsBetween('2024-W50', '2026-W03');
    const months = periodsBetween('2024-11', '2026-02');
    for (const keys of [days, weeks, months]) {
      for (let n = 0; n < 60; n++) {
        const start = addDays('2024-12-01', n * 7 + (n % 5));
        const end = addDays(start, (n * 13) % 90);
        expect(windowRange(keys, { start, end })).toEqual(brute(keys, { start, end }));
      }
    }
  });
});
