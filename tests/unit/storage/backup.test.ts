import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TEMPLATES } from '../../../src/domain/templates';
import { initWorkspace } from '../../../src/doc/meta';
import { addMetric, deleteMetrics, setTarget } from '../../../src/doc/metrics';
import { addPerson } from '../../../src/doc/people';
import { setEntries } from '../../../src/doc/entries';
import { addCandidate, scoreCandidate } from '../../../src/doc/workshop';
import { applyTemplate } from '../../../src/doc/templates';
import { workspaceDoc, type WorkspaceDoc } from '../../../src/doc/schema';
import {
  backupFileName,
  exportBackup,
  fromBase64,
  readBackup,
  toBase64,
} from '../../../src/storage/backup';
import { replica } from '../doc/replicas';

/** A workspace with a bit of everything: tree, targets, people, entries, workshop, deletions. */
function fullWorkspace(): WorkspaceDoc {
  const ws = replica(7);
  initWorkspace(ws, 'Acme growth', 1_700_000_000_000);
  const root = applyTemplate(ws, TEMPLATES[0]!);
  const person = addPerson(ws, { name: 'Ana', team: 'Growth', color: '#336699' });
  const extra = addMetric(ws, { name: 'Extra', ownerId: person }, root);
  setTarget(ws, root, '2026-Q4', 1200);
  const rows = Array.from({ length: 60 }, (_, i) => ({
    metricId: i % 2 ? root : extra,
    period: `2026-W${String((i % 50) + 1).padStart(2, '0')}`,
    value: i * 1.5,
    note: i % 7 ? '' : `note, with; punctuation ${i} ✦`,
    by: i % 3 ? person : null,
  }));
  setEntries(ws, rows, 1_700_000_000_500);
  const candidate = addCandidate(ws, 'Weekly active teams', 'teams with 3+ users');
  scoreCandidate(ws, candidate, 'actionable', 2);
  const gone = addMetric(ws, { name: 'Gone' }, root);
  deleteMetrics(ws, [gone]);
  return ws;
}

const NAMES = [
  'meta',
  'people',
  'metrics',
  'entries',
  'workshop',
  'candidates',
  'plans',
  'journey',
  'insights',
] as const;
const snapshot = (doc: Y.Doc): Record<string, unknown> =>
  Object.fromEntries(NAMES.map((n) => [n, doc.getMap(n).toJSON()]));

function backupText(patch: Record<string, unknown>, base?: string): string {
  const file = JSON.parse(
    base ?? exportBackup(fullWorkspace().doc, { id: 'abc123', name: 'A' }).text,
  );
  return JSON.stringify({ ...file, ...patch });
}

describe('backup round trip', () => {
  it('gives back exactly the same document', () => {
    const ws = fullWorkspace();
    const now = new Date(Date.UTC(2026, 10, 23, 8, 0));
    const { fileName, text } = exportBackup(ws.doc, { id: 'ws_01', name: 'Acme growth' }, now);
    expect(fileName).toMatch(/^lodestar-acme-growth-backup-\d{4}-\d{2}-\d{2}\.json$/);

    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file).toMatchObject({
      format: 'lodestar-backup',
      version: 1,
      workspace: { id: 'ws_01', name: 'Acme growth' },
      exportedAt: '2026-11-23T08:00:00.000Z',
    });

    const backup = readBackup(text);
    expect(backup.id).toBe('ws_01');
    expect(backup.name).toBe('Acme growth');
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, backup.update);
    // Same state, byte for byte, and the same content in every top-level type.
    expect(Y.encodeStateAsUpdate(fresh)).toEqual(Y.encodeStateAsUpdate(ws.doc));
    expect(Y.encodeStateVector(fresh)).toEqual(Y.encodeStateVector(ws.doc));
    expect(snapshot(fresh)).toEqual(snapshot(ws.doc));
    expect([...fresh.share.keys()].sort()).toEqual([...ws.doc.share.keys()].sort());
    expect(Object.keys(snapshot(fresh)['entries'] as object)).toHaveLength(ws.entries.size);
  });

  it('restored copies merge with the original (same history)', () => {
    const ws = fullWorkspace();
    const backup = readBackup(exportBackup(ws.doc, { id: 'x1', name: 'A' }).text);
    const copy = workspaceDoc(new Y.Doc());
    Y.applyUpdate(copy.doc, backup.update);
    Y.applyUpdate(ws.doc, Y.encodeStateAsUpdate(copy.doc));
    Y.applyUpdate(copy.doc, Y.encodeStateAsUpdate(ws.doc));
    expect(snapshot(copy.doc)).toEqual(snapshot(ws.doc));
    expect(copy.metrics.size).toBe(ws.metrics.size);
  });

  it('encodes large updates in base64 and back', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 31 + (i >> 8)) % 256);
    const text = toBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(fromBase64(text)!).equals(Buffer.from(bytes))).toBe(true);
    expect(fromBase64('')).toEqual(new Uint8Array(0));
    expect(fromBase64('abc')).toBeNull();
    expect(fromBase64('ab$=')).toBeNull();
  });

  it('names files with a slug of the workspace name', () => {
    const day = new Date(2026, 10, 23, 12);
    expect(backupFileName('Équipe Ürün / Q4!', day)).toBe(
      'lodestar-equipe-urun-q4-backup-2026-11-23.json',
    );
    expect(backupFileName('✦✦', day)).toBe('lodestar-workspace-backup-2026-11-23.json');
  });
});

describe('readBackup rejects what is not a valid backup', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['not JSON', 'weekday,value\nMon,3', /not a Lodestar backup.*not JSON/],
    ['JSON of something else', '{"hello":1}', /not a Lodestar backup/],
    ['an array', '[1,2]', /not a Lodestar backup/],
    ['a newer version', backupText({ version: 2 }), /newer version of Lodestar/],
    ['an unknown version', backupText({ version: '1' }), /version \(1\) is not one/],
    ['no version', backupText({ version: undefined }), /version \(undefined\)/],
    ['no workspace', backupText({ workspace: undefined }), /workspace id is missing/],
    ['a bad id', backupText({ workspace: { id: '../x', name: 'A' } }), /id is missing or inv/],
    ['no name', backupText({ workspace: { id: 'abc' } }), /workspace name is missing/],
    ['bad base64', backupText({ update: 'not base64!' }), /not valid base64/],
    ['an empty update', backupText({ update: '' }), /not valid base64/],
    ['a number as update', backupText({ update: 42 }), /not valid base64/],
    ['garbage bytes', backupText({ update: btoa('hello world, not yjs') }), /cannot be read/],
    ['an empty document', backupText({ update: toBase64(new Uint8Array([0, 0])) }), /no work/],
  ];
  for (const [what, text, message] of cases) {
    it(`rejects ${what}`, () => {
      expect(() => readBackup(text)).toThrow(message);
    });
  }

  it('rejects a cut-short update', () => {
    const full = exportBackup(fullWorkspace().doc, { id: 'abc', name: 'A' }).text;
    const update = fromBase64(JSON.parse(full).update as string)!;
    const cut = backupText({ update: toBase64(update.subarray(0, update.length - 40)) }, full);
    expect(() => readBackup(cut)).toThrow(/damaged/);
  });

  it('rejects an update that depends on changes it does not hold', () => {
    const ws = fullWorkspace();
    const before = Y.encodeStateVector(ws.doc);
    ws.meta.set('name', 'Later');
    const tail = Y.encodeStateAsUpdate(ws.doc, before);
    expect(() => readBackup(backupText({ update: toBase64(tail) }))).toThrow(/incomplete/);
  });

  it('accepts a byte-order mark and unknown extra fields', () => {
    const text = '\ufeff' + backupText({ note: 'from the future' });
    expect(readBackup(text).id).toBe('abc123');
  });
});
