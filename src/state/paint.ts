/** How long to wait at most for a frame (frames stop while a tab is hidden). */
const AFTER_PAINT_MAX_MS = 250;

/**
 * Resolves after the next frame has been painted, so that work started then (loading scripts
 * the first screen does not show, live sync) stays off the way to that screen. At once where
 * there are no frames (Node, a hidden tab); after AFTER_PAINT_MAX_MS at most.
 */
export function afterPaint(): Promise<void> {
  if (
    typeof requestAnimationFrame !== 'function' ||
    typeof document === 'undefined' ||
    document.visibilityState === 'hidden'
  ) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const late = setTimeout(resolve, AFTER_PAINT_MAX_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(late);
        resolve();
      }, 0),
    );
  });
}
