import * as Y from 'yjs';
import { Problems, readPerson } from '../domain/validate';
import type { Person } from '../domain/types';
import type { WorkspaceDoc } from './schema';
import type { DocArea } from './area';
import { local, newId, plainFields, setField, type RecordMap } from './records';
import type { DocWarning } from './warnings';
import { isNonEmptyText, isString, junkWarnings, marks, slotOf, type Marks } from './junk';

/** What marks a person record as written by the app (doc/junk.ts): a name, team and colour. */
export const PERSON_MARKS: Marks = marks({ name: isNonEmptyText, team: isString, color: isString });

/** The team, validated (removed people left out); junk (doc/junk.ts) is counted in one warning. */
export function readPeople(ws: WorkspaceDoc): { people: Person[]; warnings: DocWarning[] } {
  const people: Person[] = [];
  const warnings: DocWarning[] = [];
  let junk = 0;
  ws.people.forEach((record, id) => {
    const slot = slotOf(record, PERSON_MARKS);
    if (slot !== 'record') {
      if (slot === 'junk') junk++;
      return;
    }
    const problems = new Problems();
    const person = readPerson(id, plainFields(record), problems);
    if (record.get('deletedAt') !== undefined) return;
    for (const message of problems.list)
      warnings.push({ where: `person “${person.name}”`, message });
    people.push(person);
  });
  people.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  warnings.push(...junkWarnings('people', junk, peopleArea.roots.people));
  return { people, warnings };
}

export function addPerson(ws: WorkspaceDoc, fields: Omit<Person, 'id'>): string {
  const id = newId();
  local(ws, () => {
    const r: RecordMap = new Y.Map();
    r.set('name', fields.name.trim());
    r.set('team', fields.team.trim());
    r.set('color', fields.color);
    ws.people.set(id, r);
  });
  return id;
}

export function updatePerson(
  ws: WorkspaceDoc,
  id: string,
  patch: Partial<Omit<Person, 'id'>>,
): void {
  const r = ws.people.get(id);
  if (!(r instanceof Y.Map)) return;
  local(ws, () => {
    for (const [key, value] of Object.entries(patch))
      setField(r, key, typeof value === 'string' ? value.trim() : value);
  });
}

/**
 * Removes a person. Soft delete, so metrics that name them as owner keep a readable reference
 * for undo; readers treat an owner who is gone as no owner.
 */
export function removePerson(ws: WorkspaceDoc, id: string, now = Date.now()): void {
  const r = ws.people.get(id);
  if (!(r instanceof Y.Map)) return;
  local(ws, () => r.set('deletedAt', now));
}

/** The team: one record per person (removed people keep their record, marked). */
export const peopleArea: DocArea<{ people: Y.Map<RecordMap> }> = {
  name: 'people',
  roots: {
    people: { counting: 'key', one: 'person', many: 'people', trash: true, marks: PERSON_MARKS },
  },
  read: (ws) => {
    const { people, warnings } = readPeople(ws);
    return { value: people, warnings };
  },
};
