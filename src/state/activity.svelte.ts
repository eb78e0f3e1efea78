import * as Y from 'yjs';
import { ChangeCollector, describeReport, type ChangeReport } from '../doc/changeReport';
import { claimClient, readClients } from '../doc/clients';
import { LOCAL_ORIGIN } from '../doc/records';
import type { WorkspaceDoc } from '../doc/schema';
import { getSetting, putSetting } from '../storage/registry';

/** Most activity lines kept per workspace on this device. */
const MAX_LINES = 200;

/** One batch of changes that reached this copy from elsewhere (a teammate, another tab). */
export interface ActivityLine {
  at: number;
  /** The Yjs client ids whose writes it held (named by their claims when shown). */
  clients: number[];
  /** "12 entries, 2 metrics". */
  what: string;
  /** The top-level maps it touched, for links. */
  roots: string[];
}

const isLines = (v: unknown): v is ActivityLine[] =>
  Array.isArray(v) &&
  v.every(
    (l) =>
      typeof l === 'object' &&
      l !== null &&
      typeof (l as ActivityLine).at === 'number' &&
      Array.isArray((l as ActivityLine).clients) &&
      typeof (l as ActivityLine).what === 'string',
  );
const isNumber = (v: unknown): v is number => typeof v === 'number';

/** "Bea", "Bea and Cam", "Ann, Bea and Cam". */
function names(list: readonly string[]): string {
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

/**
 * Who changed what: this copy says which person its Yjs client id belongs to (on its first
 * write of the session, in the document's `clients`), and every batch that arrives from another
 * copy is written down with the client ids whose clocks it advanced, in the words of the change
 * report; the ids are named when shown ("Bea changed 12 entries, 2 metrics"), since a copy's
 * claim may arrive just after its first batch. A batch that only removes (Yjs keeps no author
 * for a deletion) or comes from a copy that never said who it is is "a copy that did not say
 * who it is". The lines are kept on this device, with the time the user last looked.
 */
export class WorkspaceActivity {
  #lines = $state.raw<ActivityLine[]>([]);
  #seenAt = $state(0);
  #ws: WorkspaceDoc | null = null;
  #claimed = false;
  #batch: { collector: ChangeCollector; clients: Set<number> } | null = null;
  #written: Promise<unknown> = Promise.resolve();

  constructor(
    readonly workspaceId: string,
    /** Who this copy is, or null when it may not write (read-only). */
    private readonly identity: () => { personId: string | null; name: string } | null,
  ) {}

  /** Newest first. */
  get lines(): readonly ActivityLine[] {
    return this.#lines;
  }
  /** Lines that arrived since the user last looked. */
  get unseen(): readonly ActivityLine[] {
    return this.#lines.filter((l) => l.at > this.#seenAt);
  }

  async attach(ws: WorkspaceDoc): Promise<void> {
    this.#ws = ws;
    ws.doc.on('afterTransaction', this.#onTransaction);
    const [lines, seen] = await Promise.all([
      getSetting(`activity:${this.workspaceId}`, isLines),
      getSetting(`activitySeen:${this.workspaceId}`, isNumber),
    ]);
    // Lines that arrived while these were loading come first.
    this.#lines = [...this.#lines, ...(lines ?? [])].slice(0, MAX_LINES);
    this.#seenAt = seen ?? 0;
  }

  detach(): void {
    this.#ws?.doc.off('afterTransaction', this.#onTransaction);
    this.#ws = null;
  }

  /** Who wrote a line ("Bea", "Bea and Cam"), or null when none of its copies said. */
  whoOf(line: ActivityLine): string | null {
    if (!this.#ws) return null;
    const claims = readClients(this.#ws).clients;
    const who = [
      ...new Set(
        line.clients
          .map((c) => claims.get(c)?.name)
          .filter((n): n is string => typeof n === 'string' && n !== ''),
      ),
    ].sort();
    return who.length > 0 ? names(who) : null;
  }

  /** The user looked at the feed: what is there now is no longer "since you last looked". */
  markSeen(): void {
    this.#seenAt = this.#lines[0]?.at ?? Date.now();
    void putSetting(`activitySeen:${this.workspaceId}`, this.#seenAt).catch(() => undefined);
  }

  /** Says again who this copy is (after the user said which person they are). */
  reclaim(): void {
    if (this.#claimed) this.#claim();
  }

  #claim(): void {
    const ws = this.#ws;
    const me = this.identity();
    if (!ws || !me) return;
    this.#claimed = true;
    claimClient(ws, me.personId, me.name);
  }

  readonly #onTransaction = (tr: Y.Transaction): void => {
    if (tr.local) {
      if (!this.#claimed && tr.origin === LOCAL_ORIGIN) queueMicrotask(() => this.#claim());
      return;
    }
    if (tr.changed.size === 0 && tr.deleteSet.clients.size === 0) return;
    const ws = this.#ws;
    if (!ws) return;
    if (this.#batch === null) {
      this.#batch = { collector: new ChangeCollector(ws), clients: new Set() };
      setTimeout(() => this.#endBatch(), 0);
    }
    this.#batch.collector.onTransaction(tr);
    tr.afterState.forEach((clock, client) => {
      if (clock > (tr.beforeState.get(client) ?? 0)) this.#batch?.clients.add(client);
    });
  };

  #endBatch(): void {
    const batch = this.#batch;
    this.#batch = null;
    const ws = this.#ws;
    if (!batch || !ws) return;
    const report: Record<string, number> = { ...batch.collector.report() };
    delete report.clients; // a copy saying who it is is not news
    const roots = Object.keys(report).filter((k) => (report[k] ?? 0) > 0);
    if (roots.length === 0) return;
    const line: ActivityLine = {
      at: Date.now(),
      clients: [...batch.clients],
      what: describeReport(ws, report as ChangeReport),
      roots,
    };
    this.#lines = [line, ...this.#lines].slice(0, MAX_LINES);
    this.#written = putSetting(`activity:${this.workspaceId}`, this.#lines).catch(() => undefined);
  }

  /** Resolves once the lines so far are on this device (a lost line costs only the feed). */
  written(): Promise<unknown> {
    return this.#written;
  }
}
