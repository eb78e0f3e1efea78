import type { SyncProvider } from '../domain/shareLink';
import { getSetting, putSetting } from './registry';

/** How a workspace syncs live; kept on this device only (the key never enters the document). */
export interface SyncSettings {
  key: string;
  provider: SyncProvider;
  signaling: string[];
  websocketUrl: string | null;
  turn: { url: string; username: string; credential: string } | null;
}

const isSettings = (v: unknown): v is SyncSettings => {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<SyncSettings>;
  return (
    typeof s.key === 'string' &&
    (s.provider === 'webrtc' || s.provider === 'websocket' || s.provider === 'hocuspocus') &&
    Array.isArray(s.signaling) &&
    s.signaling.every((u) => typeof u === 'string')
  );
};

export async function getSyncSettings(workspaceId: string): Promise<SyncSettings | null> {
  return (await getSetting(`sync:${workspaceId}`, isSettings)) ?? null;
}

export async function putSyncSettings(
  workspaceId: string,
  settings: SyncSettings | null,
): Promise<void> {
  await putSetting(`sync:${workspaceId}`, settings);
}

/** When this device last synced with each teammate (by display name), ms since epoch. */
export type LastSynced = Record<string, number>;

const isLastSynced = (v: unknown): v is LastSynced =>
  typeof v === 'object' && v !== null && Object.values(v).every((t) => typeof t === 'number');

export async function getLastSynced(workspaceId: string): Promise<LastSynced> {
  return (await getSetting(`peers:${workspaceId}`, isLastSynced)) ?? {};
}

export async function putLastSynced(workspaceId: string, value: LastSynced): Promise<void> {
  await putSetting(`peers:${workspaceId}`, value);
}
