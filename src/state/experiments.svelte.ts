import type { Experiment, ExperimentStatus, ScopeField, ScoreInputs } from '../domain/experiments';
import { compareByScore, scoreOf, type Score } from '../domain/experimentScore';
import {
  DEFAULT_CAPACITY,
  DEFAULT_SPRINT_LENGTH,
  DEFAULT_SPRINT_START,
  type ExperimentSettings,
} from '../domain/experimentSettings';
import {
  DEFAULT_SCORING,
  type ScaleLevel,
  type ScaleName,
  type ScoringMethod,
} from '../domain/experimentScore';
import { compareRetroItems, type RetroItem, type RetroKind } from '../domain/retros';
import type { WorkspaceDoc } from '../doc/schema';
import type { DocWarning } from '../doc/warnings';
import * as experimentsDoc from '../doc/experiments';
import { RecordCache, changedKeys } from './recordCache';
import type { AreaContext, WorkspaceArea } from './area';

/** An experiment with its score under the workspace's method (derived, never stored). */
export interface ScoredExperiment {
  experiment: Experiment;
  score: Score;
}

const DEFAULT_SETTINGS: ExperimentSettings = {
  scoring: DEFAULT_SCORING,
  sprintStart: DEFAULT_SPRINT_START,
  sprintLength: DEFAULT_SPRINT_LENGTH,
  capacity: {},
  defaultCapacity: DEFAULT_CAPACITY,
};

/**
 * Experiments, their retrospectives and settings: reactive snapshots and the actions the
 * experiment screens call. An edit re-reads only the experiments it touched; retrospectives
 * and settings are small and read whole when touched.
 */
export class ExperimentsArea implements WorkspaceArea {
  #list = $state.raw<Experiment[]>([]);
  #retros = $state.raw<RetroItem[]>([]);
  #settings = $state.raw<ExperimentSettings>(DEFAULT_SETTINGS);
  #warnings = $state.raw<DocWarning[]>([]);
  #cache: RecordCache<Experiment> | null = null;
  #touched = new Set<string>();
  #retrosTouched = false;
  #settingsTouched = false;
  #otherWarnings: { retros: DocWarning[]; settings: DocWarning[] } = { retros: [], settings: [] };

  constructor(private readonly ctx: AreaContext) {}

  /** Live experiments, oldest first. */
  get list(): readonly Experiment[] {
    return this.#list;
  }
  /** Live retrospective lines, oldest first. */
  get retros(): readonly RetroItem[] {
    return this.#retros;
  }
  get settings(): ExperimentSettings {
    return this.#settings;
  }
  get warnings(): readonly DocWarning[] {
    return this.#warnings;
  }

  byId = $derived(new Map(this.#list.map((e) => [e.id, e])));
  /** Every live experiment with its score, highest first (the backlog order). */
  scored = $derived.by((): ScoredExperiment[] =>
    this.#list
      .map((experiment) => ({
        experiment,
        score: scoreOf(experiment.scores, this.#settings.scoring),
      }))
      .sort((a, b) =>
        compareByScore(
          { score: a.score.value, title: a.experiment.title, id: a.experiment.id },
          { score: b.score.value, title: b.experiment.title, id: b.experiment.id },
        ),
      ),
  );

  attach(ws: WorkspaceDoc): void {
    this.#cache = new RecordCache((id) => {
      const { experiment, warnings, junk } = experimentsDoc.readExperimentById(ws, id);
      return { value: experiment, warnings, junk };
    }, experimentsDoc.experimentsJunkWarnings);
    ws.experiments.observeDeep((events) => changedKeys(events, this.#touched));
    ws.retroItems.observeDeep(() => (this.#retrosTouched = true));
    ws.experimentSettings.observe(() => (this.#settingsTouched = true));
    this.#readExperiments([...ws.experiments.keys()]);
    this.#readRetros(ws);
    this.#readSettings(ws);
    this.#joinWarnings();
  }

  flush(ws: WorkspaceDoc): void {
    let changed = false;
    if (this.#touched.size > 0) {
      const touched = this.#touched;
      this.#touched = new Set();
      this.#readExperiments(touched);
      changed = true;
    }
    if (this.#retrosTouched) {
      this.#readRetros(ws);
      changed = true;
    }
    if (this.#settingsTouched) {
      this.#readSettings(ws);
      changed = true;
    }
    if (changed) this.#joinWarnings();
  }

  #readExperiments(ids: Iterable<string>): void {
    if (!this.#cache) return;
    this.#cache.update(ids);
    this.#list = this.#cache
      .live()
      .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  #readRetros(ws: WorkspaceDoc): void {
    this.#retrosTouched = false;
    const { items, warnings } = experimentsDoc.readRetroItems(ws);
    this.#retros = items.sort(compareRetroItems);
    this.#otherWarnings.retros = warnings;
  }

  #readSettings(ws: WorkspaceDoc): void {
    this.#settingsTouched = false;
    const { settings, warnings } = experimentsDoc.readSettings(ws);
    this.#settings = settings;
    this.#otherWarnings.settings = warnings;
  }

  #joinWarnings(): void {
    this.#warnings = [
      ...(this.#cache?.warnings() ?? []),
      ...this.#otherWarnings.retros,
      ...this.#otherWarnings.settings,
    ];
  }

  // ——— actions (docs/ARCHITECTURE.md, "The action contract") ———

  /** A new idea, owned by this device's person unless given; returns its id. */
  add = (draft: Partial<experimentsDoc.ExperimentDraft> & { title: string }): string | null =>
    this.ctx.step((ws) =>
      experimentsDoc.addExperiment(
        ws,
        { ownerId: this.ctx.meId, ...draft },
        this.ctx.meId,
        this.ctx.today,
      ),
    );

  update = (id: string, patch: Partial<experimentsDoc.ExperimentDraft>) =>
    this.ctx.typing((ws) => experimentsDoc.updateExperiment(ws, id, patch));

  setScores = (id: string, scores: Partial<ScoreInputs>) =>
    this.ctx.typing((ws) => experimentsDoc.setScores(ws, id, scores));

  setStatus = (id: string, status: ExperimentStatus) =>
    this.ctx.step((ws) =>
      experimentsDoc.setExperimentStatus(ws, id, status, this.ctx.meId, this.ctx.today),
    );

  editScope = (id: string, field: ScopeField, text: string) =>
    this.ctx.typing((ws) => experimentsDoc.editScope(ws, id, field, text));

  remove = (id: string) => this.ctx.step((ws) => experimentsDoc.deleteExperiment(ws, id));

  restore = (id: string) => this.ctx.step((ws) => experimentsDoc.restoreExperiment(ws, id));

  addMilestone = (
    experimentId: string,
    draft: Partial<experimentsDoc.MilestoneDraft> & { title: string },
  ): string | null =>
    this.ctx.step((ws) => experimentsDoc.addExperimentMilestone(ws, experimentId, draft));

  updateMilestone = (
    experimentId: string,
    id: string,
    patch: Partial<experimentsDoc.MilestoneDraft>,
  ) =>
    this.ctx.typing((ws) => experimentsDoc.updateExperimentMilestone(ws, experimentId, id, patch));

  setMilestoneDone = (experimentId: string, id: string, done: boolean) =>
    this.ctx.step((ws) =>
      experimentsDoc.setMilestoneDone(ws, experimentId, id, done, this.ctx.today),
    );

  removeMilestone = (experimentId: string, id: string) =>
    this.ctx.step((ws) => experimentsDoc.deleteExperimentMilestone(ws, experimentId, id));

  restoreMilestone = (experimentId: string, id: string) =>
    this.ctx.step((ws) => experimentsDoc.restoreExperimentMilestone(ws, experimentId, id));

  addRetro = (sprintId: string, kind: RetroKind, text: string, ownerId: string | null = null) =>
    this.ctx.step((ws) => experimentsDoc.addRetroItem(ws, sprintId, kind, text, ownerId));

  setRetroDone = (id: string, done: boolean) =>
    this.ctx.step((ws) => experimentsDoc.setRetroActionDone(ws, id, done, this.ctx.today));

  removeRetro = (id: string) => this.ctx.step((ws) => experimentsDoc.deleteRetroItem(ws, id));

  restoreRetro = (id: string) => this.ctx.step((ws) => experimentsDoc.restoreRetroItem(ws, id));

  setDefaultCapacity = (hours: number) =>
    this.ctx.step((ws) => experimentsDoc.setDefaultCapacity(ws, hours));

  setMethod = (method: ScoringMethod) =>
    this.ctx.step((ws) => experimentsDoc.setScoringMethod(ws, method));

  setScale = (name: ScaleName, levels: readonly ScaleLevel[]) =>
    this.ctx.step((ws) => experimentsDoc.setScale(ws, name, levels));

  setSprintRhythm = (start: string, lengthDays: number) =>
    this.ctx.step((ws) => experimentsDoc.setSprintRhythm(ws, start, lengthDays));

  setCapacity = (personId: string, hours: number | null) =>
    this.ctx.step((ws) => experimentsDoc.setCapacity(ws, personId, hours));
}
