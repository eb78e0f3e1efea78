import * as Y from 'yjs';
import type { WorkspaceDoc } from './schema';
import { LOCAL_ORIGIN } from './records';

/**
 * Undo/redo of this replica's own edits only, over the whole document (every area's maps and
 * the owners' brief texts, which are top-level by name):
 * tracked origins are the local origin, so changes that arrive from teammates or other tabs
 * are never undone here.
 */
export function createUndoManager(ws: WorkspaceDoc): Y.UndoManager {
  return new Y.UndoManager(
    // The whole document: every area's maps, and the top-level texts (owners' briefs) that
    // exist by name.
    ws.doc,
    { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 400 },
  );
}
