/**
 * Screens of a workspace, each a tab of its shell (metric pages hang off the tree, plan pages
 * off customers, experiment pages off experiments; the customers and experiments tabs' sub-path
 * picks their view).
 */
export const WORKSPACE_TABS = [
  'dashboard',
  'checkin',
  'tree',
  'customers',
  'insights',
  'experiments',
  'review',
  'workshop',
  'people',
  'data',
  'share',
  'history',
  'settings',
  'metric',
  'plan',
  'experiment',
] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

/** Tabs that are one record's page: their address always names the record. */
export const PAGE_TABS: readonly WorkspaceTab[] = ['metric', 'plan', 'experiment'];

export type Route =
  | { screen: 'start' }
  | { screen: 'workspace'; id: string; tab: WorkspaceTab; sub: string | null }
  /** A share link: the whole fragment is kept for the join screen to parse. */
  | { screen: 'join'; fragment: string }
  | { screen: 'not-found'; hash: string };

/** Parses the URL fragment: `#/`, `#/w/<id>`, `#/w/<id>/<tab>[/<sub>]` (a metric or plan id, a view). */
export function parseRoute(hash: string): Route {
  if (hash.startsWith('#/join/') || hash === '#/join') return { screen: 'join', fragment: hash };
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) return { screen: 'start' };
  if (parts[0] === 'w' && parts[1]) {
    const tab = (parts[2] ?? 'dashboard') as WorkspaceTab;
    const sub = parts[3] ?? null;
    const needsSub = PAGE_TABS.includes(tab);
    if (WORKSPACE_TABS.includes(tab) && (!needsSub || sub !== null)) {
      return { screen: 'workspace', id: parts[1], tab, sub };
    }
  }
  return { screen: 'not-found', hash };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a malformed %-sequence stays as typed (and matches nothing)
  }
}

export function workspaceHref(id: string, tab: WorkspaceTab = 'dashboard'): string {
  return `#/w/${encodeURIComponent(id)}${tab === 'dashboard' ? '' : '/' + tab}`;
}

export function metricHref(workspaceId: string, metricId: string): string {
  return `${workspaceHref(workspaceId, 'metric')}/${encodeURIComponent(metricId)}`;
}

export function planHref(workspaceId: string, planId: string): string {
  return `${workspaceHref(workspaceId, 'plan')}/${encodeURIComponent(planId)}`;
}

/** The Review tab: the list of quarters, or one quarter's review ("2026-Q4"). */
export function reviewHref(workspaceId: string, quarter: string | null = null): string {
  const base = workspaceHref(workspaceId, 'review');
  return quarter === null ? base : `${base}/${encodeURIComponent(quarter)}`;
}

export function experimentHref(workspaceId: string, experimentId: string): string {
  return `${workspaceHref(workspaceId, 'experiment')}/${encodeURIComponent(experimentId)}`;
}

/** The experiments tab's views; the backlog is the tab itself. */
export const EXPERIMENTS_VIEWS = [
  'backlog',
  'matrix',
  'roadmap',
  'sprints',
  'learnings',
  'settings',
] as const;
export type ExperimentsView = (typeof EXPERIMENTS_VIEWS)[number];

export function experimentsHref(workspaceId: string, view: ExperimentsView = 'backlog'): string {
  const base = workspaceHref(workspaceId, 'experiments');
  return view === 'backlog' ? base : `${base}/${view}`;
}

/** The customers tab's views; the list is the tab itself. */
export type CustomersView = 'list' | 'board' | 'journey' | 'import';

export function customersHref(workspaceId: string, view: CustomersView = 'list'): string {
  const base = workspaceHref(workspaceId, 'customers');
  return view === 'list' ? base : `${base}/${view}`;
}

class Router {
  route = $state<Route>(parseRoute(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => (this.route = parseRoute(location.hash)));
    }
  }

  /** Replaces the current address without a history entry (drops a share key from history). */
  replace(hash: string): void {
    history.replaceState(null, '', hash);
    this.route = parseRoute(hash);
  }

  go(hash: string): void {
    if (location.hash === hash) this.route = parseRoute(hash);
    else location.hash = hash;
  }
}

export const router = new Router();
