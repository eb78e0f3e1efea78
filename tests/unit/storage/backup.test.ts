import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TEMPLATES } from '../../../src/domain/templates';
import { initWorkspace } from '../../../src/doc/meta';
import { addMetric, deleteMetrics, setTarget } from '../../../src/doc/metrics';
import { addPerson } from '../../../src/doc/people';
import { setEntries } from '../../../src/doc/entries';
import { addCandidate, scoreCandidate } from '../../../src/doc/workshop';
import { applyTemplate } from '../../../src/doc/templates';
import { rootsOf, workspaceDoc, type WorkspaceDoc } from '../../../src/doc/schema';
import {
  addExperiment,
  addExperimentMilestone,
  addRetroItem,
  editScope,
  setExperimentStatus,
  setSprintRhythm,
} from '../../../src/doc/experiments';
import {
  backupChecksum,
  backupFileName,
  exportBackup,
  fromBase64,
  readBackup,
  toBase64,
} from '../../../src/storage/backup';
import { replica } from '../doc/replicas';

/**
 * A workspace with a bit of everything: tree, targets, people, entries, workshop, deletions,
 * an experiment with its parts, a retrospective and a setting.
 */
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
  const bet = addExperiment(ws, { title: 'Checklist', hypothesisMetricId: root }, person);
  addExperimentMilestone(ws, bet, { title: 'Design', estimateHours: 6 });
  editScope(ws, bet, 'decisionRule', 'ship if +5 %');
  setExperimentStatus(ws, bet, 'running', person, '2026-11-02');
  setSprintRhythm(ws, '2026-11-02', 14);
  addRetroItem(ws, '2026-11-02', 'action', 'Call Acme');
  return ws;
}

/** Every top-level map of the document, from the list of areas. */
const NAMES = rootsOf(workspaceDoc(new Y.Doc())).map((r) => r.name);
const snapshot = (doc: Y.Doc): Record<string, unknown> =>
  Object.fromEntries(NAMES.map((n) => [n, doc.getMap(n).toJSON()]));

type Json = Record<string, unknown>;

/** A real exported file of the full workspace (id abc123, name A), parsed. */
async function exportedFile(): Promise<Json> {
  return JSON.parse((await exportBackup(fullWorkspace().doc, { id: 'abc123', name: 'A' })).text);
}

/** A file's checksum recomputed for its content, as Lodestar would have written it. */
async function resigned(file: Json): Promise<Json> {
  if (typeof file['update'] !== 'string') return file;
  const checksum = await backupChecksum({
    format: file['format'],
    version: file['version'],
    workspace: file['workspace'],
    exportedAt: file['exportedAt'],
    update: file['update'],
  });
  return { ...file, checksum };
}

/**
 * A version 2 file with `patch` applied and a checksum that matches the patched content, so the
 * check under test is the one after the checksum.
 */
async function backupText(patch: Json, base?: string): Promise<string> {
  const file = base === undefined ? await exportedFile() : (JSON.parse(base) as Json);
  return JSON.stringify(await resigned({ ...file, ...patch }));
}

/** The same, as a version 1 file (earlier Lodestar: no checksum). */
async function v1Text(patch: Json, base?: string): Promise<string> {
  const file = base === undefined ? await exportedFile() : (JSON.parse(base) as Json);
  delete file['checksum'];
  return JSON.stringify({ ...file, version: 1, ...patch });
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** What readBackup rejected with, or null when it accepted. */
async function refusal(text: string): Promise<string | null> {
  try {
    await readBackup(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const DATA_CHANGED =
  /^This backup file was changed after Lodestar saved it: its workspace data does not match its checksum\. Restore from an unchanged copy\.$/;
const HEADER_CHANGED =
  /^This backup file was changed after Lodestar saved it: its workspace name, id or date do not match its checksum\. Restore from an unchanged copy\.$/;
const NO_CHECKSUM = /damaged: its checksum is missing or invalid/;

describe('backup round trip', () => {
  it('gives back exactly the same document', async () => {
    const ws = fullWorkspace();
    const now = new Date(Date.UTC(2026, 10, 23, 8, 0));
    const { fileName, text } = await exportBackup(
      ws.doc,
      { id: 'ws_01', name: 'Acme growth' },
      now,
    );
    expect(fileName).toMatch(/^lodestar-acme-growth-backup-\d{4}-\d{2}-\d{2}\.json$/);

    const file = JSON.parse(text) as Json;
    expect(file).toMatchObject({
      format: 'lodestar-backup',
      version: 2,
      workspace: { id: 'ws_01', name: 'Acme growth' },
      exportedAt: '2026-11-23T08:00:00.000Z',
      checksum: { algorithm: 'SHA-256' },
    });

    const backup = await readBackup(text);
    expect(backup.id).toBe('ws_01');
    expect(backup.name).toBe('Acme growth');
    expect(backup.verified).toBe(true);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, backup.update);
    // Same state, byte for byte, and the same content in every top-level type.
    expect(Y.encodeStateAsUpdate(fresh)).toEqual(Y.encodeStateAsUpdate(ws.doc));
    expect(Y.encodeStateVector(fresh)).toEqual(Y.encodeStateVector(ws.doc));
    expect(snapshot(fresh)).toEqual(snapshot(ws.doc));
    expect([...fresh.share.keys()].sort()).toEqual([...ws.doc.share.keys()].sort());
    expect(Object.keys(snapshot(fresh)['entries'] as object)).toHaveLength(ws.entries.size);
  });

  it('restored copies merge with the original (same history)', async () => {
    const ws = fullWorkspace();
    const backup = await readBackup((await exportBackup(ws.doc, { id: 'x1', name: 'A' })).text);
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

describe('backup checksum', () => {
  it('is the SHA-256 of the header as a JSON array and of the update text as written', async () => {
    const { text } = await exportBackup(
      fullWorkspace().doc,
      { id: 'ws_9', name: 'Ünïcode “name”, with: [brackets]' },
      new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)),
    );
    const file = JSON.parse(text) as {
      format: string;
      version: number;
      workspace: { id: string; name: string };
      exportedAt: string;
      update: string;
      checksum: { algorithm: string; workspace: string; data: string };
    };
    expect(file.checksum).toEqual({
      algorithm: 'SHA-256',
      workspace: sha256(
        JSON.stringify([
          'lodestar-backup',
          2,
          'ws_9',
          'Ünïcode “name”, with: [brackets]',
          '2026-01-02T03:04:05.006Z',
        ]),
      ),
      data: sha256(file.update),
    });
    expect((await readBackup(text)).verified).toBe(true);
  });

  it('refuses a changed name, id, date or data, naming the part that changed', async () => {
    const file = await exportedFile();
    const update = file['update'] as string;
    const flip = (s: string, i: number): string =>
      s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const cases: Array<[string, Json, RegExp]> = [
      ['name', { workspace: { id: 'abc123', name: 'B' } }, HEADER_CHANGED],
      ['id', { workspace: { id: 'abc124', name: 'A' } }, HEADER_CHANGED],
      ['date', { exportedAt: (file['exportedAt'] as string).replace(/^\d/, '3') }, HEADER_CHANGED],
      ['no date', { exportedAt: undefined }, HEADER_CHANGED],
      ['data (first character)', { update: flip(update, 0) }, DATA_CHANGED],
      ['data (middle)', { update: flip(update, update.length >> 1) }, DATA_CHANGED],
      [
        'data with a line break',
        { update: update.slice(0, 10) + '\n' + update.slice(10) },
        DATA_CHANGED,
      ],
    ];
    for (const [what, patch, message] of cases) {
      const text = JSON.stringify({ ...file, ...patch });
      expect(await refusal(text), what).toMatch(message);
    }
  });

  it('refuses a change in the base64 padding bits, which decode to the same bytes', async () => {
    // Find a workspace whose update length is not a multiple of 3, so its base64 has padding.
    let file: Json | undefined;
    for (let n = 1; file === undefined; n++) {
      const ws = replica(11);
      initWorkspace(ws, 'P'.repeat(n), 1_700_000_000_000);
      const candidate = JSON.parse((await exportBackup(ws.doc, { id: 'pad', name: 'P' })).text);
      if ((candidate.update as string).endsWith('=')) file = candidate as Json;
    }
    const update = file['update'] as string;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const last = update.replace(/=+$/, '').length - 1;
    // The lowest bit of the last data character is always padding.
    const changedUpdate =
      update.slice(0, last) +
      alphabet[alphabet.indexOf(update[last]!) ^ 1] +
      update.slice(last + 1);
    expect(changedUpdate).not.toBe(update);
    expect(fromBase64(changedUpdate)).toEqual(fromBase64(update));
    expect(await refusal(JSON.stringify({ ...file, update: changedUpdate }))).toMatch(DATA_CHANGED);
  });

  it('refuses a version 2 file without a valid checksum as damaged', async () => {
    const file = await exportedFile();
    const checksum = file['checksum'] as { algorithm: string; workspace: string; data: string };
    const cases: Array<[string, unknown]> = [
      ['no checksum', undefined],
      ['a string', checksum.data],
      ['an array', [checksum.workspace, checksum.data]],
      ['another algorithm', { ...checksum, algorithm: 'MD5' }],
      ['no algorithm', { workspace: checksum.workspace, data: checksum.data }],
      ['upper-case hex', { ...checksum, data: checksum.data.toUpperCase() }],
      ['short hex', { ...checksum, workspace: checksum.workspace.slice(1) }],
      ['no data hash', { algorithm: 'SHA-256', workspace: checksum.workspace }],
    ];
    for (const [what, value] of cases) {
      expect(await refusal(JSON.stringify({ ...file, checksum: value })), what).toMatch(
        NO_CHECKSUM,
      );
    }
    const swapped = { ...checksum, workspace: checksum.data, data: checksum.workspace };
    expect(await refusal(JSON.stringify({ ...file, checksum: swapped }))).toMatch(HEADER_CHANGED);
  });

  it('refuses every single-character change of a real backup file', async () => {
    const ws = replica(3);
    initWorkspace(ws, 'Ab', 1_700_000_000_000);
    const { text } = await exportBackup(
      ws.doc,
      { id: 'w1z', name: 'Ab' },
      new Date(Date.UTC(2026, 10, 23, 8, 0)),
    );
    const original = await readBackup(text);
    expect(original.verified).toBe(true);

    /** Where a value sits in the text: [start, end) of the characters after `prefix`. */
    const after = (prefix: string, end = '"', from = 0): [number, number] => {
      const start = text.indexOf(prefix, from);
      expect(start).toBeGreaterThanOrEqual(0);
      return [start + prefix.length, text.indexOf(end, start + prefix.length)];
    };
    const keyStart = text.indexOf('"checksum":') + 1;
    const regions: Array<[string, [number, number], RegExp]> = [
      ['data', after('"update":"'), DATA_CHANGED],
      ['id', after('"id":"'), HEADER_CHANGED],
      ['name', after('"name":"'), HEADER_CHANGED],
      ['date', after('"exportedAt":"'), HEADER_CHANGED],
      ['version', after('"version":', ','), /version/],
      [
        'workspace checksum',
        after('"workspace":"', '"', text.indexOf('"checksum"')),
        HEADER_CHANGED,
      ],
      ['data checksum', after('"data":"'), DATA_CHANGED],
      ['key "checksum"', [keyStart, keyStart + 'checksum'.length], NO_CHECKSUM],
    ];
    for (const [what, [from, to]] of regions) expect(to - from, what).toBeGreaterThan(0);

    // Alternatives of the same kind: digits for digits, hex letters for hex letters, and so on.
    const classes = [
      '0123456789',
      'abcdef',
      'ghijklmnopqrstuvwxyz',
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
      '+/=',
      '"{}[]:,.-_ \\',
    ];
    const alternatives = (c: string): string[] => {
      const kind = classes.find((k) => k.includes(c)) ?? classes[classes.length - 1]!;
      const i = kind.indexOf(c);
      return [1, 2, 3, 5, 8]
        .map((step) => kind[(i + step) % kind.length]!)
        .filter((alt, j, all) => alt !== c && all.indexOf(alt) === j);
    };

    const silent: string[] = [];
    let tried = 0;
    for (let i = 0; i < text.length; i++) {
      const region = regions.find(([, [from, to]]) => i >= from && i < to);
      for (const alt of alternatives(text[i]!)) {
        const mutated = text.slice(0, i) + alt + text.slice(i + 1);
        tried++;
        const message = await refusal(mutated);
        if (message === null) {
          // Accepted: only acceptable when it gives back exactly the same content.
          const back = await readBackup(mutated);
          expect({ ...back, update: [...back.update] }).toEqual({
            ...original,
            update: [...original.update],
          });
          silent.push(`${i}: ${JSON.stringify(text[i])} → ${JSON.stringify(alt)}`);
          continue;
        }
        // Inside a value, a quote or backslash breaks the JSON itself: refused, as not JSON.
        if (region && isJson(mutated)) {
          const [what, , expected] = region;
          const expectedHere =
            what === 'key "checksum"' || !/checksum/.test(what) || /[0-9a-f]/.test(alt)
              ? expected
              : NO_CHECKSUM;
          expect(message, `${what} at ${i}: ${text[i]} → ${alt}`).toMatch(expectedHere);
        }
      }
    }
    expect(tried).toBeGreaterThan(text.length * 2);
    // JSON.stringify writes no whitespace or escapes, so no change leaves the content the same.
    expect(silent).toEqual([]);
  });
});

describe('version 1 backups (no checksum)', () => {
  it('are still read, marked unverified', async () => {
    const ws = fullWorkspace();
    const v2 = (await exportBackup(ws.doc, { id: 'old_1', name: 'Acme growth' })).text;
    const backup = await readBackup(await v1Text({}, v2));
    expect(backup).toMatchObject({ id: 'old_1', name: 'Acme growth', verified: false });
    expect(backup.update).toEqual((await readBackup(v2)).update);
  });

  it('refuse a checksum: the version was changed', async () => {
    const file = await exportedFile();
    const text = JSON.stringify({ ...file, version: 1 });
    expect(await refusal(text)).toMatch(
      /changed after Lodestar saved it: its version does not match its checksum/,
    );
  });
});

describe('readBackup rejects what is not a valid backup', () => {
  const fixed: Array<[string, string, RegExp]> = [
    ['not JSON', 'weekday,value\nMon,3', /not a Lodestar backup.*not JSON/],
    ['JSON of something else', '{"hello":1}', /not a Lodestar backup/],
    ['an array', '[1,2]', /not a Lodestar backup/],
  ];
  for (const [what, text, message] of fixed) {
    it(`rejects ${what}`, async () => {
      await expect(readBackup(text)).rejects.toThrow(message);
    });
  }

  // Each as a version 2 file whose checksum matches, and as a version 1 file.
  const cases: Array<[string, Json, RegExp]> = [
    ['another format', { format: 'lodestar-sync' }, /not a Lodestar backup/],
    ['a newer version', { version: 3 }, /newer version of Lodestar \(backup version 3\)/],
    ['an unknown version', { version: '1' }, /version \(1\) is not one/],
    ['no version', { version: undefined }, /version \(undefined\)/],
    ['no workspace', { workspace: undefined }, /workspace id is missing/],
    ['a bad id', { workspace: { id: '../x', name: 'A' } }, /id is missing or inv/],
    ['no name', { workspace: { id: 'abc' } }, /workspace name is missing/],
    ['bad base64', { update: 'not base64!' }, /not valid base64/],
    ['an empty update', { update: '' }, /not valid base64/],
    ['a number as update', { update: 42 }, /not valid base64/],
    ['garbage bytes', { update: btoa('hello world, not yjs') }, /cannot be read/],
    ['an empty document', { update: toBase64(new Uint8Array([0, 0])) }, /no work/],
  ];
  for (const [what, patch, message] of cases) {
    it(`rejects ${what}`, async () => {
      await expect(readBackup(await backupText(patch))).rejects.toThrow(message);
      const v1 = patch['version'] === undefined && 'version' in patch ? patch : { ...patch };
      await expect(readBackup(await v1Text(v1))).rejects.toThrow(message);
    });
  }

  it('rejects a cut-short update', async () => {
    const full = (await exportBackup(fullWorkspace().doc, { id: 'abc', name: 'A' })).text;
    const update = fromBase64(JSON.parse(full).update as string)!;
    const patch = { update: toBase64(update.subarray(0, update.length - 40)) };
    await expect(readBackup(await backupText(patch, full))).rejects.toThrow(/damaged/);
    await expect(readBackup(await v1Text(patch, full))).rejects.toThrow(/damaged/);
  });

  it('rejects an update that depends on changes it does not hold', async () => {
    const ws = fullWorkspace();
    const before = Y.encodeStateVector(ws.doc);
    ws.meta.set('name', 'Later');
    const patch = { update: toBase64(Y.encodeStateAsUpdate(ws.doc, before)) };
    await expect(readBackup(await backupText(patch))).rejects.toThrow(/incomplete/);
    await expect(readBackup(await v1Text(patch))).rejects.toThrow(/incomplete/);
  });

  it('accepts a byte-order mark and unknown extra fields', async () => {
    const text = '\ufeff' + (await backupText({ note: 'from the future' }));
    expect(await readBackup(text)).toMatchObject({ id: 'abc123', verified: true });
    const old = '\ufeff' + (await v1Text({ note: 'from the future' }));
    expect(await readBackup(old)).toMatchObject({ id: 'abc123', verified: false });
  });
});
