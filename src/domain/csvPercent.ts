/**
 * Values of an import above 100 % for a percent metric, asked about before anything is written,
 * as Add a value, the check-in and the quick log ask (percentLimit.ts): a slip of the decimal
 * point (1,250.5 for 12.505) is the usual cause. A metric that may exceed 100 % (mayExceed100)
 * is not asked about. One question per metric, in the order its first such value comes in the
 * file, with its largest value as the example (the first of equal ones). The answer is per
 * question: import those values anyway, or leave them out and import the rest.
 */
import type { PlannedValue } from './csvPlausible';
import { asksBeforeSaving } from './percentLimit';
import type { Metric } from './types';

/** What a metric says about values above 100 %; undefined for a metric not known. */
export type PercentRule = (metricId: string) => Pick<Metric, 'unit' | 'mayExceed100'> | undefined;

export interface PercentQuestion {
  /** Identifies the question and the values it is about (its metric, count and example). */
  key: string;
  metricId: string;
  /** How many values of the metric are above 100 %. */
  count: number;
  /** The largest of them. */
  example: PlannedValue;
}

export type PercentChoice = 'import' | 'leave-out';

const above = (rule: PercentRule, row: PlannedValue): boolean => {
  const metric = rule(row.metricId);
  return metric !== undefined && asksBeforeSaving(metric, row.value);
};

/** The questions the planned rows raise (see the file comment); O(rows). */
export function percentQuestions(
  rows: readonly PlannedValue[],
  rule: PercentRule,
): PercentQuestion[] {
  const byMetric = new Map<string, { count: number; example: PlannedValue }>();
  for (const row of rows) {
    if (!above(rule, row)) continue;
    const q = byMetric.get(row.metricId);
    if (!q) byMetric.set(row.metricId, { count: 1, example: row });
    else {
      q.count++;
      if (row.value > q.example.value) q.example = row;
    }
  }
  return [...byMetric].map(([metricId, { count, example }]) => ({
    key: `${metricId}|${count}|${example.line}|${example.period}|${example.value}`,
    metricId,
    count,
    example: { ...example },
  }));
}

/**
 * The rows to import once every question is answered: the values of a question answered
 * 'leave-out' are dropped, the rest kept in order (`rows` itself when none is). Null while a question has no answer, since
 * nothing may be written before the user chooses. `choices` is keyed by PercentQuestion.key.
 */
export function rowsAfterChoices<T extends PlannedValue>(
  rows: T[],
  questions: readonly PercentQuestion[],
  choices: Readonly<Record<string, PercentChoice>>,
  rule: PercentRule,
): T[] | null {
  const leaveOut = new Set<string>();
  for (const q of questions) {
    const choice = choices[q.key];
    if (choice === undefined) return null;
    if (choice === 'leave-out') leaveOut.add(q.metricId);
  }
  if (leaveOut.size === 0) return rows; // the same array: a large import is not copied
  return rows.filter((r) => !(leaveOut.has(r.metricId) && above(rule, r)));
}

/**
 * The question in words: "12 values above 100 % for “Activation rate” (a percent metric), such
 * as 1,250.5 % in Week 3, 2026"; one value: "A value above 100 % for “…” (a percent metric):
 * 1,250.5 % in Week 3, 2026". Values and periods are written by the caller's formatters.
 */
export function percentQuestionText(
  q: PercentQuestion,
  metricName: string,
  format: { value: (n: number) => string; period: (p: string) => string },
): string {
  const where = `${format.value(q.example.value)} in ${format.period(q.example.period)}`;
  const what = `above ${format.value(100)} for “${metricName}” (a percent metric)`;
  return q.count === 1
    ? `A value ${what}: ${where}`
    : `${q.count.toLocaleString()} values ${what}, such as ${where}`;
}
