import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docHealth, unreadableParts } from '../../../src/doc/health';
import { initWorkspace, SCHEMA_VERSION } from '../../../src/doc/meta';
import { addMetric } from '../../../src/doc/metrics';
import { editBrief } from '../../../src/doc/briefs';
import { setEntries } from '../../../src/doc/entries';
import type { WorkspaceDoc } from '../../../src/doc/schema';
import { replica, syncOneWay } from './replicas';

/** A workspace with a little of everything, as this build writes it. */
function workspace(): WorkspaceDoc {
  const ws = replica(1);
  initWorkspace(ws, 'Acme', 1);
  const nsm = addMetric(ws, { name: 'Weekly active teams', kind: 'north-star' }, null, 1);
  setEntries(ws, [{ metricId: nsm, period: '2026-W40', value: 10, note: '', by: null }], 1);
  editBrief(ws, 'ann', 'strategy', 'Grow by focus', '2026-10-01');
  return ws;
}

let peers = 600;

/** A peer holding the key claims a version; the copy receives it as an ordinary update. */
function claim(ws: WorkspaceDoc, version: unknown, more: (peer: WorkspaceDoc) => void = () => {}) {
  const peer = replica(peers++);
  syncOneWay(ws, peer);
  peer.doc.transact(() => {
    peer.meta.set('schemaVersion', version);
    more(peer);
  });
  syncOneWay(peer, ws);
}

describe('docHealth: a claimed version is weighed against the data', () => {
  it('a version this build knows is fine, junk or not (junk is only warned about)', () => {
    const ws = workspace();
    expect(docHealth(ws)).toEqual({ kind: 'ok' });
    ws.meta.delete('schemaVersion');
    expect(docHealth(ws)).toEqual({ kind: 'ok' });
    ws.meta.set('schemaVersion', 0);
    ws.metrics.set('junk', 42 as unknown as Y.Map<unknown>);
    expect(docHealth(ws)).toEqual({ kind: 'ok' });
  });

  it('a higher version over data that all reads stays editable, with a calm notice', () => {
    const ws = workspace();
    claim(ws, 999);
    const health = docHealth(ws);
    expect(health).toEqual({
      kind: 'claimed',
      version: 999,
      message:
        'A copy of this workspace claims a newer format (999), but everything in it reads correctly here, so it stays editable.',
    });
  });

  it('new fields on a record are kept by the readers, so they do not make a copy read-only', () => {
    const ws = workspace();
    claim(ws, SCHEMA_VERSION + 1, (peer) => {
      peer.metrics.forEach((record) => record.set('confidence', 'high'));
      peer.meta.set('timezone', 'Europe/Paris');
    });
    expect(docHealth(ws).kind).toBe('claimed');
  });

  it('a higher version with a value this build cannot read is read-only, naming it', () => {
    const ws = workspace();
    claim(ws, 999, (peer) => {
      peer.metrics.forEach((record) => record.set('kind', 'wormhole'));
    });
    const health = docHealth(ws);
    expect(health.kind).toBe('unreadable');
    if (health.kind !== 'unreadable') return;
    expect(health.found).toEqual(['metric “Weekly active teams”: kind “wormhole” is not known']);
    expect(health.message).toContain('claims a newer format (999)');
    expect(health.message).toContain('metric “Weekly active teams”: kind “wormhole” is not known');
    expect(health.message).toContain('read-only');
    expect(health.message).toContain('versions saved on this device before that change');
    expect(health.message).not.toMatch(/reload/i);
  });

  it('a top-level type this build does not know, holding data, is read-only; an empty one is not', () => {
    const ws = workspace();
    claim(ws, 999, (peer) => peer.doc.getMap('timeline').set('2026', 'launch'));
    expect(docHealth(ws)).toMatchObject({
      kind: 'unreadable',
      found: ['a part named “timeline” that this version does not know'],
    });

    const emptied = workspace();
    claim(emptied, 999, (peer) => {
      peer.doc.getArray('log').push(['gone']);
      peer.doc.getArray('log').delete(0, 1);
      peer.doc.getMap('scratch').set('k', 1);
      peer.doc.getMap('scratch').delete('k');
    });
    expect([...emptied.doc.share.keys()]).toEqual(expect.arrayContaining(['log', 'scratch']));
    expect(docHealth(emptied).kind).toBe('claimed');
  });

  it("the owners' brief texts are known top-level types; a brief of an unknown kind is not", () => {
    const ws = workspace();
    claim(ws, 999);
    expect(ws.doc.share.has('brief:ann:strategy')).toBe(true);
    expect(unreadableParts(ws)).toEqual([]);
    claim(ws, 999, (peer) => peer.doc.getText('brief:ann:forecast').insert(0, 'Next year'));
    expect(unreadableParts(ws)).toEqual([
      'a part named “brief:ann:forecast” that this version does not know',
    ]);
  });

  it('a version that is not a number is a claim like any other', () => {
    const ws = workspace();
    claim(ws, 'one');
    const health = docHealth(ws);
    expect(health.kind).toBe('claimed');
    expect(health.kind === 'claimed' && health.message).toBe(
      'A copy of this workspace wrote a format version that is not a number (“one”), but everything in it reads correctly here, so it stays editable.',
    );
    claim(ws, -1, (peer) => peer.people.set('p', 'not a person' as unknown as Y.Map<unknown>));
    expect(docHealth(ws)).toMatchObject({
      kind: 'unreadable',
      version: null,
      found: ['people: 1 unreadable person was ignored (written by another copy)'],
    });
  });

  it('any value a peer can store as the version is described without throwing', () => {
    for (const value of [1.5, true, null, { v: 2 }, [3], new Uint8Array([1]), 10n ** 30n]) {
      const ws = workspace();
      claim(ws, value);
      expect(docHealth(ws).kind).toBe('claimed');
    }
  });

  it('names at most three things, then how many more', () => {
    const ws = workspace();
    // Junk in five maps: one summary each (doc/junk.ts), five things found.
    claim(ws, 999, (peer) => {
      for (const map of [peer.people, peer.metrics, peer.plans, peer.insights, peer.experiments])
        for (let i = 0; i < 5; i++) map.set(`p${i}`, i as unknown as Y.Map<unknown>);
    });
    const health = docHealth(ws);
    expect(health.kind === 'unreadable' && health.found).toHaveLength(5);
    expect(health.kind === 'unreadable' && health.message).toContain('(and 2 more)');
  });
});
