import * as Y from 'yjs';
import type { WorkspaceDoc } from '../doc/schema';
import { applyAndReport, describeReport } from '../doc/changeReport';
import { exportSyncFile, readSyncFile } from '../sync/syncFile';
import { formatShareLink, type ShareInfo } from '../domain/shareLink';
import { connectLive, type LiveConnection, type LiveStatus } from '../sync/live';
import { newKey, roomName } from '../sync/keys';
import {
  getLastSynced,
  getSyncSettings,
  putLastSynced,
  putSyncSettings,
  type LastSynced,
  type SyncSettings,
} from '../storage/syncSettings';

/** A teammate whose copy is connected right now. */
export interface Teammate {
  clientId: number;
  name: string;
  color: string;
}

export interface Identity {
  name: string;
  color: string;
}

/** The public signaling server y-webrtc uses by default; public ones come and go (y-webrtc#43). */
export const DEFAULT_SIGNALING = ['wss://y-webrtc-eu.fly.dev'];

const POLL_MS = 1000;
/** How long a copy may try to reach its server before the Share tab says no one can be reached. */
export const UNREACHABLE_MS = 6000;

/** Origin of changes merged from a sync file: not local, so they are never undone here. */
const SYNC_FILE_ORIGIN = { name: 'lodestar-sync-file' } as const;
const PERSIST_MS = 30_000;

/**
 * Live sync of one open workspace: its device-local settings (key, provider, addresses), the
 * connection state, who is online, and when this copy last synced with each teammate.
 */
export class LiveSync {
  settings = $state.raw<SyncSettings | null>(null);
  status = $state<LiveStatus>({ state: 'offline', peers: 0 });
  online = $state.raw<Teammate[]>([]);
  lastSynced = $state.raw<LastSynced>({});
  error = $state<string | null>(null);
  /** Messages from peers that could not be read and were dropped (shown in the Share tab). */
  dropped = $state(0);
  /** Signaling messages sealed with another key (someone with the room name only), ignored. */
  foreign = $state(0);
  /** The server has not answered for UNREACHABLE_MS since this connection started trying. */
  unreachable = $state(false);
  private connectingSince = 0;
  private conn: LiveConnection | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private generation = 0;
  private persistedAt = 0;
  private closing: Promise<void> = Promise.resolve();

  private readonly doc: Y.Doc;

  constructor(
    private readonly workspaceId: string,
    private readonly ws: WorkspaceDoc,
    private readonly identity: () => Identity,
    private readonly writable: () => boolean,
  ) {
    this.doc = ws.doc;
  }

  /** Everything in this copy as a sync file encrypted with the key; null when not shared. */
  async exportSyncFile(): Promise<Uint8Array | null> {
    const key = this.settings?.key;
    if (!key) return null;
    return exportSyncFile(Y.encodeStateAsUpdate(this.doc), this.workspaceId, key);
  }

  /**
   * Merges a teammate's sync file (idempotent, any order) and says what it brought. A file for
   * another workspace, under another key, cut short or tampered with changes nothing.
   */
  async importSyncFile(
    bytes: Uint8Array,
  ): Promise<{ ok: true; report: string } | { ok: false; error: string }> {
    const key = this.settings?.key;
    if (!key || !this.writable())
      return { ok: false, error: 'This workspace cannot take changes here.' };
    const file = await readSyncFile(bytes, this.workspaceId, key);
    if (!file.ok) return file;
    try {
      return {
        ok: true,
        report: describeReport(this.ws, applyAndReport(this.ws, file.update, SYNC_FILE_ORIGIN)),
      };
    } catch {
      return {
        ok: false,
        error: 'The sync file opened but its content could not be read; nothing was changed.',
      };
    }
  }

  async load(): Promise<void> {
    this.lastSynced = await getLastSynced(this.workspaceId);
    this.settings = await getSyncSettings(this.workspaceId);
    window.addEventListener('offline', this.goOffline);
    window.addEventListener('online', this.goOnline);
    if (this.settings && navigator.onLine) await this.connect();
  }

  /**
   * Without a network the connection is torn down; edits stay here and go out on reconnect.
   * Coming back builds a fresh connection (a new peer id), so no peer is left holding a stale
   * connection under our old id, which y-webrtc would never replace.
   */
  private readonly goOffline = (): void => void this.disconnect();

  private readonly goOnline = (): void => {
    if (this.settings && !this.conn) void this.connect();
  };

  /** Turns sharing on with a fresh key. */
  async share(signaling: string[] = DEFAULT_SIGNALING): Promise<void> {
    await this.save({
      key: newKey(),
      provider: 'webrtc',
      signaling,
      websocketUrl: null,
      turn: null,
    });
  }

  /** A new key: holders of the old link receive nothing new from now on. */
  async resetLink(): Promise<void> {
    if (this.settings) await this.save({ ...this.settings, key: newKey() });
  }

  async update(patch: Partial<Omit<SyncSettings, 'key'>>): Promise<void> {
    if (this.settings) await this.save({ ...this.settings, ...patch });
  }

  async stopSharing(): Promise<void> {
    await this.save(null);
  }

  /** Saves settings and reconnects with them. */
  async save(settings: SyncSettings | null): Promise<void> {
    await putSyncSettings(this.workspaceId, settings);
    this.settings = settings;
    await this.disconnect();
    if (settings && navigator.onLine) await this.connect();
  }

  /** Drops the connection that could not reach anyone and tries afresh with the same settings. */
  async retry(): Promise<void> {
    await this.disconnect();
    if (this.settings && navigator.onLine) await this.connect();
  }

  link(base: string, name: string): string | null {
    const s = this.settings;
    if (!s) return null;
    const info: ShareInfo = {
      workspaceId: this.workspaceId,
      key: s.key,
      name,
      signaling: s.signaling,
      provider: s.provider,
      websocketUrl: s.websocketUrl,
      turn: s.turn,
    };
    return formatShareLink(base, info);
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    // A room can be opened again only once the previous connection has fully let go of it.
    await this.closing;
    const s = this.settings;
    if (!s || generation !== this.generation) return;
    try {
      const room = await roomName(s.key);
      const conn = await connectLive(
        this.doc,
        { ...s, room },
        () => this.dropped++,
        () => this.foreign++,
        () =>
          (this.error =
            'The sync server refused this copy: it does not hold the workspace’s current key. ' +
            'Ask a teammate for the current link (after Reset link, the old one stops working).'),
      );
      if (generation !== this.generation) {
        await conn.destroy();
        return;
      }
      this.conn = conn;
      this.error = null;
      const me = this.identity();
      conn.awareness.setLocalStateField('user', { name: me.name, color: me.color });
      this.timer = setInterval(() => this.poll(), POLL_MS);
      this.poll();
    } catch (error) {
      this.error = `Live sync could not start: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private poll(): void {
    const conn = this.conn;
    if (!conn) return;
    this.status = conn.status();
    const now = Date.now();
    // A Yjs server that refuses reports 'offline' between its attempts: still trying.
    const trying = this.status.state === 'connecting' || this.status.state === 'offline';
    if (!trying) this.connectingSince = 0;
    else if (this.connectingSince === 0) this.connectingSince = now;
    this.unreachable = this.connectingSince !== 0 && now - this.connectingSince >= UNREACHABLE_MS;
    const online: Teammate[] = [];
    conn.awareness.getStates().forEach((state, clientId) => {
      if (clientId === conn.awareness.clientID) return;
      const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
      const name = typeof user?.name === 'string' ? user.name.slice(0, 100) : 'Someone';
      const color =
        typeof user?.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color)
          ? user.color
          : '#57606a';
      online.push({ clientId, name, color });
    });
    this.online = online;
    if (this.status.state === 'connected' && online.length > 0) {
      const next = { ...this.lastSynced };
      for (const t of online) next[t.name] = now;
      this.lastSynced = next;
      // Kept in memory every second, written to the device at most twice a minute.
      if (now - this.persistedAt > PERSIST_MS) {
        this.persistedAt = now;
        void putLastSynced(this.workspaceId, next);
      }
    }
  }

  /** Updates the name and colour teammates see. */
  announce(): void {
    const me = this.identity();
    this.conn?.awareness.setLocalStateField('user', { name: me.name, color: me.color });
  }

  private disconnect(): Promise<void> {
    if (this.persistedAt > 0) void putLastSynced(this.workspaceId, this.lastSynced);
    this.generation++;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const conn = this.conn;
    this.conn = null;
    this.status = { state: 'offline', peers: 0 };
    this.connectingSince = 0;
    this.unreachable = false;
    this.online = [];
    const previous = this.closing;
    this.closing = previous.then(() => conn?.destroy()).catch(() => undefined);
    return this.closing;
  }

  destroy(): void {
    window.removeEventListener('offline', this.goOffline);
    window.removeEventListener('online', this.goOnline);
    void this.disconnect();
  }
}
