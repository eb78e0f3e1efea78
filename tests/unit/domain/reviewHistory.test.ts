import { describe, expect, it } from 'vitest';
import { changeSentence, compareQuarters, lastQuarters } from '../../../src/domain/reviewHistory';
import type { ReviewRow } from '../../../src/domain/review';
import { reviewRow } from '../reviewFactories';

const row = (metricId: string, patch: Partial<ReviewRow> = {}): ReviewRow =>
  reviewRow(metricId, { name: metricId.toUpperCase(), depth: 1, ...patch });

describe('quarters side by side', () => {
  it('the last four quarters across a year end, oldest first', () => {
    expect(lastQuarters('2027-Q2', 4)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
  });

  it('rows in the latest tree order, older-only metrics after, a gap where a metric was not there', () => {
    const table = compareQuarters([
      {
        quarter: '2026-Q3',
        closed: true,
        rows: [row('nsm', { depth: 0, attainment: 80, status: 'missed' }), row('old')],
      },
      {
        quarter: '2026-Q4',
        closed: false,
        rows: [
          row('nsm', { depth: 0, attainment: 120, status: 'met' }),
          row('new', { attainment: 50, status: 'missed' }),
        ],
      },
    ]);
    expect(table.map((r) => r.metricId)).toEqual(['nsm', 'new', 'old']);
    expect(table[0]?.cells).toEqual([
      { status: 'missed', attainment: 80 },
      { status: 'met', attainment: 120 },
    ]);
    expect(table[1]?.cells).toEqual([null, { status: 'missed', attainment: 50 }]);
    expect(table[2]?.cells).toEqual([{ status: 'no-data', attainment: null }, null]);
  });

  it('says each tree change in words', () => {
    const base = { metricId: 'a', name: 'Activation' };
    expect(changeSentence({ ...base, change: 'added' }, null)).toBe('Activation was added');
    expect(changeSentence({ ...base, change: 'moved' }, 'Weekly active users')).toBe(
      'Activation moved under Weekly active users',
    );
    expect(changeSentence({ ...base, change: 'moved' }, null)).toBe('Activation moved to the top');
    expect(changeSentence({ ...base, change: 'owner' }, null)).toBe('Activation has a new owner');
  });
});
