import { describe, it, expect } from 'vitest';
import { TEMPLATES, templateById, type TemplateMetric } from '../../../src/domain/templates';
import {
  AGGREGATIONS,
  CADENCES,
  DIRECTIONS,
  GAMES,
  METRIC_KINDS,
  UNITS,
} from '../../../src/domain/types';

function allMetrics(metric: TemplateMetric): TemplateMetric[] {
  return [metric, ...(metric.children ?? []).flatMap(allMetrics)];
}

describe('workspace templates', () => {
  it('has the ten templates in order', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      'saas-weekly-active-users',
      'marketplace-transactions',
      'nights-booked',
      'time-spent-listening',
      'total-time-reading',
      'videos-with-a-view',
      'messages-sent',
      'net-promoter-score',
      'service-requests-fulfilled-45-days',
      'time-acquiring-goods-and-services',
    ]);
  });

  it('gives every template a unique kebab-case id', () => {
    const ids = TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('fills in the template texts and a known game', () => {
    for (const t of TEMPLATES) {
      expect(t.title.trim()).not.toBe('');
      expect(t.description.trim()).not.toBe('');
      expect(t.mission.trim()).not.toBe('');
      expect(t.segment.trim()).not.toBe('');
      expect(GAMES).toContain(t.game);
    }
  });

  it('roots each template at a north star with 3–5 inputs and at least one counter', () => {
    for (const t of TEMPLATES) {
      expect(t.root.kind, t.id).toBe('north-star');
      const children = t.root.children ?? [];
      const inputs = children.filter((c) => c.kind === 'input');
      const counters = children.filter((c) => c.kind === 'counter');
      expect(inputs.length, t.id).toBeGreaterThanOrEqual(3);
      expect(inputs.length, t.id).toBeLessThanOrEqual(5);
      expect(counters.length, t.id).toBeGreaterThanOrEqual(1);
      expect(inputs.length + counters.length, t.id).toBe(children.length);
    }
  });

  it('uses only known enum values and non-empty texts in every metric', () => {
    for (const t of TEMPLATES) {
      for (const m of allMetrics(t.root)) {
        const where = `${t.id} / ${m.name}`;
        expect(METRIC_KINDS, where).toContain(m.kind);
        expect(UNITS, where).toContain(m.unit);
        expect(DIRECTIONS, where).toContain(m.direction);
        expect(CADENCES, where).toContain(m.cadence);
        expect(AGGREGATIONS, where).toContain(m.aggregation);
        expect(m.name.trim(), where).not.toBe('');
        expect(m.name.length, where).toBeLessThanOrEqual(60);
        expect(m.definition.trim(), where).not.toBe('');
        expect(m.collection.trim(), where).not.toBe('');
      }
    }
  });

  it('keeps metric names unique within a template', () => {
    for (const t of TEMPLATES) {
      const names = allMetrics(t.root).map((m) => m.name.toLowerCase());
      expect(new Set(names).size, t.id).toBe(names.length);
    }
  });

  it('treats lower as better for time spent acquiring goods and services', () => {
    const t = TEMPLATES.find((x) => x.root.name.toLowerCase().includes('time spent acquiring'));
    expect(t).toBeDefined();
    expect(t?.root.direction).toBe('down');
  });

  it('finds templates by id and returns undefined for an unknown id', () => {
    for (const t of TEMPLATES) expect(templateById(t.id)).toBe(t);
    expect(templateById('no-such-template')).toBeUndefined();
    expect(templateById('')).toBeUndefined();
  });
});
