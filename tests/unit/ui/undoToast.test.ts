import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UNDO_TOAST_MS, undoToast } from '../../../src/ui/common/undoToast.svelte';

describe('undoToast', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    undoToast.dismiss();
    vi.useRealTimers();
  });

  it('shows a message and hides it after 12 s', () => {
    const id = undoToast.show('Deleted “A”.', () => {});
    expect(undoToast.current?.message).toBe('Deleted “A”.');
    expect(undoToast.showing(id)).toBe(true);
    vi.advanceTimersByTime(UNDO_TOAST_MS - 1);
    expect(undoToast.current).not.toBeNull();
    vi.advanceTimersByTime(1);
    expect(undoToast.current).toBeNull();
    expect(undoToast.showing(id)).toBe(false);
  });

  it('a new message replaces the old one and restarts the timer', () => {
    const first = undoToast.show('one', () => {});
    vi.advanceTimersByTime(UNDO_TOAST_MS - 1000);
    const second = undoToast.show('two', () => {});
    expect(undoToast.showing(first)).toBe(false);
    vi.advanceTimersByTime(UNDO_TOAST_MS - 1);
    expect(undoToast.current?.message).toBe('two');
    vi.advanceTimersByTime(1);
    expect(undoToast.showing(second)).toBe(false);
  });

  it('undo hides the toast and runs only the shown message’s undo', () => {
    const first = vi.fn();
    const second = vi.fn();
    undoToast.show('one', first);
    undoToast.show('two', second);
    undoToast.undo();
    expect(undoToast.current).toBeNull();
    expect(second).toHaveBeenCalledOnce();
    expect(first).not.toHaveBeenCalled();
    undoToast.undo();
    expect(second).toHaveBeenCalledOnce();
  });

  it('dismissing an older message leaves a newer one', () => {
    const first = undoToast.show('one', () => {});
    undoToast.show('two', () => {});
    undoToast.dismiss(first);
    expect(undoToast.current?.message).toBe('two');
    undoToast.dismiss();
    expect(undoToast.current).toBeNull();
  });
});
