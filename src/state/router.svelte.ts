/** Screens of a workspace, each a tab of its shell. */
export const WORKSPACE_TABS = ['tree', 'workshop', 'people', 'settings'] as const;
export type WorkspaceTab = (typeof WORKSPACE_TABS)[number];

export type Route =
  | { screen: 'start' }
  | { screen: 'workspace'; id: string; tab: WorkspaceTab }
  | { screen: 'not-found'; hash: string };

/** Parses the URL fragment: `#/`, `#/w/<id>` or `#/w/<id>/<tab>`. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { screen: 'start' };
  if (parts[0] === 'w' && parts[1]) {
    const tab = (parts[2] ?? 'tree') as WorkspaceTab;
    if (WORKSPACE_TABS.includes(tab))
      return { screen: 'workspace', id: decodeURIComponent(parts[1]), tab };
  }
  return { screen: 'not-found', hash };
}

export function workspaceHref(id: string, tab: WorkspaceTab = 'tree'): string {
  return `#/w/${encodeURIComponent(id)}${tab === 'tree' ? '' : '/' + tab}`;
}

class Router {
  route = $state<Route>(parseRoute(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => (this.route = parseRoute(location.hash)));
    }
  }

  go(hash: string): void {
    if (location.hash === hash) this.route = parseRoute(hash);
    else location.hash = hash;
  }
}

export const router = new Router();
