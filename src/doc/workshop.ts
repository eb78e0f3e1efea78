import * as Y from 'yjs';
import { keyBetween } from '../domain/order';
import { Problems, idOrNull, oneOf, text, MAX_NAME } from '../domain/validate';
import {
  CHECKLIST,
  GAMES,
  type Candidate,
  type ChecklistScores,
  type CriterionScore,
  type Game,
  type Workshop,
} from '../domain/types';
import type { WorkspaceDoc } from './schema';
import type { DocArea } from './area';
import { local, newId, setField, type RecordMap } from './records';
import type { DocWarning } from './warnings';

function readScores(raw: unknown): ChecklistScores {
  const scores: ChecklistScores = {};
  if (!(raw instanceof Y.Map)) return scores;
  for (const c of CHECKLIST) {
    const v = raw.get(c);
    if (v === 0 || v === 1 || v === 2) scores[c] = v;
  }
  return scores;
}

export function readWorkshop(ws: WorkspaceDoc): { workshop: Workshop; warnings: DocWarning[] } {
  const problems = new Problems();
  const candidates: Candidate[] = [];
  ws.candidates.forEach((r, id) => {
    if (!(r instanceof Y.Map) || r.get('deletedAt') !== undefined) return;
    const name = text(r.get('name'), 'candidate name', problems, MAX_NAME);
    candidates.push({
      id,
      name,
      definition: text(r.get('definition'), 'candidate definition', problems),
      scores: readScores(r.get('scores')),
      order: typeof r.get('order') === 'string' ? (r.get('order') as string) : 'a0',
    });
  });
  candidates.sort((a, b) =>
    a.order === b.order ? (a.id < b.id ? -1 : 1) : a.order < b.order ? -1 : 1,
  );
  const game = ws.workshop.get('game');
  const workshop: Workshop = {
    game:
      game === undefined || game === null
        ? null
        : oneOf<Game>(game, GAMES, 'productivity', 'game', problems),
    mission: text(ws.workshop.get('mission'), 'mission', problems),
    segment: text(ws.workshop.get('segment'), 'segment', problems),
    candidates,
    chosenCandidateId: idOrNull(ws.workshop.get('chosenCandidateId'), 'chosen candidate', problems),
    chosenMetricId: idOrNull(ws.workshop.get('chosenMetricId'), 'chosen metric', problems),
  };
  return { workshop, warnings: problems.list.map((message) => ({ where: 'workshop', message })) };
}

export function setWorkshopField(
  ws: WorkspaceDoc,
  field: 'game' | 'mission' | 'segment' | 'chosenCandidateId' | 'chosenMetricId',
  value: string | null,
): void {
  local(ws, () => setField(ws.workshop, field, value));
}

export function addCandidate(ws: WorkspaceDoc, name: string, definition = ''): string {
  const id = newId();
  let last: string | null = null;
  ws.candidates.forEach((r) => {
    const o = r instanceof Y.Map ? r.get('order') : undefined;
    if (typeof o === 'string' && (last === null || o > last)) last = o;
  });
  local(ws, () => {
    const r: RecordMap = new Y.Map();
    r.set('name', name.trim());
    r.set('definition', definition);
    r.set('order', keyBetween(last, null));
    r.set('scores', new Y.Map());
    ws.candidates.set(id, r);
  });
  return id;
}

export function updateCandidate(
  ws: WorkspaceDoc,
  id: string,
  patch: { name?: string; definition?: string },
): void {
  const r = ws.candidates.get(id);
  if (!(r instanceof Y.Map)) return;
  local(ws, () => {
    for (const [key, value] of Object.entries(patch)) setField(r, key, value);
  });
}

/** Scores one criterion; each criterion is its own key, so two people scoring both win. */
export function scoreCandidate(
  ws: WorkspaceDoc,
  id: string,
  criterion: (typeof CHECKLIST)[number],
  score: CriterionScore | null,
): void {
  const r = ws.candidates.get(id);
  if (!(r instanceof Y.Map)) return;
  local(ws, () => {
    let scores = r.get('scores');
    if (!(scores instanceof Y.Map)) {
      scores = new Y.Map<unknown>();
      r.set('scores', scores);
    }
    setField(scores as RecordMap, criterion, score ?? undefined);
  });
}

export function removeCandidate(ws: WorkspaceDoc, id: string, now = Date.now()): void {
  const r = ws.candidates.get(id);
  if (!(r instanceof Y.Map)) return;
  local(ws, () => r.set('deletedAt', now));
}

/** The North Star workshop: its answers (game, mission, segment, the choice) and candidates. */
export const workshopArea: DocArea<{ workshop: Y.Map<unknown>; candidates: Y.Map<RecordMap> }> = {
  name: 'workshop',
  roots: {
    workshop: { counting: 'key', one: 'workshop answer', many: 'workshop answers' },
    candidates: {
      counting: 'key',
      one: 'candidate metric',
      many: 'candidate metrics',
      trash: true,
    },
  },
  read: (ws) => {
    const { workshop, warnings } = readWorkshop(ws);
    return { value: workshop, warnings };
  },
};
