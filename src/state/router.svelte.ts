/** Screens of a workspace, each a tab of its shell (metric pages hang off the tree). */
export const WORKSPACE_TABS = [
  'dashboard',
  'checkin',
  'tree',
  'workshop',
  'people',
  'data',
  'share',
  'settings',
  'metric',
] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

export type Route =
  | { screen: 'start' }
  | { screen: 'workspace'; id: string; tab: WorkspaceTab; sub: string | null }
  /** A share link: the whole fragment is kept for the join screen to parse. */
  | { screen: 'join'; fragment: string }
  | { screen: 'not-found'; hash: string };

/** Parses the URL fragment: `#/`, `#/w/<id>`, `#/w/<id>/<tab>` or `#/w/<id>/metric/<metric id>`. */
export function parseRoute(hash: string): Route {
  if (hash.startsWith('#/join/') || hash === '#/join') return { screen: 'join', fragment: hash };
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) return { screen: 'start' };
  if (parts[0] === 'w' && parts[1]) {
    const tab = (parts[2] ?? 'dashboard') as WorkspaceTab;
    const sub = parts[3] ?? null;
    if (WORKSPACE_TABS.includes(tab) && (tab !== 'metric' || sub !== null)) {
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
