/**
 * Sprint retrospectives in the document: each line a record of its own in `retroItems` (the
 * sprint it belongs to by its start date, its kind, text, owner, done for actions), removed to
 * a trash with `deletedAt`.
 */
import * as Y from 'yjs';
import { readRetroItem, type RetroItem, type RetroKind } from '../domain/retros';
import { todayLocal } from '../domain/periods';
import { MAX_NAME, Problems } from '../domain/validate';
import type { WorkspaceDoc } from './schema';
import { checkDate, local, newId, plainFields, setField, type RecordMap } from './records';
import type { DocWarning } from './warnings';

export function readRetroItems(
  ws: WorkspaceDoc,
  includeDeleted = false,
): { items: RetroItem[]; warnings: DocWarning[] } {
  const items: RetroItem[] = [];
  const problems = new Problems();
  ws.retroItems.forEach((r, id) => {
    if (!(r instanceof Y.Map)) {
      problems.add(`an entry (${id.slice(0, 20)}) is not a retrospective line and was ignored`);
      return;
    }
    const item = readRetroItem(id, plainFields(r), problems);
    if (item === null) problems.add('a retrospective line names no sprint and was ignored');
    else {
      const { deletedAt, ...rest } = item;
      if (deletedAt === null || includeDeleted) items.push(rest);
    }
  });
  return {
    items,
    warnings: problems.list.map((message) => ({ where: 'retrospectives', message })),
  };
}

export function addRetroItem(
  ws: WorkspaceDoc,
  sprintId: string,
  kind: RetroKind,
  text: string,
  ownerId: string | null = null,
  now = Date.now(),
): string {
  checkDate(sprintId, 'sprint');
  const t = text.trim();
  if (t === '') throw new Error('Write the line first');
  const id = newId();
  local(ws, () => {
    const r: RecordMap = new Y.Map();
    r.set('sprintId', sprintId);
    r.set('kind', kind);
    r.set('text', t.slice(0, MAX_NAME));
    if (ownerId !== null) r.set('ownerId', ownerId);
    r.set('createdAt', now);
    ws.retroItems.set(id, r);
  });
  return id;
}

export function setRetroActionDone(
  ws: WorkspaceDoc,
  id: string,
  done: boolean,
  today = todayLocal(),
): void {
  const r = ws.retroItems.get(id);
  if (!(r instanceof Y.Map)) return;
  local(ws, () => {
    setField(r, 'done', done);
    setField(r, 'doneAt', done ? today : undefined);
  });
}

export function deleteRetroItem(ws: WorkspaceDoc, id: string, now = Date.now()): void {
  const r = ws.retroItems.get(id);
  if (r instanceof Y.Map) local(ws, () => r.set('deletedAt', now));
}

export function restoreRetroItem(ws: WorkspaceDoc, id: string): void {
  const r = ws.retroItems.get(id);
  if (r instanceof Y.Map && r.has('deletedAt')) local(ws, () => r.delete('deletedAt'));
}
