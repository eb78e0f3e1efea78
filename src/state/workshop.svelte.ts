import type { ChecklistCriterion, CriterionScore, Game, Workshop } from '../domain/types';
import type { WorkspaceDoc } from '../doc/schema';
import type { DocWarning } from '../doc/warnings';
import { local } from '../doc/records';
import * as workshopDoc from '../doc/workshop';
import { addMetric, updateMetric } from '../doc/metrics';
import type { AreaContext, WorkspaceArea } from './area';
import type { TreeArea } from './tree.svelte';

const EMPTY: Workshop = {
  game: null,
  mission: '',
  segment: '',
  candidates: [],
  chosenCandidateId: null,
  chosenMetricId: null,
};

/** The North Star workshop: game, mission, segment, candidates and their scores, the choice. */
export class WorkshopArea implements WorkspaceArea {
  #current = $state.raw<Workshop>(EMPTY);
  #warnings = $state.raw<DocWarning[]>([]);
  #dirty = false;

  constructor(
    private readonly ctx: AreaContext,
    private readonly tree: TreeArea,
  ) {}

  get current(): Workshop {
    return this.#current;
  }
  get warnings(): readonly DocWarning[] {
    return this.#warnings;
  }

  attach(ws: WorkspaceDoc): void {
    for (const type of [ws.workshop, ws.candidates]) type.observeDeep(() => (this.#dirty = true));
    this.#read(ws);
  }

  flush(ws: WorkspaceDoc): void {
    if (this.#dirty) this.#read(ws);
  }

  #read(ws: WorkspaceDoc): void {
    this.#dirty = false;
    const { workshop, warnings } = workshopDoc.readWorkshop(ws);
    this.#current = workshop;
    this.#warnings = warnings;
  }

  setGame = (game: Game) => this.ctx.step((ws) => workshopDoc.setWorkshopField(ws, 'game', game));

  setText = (field: 'mission' | 'segment', value: string) =>
    this.ctx.typing((ws) => workshopDoc.setWorkshopField(ws, field, value));

  addCandidate = (name: string): string | null =>
    this.ctx.step((ws) => workshopDoc.addCandidate(ws, name));

  updateCandidate = (id: string, patch: { name?: string; definition?: string }) =>
    this.ctx.typing((ws) => workshopDoc.updateCandidate(ws, id, patch));

  score = (id: string, criterion: ChecklistCriterion, score: CriterionScore | null) =>
    this.ctx.step((ws) => workshopDoc.scoreCandidate(ws, id, criterion, score));

  removeCandidate = (id: string) => this.ctx.step((ws) => workshopDoc.removeCandidate(ws, id));

  /**
   * Makes a candidate the North Star: the root metric takes its name and definition. If the
   * workshop already chose a root that still exists, that metric is renamed rather than a
   * second root added; returns the root's id.
   */
  choose = (candidate: { id: string; name: string; definition: string }): string | null =>
    this.ctx.step((ws) => {
      const existing = this.#current.chosenMetricId;
      const fields = {
        kind: 'north-star' as const,
        name: candidate.name.trim(),
        definition: candidate.definition,
      };
      let rootId = '';
      local(ws, () => {
        if (existing !== null && this.tree.byId.has(existing)) {
          rootId = existing;
          updateMetric(ws, existing, fields);
        } else {
          rootId = addMetric(ws, fields, null);
        }
        workshopDoc.setWorkshopField(ws, 'chosenCandidateId', candidate.id);
        workshopDoc.setWorkshopField(ws, 'chosenMetricId', rootId);
      });
      return rootId;
    });
}
