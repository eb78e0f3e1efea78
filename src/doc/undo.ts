import * as Y from 'yjs';
import { rootsOf, type WorkspaceDoc } from './schema';
import { LOCAL_ORIGIN } from './records';

/**
 * Undo/redo of this replica's own edits only, over every top-level map of the document:
 * tracked origins are the local origin, so changes that arrive from teammates or other tabs
 * are never undone here.
 */
export function createUndoManager(ws: WorkspaceDoc): Y.UndoManager {
  return new Y.UndoManager(
    rootsOf(ws).map((r) => r.type),
    { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 400 },
  );
}
