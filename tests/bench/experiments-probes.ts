/**
 * In-page side of the experiments browser benchmark (experiments-browser.ts), bundled with
 * esbuild and added to every page as an init script after page-probes.ts (whose marks it stops).
 * Like plans-probes.ts: marks from navigation start for the screen states below (first DOM
 * change that shows it, its animation frame, the task after that frame: "Painted"), and armed
 * interactions, from the user's input event reaching the page until the frame that shows the
 * result has been rendered (frame-timing.ts).
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
  type: 'input' | 'click' | 'change';
}

export interface ExpSnapshot {
  backlog: string;
  firstRow: string;
  rows: number;
  sprintTitle: string;
  boardExperiments: string;
  boardMilestones: string;
  windowsDrawn: string | null;
  windowsListed: number;
  history: string;
}

export interface ExperimentsProbe {
  marks: Record<string, number>;
  stopMarks(): void;
  snapshot(): ExpSnapshot;
  waitFor(cond: string, arg?: string, timeoutMs?: number): Promise<void>;
  arm(trigger: Trigger, cond: string, arg?: string, timeoutMs?: number): void;
  result(): Promise<Measured>;
  /** `performance.now()` in the page (to time a hash change from the page's clock). */
  go(hash: string): number;
}

declare global {
  interface Window {
    __exp: ExperimentsProbe;
  }
}

const text = (el: Element | null | undefined): string =>
  el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const backlogTitle = (): string => text(q('#backlog-title'));
const backlogRows = (): number => document.querySelectorAll('ol.backlog > li').length;
const firstRow = (): string => text(q('ol.backlog > li .main a'));
const sprintTitle = (): string => text(q('#sprint-title'));
const boardExperiments = (): string => text(q('#board-experiments'));
const boardMilestones = (): string => text(q('#board-milestones'));
const chartFrame = (): HTMLElement | null => q<HTMLElement>('.chart-card .frame');
const windowsDrawn = (): string | null => chartFrame()?.getAttribute('data-windows-drawn') ?? null;
const history = (): string => text(q('section.head details summary'));

/** The chart is drawn: canvas with the Actual series, no overlay (as page-probes.ts `chart`). */
const chartDrawn = (): boolean => {
  const frame = chartFrame();
  return (
    frame !== null &&
    (frame.dataset['series'] ?? '').split(',').includes('Actual') &&
    q('canvas', frame) !== null &&
    q('.overlay', frame) === null
  );
};

const CONDS: Record<string, Cond> = {
  opened: workspaceOpened,
  /** The backlog: "Backlog (N)" with N > 0 and its rows drawn. */
  backlogReady: () => /^Backlog \(\d+\)$/.test(backlogTitle()) && backlogRows() > 0,
  backlogNot: (arg) => backlogTitle() !== '' && backlogTitle() !== arg,
  backlogIs: (arg) => backlogTitle() === arg && backlogRows() > 0,
  /** The sprints view: the picker and the board's two headings. */
  sprintsReady: () => sprintTitle() !== '' && boardExperiments() !== '' && boardMilestones() !== '',
  sprintNot: (arg) =>
    sprintTitle() !== '' &&
    sprintTitle() !== arg &&
    boardExperiments() !== '' &&
    boardMilestones() !== '',
  /**
   * The chart drawn with its windows: the plugin reported its drawn windows
   * (data-windows-drawn, set after the draw) and every listed window has its band; where the app
   * has no window plugin (no attribute), the chart drawn as page-probes.ts sees it.
   */
  chartReady: () => {
    if (!chartDrawn()) return false;
    const drawn = windowsDrawn();
    if (drawn === null) return q('.chart-card .windows') === null;
    const listed = document.querySelectorAll('.chart-card li[data-window]').length;
    return Number(drawn) > 0 && Number(drawn) >= Math.min(listed, 1);
  },
  /** The experiment page: its title and the status history. */
  experimentReady: () =>
    text(q('#experiment-title')) !== '' && history().startsWith('Status history'),
  historyNot: (arg) => history() !== '' && history() !== arg,
  saved: () => text(q('header .save')) === 'Saved on this device',
};
const MARKED = ['opened', 'backlogReady', 'sprintsReady', 'chartReady', 'experimentReady'];

const cond = (name: string): Cond => {
  const c = CONDS[name];
  if (!c) throw new Error(`no condition ${name}`);
  return c;
};

const { marks, stop: stopMarks } = startMarks(
  Object.fromEntries(MARKED.map((name) => [name, () => cond(name)('')])),
  true,
);
(window as { __bench?: { stopMarks(): void } }).__bench?.stopMarks();

function snapshot(): ExpSnapshot {
  return {
    backlog: backlogTitle(),
    firstRow: firstRow(),
    rows: backlogRows(),
    sprintTitle: sprintTitle(),
    boardExperiments: boardExperiments(),
    boardMilestones: boardMilestones(),
    windowsDrawn: windowsDrawn(),
    windowsListed: document.querySelectorAll('.chart-card li[data-window]').length,
    history: history(),
  };
}

let pending: Promise<Measured> | null = null;

/** `trigger.type === 'change'` with `arg` starting "#": a hash change started by `go`. */
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
    const onEvent = (): void => {
      window.removeEventListener(trigger.type, onEvent, true);
      t0 = performance.now();
      void nextTask().then((t) => (taskEnd = t));
    };
    const timer = setTimeout(() => {
      mo.disconnect();
      window.removeEventListener(trigger.type, onEvent, true);
      reject(
        new Error(
          t0 === undefined
            ? `no ${trigger.type} event reached the page within ${timeoutMs} ms`
            : `“${name}(${arg})” did not hold within ${timeoutMs} ms; page: ${JSON.stringify(snapshot())}`,
        ),
      );
    }, timeoutMs);
    window.addEventListener(trigger.type, onEvent, true);
  });
  pending.catch(() => undefined);
}

window.__exp = {
  marks,
  stopMarks,
  snapshot,
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
  go(hash) {
    // Starts an armed 'change' interaction: the hash change is the input.
    window.dispatchEvent(new Event('change'));
    location.hash = hash;
    return performance.now();
  },
};
