/**
 * A hostile (or badly out of date) peer writes junk straight into the shared document; the
 * receiving replica gets it as an ordinary update. Every reader must return without throwing,
 * keep the valid data, and ignore what is invalid with a warning (docs/ARCHITECTURE.md,
 * "The document": every reader validates).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addMetric,
  moveMetric,
  readMetrics,
  setTarget,
  updateMetric,
} from '../../../src/doc/metrics';
import { deleteEntry, metricsWithEntries, readEntries, setEntries } from '../../../src/doc/entries';
import { addPerson, readPeople, updatePerson } from '../../../src/doc/people';
import {
  addCandidate,
  readWorkshop,
  scoreCandidate,
  setWorkshopField,
} from '../../../src/doc/workshop';
import { workspaceName } from '../../../src/doc/meta';
import { docHealth } from '../../../src/doc/health';
import { DOC_AREAS } from '../../../src/doc/areas';
import type { WorkspaceDoc } from '../../../src/doc/schema';
import type { DocWarning } from '../../../src/doc/warnings';
import { buildTree } from '../../../src/domain/tree';
import { checkTreeHealth } from '../../../src/domain/health';
import { Problems, readMetric } from '../../../src/domain/validate';
import { pointsOf, summarize } from '../../../src/domain/summary';
import { dueCheckins } from '../../../src/domain/checkin';
import type { Metric, TreeNode } from '../../../src/domain/types';
import { peer } from './network';

const MB = 'x'.repeat(1 << 20);
const HOSTILE = { name: 'hostile-peer' } as const;

interface Valid {
  root: string;
  child: string;
  ada: string;
  candidate: string;
}

const VALID_ENTRIES = [
  ['2025-W01', 10, 'first'],
  ['2025-W02', 12, ''],
  ['2025-W03', 0.5, 'half'],
] as const;

/** The receiving replica, holding valid data, and a hostile peer that has all of it. */
function setup(): { good: WorkspaceDoc; evil: WorkspaceDoc; v: Valid } {
  const good = peer(1);
  const evil = peer(666);
  const ada = addPerson(good, { name: 'Ada', team: 'Growth', color: '#1f6feb' });
  const root = addMetric(
    good,
    { name: 'Weekly active teams', kind: 'north-star', definition: 'Teams active in a week' },
    null,
    1,
  );
  const child = addMetric(
    good,
    { name: 'Activation', ownerId: ada, definition: 'Teams that invite a second member' },
    root,
    2,
  );
  setTarget(good, child, '2025-Q1', 120);
  setEntries(
    good,
    VALID_ENTRIES.map(([period, value, note]) => ({
      metricId: child,
      period,
      value,
      note,
      by: ada,
    })),
    3,
  );
  setWorkshopField(good, 'mission', 'Help teams ship');
  const candidate = addCandidate(good, 'Weekly active teams');
  scoreCandidate(good, candidate, 'customerValue', 2);
  Y.applyUpdate(evil.doc, Y.encodeStateAsUpdate(good.doc));
  return { good, evil, v: { root, child, ada, candidate } };
}

/** The hostile peer writes, and the receiving replica gets it as a provider would deliver it. */
function receive(evil: WorkspaceDoc, good: WorkspaceDoc, write: () => void): void {
  evil.doc.transact(write);
  const update = Y.encodeStateAsUpdate(evil.doc, Y.encodeStateVector(good.doc));
  Y.applyUpdate(good.doc, update, HOSTILE);
}

/** Maps typed for the app, opened up so a hostile peer can put anything in them. */
const open = (map: Y.Map<unknown> | Y.Map<Y.Map<unknown>>): Y.Map<unknown> => map as Y.Map<unknown>;
const entriesOf = (ws: WorkspaceDoc, metricId: string): Y.Map<unknown> =>
  ws.entries.get(metricId) as Y.Map<unknown>;
const recordOf = (ws: WorkspaceDoc, metricId: string): Y.Map<unknown> =>
  ws.metrics.get(metricId) as Y.Map<unknown>;

/** One of every kind of value a peer can put where a record (a Y.Map) belongs. */
function junkValues(): unknown[] {
  return [
    42,
    -1.5,
    'a string',
    true,
    null,
    [1, 'two', { three: 3 }],
    { name: 'looks like a record', kind: 'input' },
    new Uint8Array([1, 2, 3]),
    10n,
    new Y.Text('text'),
    new Y.Array(),
    new Y.XmlText('xml'),
  ];
}

function metricMap(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

/** Runs every reader on the receiving replica (any throw fails the test). */
function readAll(ws: WorkspaceDoc) {
  const metrics = readMetrics(ws);
  const people = readPeople(ws);
  const workshop = readWorkshop(ws);
  const tree = buildTree(metrics.metrics);
  const health = checkTreeHealth(tree);
  const entries = new Map(metricsWithEntries(ws).map((id) => [id, readEntries(ws, id)]));
  return { metrics, people, workshop, tree, health, entries };
}
type Read = ReturnType<typeof readAll>;

const count = (warnings: readonly DocWarning[], pattern: RegExp): number =>
  warnings.filter((w) => pattern.test(w.message)).length;

/** The one warning that sums up a map's junk (doc/junk.ts), as `[count, message]`. */
const junkSummary = (warnings: readonly DocWarning[], where: string): [number, string][] =>
  warnings
    .filter((w) => w.where === where && w.count !== undefined)
    .map((w) => [w.count!, w.message]);

/** The valid data written in setup reads back unchanged, and the tree still holds it. */
function expectValidIntact(read: Read, v: Valid): void {
  const byId = new Map(read.metrics.metrics.map((m) => [m.id, m]));
  expect(byId.get(v.root)).toMatchObject({
    name: 'Weekly active teams',
    kind: 'north-star',
    definition: 'Teams active in a week',
    parentId: null,
    deletedAt: null,
  });
  expect(byId.get(v.child)).toMatchObject({
    name: 'Activation',
    kind: 'input',
    ownerId: v.ada,
    cadence: 'weekly',
    parentId: v.root,
    deletedAt: null,
    targets: { quarterly: { '2025-Q1': 120 }, monthly: {} },
  });
  expect(read.tree.parentOf.get(v.root)).toBeNull();
  expect(read.tree.parentOf.get(v.child)).toBe(v.root);
  const entries = read.entries.get(v.child)!.entries;
  for (const [period, value, note] of VALID_ENTRIES)
    expect(entries.find((e) => e.period === period)).toMatchObject({ value, note, by: v.ada });
  expect(read.people.people.find((p) => p.id === v.ada)).toEqual({
    id: v.ada,
    name: 'Ada',
    team: 'Growth',
    color: '#1f6feb',
  });
  expect(read.workshop.workshop.mission).toBe('Help teams ship');
  expect(read.workshop.workshop.candidates.find((c) => c.id === v.candidate)).toMatchObject({
    name: 'Weekly active teams',
    scores: { customerValue: 2 },
  });
}

/** Every live metric sits in the tree exactly once, reachable from a root. */
function expectTreeWhole(read: Read): void {
  const live = read.metrics.metrics.filter((m) => m.deletedAt === null).map((m) => m.id);
  const reached: string[] = [];
  const stack: TreeNode[] = [...read.tree.roots];
  for (let node = stack.pop(); node; node = stack.pop()) {
    reached.push(node.metric.id);
    for (const c of node.children) stack.push(c);
  }
  expect(reached.length).toBe(live.length);
  expect(new Set(reached)).toEqual(new Set(live));
}

/** The receiving replica can still edit after taking in the junk. */
function expectLocalEditsWork(ws: WorkspaceDoc, v: Valid): void {
  const added = addMetric(ws, { name: 'Added after the junk' }, v.root, 10);
  updateMetric(ws, added, { definition: 'still editable' });
  expect(
    moveMetric(ws, added, null, null, () => false, 11),
    'a move after the junk arrived',
  ).toBe(true);
  setEntries(ws, [{ metricId: added, period: '2025-W05', value: 1, note: '', by: null }], 12);
  const read = readAll(ws);
  expect(read.metrics.metrics.find((m) => m.id === added)?.definition).toBe('still editable');
  expect(read.entries.get(added)?.entries).toHaveLength(1);
}

describe('a hostile peer writing junk into the shared document', () => {
  it('ignores values of the wrong type in every top-level map, summed up in one warning each', () => {
    const { good, evil, v } = setup();
    const junk = junkValues().length;
    receive(evil, good, () => {
      junkValues().forEach((value, i) => open(evil.metrics).set(`junk-${i}`, value));
      junkValues().forEach((value, i) => open(evil.people).set(`junk-${i}`, value));
      junkValues().forEach((value, i) => open(evil.candidates).set(`junk-${i}`, value));
      // Entries maps for metrics that do not exist, and junk in place of an entries map.
      junkValues().forEach((value, i) => open(evil.entries).set(`junk-${i}`, value));
      // Plain values where shared types belong, shared types where plain values belong.
      evil.workshop.set('game', new Y.Text('attention'));
      evil.workshop.set('segment', 42);
      evil.workshop.set('chosenCandidateId', new Y.Map());
      evil.workshop.set('chosenMetricId', ['not', 'an', 'id']);
      evil.meta.set('name', new Y.Text('name'));
      evil.meta.set('schemaVersion', 'one');
      // Fields of a metric, a person and a candidate with the wrong types. The metric has one
      // field as the app writes it (its creation time), so it is a record with broken fields;
      // the person has none, so it is junk like the values above (doc/junk.ts).
      open(evil.metrics).set(
        'typed-wrong',
        metricMap({
          createdAt: 1,
          name: new Y.Text('name as text'),
          kind: 7,
          definition: ['a', 'list'],
          parentId: 42,
          order: { key: 'a0' },
          movedAt: 'yesterday',
          deletedAt: new Y.Array(),
          targets: 'lots',
          ownerId: true,
        }),
      );
      open(evil.people).set('typed-wrong', metricMap({ name: 5, team: new Y.Text('t'), color: 3 }));
      open(evil.candidates).set('typed-wrong', metricMap({ name: 5, scores: 'all of them' }));
      // A record of another metric whose targets map holds a shared type and a list.
      const targets = metricMap({ '2025-Q2': new Y.Text('100'), '2025-Q3': [1] });
      open(evil.metrics).set('odd-targets', metricMap({ name: 'Odd targets', targets }));
    });

    const read = readAll(good);
    expectValidIntact(read, v);
    expectTreeWhole(read);
    expect(junkSummary(read.metrics.warnings, 'metrics')).toEqual([
      [junk, `${junk} unreadable metrics were ignored (written by another copy)`],
    ]);
    expect(junkSummary(read.people.warnings, 'people')).toEqual([
      [junk + 1, `${junk + 1} unreadable people were ignored (written by another copy)`],
    ]);
    expect(read.people.warnings).toHaveLength(1);
    // 'typed-wrong' (metric): name shared type → empty; kind, definition, parent, moved at,
    // owner and targets each warned; order and deleted at (a shared type) fall back silently.
    const typedWrong = read.metrics.warnings.filter((w) => w.where === 'metric “(unnamed)”');
    expect(typedWrong.map((w) => w.message)).toEqual([
      'name is empty',
      'kind “7” is not known',
      'definition is not text',
      'owner is not an id',
      'parent is not an id',
      'moved at is not a number',
      'targets are not readable',
    ]);
    const odd = read.metrics.warnings.filter((w) => w.where === 'metric “Odd targets”');
    expect(odd).toHaveLength(2);
    expect(read.metrics.metrics.find((m) => m.id === 'typed-wrong')).toMatchObject({
      name: '(unnamed)',
      kind: 'input',
      parentId: null,
      order: 'a0',
      deletedAt: null,
    });
    expect(read.people.people.find((p) => p.id === 'typed-wrong')).toBeUndefined();
    expect(read.workshop.warnings.map((w) => w.message)).toEqual([
      'candidate name is not text',
      'game “object” is not known',
      'segment is not text',
      'chosen candidate is not an id',
      'chosen metric is not an id',
    ]);
    expect(read.workshop.workshop).toMatchObject({
      segment: '',
      chosenCandidateId: null,
      chosenMetricId: null,
    });
    // Junk candidates are skipped; one with wrong field types reads as empty and unscored.
    expect(read.workshop.workshop.candidates.map((c) => c.id).sort()).toEqual(
      [v.candidate, 'typed-wrong'].sort(),
    );
    for (let i = 0; i < junk; i++)
      expect(readEntries(good, `junk-${i}`)).toEqual({ entries: [], invalid: 0 });
    expect(workspaceName(good)).toBe('');
    // An unreadable version claim with unreadable data: read-only (doc/health.ts).
    expect(docHealth(good).kind).toBe('unreadable');
    expectLocalEditsWork(good, v);
    // Writing over junk replaces it: a person's fields (a name makes the junk a person), a
    // candidate's scores, an entries map.
    updatePerson(good, 'typed-wrong', { name: 'Fixed' });
    scoreCandidate(good, 'typed-wrong', 'strategy', 1);
    setEntries(good, [{ metricId: 'junk-0', period: '2025-03', value: 3, note: '', by: null }]);
    const after = readAll(good);
    expect(after.people.people.find((p) => p.id === 'typed-wrong')).toEqual({
      id: 'typed-wrong',
      name: 'Fixed',
      team: '',
      color: '#6b7280',
    });
    expect(junkSummary(after.people.warnings, 'people')).toEqual([
      [junk, `${junk} unreadable people were ignored (written by another copy)`],
    ]);
    const fixed = after.workshop.workshop.candidates.find((c) => c.id === 'typed-wrong');
    expect(fixed?.scores).toEqual({ strategy: 1 });
    expect(after.entries.get('junk-0')?.entries.map((e) => e.value)).toEqual([3]);
  });

  it('ignores a top-level type written as another kind of shared type', () => {
    const { good, v } = setup();
    // An old or hostile build that treats the top-level names as an array and as text.
    const other = new Y.Doc();
    other.clientID = 667;
    Y.applyUpdate(other, Y.encodeStateAsUpdate(good.doc));
    other.getArray('metrics').insert(0, [1, 'two', new Y.Map()]);
    other.getText('people').insert(0, 'not a person');
    other.getArray('entries').push([[1, 2, 3]]);
    Y.applyUpdate(good.doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(good.doc)), HOSTILE);

    const read = readAll(good);
    expectValidIntact(read, v);
    expect(read.metrics.metrics).toHaveLength(2);
    expect(read.metrics.warnings).toEqual([]);
    expect(read.people.warnings).toEqual([]);
    expectLocalEditsWork(good, v);
  });

  it('cuts 1 MB strings to size, with warnings, wherever they are', () => {
    const { good, evil, v } = setup();
    receive(evil, good, () => {
      open(evil.metrics).set(
        'huge',
        metricMap({
          name: MB,
          definition: MB,
          collection: MB,
          formula: MB,
          order: MB,
          parentId: v.root,
          ownerId: MB,
        }),
      );
      open(evil.metrics).set(MB, metricMap({ name: 'A metric with a 1 MB id', parentId: v.root }));
      open(evil.metrics).set('child of huge', metricMap({ name: 'Below', parentId: MB }));
      open(evil.people).set('huge', metricMap({ name: MB, team: MB, color: MB }));
      open(evil.candidates).set('huge', metricMap({ name: MB, definition: MB, order: MB }));
      evil.workshop.set('segment', MB);
      evil.meta.set('name', MB);
      entriesOf(evil, v.child).set(MB, [1, '', null, 1]);
      entriesOf(evil, v.child).set('2024-W10', [4, MB, MB, 1]);
    });

    const read = readAll(good);
    expectValidIntact(read, v);
    expectTreeWhole(read);
    const huge = read.metrics.metrics.find((m) => m.id === 'huge')!;
    expect(huge.name).toHaveLength(300);
    expect(huge.definition).toHaveLength(5000);
    expect(huge.collection).toHaveLength(5000);
    expect(huge.formula).toHaveLength(2000);
    expect(huge.order).toBe('a0');
    expect(huge.ownerId).toBeNull();
    const cut = read.metrics.warnings.filter((w) => /was cut/.test(w.message));
    expect(cut).toHaveLength(4);
    expect(read.metrics.warnings.some((w) => w.message === 'owner is not an id')).toBe(true);
    // A 1 MB id is kept as an id (it is a key), but no one can name it as parent.
    expect(read.tree.byId.has(MB)).toBe(true);
    expect(read.metrics.warnings.some((w) => w.message === 'parent is not an id')).toBe(true);
    const person = read.people.people.find((p) => p.id === 'huge')!;
    expect([person.name.length, person.team.length, person.color]).toEqual([300, 300, '#6b7280']);
    expect(count(read.people.warnings, /was cut/)).toBe(2);
    const candidate = read.workshop.workshop.candidates.find((c) => c.id === 'huge')!;
    expect([candidate.name.length, candidate.definition.length]).toEqual([300, 5000]);
    expect(read.workshop.workshop.segment).toHaveLength(5000);
    expect(count(read.workshop.warnings, /was cut/)).toBe(3);
    expect(workspaceName(good)).toHaveLength(300);
    const entries = read.entries.get(v.child)!;
    expect(entries.invalid).toBe(1);
    const long = entries.entries.find((e) => e.period === '2024-W10')!;
    expect([long.value, long.note.length, long.by]).toEqual([4, 2000, null]);
    expectLocalEditsWork(good, v);
  });

  it('falls back on unknown kinds and enum values, one warning each', () => {
    const { good, evil, v } = setup();
    receive(evil, good, () => {
      open(evil.metrics).set(
        'future',
        metricMap({
          name: 'From a newer version',
          kind: 'key-result',
          unit: 'parsecs',
          direction: 'sideways',
          cadence: 'hourly',
          aggregation: 'median',
          maturity: 'sprint',
          status: 'zombie',
          baselineDate: '25/12/2025',
          parentId: v.root,
        }),
      );
      evil.workshop.set('game', 'chess');
      open(evil.people).set('future', metricMap({ name: 'Eve', color: 'red' }));
    });

    const read = readAll(good);
    expectValidIntact(read, v);
    const future = read.metrics.metrics.find((m) => m.id === 'future')!;
    expect(future).toMatchObject({
      kind: 'input',
      unit: 'count',
      direction: 'up',
      cadence: 'weekly',
      aggregation: 'sum',
      maturity: 'crawl',
      status: 'active',
      baselineDate: null,
    });
    expect(read.metrics.warnings.map((w) => w.message)).toEqual([
      'kind “key-result” is not known',
      'unit “parsecs” is not known',
      'direction “sideways” is not known',
      'cadence “hourly” is not known',
      'aggregation “median” is not known',
      'maturity “sprint” is not known',
      'status “zombie” is not known',
      'baseline date is not a date',
    ]);
    expect(read.workshop.workshop.game).toBe('productivity');
    expect(read.workshop.warnings.map((w) => w.message)).toEqual(['game “chess” is not known']);
    expect(read.people.people.find((p) => p.id === 'future')?.color).toBe('#6b7280');
  });

  it('reads 10,000 junk keys in `metrics` as junk: one summary, nothing in the tree', () => {
    const { good, evil, v } = setup();
    receive(evil, good, () => {
      for (let i = 0; i < 10_000; i++) {
        const key = `junk-${i}`;
        switch (i % 5) {
          case 0:
            open(evil.metrics).set(key, i);
            break;
          case 1:
            open(evil.metrics).set(key, `junk ${i}`);
            break;
          case 2:
            open(evil.metrics).set(key, [i, { kind: 'input' }]);
            break;
          case 3:
            // A Y.Map of junk fields whose parent is one of the junk non-records: nothing in
            // it is a field as the app writes it (a parent id is not proof), so it is junk too.
            open(evil.metrics).set(
              key,
              metricMap({ name: i, kind: [], parentId: `junk-${i + 1}`, order: i, movedAt: 'x' }),
            );
            break;
          default:
            open(evil.metrics).set(key, new Y.Text(`text ${i}`));
        }
      }
    });

    const read = readAll(good);
    expectValidIntact(read, v);
    expectTreeWhole(read);
    // Not 2,000 "(unnamed)" metrics placed at the top level with 10,000 warnings: one summary.
    expect(read.metrics.metrics).toHaveLength(2);
    expect(read.metrics.warnings).toEqual([
      {
        where: 'metrics',
        message: '10,000 unreadable metrics were ignored (written by another copy)',
        count: 10_000,
      },
    ]);
    expect(read.tree.repairs).toEqual([]);
    expect(read.health.filter((h) => h.code === 'repaired')).toEqual([]);
    expectLocalEditsWork(good, v);
  });

  it("reads 10,000 junk keys in a metric's entries map, counting each as invalid", () => {
    const { good, evil, v } = setup();
    receive(evil, good, () => {
      const map = entriesOf(evil, v.child);
      for (let i = 0; i < 10_000; i++) {
        // Periods of years 1000–1199 (valid keys, so only the value is wrong), or junk keys.
        const period = `${1000 + Math.floor(i / 50)}-W${String((i % 50) + 1).padStart(2, '0')}`;
        switch (i % 6) {
          case 0:
            map.set(`junk-${i}`, [1, '', null, 1]);
            break;
          case 1:
            map.set(period, 'ten');
            break;
          case 2:
            map.set(period, { value: 1 });
            break;
          case 3:
            map.set(period, ['1', 'a string value']);
            break;
          case 4:
            map.set(period, new Y.Map());
            break;
          default:
            map.set(period, []);
        }
      }
    });

    const read = readAll(good);
    expectValidIntact(read, v);
    expect(read.entries.get(v.child)!.invalid).toBe(10_000);
    // The receiving replica overwrites and deletes over the junk without trouble.
    setEntries(good, [{ metricId: v.child, period: '1000-W02', value: 5, note: '', by: null }]);
    deleteEntry(good, v.child, '1000-W03');
    expect(readEntries(good, v.child)).toMatchObject({ invalid: 9_998 });
  });

  it('keeps finite numbers exactly and ignores NaN, ±Infinity and bigints', () => {
    const { good, evil, v } = setup();
    const edges: [string, unknown][] = [
      ['2024-W01', 1e308],
      ['2024-W02', -1e308],
      ['2024-W03', 0.1 + 0.2],
      ['2024-W04', 2 ** 53 + 2],
      ['2024-W05', -0],
      ['2024-W06', Number.MIN_VALUE],
      ['2024-W07', -(2 ** 31) - 1],
      ['2024-W08', NaN],
      ['2024-W09', Infinity],
      ['2024-W10', -Infinity],
      ['2024-W11', 10n],
    ];
    receive(evil, good, () => {
      for (const [period, value] of edges)
        entriesOf(evil, v.child).set(period, [value, '', null, 1]);
      entriesOf(evil, v.child).set('2024-W12', [7, 8, 9, NaN]);
      open(evil.metrics).set(
        'edgy',
        metricMap({
          name: 'Edgy',
          parentId: v.root,
          movedAt: NaN,
          createdAt: -Infinity,
          deletedAt: Infinity,
          baselineValue: 1e308,
          tolerance: NaN,
          targets: metricMap({
            '2025-Q1': NaN,
            '2025-Q2': Infinity,
            '2025-Q3': -5.5,
            '2025-13': 1,
            junk: 1,
          }),
        }),
      );
    });

    const read = readAll(good);
    expectValidIntact(read, v);
    const { entries, invalid } = read.entries.get(v.child)!;
    const value = (period: string) => entries.find((e) => e.period === period)?.value;
    expect(invalid).toBe(4);
    expect(value('2024-W01')).toBe(1e308);
    expect(value('2024-W02')).toBe(-1e308);
    expect(value('2024-W03')).toBe(0.1 + 0.2);
    expect(value('2024-W04')).toBe(2 ** 53 + 2);
    expect(Math.abs(value('2024-W05')!)).toBe(0);
    expect(value('2024-W06')).toBe(Number.MIN_VALUE);
    expect(value('2024-W07')).toBe(-(2 ** 31) - 1);
    expect(entries.find((e) => e.period === '2024-W12')).toMatchObject({
      value: 7,
      note: '',
      by: null,
      at: 0,
    });
    const edgy = read.metrics.metrics.find((m) => m.id === 'edgy')!;
    expect(edgy).toMatchObject({
      movedAt: 0,
      createdAt: 0,
      deletedAt: null,
      baselineValue: 1e308,
      tolerance: null,
      mayExceed100: false,
      targets: { quarterly: { '2025-Q3': -5.5 }, monthly: {} },
    });
    const edgyWarnings = read.metrics.warnings.filter((w) => w.where === 'metric “Edgy”');
    expect(edgyWarnings.map((w) => w.message)).toEqual([
      'moved at is not a number',
      'created at is not a number',
      'deleted at is not a number',
      'tolerance is not a number',
      'target for 2025-Q1 is not a number',
      'target for 2025-Q2 is not a number',
      'target period 2025-13 is not a month or quarter',
      'target period junk is not a month or quarter',
    ]);
    expect(read.tree.parentOf.get('edgy')).toBe(v.root);
  });

  it('ignores malformed period keys and counts them', () => {
    const { good, evil, v } = setup();
    const bad = [
      '',
      '2025',
      '25-03',
      '2025-3',
      '2025-03 ',
      ' 2025-03',
      '2025-Q5',
      '2025-Q0',
      'W07',
      '2025-w07',
      '2025-03-1',
      '２０２５-03',
      '__proto__',
      'constructor',
      'toString',
      'x'.repeat(1000),
    ];
    receive(evil, good, () => {
      for (const period of bad) entriesOf(evil, v.child).set(period, [1, '', null, 1]);
    });
    const read = readAll(good);
    expectValidIntact(read, v);
    expect(read.entries.get(v.child)!.invalid).toBe(bad.length);
  });

  it('reads an entries map for a metric that does not exist, and can write over junk there', () => {
    const { good, evil, v } = setup();
    receive(evil, good, () => {
      open(evil.entries).set('ghost', metricMap({ '2025-W01': [7, 'kept', null, 1] }));
      open(evil.entries).set('ghost-junk', 42);
    });
    const read = readAll(good);
    expectValidIntact(read, v);
    expectTreeWhole(read);
    expect(read.metrics.metrics.some((m) => m.id === 'ghost')).toBe(false);
    expect(metricsWithEntries(good)).toEqual(expect.arrayContaining(['ghost', 'ghost-junk']));
    expect(read.entries.get('ghost')!.entries.map((e) => e.value)).toEqual([7]);
    expect(read.entries.get('ghost-junk')).toEqual({ entries: [], invalid: 0 });
    setEntries(good, [
      { metricId: 'ghost-junk', period: '2025-W02', value: 2, note: '', by: null },
    ]);
    deleteEntry(good, 'ghost', '2025-W01');
    expect(readEntries(good, 'ghost-junk').entries.map((e) => e.value)).toEqual([2]);
    expect(readEntries(good, 'ghost').entries).toEqual([]);
  });

  it('keeps unknown fields of a metric through local edits, and sends them on', () => {
    const { good, evil, v } = setup();
    receive(evil, good, () => {
      const r = recordOf(evil, v.child);
      r.set('futureField', { nested: [1, { deep: true }] });
      r.set('futureNumber', 7);
      r.set('futureText', new Y.Text('a note'));
      r.set('futureMap', metricMap({ a: 1 }));
    });
    expect(readMetrics(good).warnings).toEqual([]);

    updateMetric(good, v.child, { definition: 'Edited on the receiving replica' });
    updateMetric(good, v.child, { name: 'Activation rate', cadence: 'monthly' });
    setTarget(good, v.child, '2025-Q2', 130);
    expect(moveMetric(good, v.child, null, null, () => false, 20)).toBe(true);

    const r = recordOf(good, v.child);
    expect(r.get('futureField')).toEqual({ nested: [1, { deep: true }] });
    expect(r.get('futureNumber')).toBe(7);
    expect(r.get('futureText')).toBeInstanceOf(Y.Text);
    expect(String(r.get('futureText'))).toBe('a note');
    expect((r.get('futureMap') as Y.Map<unknown>).toJSON()).toEqual({ a: 1 });
    const child = readMetrics(good).metrics.find((m) => m.id === v.child)!;
    expect(child).toMatchObject({
      name: 'Activation rate',
      definition: 'Edited on the receiving replica',
      cadence: 'monthly',
      parentId: null,
      targets: { quarterly: { '2025-Q1': 120, '2025-Q2': 130 }, monthly: {} },
    });

    // The peer that wrote them (say, a newer version) gets the edits and keeps its fields.
    Y.applyUpdate(evil.doc, Y.encodeStateAsUpdate(good.doc, Y.encodeStateVector(evil.doc)));
    const there = recordOf(evil, v.child).toJSON();
    expect(there).toMatchObject({
      name: 'Activation rate',
      definition: 'Edited on the receiving replica',
      futureField: { nested: [1, { deep: true }] },
      futureNumber: 7,
      futureText: 'a note',
      futureMap: { a: 1 },
    });
  });

  it('repairs hostile tree shapes: cycles, self-parents, dangling parents, a 10,000-deep chain', () => {
    const { good, evil, v } = setup();
    receive(evil, good, () => {
      const m = open(evil.metrics);
      m.set('a', metricMap({ name: 'A', parentId: 'b', prevParentId: 'c', movedAt: 5 }));
      m.set('b', metricMap({ name: 'B', parentId: 'c', prevParentId: 'a', movedAt: 5 }));
      m.set('c', metricMap({ name: 'C', parentId: 'a', prevParentId: 'b', movedAt: 5 }));
      m.set('self', metricMap({ name: 'Self', parentId: 'self' }));
      m.set('dangling', metricMap({ name: 'Dangling', parentId: 'nowhere' }));
      m.set('under-junk', metricMap({ name: 'Under junk', parentId: 'junk' }));
      m.set('junk', 'not a metric');
      // A previous parent inside the cycle changes nothing for the valid child.
      recordOf(evil, v.child).set('prevParentId', 'a');
      for (let i = 0; i < 10_000; i++)
        m.set(`deep-${i}`, metricMap({ name: `D${i}`, parentId: i ? `deep-${i - 1}` : v.root }));
    });

    const read = readAll(good);
    expectValidIntact(read, v);
    expectTreeWhole(read);
    expect(read.tree.repairs.filter((r) => r.reason === 'cycle')).toHaveLength(1);
    expect(read.tree.parentOf.get('self')).toBeNull();
    expect(read.tree.parentOf.get('dangling')).toBeNull();
    expect(read.tree.parentOf.get('under-junk')).toBeNull();
    expect(read.tree.byId.get('deep-9999')?.depth).toBe(10_000);
    expect(read.health.filter((h) => h.code === 'too-deep')).toHaveLength(1);
    expectLocalEditsWork(good, v);
  });
});

describe('every area of the document (DOC_AREAS) against junk', () => {
  for (const area of DOC_AREAS) {
    it(`${area.name}: junk under new keys of each of its maps leaves what was read as it was`, () => {
      const { good, evil } = setup();
      const before = area.read(good);
      const maps = evil as unknown as Record<string, Y.Map<unknown>>;
      receive(evil, good, () => {
        for (const name of Object.keys(area.roots)) {
          junkValues().forEach((value, i) => maps[name]!.set(`junk-${i}`, value));
        }
      });
      for (const name of Object.keys(area.roots)) {
        expect((good as unknown as Record<string, Y.Map<unknown>>)[name]!.has('junk-0')).toBe(true);
      }
      const after = area.read(good);
      expect(after.value).toEqual(before.value);
      for (const w of before.warnings) expect(after.warnings).toContainEqual(w);
    });
  }
});

describe('hostile values that once threw: read without throwing, and set aside', () => {
  /** A metric field holding a value whose String() throws (validate.ts:48, oneOf). */
  function withMetricField(field: string, value: unknown): WorkspaceDoc {
    const { good, evil, v } = setup();
    receive(evil, good, () => {
      const fields = { name: 'Bad', parentId: v.root, cadence: 'weekly', [field]: value };
      open(evil.metrics).set('bad', metricMap(fields));
    });
    return good;
  }

  it('readMetrics: a kind of { toString: 1 } (src/domain/validate.ts:48)', () => {
    const good = withMetricField('kind', { toString: 1 });
    const read = readMetrics(good);
    expect(read.metrics.find((m) => m.id === 'bad')?.kind).toBe('input');
    expect(read.warnings.length).toBeGreaterThan(0);
  });

  it('readMetrics: a unit of {"__proto__": null} (src/domain/validate.ts:48)', () => {
    const good = withMetricField('unit', JSON.parse('{"__proto__": null}'));
    const read = readMetrics(good);
    expect(read.metrics.find((m) => m.id === 'bad')?.name).toBe('Bad');
    expect(read.warnings.length).toBeGreaterThan(0);
  });

  it('readWorkshop: a game of { toString: 1 } (src/domain/validate.ts:48)', () => {
    const { good, evil } = setup();
    receive(evil, good, () => evil.workshop.set('game', { toString: 1 }));
    expect(good.workshop.get('game')).toEqual({ toString: 1 }); // the hostile value arrived
    const read = readWorkshop(good);
    expect(read.workshop.game).toBe('productivity');
    expect(read.warnings.map((w) => w.message)).toEqual(['game “object” is not known']);
  });

  it('buildTree: 200,000 children of one node (src/domain/tree.ts:92)', () => {
    const problems = new Problems();
    const metrics: Metric[] = [readMetric('root', { name: 'Root' }, problems)];
    for (let i = 0; i < 200_000; i++)
      metrics.push(readMetric(`c${i}`, { name: 'C', parentId: 'root' }, problems));
    expect(() => checkTreeHealth(buildTree(metrics))).not.toThrow();
  });

  it('readEntries: out-of-range periods are taken as valid (src/doc/entries.ts:13)', () => {
    const { good, evil, v } = setup();
    const bad = ['2025-13', '2025-00', '2025-W00', '2025-W54', '2025-02-30', '2025-99-99'];
    receive(evil, good, () => {
      for (const period of bad) entriesOf(evil, v.child).set(period, [1, '', null, 1]);
    });
    const { entries, invalid } = readEntries(good, v.child);
    const metric = readMetrics(good).metrics.find((m) => m.id === v.child)!;
    expect(() => summarize(metric, pointsOf(entries), entries, '2026-01-15')).not.toThrow();
    expect(invalid).toBe(bad.length);
  });

  it('summarize: createdAt beyond the Date range (src/domain/checkin.ts:80)', () => {
    const good = withMetricField('createdAt', 1e300);
    const metric = readMetrics(good).metrics.find((m) => m.id === 'bad')!;
    expect(() => summarize(metric, [], [], '2026-01-15')).not.toThrow();
  });

  it('summarize, dueCheckins: baselineDate 2025-02-30 (src/domain/validate.ts:66)', () => {
    const good = withMetricField('baselineDate', '2025-02-30');
    const metric = readMetrics(good).metrics.find((m) => m.id === 'bad')!;
    expect(() => dueCheckins([metric], new Map(), '2026-01-15')).not.toThrow();
    expect(() => summarize(metric, [], [], '2026-01-15')).not.toThrow();
  });
});
