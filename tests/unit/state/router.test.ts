import { describe, expect, it } from 'vitest';
import {
  PAGE_TABS,
  WORKSPACE_TABS,
  experimentHref,
  experimentsHref,
  customersHref,
  metricHref,
  parseRoute,
  planHref,
  router,
  workspaceHref,
  type CustomersView,
  type WorkspaceTab,
} from '../../../src/state/router.svelte';

const workspace = (id: string, tab: WorkspaceTab, sub: string | null = null) => ({
  screen: 'workspace',
  id,
  tab,
  sub,
});

describe('parseRoute', () => {
  it('reads an empty fragment, a bare # and #/ as the start screen', () => {
    for (const hash of ['', '#', '#/', '#//']) {
      expect(parseRoute(hash)).toEqual({ screen: 'start' });
    }
  });

  it('keeps the whole fragment of a share link for the join screen', () => {
    const hash = '#/join/ws-1?name=Acme%20Co&key=abc/def';
    expect(parseRoute(hash)).toEqual({ screen: 'join', fragment: hash });
    expect(parseRoute('#/join')).toEqual({ screen: 'join', fragment: '#/join' });
  });

  it('does not treat a path that only starts with the letters "join" as a share link', () => {
    expect(parseRoute('#/joiner')).toEqual({ screen: 'not-found', hash: '#/joiner' });
  });

  it('opens the dashboard of a workspace when no tab is given', () => {
    expect(parseRoute('#/w/abc')).toEqual(workspace('abc', 'dashboard'));
    expect(parseRoute('#/w/abc/')).toEqual(workspace('abc', 'dashboard'));
    expect(parseRoute('#/w/abc/dashboard')).toEqual(workspace('abc', 'dashboard'));
  });

  it('opens every tab that needs no sub id, with or without one', () => {
    const plain = WORKSPACE_TABS.filter((t) => !PAGE_TABS.includes(t));
    expect(plain).toHaveLength(13);
    for (const tab of plain) {
      expect(parseRoute(`#/w/abc/${tab}`)).toEqual(workspace('abc', tab));
      expect(parseRoute(`#/w/abc/${tab}/x`)).toEqual(workspace('abc', tab, 'x'));
    }
  });

  it('opens a metric or a plan page only with its id', () => {
    expect(parseRoute('#/w/abc/metric/m1')).toEqual(workspace('abc', 'metric', 'm1'));
    expect(parseRoute('#/w/abc/plan/p1')).toEqual(workspace('abc', 'plan', 'p1'));
    expect(parseRoute('#/w/abc/metric')).toEqual({ screen: 'not-found', hash: '#/w/abc/metric' });
    expect(parseRoute('#/w/abc/plan/')).toEqual({ screen: 'not-found', hash: '#/w/abc/plan/' });
  });

  it('reads an unknown tab, a missing workspace id and other paths as not found', () => {
    for (const hash of [
      '#/w/abc/nope',
      '#/w/abc/Tree',
      '#/w/abc/constructor',
      '#/w/abc/__proto__',
      '#/w',
      '#/w/',
      '#/x/abc',
      '#/abc',
    ]) {
      expect(parseRoute(hash)).toEqual({ screen: 'not-found', hash });
    }
  });

  it('decodes %-escapes in every segment', () => {
    expect(parseRoute('#/w/a%20b/metric/m%2F1')).toEqual(workspace('a b', 'metric', 'm/1'));
    expect(parseRoute('#/w/abc/%74ree')).toEqual(workspace('abc', 'tree'));
  });

  it('keeps a malformed %-escape as typed instead of throwing', () => {
    expect(parseRoute('#/w/%E0%A4%A/tree')).toEqual(workspace('%E0%A4%A', 'tree'));
    expect(parseRoute('#/w/abc/metric/%zz')).toEqual(workspace('abc', 'metric', '%zz'));
    expect(parseRoute('#/w/abc/%')).toEqual({ screen: 'not-found', hash: '#/w/abc/%' });
  });

  it('ignores a query string after the path', () => {
    expect(parseRoute('#/?from=email')).toEqual({ screen: 'start' });
    expect(parseRoute('#/w/abc?x=1')).toEqual(workspace('abc', 'dashboard'));
    expect(parseRoute('#/w/abc/tree?focus=m1')).toEqual(workspace('abc', 'tree'));
    expect(parseRoute('#/w/abc/metric/m1?range=all&x=/y')).toEqual(
      workspace('abc', 'metric', 'm1'),
    );
  });

  it('does not take a metric id from the query string', () => {
    expect(parseRoute('#/w/abc/metric?id=m1')).toEqual({
      screen: 'not-found',
      hash: '#/w/abc/metric?id=m1',
    });
  });

  it('skips empty segments', () => {
    expect(parseRoute('#//w//abc//tree')).toEqual(workspace('abc', 'tree'));
  });
});

describe('href helpers', () => {
  it('write the dashboard as the bare workspace address and other tabs as a segment', () => {
    expect(workspaceHref('abc')).toBe('#/w/abc');
    expect(workspaceHref('abc', 'dashboard')).toBe('#/w/abc');
    expect(workspaceHref('abc', 'settings')).toBe('#/w/abc/settings');
    expect(metricHref('abc', 'm1')).toBe('#/w/abc/metric/m1');
    expect(planHref('abc', 'p1')).toBe('#/w/abc/plan/p1');
  });

  it('write the customers list as the tab itself and other views as its sub path', () => {
    expect(customersHref('abc')).toBe('#/w/abc/customers');
    expect(customersHref('abc', 'list')).toBe('#/w/abc/customers');
    const views: CustomersView[] = ['board', 'journey', 'import'];
    for (const view of views) {
      expect(customersHref('abc', view)).toBe(`#/w/abc/customers/${view}`);
      expect(parseRoute(customersHref('abc', view))).toEqual(workspace('abc', 'customers', view));
    }
    expect(parseRoute(customersHref('abc'))).toEqual(workspace('abc', 'customers'));
  });

  it('write the experiments backlog as the tab itself and other views as its sub path', () => {
    expect(experimentsHref('abc')).toBe('#/w/abc/experiments');
    expect(experimentsHref('abc', 'sprints')).toBe('#/w/abc/experiments/sprints');
    expect(parseRoute(experimentsHref('abc', 'matrix'))).toEqual(
      workspace('abc', 'experiments', 'matrix'),
    );
    expect(experimentHref('abc', 'e1')).toBe('#/w/abc/experiment/e1');
    expect(parseRoute('#/w/abc/experiment')).toEqual({
      screen: 'not-found',
      hash: '#/w/abc/experiment',
    });
  });

  it('parse back to the route they were made for, for every tab', () => {
    for (const tab of WORKSPACE_TABS) {
      if (PAGE_TABS.includes(tab)) continue;
      expect(parseRoute(workspaceHref('ws', tab))).toEqual(workspace('ws', tab));
    }
  });

  const awkwardIds = [
    'a/b',
    'a?b=c',
    'a#b',
    '100%',
    '%41',
    '%E0%A4%A',
    'x y',
    'é✓ 🚀',
    '..',
    'join',
    "o'neil&co",
  ];

  it('encode ids so that they round-trip through parseRoute unchanged', () => {
    for (const id of awkwardIds) {
      expect(parseRoute(metricHref('ws', id))).toEqual(workspace('ws', 'metric', id));
      expect(parseRoute(planHref('ws', id))).toEqual(workspace('ws', 'plan', id));
      expect(parseRoute(experimentHref('ws', id))).toEqual(workspace('ws', 'experiment', id));
      expect(parseRoute(workspaceHref(id, 'tree'))).toEqual(workspace(id, 'tree'));
      expect(parseRoute(metricHref(id, id))).toEqual(workspace(id, 'metric', id));
      expect(parseRoute(customersHref(id, 'board'))).toEqual(workspace(id, 'customers', 'board'));
    }
  });

  it('never leave a raw /, ? or # of an id in the address', () => {
    const href = metricHref('w/1?#', 'm/2?#');
    expect(href).toBe('#/w/w%2F1%3F%23/metric/m%2F2%3F%23');
    expect(href.slice(1)).not.toContain('#');
    expect(href).not.toContain('?');
  });
});

describe('router', () => {
  it('starts on the start screen where there is no window (node)', () => {
    expect(router.route).toEqual({ screen: 'start' });
  });
});
