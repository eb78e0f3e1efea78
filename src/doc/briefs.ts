/**
 * Owners' briefs in the document. Each text is a top-level Y.Text named
 * `brief:<personId>:<kind>`: top-level types exist by name on every replica, so two people
 * writing a brief for the first time at once cannot each create their own and lose one (a
 * nested Y.Text created on two devices would). `briefs` holds the date each was last edited,
 * as flat keys `<personId>|<kind>`, and lists which texts exist.
 */
import type * as Y from 'yjs';
import { BRIEF_KINDS, type Brief, type BriefKind } from '../domain/briefs';
import { isDate, todayLocal } from '../domain/periods';
import { MAX_TEXT } from '../domain/validate';
import type { WorkspaceDoc } from './schema';
import type { DocArea } from './area';
import { local } from './records';
import { editText } from './text';
import type { DocWarning } from './warnings';

const textName = (personId: string, kind: BriefKind): string => `brief:${personId}:${kind}`;
const TEXT_NAME = new RegExp(`^brief:.{1,100}:(${BRIEF_KINDS.join('|')})$`);

/** Whether a top-level type's name is one of the owners' brief texts (`brief:<id>:<kind>`). */
export const isBriefText = (name: string): boolean => TEXT_NAME.test(name);
/** Longest brief kept: a page or two, like a scope text, times a few. */
const MAX_BRIEF = MAX_TEXT * 4;

function text(ws: WorkspaceDoc, personId: string, kind: BriefKind): Y.Text {
  return ws.doc.getText(textName(personId, kind));
}

/** Every brief that was ever written, with its text and last edit date. */
export function readBriefs(ws: WorkspaceDoc): { briefs: Brief[]; warnings: DocWarning[] } {
  const briefs: Brief[] = [];
  let junk = 0;
  ws.briefs.forEach((value, key) => {
    const [personId, kind] = key.split('|');
    if (
      !personId ||
      personId.length > 100 ||
      !(BRIEF_KINDS as readonly string[]).includes(kind ?? '') ||
      typeof value !== 'string' ||
      !isDate(value)
    ) {
      junk++;
      return;
    }
    const k = kind as BriefKind;
    briefs.push({
      personId,
      kind: k,
      text: text(ws, personId, k).toString().slice(0, MAX_BRIEF),
      updatedAt: value,
    });
  });
  briefs.sort((a, b) =>
    a.personId !== b.personId ? (a.personId < b.personId ? -1 : 1) : a.kind < b.kind ? -1 : 1,
  );
  const warnings: DocWarning[] =
    junk > 0
      ? [{ where: 'owners’ briefs', message: `${junk} unreadable value(s) were ignored` }]
      : [];
  return { briefs, warnings };
}

/** Edits a brief as typed (the smallest edit, so two people typing both keep their words). */
export function editBrief(
  ws: WorkspaceDoc,
  personId: string,
  kind: BriefKind,
  next: string,
  today = todayLocal(),
): void {
  if (personId === '' || personId.length > 100) throw new Error('A brief belongs to a person');
  local(ws, () => {
    editText(text(ws, personId, kind), next.slice(0, MAX_BRIEF));
    if (ws.briefs.get(`${personId}|${kind}`) !== today) ws.briefs.set(`${personId}|${kind}`, today);
  });
}

/** Owners' strategy briefs, roadmap notes and playbooks (the texts are top-level by name). */
export const briefsArea: DocArea<{ briefs: Y.Map<unknown> }> = {
  name: 'briefs',
  roots: { briefs: { counting: 'key', one: 'owner’s brief', many: 'owners’ briefs' } },
  read: (ws) => {
    const { briefs, warnings } = readBriefs(ws);
    return { value: briefs, warnings };
  },
};
