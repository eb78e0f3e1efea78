import { describe, expect, it } from 'vitest';
import { formulaSeries } from '../../../src/domain/formulaSeries';
import type { Entry } from '../../../src/domain/types';
import { metric } from '../factories';

const e = (metricId: string, period: string, value: number): Entry => ({
  metricId,
  period,
  value,
  note: '',
  by: null,
  at: 0,
});

describe('formulaSeries', () => {
  it('computes NPS from logged counts per period and reports a zero division per period', () => {
    const metrics = [
      metric('p', { name: 'Promoters' }),
      metric('q', { name: 'Passives' }),
      metric('d', { name: 'Detractors' }),
      metric('n', { name: 'NPS', formula: 'nps(Promoters, Passives, Detractors)' }),
      metric('r', { name: 'Ratio', formula: 'Promoters / Detractors' }),
    ];
    const entries = new Map([
      ['p', [e('p', '2025-01', 70), e('p', '2025-02', 5)]],
      ['q', [e('q', '2025-01', 20), e('q', '2025-02', 5)]],
      ['d', [e('d', '2025-01', 10), e('d', '2025-02', 0)]],
    ]);
    const s = formulaSeries(metrics, entries);
    expect(s.points.get('n')).toEqual([
      { period: '2025-01', value: 60 },
      { period: '2025-02', value: 50 },
    ]);
    expect(s.points.get('r')).toEqual([{ period: '2025-01', value: 7 }]);
    // Detractors was 0 in February: a gap with its reason, not a dropped period.
    expect(s.gaps.get('r')).toEqual([
      { period: '2025-02', fact: '“Detractors” was 0', effect: 'cannot divide' },
    ]);
    expect(s.problems.size).toBe(0);
  });

  it('reports cycles and missing metrics on the metric, leaving the others computed', () => {
    const metrics = [
      metric('a', { name: 'A', formula: 'B + 1' }),
      metric('b', { name: 'B', formula: 'A * 2' }),
      metric('c', { name: 'C', formula: '[Nowhere] + 1' }),
      metric('x', { name: 'X' }),
      metric('y', { name: 'Y', formula: 'X * 2' }),
    ];
    const s = formulaSeries(metrics, new Map([['x', [e('x', '2025-W01', 4)]]]));
    expect(s.problems.get('a')).toMatch(/itself/);
    expect(s.problems.get('b')).toMatch(/itself/);
    expect(s.problems.get('c')).toMatch(/Nowhere/);
    expect(s.points.get('y')).toEqual([{ period: '2025-W01', value: 8 }]);
  });
});
