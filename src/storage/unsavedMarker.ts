/**
 * A note in localStorage (synchronous, so it is set before the page can be killed) that a
 * workspace holds changes its database has not taken. It is cleared when they are written; one
 * still there when the workspace next opens means those changes were lost with the page.
 */

export interface UnsavedNote {
  /** When the first write failed (ms epoch). */
  since: number;
  reason: string;
}

const key = (id: string): string => `lodestar-unsaved:${id}`;

export function markUnsaved(id: string, note: UnsavedNote): void {
  try {
    localStorage.setItem(key(id), JSON.stringify(note));
  } catch {
    // localStorage full or unavailable: the header still says "Not saved" in this window.
  }
}

export function clearUnsaved(id: string): void {
  try {
    localStorage.removeItem(key(id));
  } catch {
    // Nothing to clear.
  }
}

/** Reads and removes the note of an earlier window's lost changes, if there is one. */
export function takeUnsaved(id: string): UnsavedNote | null {
  let text: string | null = null;
  try {
    text = localStorage.getItem(key(id));
    localStorage.removeItem(key(id));
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null) {
      const { since, reason } = value as Record<string, unknown>;
      if (typeof since === 'number' && typeof reason === 'string') return { since, reason };
    }
  } catch {
    // A damaged note still means something was not saved.
  }
  return { since: 0, reason: 'unknown' };
}
