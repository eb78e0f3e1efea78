/**
 * A sprint's retrospective: what went well, what did not, and actions. Each line is its own
 * record (created with a random id), so two people adding lines at once both keep theirs, and
 * an open action carries forward to later sprints until it is done.
 */
import { MAX_NAME, Problems, dateOrNull, finiteOrNull, idOrNull, oneOf, text } from './validate';

export const RETRO_KINDS = ['went-well', 'did-not', 'action'] as const;
export type RetroKind = (typeof RETRO_KINDS)[number];

export const RETRO_LABELS: Record<RetroKind, string> = {
  'went-well': 'Went well',
  'did-not': 'Did not go well',
  action: 'Actions',
};

export interface RetroItem {
  id: string;
  /** The sprint (its start date) whose retrospective holds the line. */
  sprintId: string;
  kind: RetroKind;
  text: string;
  ownerId: string | null;
  done: boolean;
  doneAt: string | null;
  createdAt: number;
}

/** Reads a retrospective line; null when it names no sprint (nothing to show it under). */
export function readRetroItem(
  id: string,
  raw: Record<string, unknown>,
  problems: Problems,
): (RetroItem & { deletedAt: number | null }) | null {
  const sprintId = dateOrNull(raw.sprintId, 'retrospective sprint', problems);
  if (sprintId === null) return null;
  const done = raw.done === true;
  return {
    id,
    sprintId,
    kind: oneOf(raw.kind, RETRO_KINDS, 'went-well', 'retrospective kind', problems),
    text: text(raw.text, 'retrospective line', problems, MAX_NAME),
    ownerId: idOrNull(raw.ownerId, 'action owner', problems),
    done,
    doneAt: done ? dateOrNull(raw.doneAt, 'action done date', problems) : null,
    createdAt: finiteOrNull(raw.createdAt, 'created at', problems) ?? 0,
    deletedAt: finiteOrNull(raw.deletedAt, 'deleted at', problems),
  };
}

/** Oldest first, then by id: the same on every replica. */
export function compareRetroItems(a: RetroItem, b: RetroItem): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The actions open at a sprint's retrospective: its own, and every earlier sprint's action
 * not yet done (they carry forward until done).
 */
export function openActions(items: readonly RetroItem[], sprintId: string): RetroItem[] {
  return items.filter((i) => i.kind === 'action' && !i.done && i.sprintId < sprintId);
}
