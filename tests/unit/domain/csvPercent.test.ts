/** The import's question before values above 100 % of a percent metric (domain/csvPercent.ts). */
import { describe, expect, it } from 'vitest';
import {
  percentQuestionText,
  percentQuestions,
  rowsAfterChoices,
  type PercentRule,
} from '../../../src/domain/csvPercent';
import type { PlannedValue } from '../../../src/domain/csvPlausible';

const RULES: Record<string, { unit: 'percent' | 'count'; mayExceed100: boolean }> = {
  rate: { unit: 'percent', mayExceed100: false },
  growth: { unit: 'percent', mayExceed100: true }, // a growth rate may exceed 100 %
  users: { unit: 'count', mayExceed100: false },
};
const rule: PercentRule = (id) => RULES[id];
const row = (line: number, metricId: string, period: string, value: number): PlannedValue => ({
  line,
  metricId,
  period,
  value,
});

const ROWS = [
  row(2, 'rate', '2026-W01', 12.5),
  row(3, 'rate', '2026-W02', 100), // 100 % exactly is no question
  row(4, 'rate', '2026-W03', 1250.5),
  row(5, 'users', '2026-W03', 4000), // a count: no question
  row(6, 'growth', '2026-W03', 250), // may exceed 100 %: no question
  row(7, 'rate', '2026-W04', 130),
  row(8, 'unknown', '2026-W04', 500), // a metric not known: nothing to ask
];

describe('percentQuestions', () => {
  it('asks once per percent metric about its values above 100 %, with the largest as example', () => {
    const qs = percentQuestions(ROWS, rule);
    expect(qs).toEqual([
      {
        key: 'rate|2|4|2026-W03|1250.5',
        metricId: 'rate',
        count: 2,
        example: row(4, 'rate', '2026-W03', 1250.5),
      },
    ]);
  });

  it('asks nothing when no value is above 100 % or the metric allows it', () => {
    expect(percentQuestions(ROWS.slice(0, 2), rule)).toEqual([]);
    expect(percentQuestions([row(2, 'growth', '2026-W01', 1250.5)], rule)).toEqual([]);
  });

  it('orders questions by the first such value of each metric in the file', () => {
    const rules: PercentRule = () => RULES.rate;
    const qs = percentQuestions(
      [row(2, 'b', '2026-W01', 101), row(3, 'a', '2026-W01', 300), row(4, 'b', '2026-W02', 101)],
      rules,
    );
    expect(qs.map((q) => [q.metricId, q.count, q.example.line])).toEqual([
      ['b', 2, 2], // equal values: the first is the example
      ['a', 1, 3],
    ]);
  });
});

describe('rowsAfterChoices', () => {
  const qs = percentQuestions(ROWS, rule);
  const key = qs[0]?.key ?? '';

  it('gives no rows while a question is unanswered', () => {
    expect(rowsAfterChoices(ROWS, qs, {}, rule)).toBeNull();
    // An answer to another (older) question does not count.
    expect(rowsAfterChoices(ROWS, qs, { 'rate|1|4|2026-W03|1250.5': 'import' }, rule)).toBeNull();
    // No question: every row, at once.
    expect(rowsAfterChoices(ROWS.slice(0, 2), [], {}, rule)).toEqual(ROWS.slice(0, 2));
  });

  it('imports them anyway, or leaves out exactly those values and keeps the rest', () => {
    expect(rowsAfterChoices(ROWS, qs, { [key]: 'import' }, rule)).toEqual(ROWS);
    expect(rowsAfterChoices(ROWS, qs, { [key]: 'leave-out' }, rule)?.map((r) => r.line)).toEqual([
      2, 3, 5, 6, 8,
    ]);
  });
});

describe('percentQuestionText', () => {
  const format = {
    value: (n: number) => `${n.toLocaleString('en-US')} %`,
    period: (p: string) => (p === '2026-W03' ? 'Week 3, 2026' : p),
  };

  it('says how many, for which metric, and the largest with its period', () => {
    const q = {
      key: 'k',
      metricId: 'rate',
      count: 12,
      example: row(4, 'rate', '2026-W03', 1250.5),
    };
    expect(percentQuestionText(q, 'Activation rate', format)).toBe(
      '12 values above 100 % for “Activation rate” (a percent metric), such as 1,250.5 % in Week 3, 2026',
    );
    expect(percentQuestionText({ ...q, count: 1 }, 'Activation rate', format)).toBe(
      'A value above 100 % for “Activation rate” (a percent metric): 1,250.5 % in Week 3, 2026',
    );
  });
});
