/** Outcome of asking the browser to keep this site's data under storage pressure. */
export type PersistState = 'granted' | 'denied' | 'unsupported';

/** Asks for persistent storage (so the browser does not evict workspaces) and reports the answer. */
export async function requestPersistentStorage(): Promise<PersistState> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist || !storage.persisted) return 'unsupported';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}
