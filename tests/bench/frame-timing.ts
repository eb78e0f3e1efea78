/**
 * In-page frame timing shared by the probes (page-probes.ts, plans-probes.ts), bundled into each
 * by esbuild: when the DOM showed something (a MutationObserver callback), the animation frame
 * after it (requestAnimationFrame) and the task right after that frame (its style, layout and
 * paint done: "painted"). All times are `performance.now()`, i.e. ms since navigation start.
 */

export interface Measured {
  /** Until the DOM showed the result (MutationObserver callback). */
  domMs: number;
  /** Until the task that started it (and its microtasks) ended: main thread blocked. */
  taskMs: number;
  /** Until the next animation frame callback after the DOM showed it (the frame that paints it). */
  frameMs: number;
  /** Until a task queued from that frame ran: style, layout and paint of the frame are done. */
  paintedMs: number;
}

export const q = <T extends Element>(sel: string, root: ParentNode = document): T | null =>
  root.querySelector<T>(sel);

/** The workspace is open: its name in the header, no "Opening workspace…". */
export function workspaceOpened(): boolean {
  const text = (el: Element | null): string => el?.textContent?.trim() ?? '';
  const h1 = text(q('header h1'));
  const loading = [...document.querySelectorAll('main > p[role="status"]')].some((p) =>
    text(p).startsWith('Opening workspace'),
  );
  return h1 !== '' && h1 !== 'Opening…' && !loading;
}

/** Calls `cb` after every change anywhere in the document. */
export const observeAll = (cb: () => void): MutationObserver => {
  const mo = new MutationObserver(cb);
  mo.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  return mo;
};

/** Resolves at the next task (after the current task and its microtasks). */
export const nextTask = (): Promise<number> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  });

/** The next animation frame, and the task right after that frame was rendered. */
export const frameAfter = (): Promise<{ frame: number; painted: number }> =>
  new Promise((resolve) => {
    requestAnimationFrame(() => {
      const frame = performance.now();
      void nextTask().then((painted) => resolve({ frame, painted }));
    });
  });

/**
 * Once the DOM showed a result at `dom` (an interaction started at `t0`): waits for the frame
 * after it and the task after that frame. `taskEnd()` is read then; when it is still unset, the
 * task counts as ending at `orElse` (the DOM time or the frame).
 */
export async function measuredAfter(
  t0: number,
  dom: number,
  taskEnd: () => number | undefined,
  orElse: 'dom' | 'frame',
): Promise<Measured> {
  const { frame, painted } = await frameAfter();
  const end = taskEnd() ?? (orElse === 'dom' ? dom : frame);
  return { domMs: dom - t0, taskMs: end - t0, frameMs: frame - t0, paintedMs: painted - t0 };
}

/**
 * Marks from navigation start: for each condition `name`, `<name>Dom` (the first DOM change
 * after which it held), `<name>Frame` (the first animation frame in which it held) and, with
 * `painted`, `<name>Painted` (the task after that frame). Stops by itself after 120 s.
 */
export function startMarks(
  conds: Readonly<Record<string, () => boolean>>,
  painted = false,
): { marks: Record<string, number>; stop: () => void } {
  const marks: Record<string, number> = {};
  let stopped = false;
  const record = (suffix: 'Dom' | 'Frame'): void => {
    const now = performance.now();
    for (const [name, cond] of Object.entries(conds)) {
      if (marks[name + suffix] !== undefined || !cond()) continue;
      marks[name + suffix] = now;
      if (painted && suffix === 'Frame') void nextTask().then((t) => (marks[`${name}Painted`] = t));
    }
  };
  const observer = observeAll(() => record('Dom'));
  const stop = (): void => {
    stopped = true;
    observer.disconnect();
  };
  const loop = (): void => {
    if (stopped) return;
    record('Frame');
    if (performance.now() > 120_000) stop();
    else requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  return { marks, stop };
}
