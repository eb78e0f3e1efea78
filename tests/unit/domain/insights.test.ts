import { describe, expect, it } from 'vitest';
import {
  insightTextProblem,
  normaliseTags,
  readInsight,
  synthesizeInsights,
  type Insight,
} from '../../../src/domain/insights';
import { Problems } from '../../../src/domain/validate';
import { sampleJourney } from '../planFactories';

function insight(id: string, patch: Partial<Insight> = {}): Insight {
  return {
    id,
    text: `quote ${id}`,
    customer: '',
    planId: null,
    source: '',
    date: '2025-03-10',
    tags: [],
    metricId: null,
    stepId: null,
    createdAt: 0,
    deletedAt: null,
    ...patch,
  };
}

describe('normaliseTags', () => {
  it('trims, lower-cases, drops # and repeats, keeps 20', () => {
    expect(normaliseTags(' Onboarding, #Pricing ,onboarding,, Slow   setup ')).toEqual([
      'onboarding',
      'pricing',
      'slow setup',
    ]);
    expect(normaliseTags(['A', 'a ', 3, 'B'])).toEqual(['a', 'b']);
    const many = normaliseTags(Array.from({ length: 30 }, (_, i) => `t${i}`));
    expect(many).toHaveLength(20);
    expect(normaliseTags(['x'.repeat(80)])[0]).toHaveLength(50);
  });
});

describe('readInsight', () => {
  it('repairs what a peer wrote wrong', () => {
    const problems = new Problems();
    const read = readInsight(
      'i',
      {
        text: ' Too slow ',
        tags: ['Speed', 7],
        date: 'yesterday',
        createdAt: Date.UTC(2025, 2, 9),
      },
      problems,
    );
    expect(read).toMatchObject({ text: 'Too slow', tags: ['speed'], date: '2025-03-09' });
    expect(problems.list).toEqual(['date is not a date', 'some tags are not text']);
    expect(insightTextProblem(' ')).toBe('Write the quote or what you observed.');
  });
});

describe('synthesizeInsights', () => {
  const journey = sampleJourney({ s3: { deletedAt: 1 } }); // First request removed
  const insights = [
    insight('a', { tags: ['pricing', 'setup'], stepId: 's2' }),
    insight('b', { tags: ['setup'], stepId: 's2', date: '2025-03-01' }),
    insight('c', { tags: ['setup', 'support'], stepId: 's3', date: '2025-03-31' }),
    insight('d', { tags: ['pricing'], stepId: 's1' }),
    insight('e', { tags: ['zebra'], date: '2025-04-01' }), // out of range
    insight('f', { tags: ['pricing'], deletedAt: 3 }), // deleted
    insight('g', { tags: ['apples'], stepId: 'unknown' }),
  ];

  it('counts tags and blockers in the range, with the quotes behind them', () => {
    const s = synthesizeInsights(insights, { from: '2025-03-01', to: '2025-03-31' }, journey);
    expect(s.total).toBe(5);
    expect(s.tags.map((t) => [t.tag, t.count, t.insights.map((i) => i.id)])).toEqual([
      ['setup', 3, ['a', 'b', 'c']],
      ['pricing', 2, ['a', 'd']],
      ['apples', 1, ['g']],
      ['support', 1, ['c']],
    ]);
    // c was on the removed step: it counts on Onboarded, the step before it.
    expect(s.blockers.map((b) => [b.step.name, b.count, b.insights.map((i) => i.id)])).toEqual([
      ['Onboarded', 3, ['a', 'b', 'c']],
      ['Signed', 1, ['d']],
    ]);
  });

  it('takes open ends, and is linear enough for 5,000 insights', () => {
    expect(synthesizeInsights(insights, { from: null, to: null }, journey).total).toBe(6);
    const many = Array.from({ length: 5000 }, (_, i) =>
      insight(`i${i}`, { tags: [`t${i % 50}`, 'common'], stepId: `s${(i % 4) + 1}` }),
    );
    const s = synthesizeInsights(many, { from: null, to: null }, sampleJourney());
    expect(s.tags[0]).toMatchObject({ tag: 'common', count: 5000 });
    expect(s.blockers.map((b) => b.count)).toEqual([1250, 1250, 1250, 1250]);
  });
});
