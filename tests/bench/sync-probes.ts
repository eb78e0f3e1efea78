/**
 * In-page side of the sync benchmark (sync.ts), bundled with esbuild and added to every page of
 * the app contexts as an init script, so it runs before the app. All times are `Date.now()`:
 * the wall clock that the two browser processes on this machine share, so a time taken in A's
 * page and one taken in B's page can be subtracted (1 ms resolution).
 *
 * It records, without changing what the app does:
 * - every WebRTC data-channel message sent or received (time, bytes, whether it is a frame of
 *   a chunked message, see src/sync/chunking.ts), by wrapping RTCPeerConnection and
 *   RTCDataChannel.prototype.send;
 * - every large row added to a y-indexeddb `updates` store, and when its transaction committed;
 * and it offers the timed steps the benchmark drives: renaming a metric in the tree editor (A),
 * waiting for a name to show in the outline (B), joining and waiting for the North Star (B).
 */

export interface WireEvent {
  t: number;
  dir: 'in' | 'out';
  bytes: number;
  /**
   * A frame of a message split by src/sync/chunking.ts: it starts with 0xf0 0x4c, or with
   * 0xf0 0x5a when the message is compressed (sync/compression.ts).
   */
  frame: boolean;
  /** A frame of a compressed message. */
  compressed: boolean;
}

export interface IdbAdd {
  t: number;
  bytes: number;
  committed: number | null;
}

export interface Shown {
  /** MutationObserver callback in which the DOM first showed it. */
  dom: number;
  /** The animation frame callback after that (the frame that paints it). */
  frame: number;
}

export interface JoinTimes extends Shown {
  click: number;
  /** First DOM change after the click at which the address is no longer the join screen's. */
  routed: number | null;
  value: string;
}

export interface SyncProbe {
  wire: WireEvent[];
  channelOpen: number[];
  idb: IdbAdd[];
  clearWire(): void;
  armRename(name: string): void;
  renamed(timeoutMs?: number): Promise<Shown>;
  rename(name: string, timeoutMs?: number): Promise<{ t0: number; local: number }>;
  nsmValue(): string;
  armJoin(expected: string): void;
  joined(timeoutMs?: number): Promise<JoinTimes>;
  swReady(timeoutMs: number): Promise<boolean>;
}

declare global {
  interface Window {
    __sync: SyncProbe;
  }
}

const WIRE_CAP = 20_000;
const BIG_ROW = 100_000;
const wire: WireEvent[] = [];
const channelOpen: number[] = [];
const idb: IdbAdd[] = [];

const sizeOf = (data: unknown): number =>
  data instanceof ArrayBuffer
    ? data.byteLength
    : ArrayBuffer.isView(data)
      ? data.byteLength
      : data instanceof Blob
        ? data.size
        : typeof data === 'string'
          ? data.length
          : 0;

/** The second marker byte of a frame (0x4c plain, 0x5a compressed), or null for no frame. */
const frameKind = (data: unknown): number | null => {
  const bytes =
    data instanceof ArrayBuffer
      ? new Uint8Array(data, 0, Math.min(2, data.byteLength))
      : ArrayBuffer.isView(data)
        ? new Uint8Array(data.buffer, data.byteOffset, Math.min(2, data.byteLength))
        : null;
  const ok = bytes?.length === 2 && bytes[0] === 0xf0 && (bytes[1] === 0x4c || bytes[1] === 0x5a);
  return ok ? (bytes[1] ?? null) : null;
};

const log = (dir: 'in' | 'out', data: unknown): void => {
  const kind = frameKind(data);
  if (wire.length < WIRE_CAP)
    wire.push({
      t: Date.now(),
      dir,
      bytes: sizeOf(data),
      frame: kind !== null,
      compressed: kind === 0x5a,
    });
};

function watchChannel(channel: RTCDataChannel): void {
  channel.addEventListener('open', () => channelOpen.push(Date.now()));
  channel.addEventListener('message', (event: MessageEvent) => log('in', event.data));
}

if (typeof window.RTCPeerConnection === 'function') {
  const Native = window.RTCPeerConnection;
  class Probed extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      this.addEventListener('datachannel', (event) => watchChannel(event.channel));
    }
    override createDataChannel(label: string, init?: RTCDataChannelInit): RTCDataChannel {
      const channel = super.createDataChannel(label, init);
      watchChannel(channel);
      return channel;
    }
  }
  window.RTCPeerConnection = Probed;
  const send = RTCDataChannel.prototype.send as (this: RTCDataChannel, data: unknown) => void;
  RTCDataChannel.prototype.send = function (this: RTCDataChannel, data: unknown): void {
    log('out', data);
    send.call(this, data);
  } as RTCDataChannel['send'];
}

const add = IDBObjectStore.prototype.add;
IDBObjectStore.prototype.add = function (
  this: IDBObjectStore,
  value: unknown,
  key?: IDBValidKey,
): IDBRequest<IDBValidKey> {
  const request = add.call(this, value, key);
  if (this.name === 'updates' && value instanceof Uint8Array && value.byteLength >= BIG_ROW) {
    const row: IdbAdd = { t: Date.now(), bytes: value.byteLength, committed: null };
    idb.push(row);
    this.transaction.addEventListener('complete', () => (row.committed = Date.now()));
  }
  return request;
};

const text = (el: Element | null | undefined): string => el?.textContent?.trim() ?? '';
const nsmValue = (): string =>
  text(document.querySelector('section[aria-label="North Star"] article .value'));
const rowShows = (name: string): boolean =>
  [...document.querySelectorAll('[role="treeitem"] .name')].some((el) => el.textContent === name);

/** Resolves with the first time `cond` held in a DOM mutation, and the frame after it. */
function whenShown(cond: () => boolean): { done: Promise<Shown>; cancel: () => void } {
  let cancel = (): void => {};
  const done = new Promise<Shown>((resolve) => {
    const finish = (dom: number): void => {
      mo.disconnect();
      requestAnimationFrame(() => resolve({ dom, frame: Date.now() }));
    };
    const mo = new MutationObserver(() => {
      if (cond()) finish(Date.now());
    });
    cancel = () => mo.disconnect();
    if (cond()) finish(Date.now());
    else
      mo.observe(document, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
  });
  return { done, cancel };
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string, cancel: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      cancel();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    void p.then((v) => {
      clearTimeout(timer);
      resolve(v);
    });
  });
}

let renameWait: { name: string; done: Promise<Shown>; cancel: () => void } | null = null;
let joinState: {
  expected: string;
  click: number | null;
  routed: number | null;
  done: Promise<Shown>;
  cancel: () => void;
} | null = null;

window.__sync = {
  wire,
  channelOpen,
  idb,
  clearWire() {
    wire.length = 0;
  },
  armRename(name) {
    renameWait?.cancel();
    renameWait = { name, ...whenShown(() => rowShows(name)) };
  },
  renamed(timeoutMs = 10_000) {
    const w = renameWait;
    if (!w) return Promise.reject(new Error('armRename was not called'));
    renameWait = null;
    return withTimeout(w.done, timeoutMs, `“${w.name}” in the outline`, w.cancel);
  },
  async rename(name, timeoutMs = 10_000) {
    const input = document.getElementById('metric-name') as HTMLInputElement | null;
    if (!input) throw new Error('no Name field (#metric-name) in the tree editor');
    input.focus();
    input.value = name;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const local = whenShown(() => rowShows(name));
    const t0 = Date.now();
    input.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
    );
    const shown = await withTimeout(local.done, timeoutMs, `“${name}” here`, local.cancel);
    return { t0, local: shown.dom };
  },
  nsmValue,
  armJoin(expected) {
    joinState?.cancel();
    const clock = { click: null as number | null, routed: null as number | null };
    const shown = (): boolean => {
      if (clock.click === null) return false;
      // The app leaves the join screen with history.replaceState: no hashchange event.
      if (clock.routed === null && !location.hash.includes('/join/')) clock.routed = Date.now();
      return nsmValue() !== '';
    };
    const state = { expected, ...whenShown(shown) };
    joinState = Object.assign(clock, state);
    window.addEventListener(
      'click',
      (event) => {
        const target = event.target as Element | null;
        if (clock.click === null && text(target?.closest('button')) === 'Join and sync')
          clock.click = Date.now();
      },
      { capture: true },
    );
  },
  async joined(timeoutMs = 120_000) {
    const s = joinState;
    if (!s) throw new Error('armJoin was not called');
    const shown = await withTimeout(s.done, timeoutMs, 'the North Star value', s.cancel);
    return { ...shown, click: s.click ?? Number.NaN, routed: s.routed, value: nsmValue() };
  },
  async swReady(timeoutMs) {
    if (!('serviceWorker' in navigator)) return false;
    const ready = navigator.serviceWorker.ready.then(() => true);
    const late = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs));
    return Promise.race([ready, late]);
  },
};
