/**
 * The names of the workspace document databases (`lodestar-ws-<id>`), apart from the store
 * itself so the list of workspaces can look for them without loading Yjs.
 */
import { databaseNames } from './idb';

export const DOC_DB_PREFIX = 'lodestar-ws-';

/** The ids of the workspace documents this device's IndexedDB holds. */
export async function storedDocIds(): Promise<string[]> {
  return (await databaseNames())
    .filter((name) => name.startsWith(DOC_DB_PREFIX))
    .map((name) => name.slice(DOC_DB_PREFIX.length));
}
