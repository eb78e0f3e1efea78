/**
 * In-page side of the browser benchmark, bundled by browser.ts with esbuild and added to every
 * page as an init script (so it runs before the app). From navigation start it records, for each
 * screen state below, the first time the DOM showed it (a MutationObserver callback) and the first
 * animation frame that showed it (a requestAnimationFrame loop): both are `performance.now()`,
 * i.e. ms since navigation start. It also offers the timed interactions the benchmark drives.
 * The frame timing itself is frame-timing.ts.
 */
import {
  measuredAfter,
  nextTask,
  observeAll,
  q,
  startMarks,
  workspaceOpened,
  type Measured,
} from './frame-timing';

type Cond = () => boolean;

interface Times {
  /** When the DOM first satisfied the condition (MutationObserver callback). */
  dom: number;
  /** The animation frame that first showed it (its rAF callback; paint follows it). */
  frame: number;
}

export interface Interaction extends Measured {
  /** performance.now() when the interaction started. */
  t0: number;
}

export interface PageBench {
  marks: Record<string, number>;
  longTasks: { start: number; duration: number }[];
  stopMarks(): void;
  waitFor(name: string, timeoutMs?: number): Promise<Times>;
  go(hash: string, name: string, timeoutMs?: number): Promise<Times & { t0: number }>;
  /**
   * Types `value` into the North Star's "Log …" input and focuses it; the next real Enter key
   * press (CDP input, `page.keyboard.press`) starts the clock, and `armed()` resolves when the
   * card shows the new value.
   */
  armQuickLog(value: number): void;
  /** The same for the first due check-in row whose metric is not `skipMetricId`. */
  armCheckinSave(value: number, skipMetricId: string): void;
  /** The interaction armed last, timed from its key press's `timeStamp`. */
  armed(): Promise<Interaction & { detail: string }>;
  /** Call before choosing a file: the file input's next change event starts the clock. */
  armFile(): void;
  /** From that change event until the import preview is ready (its Import button enabled). */
  fileReady(): Promise<{ domMs: number; frameMs: number; summary: string }>;
  importClick(): Promise<Interaction & { text: string; savedMs: number }>;
  navigation(): Record<string, number | boolean | string>;
  rows(dbName: string): Promise<{ rows: number; bytes: number }>;
  appendRow(dbName: string, base64: string): Promise<void>;
  heapUsed(): number | null;
}

declare global {
  interface Window {
    __bench: PageBench;
  }
}

const text = (el: Element | null | undefined): string => el?.textContent?.trim() ?? '';

const nsmCard = (): HTMLElement | null => q('section[aria-label="North Star"] article');
const nsmValue = (): string => text(q('.value', nsmCard() ?? document.createElement('i')));
const quickInput = (): HTMLInputElement | null => {
  const card = nsmCard();
  if (!card) return null;
  const label = [...card.querySelectorAll('label')].find((l) => text(l).startsWith('Log '));
  return label ? (document.getElementById(label.htmlFor) as HTMLInputElement | null) : null;
};
const importButton = (): HTMLButtonElement | null =>
  [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    /^Import\s+[\d,.\s\u00a0\u202f]+\s+values?$/.test(text(b)),
  ) ?? null;
const importedBanner = (): HTMLElement | null =>
  [...document.querySelectorAll<HTMLElement>('[role="status"]')].find((s) =>
    text(s).startsWith('Imported'),
  ) ?? null;

const CONDS: Record<string, Cond> = {
  shell: () => q('header h1') !== null,
  /** The start screen usable: its create form and its list of workspaces (or the empty text). */
  start: () =>
    q('main.start form button[type="submit"]') !== null &&
    (q('main.start ul.list') !== null || q('main.start .empty') !== null),
  opened: workspaceOpened,
  nsmValue: () => nsmValue() !== '',
  interactive: () => {
    const input = quickInput();
    return nsmValue() !== '' && input !== null && !input.disabled;
  },
  chart: () => {
    const frame = q<HTMLElement>('.chart-card .frame');
    return (
      frame !== null &&
      (frame.dataset['series'] ?? '').split(',').includes('Actual') &&
      q('canvas', frame) !== null &&
      q('.overlay', frame) === null
    );
  },
  checkin: () => {
    const input = q<HTMLInputElement>('ul[aria-label="Values due"] li input');
    return input !== null && !input.disabled;
  },
  dataFile: () => q('#csv-file') !== null,
  importReady: () => {
    const b = importButton();
    return b !== null && !b.disabled;
  },
  imported: () => importedBanner() !== null,
  saved: () => text(q('header .save')) === 'Saved on this device',
};

function waitFor(name: string, timeoutMs = 60_000): Promise<Times> {
  const cond = CONDS[name];
  if (!cond) return Promise.reject(new Error(`no condition ${name}`));
  return new Promise((resolve, reject) => {
    let dom: number | undefined = cond() ? performance.now() : undefined;
    const mo = observeAll(() => {
      if (dom === undefined && cond()) dom = performance.now();
    });
    const start = performance.now();
    const loop = (): void => {
      const now = performance.now();
      if (cond()) {
        mo.disconnect();
        resolve({ dom: dom ?? now, frame: now });
      } else if (now - start > timeoutMs) {
        mo.disconnect();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for “${name}”`));
      } else requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
}

/**
 * Times an interaction that started at `t0` (and is running now): `done` is checked after every
 * DOM change; the task that showed it ends at taskMs; then the frame after it and the task after
 * that frame (measuredAfter).
 */
function timeFrom(t0: number, done: Cond, timeoutMs = 60_000): Promise<Interaction> {
  return new Promise((resolve, reject) => {
    let dom: number | undefined;
    let taskEnd: number | undefined;
    const timer = setTimeout(() => {
      mo.disconnect();
      reject(new Error('the interaction did not show its result in time'));
    }, timeoutMs);
    const mo = observeAll(() => {
      if (dom !== undefined || !done()) return;
      dom = performance.now();
      mo.disconnect();
      void nextTask().then((t) => (taskEnd = t));
      void measuredAfter(t0, dom, () => taskEnd, 'frame').then((measured) => {
        clearTimeout(timer);
        resolve({ t0, ...measured });
      });
    });
  });
}

/** Times an interaction: `act` runs at t0 (from a script, e.g. a button's click()). */
function interact(act: () => void, done: Cond, timeoutMs = 60_000): Promise<Interaction> {
  const timed = timeFrom(performance.now(), done, timeoutMs);
  act();
  return timed;
}

let armedKey: Promise<Interaction & { detail: string }> | null = null;

/**
 * Arms a real key press on `input` (focused here): the next Enter keydown reaching it starts the
 * clock at the event's timeStamp, when the browser received the key, so the wait in the input
 * queue and the frame phase are those a user meets. `detail()` is read once it is shown.
 */
function armEnter(input: HTMLInputElement, done: Cond, detail: () => string): void {
  input.focus();
  armedKey = new Promise((resolve, reject) => {
    const noKey = setTimeout(() => {
      window.removeEventListener('keydown', onKey, true);
      reject(new Error('the armed Enter key press never reached its input'));
    }, 30_000);
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Enter' || event.target !== input) return;
      clearTimeout(noKey);
      window.removeEventListener('keydown', onKey, true);
      timeFrom(event.timeStamp, done).then(
        (timed) => resolve({ ...timed, detail: detail() }),
        reject,
      );
    };
    window.addEventListener('keydown', onKey, true);
  });
}

function typeInto(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const longTasks: { start: number; duration: number }[] = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // no long task timing here
}

let changeAt: number | undefined;
const { marks, stop } = startMarks(CONDS);

function openDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
    open.onsuccess = () => resolve(open.result);
  });
}

window.__bench = {
  marks,
  longTasks,
  stopMarks: stop,
  waitFor,
  async go(hash, name, timeoutMs) {
    const t0 = performance.now();
    location.hash = hash;
    const times = await waitFor(name, timeoutMs);
    return { t0, dom: times.dom - t0, frame: times.frame - t0 };
  },
  armQuickLog(value) {
    const input = quickInput();
    if (!input?.form) throw new Error('no quick-log input on the North Star card');
    const before = nsmValue();
    typeInto(input, String(value));
    armEnter(
      input,
      () => nsmValue() !== before,
      () => `${before} → ${nsmValue()}`,
    );
  },
  armCheckinSave(value, skipMetricId) {
    const list = q('ul[aria-label="Values due"]');
    const row = list
      ? ([...list.querySelectorAll<HTMLElement>('li[data-key]')].find(
          (li) => !(li.dataset['key'] ?? '').startsWith(`${skipMetricId}|`),
        ) ?? null)
      : null;
    const input = row ? q<HTMLInputElement>('input', row) : null;
    const progress = q('.checkin .progress strong');
    if (!list || !row || !input || !progress) throw new Error('no check-in row to save');
    const key = row.dataset['key'] ?? '';
    const count = Number(text(progress));
    typeInto(input, String(value));
    armEnter(
      input,
      () =>
        !row.isConnected &&
        Number(text(q('.checkin .progress strong'))) === count + 1 &&
        q(`li[data-key="${CSS.escape(key)}"]`) === null,
      () => key,
    );
  },
  armed() {
    if (!armedKey) return Promise.reject(new Error('nothing armed'));
    const timed = armedKey;
    armedKey = null;
    return timed;
  },
  armFile() {
    changeAt = undefined;
    document.addEventListener(
      'change',
      (event) => {
        if ((event.target as Element | null)?.id === 'csv-file') changeAt = performance.now();
      },
      { capture: true, once: true },
    );
  },
  async fileReady() {
    const ready = await waitFor('importReady', 120_000);
    if (changeAt === undefined) throw new Error('the file input saw no change event');
    return {
      domMs: ready.dom - changeAt,
      frameMs: ready.frame - changeAt,
      summary: text(q('.preview .summary')),
    };
  },
  async importClick() {
    const button = importButton();
    if (!button) throw new Error('no Import button');
    const result = await interact(() => button.click(), CONDS['imported'] as Cond, 120_000);
    const banner = text(importedBanner());
    const saved = await waitFor('saved', 120_000);
    return { ...result, text: banner, savedMs: saved.dom - result.t0 };
  },
  navigation() {
    const nav = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    return {
      serviceWorkerControlled: navigator.serviceWorker?.controller !== null,
      workerStart: nav?.workerStart ?? 0,
      responseEnd: nav?.responseEnd ?? 0,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
      load: nav?.loadEventEnd ?? 0,
      scripts: performance
        .getEntriesByType('resource')
        .filter((r) => r.name.endsWith('.js'))
        .map((r) => r.name.split('/').pop())
        .join(' '),
    };
  },
  async rows(dbName) {
    const db = await openDb(dbName);
    try {
      return await new Promise((resolve, reject) => {
        const req = db.transaction('updates').objectStore('updates').getAll();
        req.onerror = () => reject(req.error ?? new Error('getAll failed'));
        req.onsuccess = () => {
          const rows = req.result as Uint8Array[];
          resolve({ rows: rows.length, bytes: rows.reduce((s, r) => s + r.byteLength, 0) });
        };
      });
    } finally {
      db.close();
    }
  },
  async appendRow(dbName, base64) {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const db = await openDb(dbName);
    try {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('updates', 'readwrite');
        tx.objectStore('updates').add(bytes);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('add failed'));
      });
    } finally {
      db.close();
    }
  },
  heapUsed() {
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return memory?.usedJSHeapSize ?? null;
  },
};
