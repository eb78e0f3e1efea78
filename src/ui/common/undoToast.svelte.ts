/**
 * The one undo toast of the app: a screen that removes something calls `undoToast.show` with
 * what happened and how to put it back; `<UndoToastHost />` (rendered once, in App.svelte)
 * draws it. A new message replaces the one shown and restarts the timer; the toast goes away
 * after 12 s, on Undo, on Dismiss and when the address changes (another screen or workspace),
 * so an undo never outlives the screen, or the workspace, it belongs to.
 */

/** How long a toast stays up without a new message. */
export const UNDO_TOAST_MS = 12_000;

export interface UndoToastMessage {
  /** Tells one message from the next, even with the same text. */
  readonly id: number;
  readonly message: string;
  readonly onundo: () => void;
}

class UndoToastService {
  #current = $state.raw<UndoToastMessage | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #next = 0;

  /** The message shown, or null. */
  get current(): UndoToastMessage | null {
    return this.#current;
  }

  /** Shows `message` with an Undo button that runs `onundo`; returns the message's id. */
  show(message: string, onundo: () => void): number {
    clearTimeout(this.#timer);
    const id = ++this.#next;
    this.#current = { id, message, onundo };
    this.#timer = setTimeout(() => this.dismiss(id), UNDO_TOAST_MS);
    return id;
  }

  /** Whether the message `id` is still shown. */
  showing(id: number | null): boolean {
    return id !== null && this.#current?.id === id;
  }

  /** Hides the toast (only if it still shows message `id`, when given). */
  dismiss(id?: number): void {
    if (id !== undefined && this.#current?.id !== id) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#current = null;
  }

  /** Hides the toast and runs its undo. */
  undo(): void {
    const shown = this.#current;
    this.dismiss();
    shown?.onundo();
  }
}

export const undoToast = new UndoToastService();
