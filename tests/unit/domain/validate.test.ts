import { describe, expect, it } from 'vitest';
import { MAX_NAME, Problems, nameProblem, readMetric } from '../../../src/domain/validate';

describe('readMetric', () => {
  it('drops direction overrides, so a name never shows reversed (U+202E) or hides what follows', () => {
    const p = new Problems();
    const m = readMetric('x', { name: '\u202eTrips\u202c and \u2067more\u2069', kind: 'input' }, p);
    expect(m.name).toBe('Trips and more');
  });
  it('keeps valid fields and defaults absent ones', () => {
    const p = new Problems();
    const m = readMetric('x', { name: 'Trips', kind: 'north-star', cadence: 'monthly' }, p);
    expect(m).toMatchObject({
      name: 'Trips',
      kind: 'north-star',
      cadence: 'monthly',
      unit: 'count',
      ownerId: null,
    });
    expect(p.list).toEqual([]);
  });
  it('replaces hostile values with safe ones and says why', () => {
    const p = new Problems();
    const m = readMetric(
      'x',
      {
        name: 'y'.repeat(100_000),
        kind: 'galaxy',
        baselineValue: 'NaN',
        ownerId: 42,
        parentId: {},
        deletedAt: 'soon',
      },
      p,
    );
    expect(m.name).toHaveLength(MAX_NAME);
    expect(m.kind).toBe('input');
    expect(m.baselineValue).toBeNull();
    expect(m.ownerId).toBeNull();
    expect(m.parentId).toBeNull();
    expect(m.deletedAt).toBeNull();
    expect(p.list.length).toBe(6);
  });
  it('names an unnamed metric visibly', () => {
    const p = new Problems();
    expect(readMetric('x', { name: '   ' }, p).name).toBe('(unnamed)');
    expect(p.list).toContain('name is empty');
  });
});

describe('nameProblem', () => {
  it('rejects empty and whitespace names', () => {
    expect(nameProblem('')).toMatch(/required/);
    expect(nameProblem(' \t ')).toMatch(/required/);
    expect(nameProblem('<script>alert(1)</script>')).toBeNull();
    expect(nameProblem('x'.repeat(MAX_NAME + 1))).toMatch(/under/);
  });
});
