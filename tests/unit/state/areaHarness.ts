import * as Y from 'yjs';
import { workspaceDoc } from '../../../src/doc/schema';
import { createUndoManager } from '../../../src/doc/undo';
import type { AreaContext } from '../../../src/state/area';
import { createAreas } from '../../../src/state/areas';
import { Clock } from '../../../src/state/clock.svelte';

/**
 * Every registered area over a fresh document, flushed after each transaction as the session
 * does, with today fixed and an undo manager, so area logic is tested without IndexedDB.
 */
export function openAreas(options: { readOnly?: boolean; today?: string; meId?: string } = {}) {
  const ws = workspaceDoc(new Y.Doc());
  const undo = createUndoManager(ws);
  let today = options.today ?? '2026-03-10';
  const clock = new Clock(() => {
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d, 12);
  });
  /** Moves the clock to another day, as midnight passing would. */
  const setToday = (date: string): void => {
    today = date;
    clock.tick();
  };
  const writable = () => (options.readOnly ? null : ws);
  const ctx: AreaContext = {
    step: (action) => {
      undo.stopCapturing();
      const doc = writable();
      return doc ? action(doc) : null;
    },
    typing: (action) => {
      const doc = writable();
      return doc ? action(doc) : null;
    },
    meId: options.meId ?? 'me',
    get today() {
      return clock.today;
    },
    wroteRows: () => {},
  };
  const areas = createAreas(ctx, clock);
  for (const area of Object.values(areas)) area.attach(ws);
  ws.doc.on('afterTransaction', () => {
    for (const area of Object.values(areas)) area.flush(ws);
  });
  return { ws, areas, undo, clock, setToday };
}
