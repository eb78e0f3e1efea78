import * as Y from 'yjs';
import { workspaceDoc, type WorkspaceDoc } from '../../../src/doc/schema';

/** A replica for tests: a document with a fixed client id (so runs are reproducible). */
export function replica(clientID: number): WorkspaceDoc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return workspaceDoc(doc);
}

/** Sends what `from` has and `to` lacks. */
export function syncOneWay(from: WorkspaceDoc, to: WorkspaceDoc): void {
  Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)), 'remote');
}

export function syncAll(replicas: readonly WorkspaceDoc[]): void {
  for (const a of replicas) for (const b of replicas) if (a !== b) syncOneWay(a, b);
}
