import { describe, expect, test } from 'vitest';
import {
  buildSearchIndex,
  search,
  searchKey,
  type SearchItem,
  type SearchKind,
} from '../../../src/domain/search';

const item = (kind: SearchKind, id: string, title: string, text = '', detail = ''): SearchItem => ({
  kind,
  id,
  title,
  detail,
  text,
});

const ids = (groups: ReturnType<typeof search>): Record<string, string[]> =>
  Object.fromEntries(groups.map((g) => [g.kind, g.items.map((i) => i.id)]));

describe('searchKey', () => {
  test('drops accents and case, and makes anything but letters and digits one space', () => {
    expect(searchKey('  Conversión — Rate (7d) ')).toBe('conversion rate 7d');
    expect(searchKey('Émilie Müller-Øst')).toBe('emilie muller øst'); // ø is a letter of its own
    expect(searchKey('…')).toBe('');
  });
});

describe('search', () => {
  const index = buildSearchIndex([
    item('metric', 'm1', 'Searcher-to-booking conversion', 'Percentage of distinct visitors'),
    item('metric', 'm2', 'Nights booked', 'Total nights in confirmed bookings'),
    item('metric', 'm3', 'Conversion of trials', ''),
    item('plan', 'p1', 'Café Crème GmbH', 'Roll out the booking widget'),
    item('plan', 'p2', 'Acme Corporation', 'Launch in Q3'),
    item('insight', 'i1', '“Booking takes too many steps”', 'Café Crème GmbH call usability'),
    item('person', 'u1', 'José Álvarez', 'Growth', 'Growth'),
    item('person', 'u2', 'Jo Lee', 'Support', 'Support'),
  ]);

  test('an empty or blank query finds nothing', () => {
    expect(search(index, '')).toEqual([]);
    expect(search(index, '  -- ')).toEqual([]);
  });

  test('accents and case are ignored both ways', () => {
    // "cafe creme" finds the plan by its title and the insight by its text (the customer).
    expect(ids(search(index, 'cafe CREME'))).toEqual({ plan: ['p1'], insight: ['i1'] });
    expect(ids(search(index, 'álvarez'))).toEqual({ person: ['u1'] });
    expect(ids(search(index, 'jose'))).toEqual({ person: ['u1'] });
  });

  test('every word must occur, as part of a word, in any order', () => {
    expect(ids(search(index, 'conv book'))).toEqual({ metric: ['m1'] });
    expect(ids(search(index, 'booking conversion nights'))).toEqual({});
  });

  test('groups come in kind order; title matches rank before text-only ones', () => {
    // "booking": m1's title has it, m2 only in its text ("bookings"); p1 and i1 by text / title.
    expect(ids(search(index, 'booking'))).toEqual({
      metric: ['m1', 'm2'],
      plan: ['p1'],
      insight: ['i1'],
    });
    // "conversion": m3's title starts with it (rank 0), m1 has it as a later word (rank 1).
    expect(ids(search(index, 'conversion'))).toEqual({ metric: ['m3', 'm1'] });
    // "jo": both people's names start with it: alphabetical, "jo lee" before "jose alvarez".
    expect(ids(search(index, 'jo'))).toEqual({ person: ['u2', 'u1'] });
  });

  test('a word inside a title ranks after one that starts a title word', () => {
    const groups = search(index, 'king');
    // "king" is inside "booking" (m1 title, rank 2) and "bookings" (m2 text, rank 3).
    expect(ids(groups)).toEqual({ metric: ['m1', 'm2'], plan: ['p1'], insight: ['i1'] });
  });

  test('at most perKind results per kind, with the total that matched', () => {
    const many = buildSearchIndex(
      Array.from({ length: 1000 }, (_, n) => item('plan', `p${n}`, `Customer ${n}`)),
    );
    const [plans] = search(many, 'customer', 3);
    expect(plans?.total).toBe(1000);
    // Same rank for all (the query starts every title): alphabetical by title.
    expect(plans?.items.map((i) => i.title)).toEqual(['Customer 0', 'Customer 1', 'Customer 10']);
  });

  test('200 metrics and 1,000 plans: the right ones, whatever the size', () => {
    const items = [
      ...Array.from({ length: 200 }, (_, n) => item('metric', `m${n}`, `Metric number ${n}`)),
      ...Array.from({ length: 1000 }, (_, n) => item('plan', `p${n}`, `Client ${n}`, `goals ${n}`)),
    ];
    const big = buildSearchIndex(items);
    // "client 99": every n holding "99": x99 (99, 199, …, 999: 10) and 990–999 (10), 999 in
    // both: 19. The query starts the titles "Client 99" and "Client 990"–"Client 999" (11,
    // rank 0, in title order); "99" is inside "199" … "899" (8, rank 2).
    const [plans] = search(big, 'client 99', 100);
    expect(plans?.total).toBe(19);
    expect(plans?.items.map((i) => i.title)).toEqual([
      'Client 99',
      ...Array.from({ length: 10 }, (_, d) => `Client 99${d}`),
      ...Array.from({ length: 8 }, (_, h) => `Client ${h + 1}99`),
    ]);
    expect(search(big, 'metric 150').map((g) => g.items.map((i) => i.id))).toEqual([['m150']]);
  });
});
