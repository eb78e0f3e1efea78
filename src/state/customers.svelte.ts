import { buildJourney, type Journey } from '../domain/journey';
import type { Plan, PlanDraft, PlanStatus } from '../domain/plans';
import { closestToNsm, needsAttention, planSegments, viewPlans } from '../domain/planViews';
import {
  doneDateProblem,
  moveDateProblem,
  startDateProblem,
  stepSinceProblem,
} from '../domain/planDates';
import type { WorkspaceDoc } from '../doc/schema';
import type { AreaContext, WorkspaceArea } from './area';
import { local } from '../doc/records';
import type { DocWarning } from '../doc/warnings';
import * as journeyDoc from '../doc/journey';
import * as plansDoc from '../doc/plans';
import * as milestonesDoc from '../doc/planMilestones';
import { RecordCache, changedKeys } from './recordCache';

/** Which parts of the customer data a transaction touched. */
interface CustomersChange {
  journey: boolean;
  /** Ids of plans whose record or nested parts changed. */
  plans: Set<string>;
}

const noChange = (): CustomersChange => ({
  journey: false,
  plans: new Set(),
});

/** Invalid input throws before anything is written; the message is for the user. */
function refuse(problem: string | null): void {
  if (problem !== null) throw new Error(problem);
}

const byCreation = (a: Plan, b: Plan): number =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The journey and the joint success plans of one workspace: reactive snapshots and the actions
 * the customer screens call. After an edit only the plans it touched are read again; views, the
 * board and "needs attention" derive from the snapshots.
 */
export class CustomerSuccess implements WorkspaceArea {
  #journey = $state.raw<Journey>(buildJourney([], null));
  #plans = $state.raw<Plan[]>([]);
  #warnings = $state.raw<DocWarning[]>([]);

  get journey(): Journey {
    return this.#journey;
  }
  /** Live plans, oldest first. */
  get plans(): readonly Plan[] {
    return this.#plans;
  }
  get warnings(): readonly DocWarning[] {
    return this.#warnings;
  }

  views = $derived.by(() => viewPlans(this.plans, this.journey, this.ctx.today));
  attention = $derived(needsAttention(this.views));
  nearNsm = $derived(closestToNsm(this.views, this.journey));
  segments = $derived(planSegments(this.plans));
  plansById = $derived(new Map(this.plans.map((p) => [p.id, p])));

  private planCache: RecordCache<Plan> | null = null;
  private journeyWarnings: DocWarning[] = [];
  private pending = noChange();

  constructor(private readonly ctx: AreaContext) {}

  /**
   * Reads everything now, then notes what each transaction touches (a nested change names its
   * plan); `flush` reads it. The session calls `flush` after every transaction.
   */
  attach(ws: WorkspaceDoc): void {
    this.planCache = new RecordCache((id) => {
      const { plan, warnings, junk } = plansDoc.readPlanById(ws, id);
      return { value: plan, warnings, junk };
    }, plansDoc.plansJunkWarnings);
    const all = noChange();
    all.journey = true;
    ws.plans.forEach((_, id) => all.plans.add(id));
    this.update(ws, all);
    ws.journey.observeDeep(() => (this.pending.journey = true));
    ws.plans.observeDeep((events) => changedKeys(events, this.pending.plans));
  }

  /** Re-reads what changed since the last flush, if anything. */
  flush(ws: WorkspaceDoc): void {
    const change = this.pending;
    if (!change.journey && change.plans.size === 0) return;
    this.pending = noChange();
    this.update(ws, change);
  }

  private update(ws: WorkspaceDoc, change: CustomersChange): void {
    if (change.journey) {
      const j = journeyDoc.readJourney(ws);
      this.#journey = j.journey;
      this.journeyWarnings = j.warnings;
    }
    if (change.plans.size > 0 && this.planCache) {
      this.planCache.update(change.plans);
      this.#plans = this.planCache.live().sort(byCreation);
    }
    this.#warnings = [...this.journeyWarnings, ...(this.planCache?.warnings() ?? [])];
  }

  // The journey.

  addStep = (fields: Partial<journeyDoc.StepFields> & { name: string }): string | null =>
    this.ctx.step((ws) => journeyDoc.addStep(ws, fields));

  /** Adds several steps as one undo step, the last one the NSM moment (a starter journey). */
  addJourney = (steps: readonly (Partial<journeyDoc.StepFields> & { name: string })[]) =>
    this.ctx.step((ws) =>
      local(ws, () => {
        const ids = steps.map((fields) => journeyDoc.addStep(ws, fields));
        const last = ids.at(-1);
        if (last) journeyDoc.setNsmMoment(ws, last);
      }),
    );

  updateStep = (id: string, patch: Partial<journeyDoc.StepFields>) =>
    this.ctx.typing((ws) => journeyDoc.updateStep(ws, id, patch));

  /** Moves a step before another (null = to the end). */
  moveStep = (id: string, beforeId: string | null) =>
    this.ctx.step((ws) => journeyDoc.moveStep(ws, id, beforeId));

  removeStep = (id: string) => this.ctx.step((ws) => journeyDoc.removeStep(ws, id));

  restoreStep = (id: string) => this.ctx.step((ws) => journeyDoc.restoreStep(ws, id));

  setNsmMoment = (id: string) => this.ctx.step((ws) => journeyDoc.setNsmMoment(ws, id));

  // Plans.

  /** Creates plans in one step (all or none); throws with a message when a draft is invalid. */
  addPlans = (drafts: readonly (Partial<PlanDraft> & { customer: string })[]): string[] | null =>
    this.ctx.step((ws) => plansDoc.addPlans(ws, drafts, this.ctx.today));

  /** Throws with a message when a new start date is after a step the plan entered. */
  updatePlan = (id: string, patch: Partial<Omit<PlanDraft, 'stepId' | 'stepSince'>>) => {
    const plan = this.plansById.get(id);
    if (plan && patch.startDate !== undefined) {
      refuse(startDateProblem(patch.startDate, plan, this.journey, this.ctx.today));
    }
    return this.ctx.typing((ws) => plansDoc.updatePlan(ws, id, patch));
  };

  /**
   * Moves a plan onto a step on `date` (today when not given); throws with a message when the
   * date is after today, before the start, or before it entered the step it leaves.
   */
  movePlan = (id: string, stepId: string, date = this.ctx.today) => {
    const plan = this.plansById.get(id);
    if (plan && plan.stepId !== stepId) refuse(moveDateProblem(date, plan, this.ctx.today));
    return this.ctx.step((ws) => plansDoc.movePlanToStep(ws, id, stepId, date));
  };

  /** Corrects the date the plan entered its current step (throws with a message). */
  setStepSince = (id: string, date: string) => {
    const plan = this.plansById.get(id);
    if (plan) refuse(stepSinceProblem(date, plan, this.ctx.today));
    return this.ctx.step((ws) => plansDoc.setStepSince(ws, id, date));
  };

  /** Sets the status by hand; null follows the suggestion again. */
  setStatus = (id: string, status: PlanStatus | null) =>
    this.ctx.step((ws) => plansDoc.setPlanStatus(ws, id, status));

  deletePlan = (id: string) => this.ctx.step((ws) => plansDoc.deletePlan(ws, id));

  restorePlan = (id: string) => this.ctx.step((ws) => plansDoc.restorePlan(ws, id));

  addNote = (planId: string, text: string) =>
    this.ctx.step((ws) => plansDoc.addPlanNote(ws, planId, text, this.ctx.meId));

  addMilestone = (planId: string, fields: milestonesDoc.MilestoneFields): string | null =>
    this.ctx.step((ws) => milestonesDoc.addMilestone(ws, planId, fields));

  updateMilestone = (
    planId: string,
    milestoneId: string,
    patch: Partial<milestonesDoc.MilestoneFields>,
  ) => this.ctx.typing((ws) => milestonesDoc.updateMilestone(ws, planId, milestoneId, patch));

  /** Ticks (done on `date`, today when not given) or unticks a milestone. */
  setMilestoneDone = (
    planId: string,
    milestoneId: string,
    done: boolean,
    date = this.ctx.today,
  ) => {
    const plan = this.plansById.get(planId);
    if (plan && done) refuse(doneDateProblem(date, plan.startDate, this.ctx.today));
    return this.ctx.step((ws) =>
      milestonesDoc.setMilestoneDone(ws, planId, milestoneId, done, date),
    );
  };

  /** Corrects the date a done milestone was done (throws with a message). */
  setMilestoneDoneAt = (planId: string, milestoneId: string, date: string) => {
    const plan = this.plansById.get(planId);
    if (plan) refuse(doneDateProblem(date, plan.startDate, this.ctx.today));
    return this.ctx.step((ws) => milestonesDoc.setMilestoneDoneAt(ws, planId, milestoneId, date));
  };

  removeMilestone = (planId: string, milestoneId: string) =>
    this.ctx.step((ws) => milestonesDoc.removeMilestone(ws, planId, milestoneId));

  restoreMilestone = (planId: string, milestoneId: string) =>
    this.ctx.step((ws) => milestonesDoc.restoreMilestone(ws, planId, milestoneId));
}
