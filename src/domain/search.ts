/**
 * One search over a workspace's metrics, success plans, insights and people.
 *
 * Every record becomes a SearchItem: a title (what a result shows) and the other words it can
 * be found by. Both are folded once, when the index is built (searchKey: accents dropped, case
 * ignored, anything but letters and digits a space), so a query is a scan of short strings.
 * A query's words must all occur in the item (as parts of words: "conv" finds "conversion");
 * the results rank title matches first: the whole query starting the title, then every query
 * word starting a title word, then the words found anywhere in the title, then only in the
 * other text; ties keep the folded titles' order. Results come grouped by kind, in
 * SEARCH_KINDS order, at most `perKind` each, with how many there were.
 */

export const SEARCH_KINDS = ['metric', 'plan', 'insight', 'person'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchItem {
  kind: SearchKind;
  id: string;
  title: string;
  /** A second line for the result (an owner, a customer, a team). */
  detail: string;
  /** Other text the item is found by (a definition, goals, tags). */
  text: string;
}

export interface SearchGroup {
  kind: SearchKind;
  /** The best matches, best first. */
  items: SearchItem[];
  /** How many items of this kind matched in all. */
  total: number;
}

interface Indexed {
  item: SearchItem;
  /** The folded title with a space before it, so " word" finds a word start. */
  title: string;
  /** The folded title and text together, spaced the same way. */
  all: string;
}

export interface SearchIndex {
  readonly entries: readonly Indexed[];
}

/** Text folded for matching: "Conversión  Rate" → "conversion rate". */
export const searchKey = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function buildSearchIndex(items: readonly SearchItem[]): SearchIndex {
  return {
    entries: items.map((item) => {
      const title = ` ${searchKey(item.title)}`;
      return { item, title, all: `${title} ${searchKey(item.text)}` };
    }),
  };
}

/** 0 = best: the query starts the title; 3 = found only outside the title; null = no match. */
function rank(entry: Indexed, phrase: string, words: readonly string[]): number | null {
  if (!words.every((w) => entry.all.includes(w))) return null;
  if (entry.title.startsWith(` ${phrase}`)) return 0;
  if (words.every((w) => entry.title.includes(` ${w}`))) return 1;
  if (words.every((w) => entry.title.includes(w))) return 2;
  return 3;
}

/** Code-unit order: folded titles sort the same in every locale, and fast. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function search(index: SearchIndex, query: string, perKind = 5): SearchGroup[] {
  const phrase = searchKey(query);
  if (phrase === '') return [];
  const words = [...new Set(phrase.split(' '))];
  const found = new Map<SearchKind, { rank: number; entry: Indexed }[]>();
  for (const entry of index.entries) {
    const r = rank(entry, phrase, words);
    if (r === null) continue;
    const list = found.get(entry.item.kind) ?? [];
    list.push({ rank: r, entry });
    found.set(entry.item.kind, list);
  }
  const groups: SearchGroup[] = [];
  for (const kind of SEARCH_KINDS) {
    const list = found.get(kind);
    if (!list) continue;
    list.sort(
      (a, b) =>
        a.rank - b.rank ||
        compare(a.entry.title, b.entry.title) ||
        compare(a.entry.item.id, b.entry.item.id),
    );
    groups.push({
      kind,
      items: list.slice(0, perKind).map((x) => x.entry.item),
      total: list.length,
    });
  }
  return groups;
}
