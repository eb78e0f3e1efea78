/**
 * Who each copy is: every copy that writes records, once per session, which person its Yjs
 * client id belongs to (`clients`: client id → { personId, name, at }), so a change can be
 * attributed ("Bea logged 12 values"). A Yjs client id is random per opened document, so there
 * is one entry per session that wrote anything; entries are small and plain.
 */
import type * as Y from 'yjs';
import { MAX_NAME } from '../domain/validate';
import type { WorkspaceDoc } from './schema';
import type { DocArea } from './area';
import type { DocWarning } from './warnings';

/** Origin of the write that claims a client id (kept out of the user's undo steps). */
export const CLAIM_ORIGIN = { name: 'lodestar-claim' } as const;

export interface ClientClaim {
  clientId: number;
  personId: string | null;
  /** The name the copy gave when it wrote (the person's name then, or its display name). */
  name: string;
  at: number;
}

function readClaim(key: string, raw: unknown): ClientClaim | null {
  const clientId = Number(key);
  if (!Number.isSafeInteger(clientId) || clientId < 0 || String(clientId) !== key) return null;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.name !== 'string' || typeof r.at !== 'number') return null;
  const personId = typeof r.personId === 'string' && r.personId.length <= 100 ? r.personId : null;
  return { clientId, personId, name: r.name.slice(0, MAX_NAME), at: r.at };
}

/** Every claim, by client id, and how many entries could not be read. */
export function readClients(ws: WorkspaceDoc): {
  clients: Map<number, ClientClaim>;
  warnings: DocWarning[];
} {
  const clients = new Map<number, ClientClaim>();
  let junk = 0;
  ws.clients.forEach((raw, key) => {
    const claim = readClaim(key, raw);
    if (claim) clients.set(claim.clientId, claim);
    else junk++;
  });
  const warnings: DocWarning[] =
    junk > 0 ? [{ where: 'copies', message: `${junk} unreadable value(s) were ignored` }] : [];
  return { clients, warnings };
}

/** Says which person this copy is (no write when it already says so). */
export function claimClient(
  ws: WorkspaceDoc,
  personId: string | null,
  name: string,
  now = Date.now(),
): void {
  const key = String(ws.doc.clientID);
  const current = readClaim(key, ws.clients.get(key));
  if (current && current.personId === personId && current.name === name) return;
  ws.doc.transact(() => {
    ws.clients.set(key, { personId, name: name.slice(0, MAX_NAME), at: now });
  }, CLAIM_ORIGIN);
}

export const clientsArea: DocArea<{ clients: Y.Map<unknown> }> = {
  name: 'clients',
  roots: { clients: { counting: 'key', one: 'copy', many: 'copies', keptOnRestore: true } },
  read: (ws) => {
    const { clients, warnings } = readClients(ws);
    return {
      value: [...clients.values()].sort((a, b) => a.clientId - b.clientId),
      warnings,
    };
  },
};
