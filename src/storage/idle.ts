/** Runs `task` when the page is idle (or within `timeoutMs`); in Node, on the next macrotask. */
export function whenIdle(task: () => void, timeoutMs = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: timeoutMs });
  else setTimeout(task, 0);
}
