import * as Y from 'yjs';
import { LOCAL_ORIGIN, type WorkspaceDoc } from './schema';

/**
 * Undo/redo of this replica's own edits only: tracked origins are the local origin, so changes
 * that arrive from teammates or other tabs are never undone here.
 */
export function createUndoManager(ws: WorkspaceDoc): Y.UndoManager {
  return new Y.UndoManager(
    [
      ws.meta,
      ws.people,
      ws.metrics,
      ws.entries,
      ws.workshop,
      ws.candidates,
      ws.plans,
      ws.journey,
      ws.insights,
    ],
    {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      captureTimeout: 400,
    },
  );
}
