/**
 * Versions of a workspace saved on this device (checkpoints): the encoded document,
 * gzip-compressed (CompressionStream), in the device database, with what it held (live records
 * per map, each client's clock) so the History screen can say what changed between two without
 * opening either. A version identical to the newest (same SHA-256) is not saved again; after each
 * save the list is thinned (domain/checkpointThinning.ts).
 */
import * as Y from 'yjs';
import { checkpointsToDrop } from '../domain/checkpointThinning';
import type { CheckpointReason, CheckpointRecord, LocalDb } from './db';

/** Dexie loads on the first use of a version, not with the screen that may save one. */
const localDb = async (): Promise<LocalDb> => (await import('./db')).localDb();

export type { CheckpointReason, CheckpointRecord };
export type Checkpoint = CheckpointRecord & { id: number };

async function through(
  data: Uint8Array,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array> {
  const out = new Blob([data.slice()]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

async function sha256(data: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data.slice()));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function clocksOf(doc: Y.Doc): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
    out[String(client)] = clock;
  }
  return out;
}

/**
 * Saves the document as a version of the workspace, unless it is the same as the newest one;
 * returns what was saved (or the newest, when unchanged). Rejects when storage refuses (a full
 * disk): the caller says so and nothing else is affected.
 */
export async function saveCheckpoint(
  workspaceId: string,
  doc: Y.Doc,
  reason: CheckpointReason,
  counts: Record<string, number>,
  now = Date.now(),
): Promise<{ checkpoint: Checkpoint; saved: boolean }> {
  const encoded = Y.encodeStateAsUpdate(doc);
  const clocks = clocksOf(doc);
  const hash = await sha256(encoded);
  const db = await localDb();
  const newest = await newestCheckpoint(workspaceId);
  if (newest && newest.hash === hash) return { checkpoint: newest, saved: false };
  const data = await through(encoded, new CompressionStream('gzip'));
  const record: CheckpointRecord = {
    workspaceId,
    at: now,
    reason,
    stored: data.byteLength,
    size: encoded.byteLength,
    counts,
    clocks,
    hash,
  };
  const id = await db.transaction('rw', db.checkpoints, db.checkpointData, async () => {
    const id = (await db.checkpoints.add(record)) as number; // '++id': Dexie assigns it
    await db.checkpointData.put({ id, data });
    return id;
  });
  await thin(workspaceId, now);
  return { checkpoint: { ...record, id }, saved: true };
}

async function newestCheckpoint(workspaceId: string): Promise<Checkpoint | undefined> {
  const list = await (
    await localDb()
  ).checkpoints
    .where('[workspaceId+at]')
    .between([workspaceId, -Infinity], [workspaceId, Infinity])
    .reverse()
    .limit(1)
    .toArray();
  return list[0] as Checkpoint | undefined;
}

/** The saved versions of a workspace, newest first (without their content). */
export async function listCheckpoints(workspaceId: string): Promise<Checkpoint[]> {
  const list = await (
    await localDb()
  ).checkpoints
    .where('[workspaceId+at]')
    .between([workspaceId, -Infinity], [workspaceId, Infinity])
    .reverse()
    .toArray();
  return list as Checkpoint[];
}

/** A saved version's encoded document; rejects when it is missing or cannot be read. */
export async function loadCheckpoint(id: number): Promise<Uint8Array> {
  const row = await (await localDb()).checkpointData.get(id);
  if (!row || !(row.data instanceof Uint8Array)) {
    throw new Error('This version is no longer on this device');
  }
  return through(row.data, new DecompressionStream('gzip'));
}

async function thin(workspaceId: string, now: number): Promise<void> {
  const list = await listCheckpoints(workspaceId);
  const drop = checkpointsToDrop(list, now);
  if (drop.length === 0) return;
  const db = await localDb();
  await db.transaction('rw', db.checkpoints, db.checkpointData, async () => {
    await db.checkpoints.bulkDelete(drop);
    await db.checkpointData.bulkDelete(drop);
  });
}

/** Forgets every saved version of a workspace (when the workspace itself is deleted). */
export async function deleteCheckpoints(workspaceId: string): Promise<void> {
  const db = await localDb();
  const ids = (await listCheckpoints(workspaceId)).map((c) => c.id);
  await db.transaction('rw', db.checkpoints, db.checkpointData, async () => {
    await db.checkpoints.bulkDelete(ids);
    await db.checkpointData.bulkDelete(ids);
  });
}
