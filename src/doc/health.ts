/**
 * Whether this build may edit a document whose schema version it does not know.
 *
 * The version in `meta` is a claim, not proof: any peer holding the key can write 999 there,
 * and no newer Lodestar need exist. So the data decides, not the number:
 *
 * - a version this build knows (absent, or up to `SCHEMA_VERSION`): `ok`, whatever the areas
 *   say (their warnings are shown and the values skipped, as always);
 * - a higher version, or one that is not a number: every area of `DOC_AREAS` is read, and every
 *   top-level type of the document is checked against the ones this build knows (the areas'
 *   maps and the owners' brief texts). When every area reads without a warning and no unknown
 *   top-level type holds data, the copy stays editable (`claimed`, a calm notice): migrations
 *   only ever add fields and readers keep the fields they do not know, so a real newer format
 *   that reads cleanly here is one this build cannot damage by editing. Otherwise it is
 *   `unreadable`, read-only, and the message names what could not be read.
 *
 * `migrate` (doc/meta.ts) never lowers or replaces a claimed version.
 */
import type * as Y from 'yjs';
import { DOC_AREAS } from './areas';
import { isBriefText } from './briefs';
import { SCHEMA_VERSION, schemaVersion } from './meta';
import type { WorkspaceDoc } from './schema';

/** Whether this build may write to a document, and what to tell the user when it is unusual. */
export type DocHealth =
  | { kind: 'ok' }
  /** Claims a format this build does not know, yet everything reads: editable, with a notice. */
  | { kind: 'claimed'; version: number | null; message: string }
  /** Claims a format this build does not know and holds data it cannot read: read-only. */
  | { kind: 'unreadable'; version: number | null; found: string[]; message: string };

/** How many of the things that could not be read the message names. */
const NAMED = 3;

/** Whether a shared type holds any content that is not deleted. */
function holdsData(type: { _map: Map<string, Y.Item>; _start: Y.Item | null }): boolean {
  for (const item of type._map.values()) if (!item.deleted) return true;
  for (let item = type._start; item !== null; item = item.right) if (!item.deleted) return true;
  return false;
}

/** A stored value in a few words, whatever its type (a hostile peer chooses it). */
function describe(value: unknown): string {
  if (typeof value === 'string') return `“${value.slice(0, 20)}”`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null ? 'null' : `a value of type ${typeof value}`;
}

/** What in the document this build cannot read: each area's warnings, then unknown types. */
export function unreadableParts(ws: WorkspaceDoc): string[] {
  const found: string[] = [];
  for (const area of DOC_AREAS) {
    for (const w of area.read(ws).warnings) found.push(`${w.where}: ${w.message}`);
  }
  const known = new Set<string>(DOC_AREAS.flatMap((area) => Object.keys(area.roots)));
  ws.doc.share.forEach((type, name) => {
    if (known.has(name) || isBriefText(name) || !holdsData(type)) return;
    found.push(`a part named “${name.slice(0, 40)}” that this version does not know`);
  });
  return found;
}

/** Checks whether this build can edit the document (see the file comment for the rule). */
export function docHealth(ws: WorkspaceDoc): DocHealth {
  const raw = ws.meta.get('schemaVersion');
  if (raw === undefined) return { kind: 'ok' };
  const version = schemaVersion(ws);
  if (version !== null && version <= SCHEMA_VERSION) return { kind: 'ok' };
  const claim =
    version !== null
      ? `A copy of this workspace claims a newer format (${version})`
      : `A copy of this workspace wrote a format version that is not a number (${describe(raw)})`;
  const found = unreadableParts(ws);
  if (found.length === 0) {
    return {
      kind: 'claimed',
      version,
      message: `${claim}, but everything in it reads correctly here, so it stays editable.`,
    };
  }
  const named = found.slice(0, NAMED).join('; ');
  const more = found.length > NAMED ? ` (and ${found.length - NAMED} more)` : '';
  return {
    kind: 'unreadable',
    version,
    found,
    message:
      `${claim}, and this version of Lodestar cannot read part of it: ${named}${more}. ` +
      'It is read-only here so nothing is overwritten. The versions saved on this device before ' +
      'that change are in the History tab, and a backup from before it can be restored as a new ' +
      'workspace; if a newer Lodestar is published, this app offers the update by itself.',
  };
}
