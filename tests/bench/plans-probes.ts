/**
 * In-page side of the plan screens' browser benchmark (plans-browser.ts), bundled with esbuild
 * and added to every page as an init script after page-probes.ts (whose marks it stops: they
 * watch the tracking screens, not these). Two kinds of timing, both `performance.now()`:
 *
 * - marks, from navigation start: for each screen state below (the list, the board, the
 *   insights synthesis, the dashboard's "Customers needing attention"), the first time the DOM
 *   showed it (MutationObserver), the animation frame that showed it (requestAnimationFrame) and
 *   the task right after that frame (its style, layout and paint done: "painted");
 * - interactions: `arm` a condition and the event that starts the clock (the user's input as it
 *   reaches the page: `input` of a select, `click`, `keydown` of a key), let the driver act
 *   (Playwright: selectOption, click, keyboard.press), then `result` resolves once the DOM
 *   satisfies the condition, with the frame after it and the task after that frame.
 *
 * The frame timing itself is frame-timing.ts (shared with page-probes.ts).
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

export type { Measured };

type Cond = (arg: string) => boolean;

export interface Trigger {
  type: 'input' | 'click' | 'keydown';
  /** For keydown: the key that starts the clock (modifiers' own keydowns are ignored). */
  key?: string;
}

export interface Snapshot {
  count: string;
  firstRow: string;
  boardCounts: string;
  total: string;
  attention: string;
  columns: string[];
}

export interface PlansProbe {
  marks: Record<string, number>;
  stopMarks(): void;
  snapshot(): Snapshot;
  holds(cond: string, arg?: string): boolean;
  /** Resolves when `cond` holds (checked every frame). */
  waitFor(cond: string, arg?: string, timeoutMs?: number): Promise<void>;
  arm(trigger: Trigger, cond: string, arg?: string, timeoutMs?: number): void;
  result(): Promise<Measured>;
  /** Plan id and customer of the first card drawn in the board column at `position`. */
  firstCard(position: number): { id: string; customer: string } | null;
  navigation(): { serviceWorkerControlled: boolean; responseEnd: number; domContentLoaded: number };
}

declare global {
  interface Window {
    __plans: PlansProbe;
  }
}

const text = (el: Element | null | undefined): string =>
  el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const LIST = 'section[aria-labelledby="plans-title"]';
const countText = (): string => text(q(`${LIST} p.count`));
const firstRow = (): string => text(q(`${LIST} tbody tr th a`));
const columns = (): HTMLElement[] => [
  ...document.querySelectorAll<HTMLElement>('.board-page .board section.column'),
];
const boardCounts = (): string =>
  columns()
    .map((c) => text(q('h3 .n', c)))
    .join(',');
const totalText = (): string =>
  text(q('section[aria-labelledby="insights-synthesis-title"] .total'));
const attentionTitle = (): string => text(q('#plans-attention-title'));

const CONDS: Record<string, Cond> = {
  opened: workspaceOpened,
  /** The list: "N plans" (no filter) and its first row. */
  listReady: () => /^\d+ plans?$/.test(countText()) && firstRow() !== '',
  countIs: (arg) => countText() === arg,
  countNot: (arg) => countText() !== '' && countText() !== arg,
  firstRowNot: (arg) => firstRow() !== '' && firstRow() !== arg,
  /** The board: its columns drawn, with cards, and the list gone. */
  boardReady: () => columns().length > 0 && q('.board li.plan') !== null && q(LIST) === null,
  boardCountsNot: (arg) => boardCounts() !== '' && boardCounts() !== arg,
  /** `<plan id>|<column position>`: the card is drawn in that column. */
  cardIn: (arg) => {
    const [id = '', position = ''] = arg.split('|');
    const column = document.getElementById(`card-${id}`)?.closest('section.column');
    return (
      column !== null &&
      column !== undefined &&
      columns().indexOf(column as HTMLElement) === Number(position)
    );
  },
  /** The insights synthesis: its total and at least one tally. */
  insightsReady: () =>
    /^\d+ insights?/.test(totalText()) &&
    q('section[aria-labelledby="insights-synthesis-title"] .tally-list li') !== null,
  totalNot: (arg) => totalText() !== '' && totalText() !== arg,
  /** The dashboard card "Customers needing attention (N)" with its first plans. */
  attentionReady: () =>
    /^Customers needing attention \(\d+\)$/.test(attentionTitle()) &&
    q('section[aria-labelledby="plans-attention-title"] li a') !== null,
  saved: () => text(q('header .save')) === 'Saved on this device',
};
const MARKED = ['opened', 'listReady', 'boardReady', 'insightsReady', 'attentionReady'];

const cond = (name: string): Cond => {
  const c = CONDS[name];
  if (!c) throw new Error(`no condition ${name}`);
  return c;
};

// Marks from navigation start, with the task after each frame ("Painted").
const { marks, stop: stopMarks } = startMarks(
  Object.fromEntries(MARKED.map((name) => [name, () => cond(name)('')])),
  true,
);
// The tracking bench's marks (page-probes.ts, injected before this) watch other screens.
(window as { __bench?: { stopMarks(): void } }).__bench?.stopMarks();

// One armed interaction at a time.
let pending: Promise<Measured> | null = null;

function arm(trigger: Trigger, name: string, arg = '', timeoutMs = 30_000): void {
  const done = cond(name);
  pending = new Promise<Measured>((resolve, reject) => {
    let t0: number | undefined;
    let taskEnd: number | undefined;
    let dom: number | undefined;
    const check = (): void => {
      if (t0 === undefined || dom !== undefined || !done(arg)) return;
      dom = performance.now();
      mo.disconnect();
      void measuredAfter(t0, dom, () => taskEnd, 'dom').then((measured) => {
        clearTimeout(timer);
        resolve(measured);
      });
    };
    const mo = observeAll(check);
    const onEvent = (event: Event): void => {
      if (trigger.key !== undefined && (event as KeyboardEvent).key !== trigger.key) return;
      window.removeEventListener(trigger.type, onEvent, true);
      t0 = performance.now();
      void nextTask().then((t) => (taskEnd = t));
      // Whatever the handlers change shows up in the observer's callbacks.
    };
    const timer = setTimeout(() => {
      mo.disconnect();
      window.removeEventListener(trigger.type, onEvent, true);
      const state = JSON.stringify(snapshot());
      reject(
        new Error(
          t0 === undefined
            ? `no ${trigger.type} event reached the page within ${timeoutMs} ms`
            : `“${name}(${arg})” did not hold within ${timeoutMs} ms; page: ${state}`,
        ),
      );
    }, timeoutMs);
    window.addEventListener(trigger.type, onEvent, true);
  });
  // A rejection is reported by `result`; never unhandled in the meantime.
  pending.catch(() => undefined);
}

function snapshot(): Snapshot {
  return {
    count: countText(),
    firstRow: firstRow(),
    boardCounts: boardCounts(),
    total: totalText(),
    attention: attentionTitle(),
    columns: columns().map((c) => text(q('h3', c))),
  };
}

window.__plans = {
  marks,
  stopMarks,
  snapshot,
  holds: (name, arg = '') => cond(name)(arg),
  waitFor(name, arg = '', timeoutMs = 30_000) {
    const c = cond(name);
    const start = performance.now();
    return new Promise((resolve, reject) => {
      const loop = (): void => {
        if (c(arg)) resolve();
        else if (performance.now() - start > timeoutMs)
          reject(
            new Error(`timed out waiting for “${name}(${arg})”: ${JSON.stringify(snapshot())}`),
          );
        else requestAnimationFrame(loop);
      };
      loop();
    });
  },
  arm,
  result() {
    if (!pending) return Promise.reject(new Error('nothing armed'));
    const p = pending;
    pending = null;
    return p;
  },
  firstCard(position) {
    const a = q<HTMLAnchorElement>(
      'li.plan a.name',
      columns()[position] ?? document.createElement('i'),
    );
    return a ? { id: a.id.replace(/^card-/, ''), customer: text(a) } : null;
  },
  navigation() {
    const nav = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    return {
      serviceWorkerControlled: (navigator.serviceWorker?.controller ?? null) !== null,
      responseEnd: nav?.responseEnd ?? 0,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
    };
  },
};
