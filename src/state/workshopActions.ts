import type { ChecklistCriterion, CriterionScore, Game } from '../domain/types';
import type { WorkspaceDoc } from '../doc/schema';
import { local } from '../doc/records';
import * as workshopDoc from '../doc/workshop';
import { addMetric, updateMetric } from '../doc/metrics';

/** What the workshop needs from its session: the current metrics and the chosen root. */
interface SessionView {
  readonly workshop: { chosenMetricId: string | null };
  readonly tree: { byId: ReadonlyMap<string, unknown> };
}

/** The North Star workshop's actions: game, mission, segment, candidates, scores, the choice. */
export class WorkshopActions {
  constructor(
    private readonly writable: () => WorkspaceDoc | null,
    private readonly session: SessionView,
  ) {}

  setGame(game: Game): void {
    const ws = this.writable();
    if (ws) workshopDoc.setWorkshopField(ws, 'game', game);
  }

  setText(field: 'mission' | 'segment', value: string): void {
    const ws = this.writable();
    if (ws) workshopDoc.setWorkshopField(ws, field, value);
  }

  addCandidate(name: string): string | null {
    const ws = this.writable();
    return ws ? workshopDoc.addCandidate(ws, name) : null;
  }

  updateCandidate(id: string, patch: { name?: string; definition?: string }): void {
    const ws = this.writable();
    if (ws) workshopDoc.updateCandidate(ws, id, patch);
  }

  score(id: string, criterion: ChecklistCriterion, score: CriterionScore | null): void {
    const ws = this.writable();
    if (ws) workshopDoc.scoreCandidate(ws, id, criterion, score);
  }

  removeCandidate(id: string): void {
    const ws = this.writable();
    if (ws) workshopDoc.removeCandidate(ws, id);
  }

  /**
   * Makes a candidate the North Star: the root metric takes its name and definition. If the
   * workshop already chose a root that still exists, that metric is renamed rather than a
   * second root added; returns the root's id.
   */
  choose(candidate: { id: string; name: string; definition: string }): string | null {
    const ws = this.writable();
    if (!ws) return null;
    const existing = this.session.workshop.chosenMetricId;
    let rootId = '';
    local(ws, () => {
      if (existing !== null && this.session.tree.byId.has(existing)) {
        rootId = existing;
        updateMetric(ws, existing, {
          kind: 'north-star',
          name: candidate.name.trim(),
          definition: candidate.definition,
        });
      } else {
        rootId = addMetric(
          ws,
          { kind: 'north-star', name: candidate.name.trim(), definition: candidate.definition },
          null,
        );
      }
      workshopDoc.setWorkshopField(ws, 'chosenCandidateId', candidate.id);
      workshopDoc.setWorkshopField(ws, 'chosenMetricId', rootId);
    });
    return rootId;
  }
}
