import { buildSearchIndex, search, type SearchGroup, type SearchItem } from '../domain/search';
import type { Areas } from './areas';
import { metricHref, planHref, workspaceHref } from './router.svelte';

/**
 * Where a result leads: the address, and the elements to focus once that screen shows them,
 * the first one present (an insight past the list's first page is not drawn: its heading is).
 */
export interface SearchTarget {
  href: string;
  focusIds: string[];
}

/** Record kinds as a result list names them. */
export const SEARCH_GROUP_LABEL = {
  metric: 'Metrics',
  plan: 'Success plans',
  insight: 'Insights',
  person: 'People',
} as const;

/**
 * The workspace search: an index over the areas' snapshots, rebuilt when one of them is
 * replaced (areas replace their snapshots whole), and the results of the current query. All
 * of it reads this device's copy, so it works offline.
 */
export class WorkspaceSearch {
  query = $state('');

  private readonly index = $derived.by(() => {
    const { tree, customers, insights, people } = this.areas;
    const personName = (id: string | null): string =>
      (id === null ? undefined : people.byId.get(id)?.name) ?? '';
    const items: SearchItem[] = [];
    for (const node of tree.byId.values()) {
      const m = node.metric;
      const owner = personName(m.ownerId);
      items.push({
        kind: 'metric',
        id: m.id,
        title: m.name,
        detail: owner,
        text: `${m.definition} ${m.collection} ${owner}`,
      });
    }
    for (const p of customers.plans) {
      const owner = personName(p.ownerId);
      items.push({
        kind: 'plan',
        id: p.id,
        title: p.customer,
        detail: [p.segment, owner].filter(Boolean).join(' · '),
        text: `${p.segment} ${p.goals} ${owner}`,
      });
    }
    for (const i of insights.list) {
      items.push({
        kind: 'insight',
        id: i.id,
        title: i.text,
        detail: [i.customer, i.source].filter(Boolean).join(' · '),
        text: `${i.customer} ${i.source} ${i.tags.join(' ')}`,
      });
    }
    for (const p of people.list) {
      items.push({ kind: 'person', id: p.id, title: p.name, detail: p.team, text: p.team });
    }
    return buildSearchIndex(items);
  });

  readonly results: SearchGroup[] = $derived(search(this.index, this.query));

  constructor(
    private readonly workspaceId: string,
    private readonly areas: Pick<Areas, 'tree' | 'customers' | 'insights' | 'people'>,
  ) {}

  /** A metric or plan has a page; an insight or a person is focused on its tab's list. */
  target(item: SearchItem): SearchTarget {
    const ws = this.workspaceId;
    switch (item.kind) {
      case 'metric':
        return { href: metricHref(ws, item.id), focusIds: [] };
      case 'plan':
        return { href: planHref(ws, item.id), focusIds: [] };
      case 'insight':
        return {
          href: workspaceHref(ws, 'insights'),
          focusIds: [`insight-${item.id}`, 'insights-all-title'],
        };
      case 'person':
        return { href: workspaceHref(ws, 'people'), focusIds: [`person-name-${item.id}`] };
    }
  }
}
