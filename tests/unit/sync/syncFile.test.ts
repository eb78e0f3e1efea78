import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyAndReport, describeReport } from '../../../src/doc/changeReport';
import { setEntries } from '../../../src/doc/entries';
import { addMetric } from '../../../src/doc/metrics';
import { addPerson } from '../../../src/doc/people';
import { keyBytes, newKey } from '../../../src/sync/keys';
import { exportSyncFile, readSyncFile, type SyncFileResult } from '../../../src/sync/syncFile';
import { replica } from '../doc/replicas';

const WS = 'abc123def456';
const KEY = newKey();
const MAGIC_LENGTH = 14;
const ID_AT = MAGIC_LENGTH + 2;
const IV_AT = ID_AT + WS.length + 4;
const BODY_AT = IV_AT + 12;

const NOT_OURS = 'This is not a Lodestar sync file';
const WRONG_KEY =
  "This file cannot be opened with this workspace's key: it was made before the link was reset, or it was changed";
const CUT_SHORT = 'This sync file is cut short';

function sample(clientID: number, name: string) {
  const ws = replica(clientID);
  const m = addMetric(ws, { name }, null);
  const periods = ['2025-01', '2025-02', '2025-03'];
  setEntries(
    ws,
    periods.map((period, i) => ({ metricId: m, period, value: i, note: name, by: null })),
  );
  addPerson(ws, { name: 'Person ' + name, team: '', color: '#123456' });
  return ws;
}

function errorOf(result: SyncFileResult): string {
  if (result.ok) throw new Error('accepted');
  return result.error;
}

const flipped = (bytes: Uint8Array, at: number): Uint8Array => {
  const copy = bytes.slice();
  copy[at]! ^= 0x01;
  return copy;
};

describe('sync files', () => {
  it('round-trips an update, and importing it twice brings nothing new', async () => {
    const a = sample(1, 'Users');
    const update = Y.encodeStateAsUpdate(a.doc);
    const file = await exportSyncFile(update, WS, KEY);
    expect(new TextDecoder().decode(file.subarray(0, MAGIC_LENGTH))).toBe('LODESTAR-SYNC\n');
    expect(file[MAGIC_LENGTH]).toBe(1);
    const read = await readSyncFile(file, WS, KEY);
    expect(read).toEqual({ ok: true, update });

    const b = replica(2);
    expect(describeReport(b, applyAndReport(b, update, 'file'))).toBe(
      '1 metric, 3 entries, 1 person',
    );
    expect(describeReport(b, applyAndReport(b, update, 'file'))).toBe('nothing new');
    expect(b.doc.toJSON()).toEqual(a.doc.toJSON());
  });

  it('uses a fresh IV each time', async () => {
    const update = Y.encodeStateAsUpdate(sample(1, 'x').doc);
    const one = await exportSyncFile(update, WS, KEY);
    const two = await exportSyncFile(update, WS, KEY);
    expect(one.subarray(IV_AT, BODY_AT)).not.toEqual(two.subarray(IV_AT, BODY_AT));
  });

  it('merges files from two replicas in either order to the same document', async () => {
    const a = sample(1, 'Hosts');
    const b = sample(2, 'Guests');
    const fileA = await exportSyncFile(Y.encodeStateAsUpdate(a.doc), WS, KEY);
    const fileB = await exportSyncFile(Y.encodeStateAsUpdate(b.doc), WS, KEY);
    const x = replica(3);
    const y = replica(4);
    for (const [target, files] of [
      [x, [fileA, fileB]],
      [y, [fileB, fileA]],
    ] as const) {
      for (const file of files) {
        const read = await readSyncFile(file, WS, KEY);
        if (!read.ok) throw new Error(read.error);
        applyAndReport(target, read.update, 'file');
      }
    }
    expect(x.doc.toJSON()).toEqual(y.doc.toJSON());
    expect(x.metrics.size).toBe(2);
    expect(Y.encodeStateVector(x.doc)).toEqual(Y.encodeStateVector(y.doc));
  });

  it('refuses a file of another workspace or made with another key', async () => {
    const file = await exportSyncFile(Y.encodeStateAsUpdate(sample(1, 'x').doc), WS, KEY);
    expect(errorOf(await readSyncFile(file, 'zzz123def456', KEY))).toBe(
      'This sync file belongs to another workspace',
    );
    expect(errorOf(await readSyncFile(file, WS, newKey()))).toBe(WRONG_KEY);
    expect(errorOf(await readSyncFile(file, WS, 'not a key'))).toBe(WRONG_KEY);
  });

  it('refuses any flipped byte: header, IV or ciphertext', async () => {
    const file = await exportSyncFile(Y.encodeStateAsUpdate(sample(1, 'x').doc), WS, KEY);
    const expected = (at: number): string[] => {
      if (at <= MAGIC_LENGTH) return [NOT_OURS]; // magic, or version 1 turned to 0
      if (at < IV_AT - 4) return ['This sync file belongs to another workspace']; // id or its length
      if (at < IV_AT) return [CUT_SHORT, WRONG_KEY]; // ciphertext length: longer or shorter
      return [WRONG_KEY];
    };
    for (let at = 0; at < file.length; at++) {
      const error = errorOf(await readSyncFile(flipped(file, at), WS, KEY));
      expect(expected(at), `byte ${at}`).toContain(error);
    }
  });

  it('says a file cut short is cut short, at every length', async () => {
    const file = await exportSyncFile(Y.encodeStateAsUpdate(sample(1, 'x').doc), WS, KEY);
    expect(errorOf(await readSyncFile(file.subarray(0, 0), WS, KEY))).toBe(NOT_OURS);
    for (let n = 1; n < file.length; n++) {
      expect(errorOf(await readSyncFile(file.subarray(0, n), WS, KEY)), `length ${n}`).toBe(
        CUT_SHORT,
      );
    }
    const longer = new Uint8Array(file.length + 1);
    longer.set(file);
    expect(errorOf(await readSyncFile(longer, WS, KEY))).toBe(WRONG_KEY);
  });

  it('refuses files that are not sync files, and a newer version', async () => {
    const text = new TextEncoder().encode('metric,period,value\nUsers,2025-01,1\n'.repeat(3));
    expect(errorOf(await readSyncFile(text, WS, KEY))).toBe(NOT_OURS);
    const file = await exportSyncFile(Y.encodeStateAsUpdate(sample(1, 'x').doc), WS, KEY);
    const newer = file.slice();
    newer[MAGIC_LENGTH] = 2;
    expect(errorOf(await readSyncFile(newer, WS, KEY))).toBe(
      'This sync file comes from a newer version of Lodestar',
    );
    const zero = file.slice();
    zero[MAGIC_LENGTH] = 0;
    expect(errorOf(await readSyncFile(zero, WS, KEY))).toBe(NOT_OURS);
  });

  it('refuses a zip bomb at the 200 MB limit', async () => {
    const zeros = new Uint8Array(200 * 1024 * 1024 + 1);
    const file = await exportSyncFile(zeros, WS, KEY);
    expect(file.length).toBeLessThan(1024 * 1024);
    expect(errorOf(await readSyncFile(file, WS, KEY))).toBe(
      'This sync file is too large to open (over 200 MB unpacked)',
    );
    const small = await exportSyncFile(new Uint8Array(1001), WS, KEY);
    expect(errorOf(await readSyncFile(small, WS, KEY, 1000))).toMatch(/too large/);
    expect((await readSyncFile(small, WS, KEY, 1001)).ok).toBe(true);
  }, 30_000);

  it('says so when authentic contents do not unpack', async () => {
    // Re-seal a real file's header around bytes that are not deflate data.
    const file = await exportSyncFile(new Uint8Array(10), WS, KEY);
    const header = file.slice(0, BODY_AT);
    const junk = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]);
    new DataView(header.buffer).setUint32(IV_AT - 4, junk.length + 16);
    const cryptoKey = await crypto.subtle.importKey('raw', keyBytes(KEY), 'AES-GCM', false, [
      'encrypt',
    ]);
    const sealed = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv: header.slice(IV_AT), additionalData: header },
        cryptoKey,
        junk,
      ),
    );
    const forged = new Uint8Array(BODY_AT + sealed.length);
    forged.set(header);
    forged.set(sealed, BODY_AT);
    expect(errorOf(await readSyncFile(forged, WS, KEY))).toBe(
      'This sync file is damaged: its contents cannot be unpacked',
    );
  });

  it('throws when exporting with a bad key or workspace id', async () => {
    await expect(exportSyncFile(new Uint8Array(1), WS, 'bad')).rejects.toThrow();
    await expect(exportSyncFile(new Uint8Array(1), '', KEY)).rejects.toThrow();
  });
});
