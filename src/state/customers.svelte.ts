import { buildJourney, type Journey } from '../domain/journey';
import { compareInsights, type Insight } from '../domain/insights';
import type { Plan, PlanDraft, PlanStatus } from '../domain/plans';
import { closestToNsm, needsAttention, planSegments, viewPlans } from '../domain/planViews';
import type { WorkspaceDoc } from '../doc/schema';
import { local } from '../doc/records';
import type { DocWarning } from '../doc/warnings';
import * as journeyDoc from '../doc/journey';
import * as plansDoc from '../doc/plans';
import * as milestonesDoc from '../doc/planMilestones';
import * as insightsDoc from '../doc/insights';
import { RecordCache, changedKeys } from './recordCache';

/** What customer success needs from its session. */
interface Host {
  readonly tracking: { readonly today: string };
  readonly meId: string | null;
}

/** Which parts of the customer data a transaction touched. */
interface CustomersChange {
  journey: boolean;
  /** Ids of plans whose record or nested parts changed. */
  plans: Set<string>;
  insights: Set<string>;
}

const noChange = (): CustomersChange => ({
  journey: false,
  plans: new Set(),
  insights: new Set(),
});

const byCreation = (a: Plan, b: Plan): number =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The journey, the joint success plans and the insights of one workspace: reactive snapshots
 * and the actions the customer screens call. After an edit only the plans and insights it
 * touched are read again; views, the board and "needs attention" derive from the snapshots.
 */
export class CustomerSuccess {
  journey = $state.raw<Journey>(buildJourney([], null));
  /** Live plans, oldest first. */
  plans = $state.raw<Plan[]>([]);
  /** Live insights, newest first. */
  insights = $state.raw<Insight[]>([]);
  warnings = $state.raw<DocWarning[]>([]);

  views = $derived.by(() => viewPlans(this.plans, this.journey, this.host.tracking.today));
  attention = $derived(needsAttention(this.views));
  nearNsm = $derived(closestToNsm(this.views, this.journey));
  segments = $derived(planSegments(this.plans));
  plansById = $derived(new Map(this.plans.map((p) => [p.id, p])));

  private planCache: RecordCache<Plan> | null = null;
  private insightCache: RecordCache<Insight> | null = null;
  private journeyWarnings: DocWarning[] = [];
  private pending = noChange();

  constructor(
    /** The document for an action that is its own undo step; null when read-only. */
    private readonly step: () => WorkspaceDoc | null,
    /** The document for an edit that may merge with the previous one (typing). */
    private readonly writable: () => WorkspaceDoc | null,
    private readonly host: Host,
  ) {}

  /**
   * Reads everything now, then notes what each transaction touches (a nested change names its
   * plan); `flush` reads it. The session calls `flush` after every transaction.
   */
  attach(ws: WorkspaceDoc): void {
    this.planCache = new RecordCache((id) => {
      const { plan, warnings } = plansDoc.readPlanById(ws, id);
      return { value: plan, warnings };
    });
    this.insightCache = new RecordCache((id) => {
      const { insight, warnings } = insightsDoc.readInsightById(ws, id);
      return { value: insight, warnings };
    });
    const all = noChange();
    all.journey = true;
    ws.plans.forEach((_, id) => all.plans.add(id));
    ws.insights.forEach((_, id) => all.insights.add(id));
    this.update(ws, all);
    ws.journey.observeDeep(() => (this.pending.journey = true));
    ws.plans.observeDeep((events) => changedKeys(events, this.pending.plans));
    ws.insights.observeDeep((events) => changedKeys(events, this.pending.insights));
  }

  /** Re-reads what changed since the last flush, if anything. */
  flush(ws: WorkspaceDoc): void {
    const change = this.pending;
    if (!change.journey && change.plans.size === 0 && change.insights.size === 0) return;
    this.pending = noChange();
    this.update(ws, change);
  }

  private update(ws: WorkspaceDoc, change: CustomersChange): void {
    if (change.journey) {
      const j = journeyDoc.readJourney(ws);
      this.journey = j.journey;
      this.journeyWarnings = j.warnings;
    }
    if (change.plans.size > 0 && this.planCache) {
      this.planCache.update(change.plans);
      this.plans = this.planCache.live().sort(byCreation);
    }
    if (change.insights.size > 0 && this.insightCache) {
      this.insightCache.update(change.insights);
      this.insights = this.insightCache.live().sort(compareInsights);
    }
    this.warnings = [
      ...this.journeyWarnings,
      ...(this.planCache?.warnings() ?? []),
      ...(this.insightCache?.warnings() ?? []),
    ];
  }

  // The journey.

  addStep(fields: Partial<journeyDoc.StepFields> & { name: string }): string | null {
    const ws = this.step();
    return ws ? journeyDoc.addStep(ws, fields) : null;
  }

  /** Adds several steps as one undo step, the last one the NSM moment (a starter journey). */
  addJourney(steps: readonly (Partial<journeyDoc.StepFields> & { name: string })[]): void {
    const ws = this.step();
    if (!ws || steps.length === 0) return;
    local(ws, () => {
      const ids = steps.map((fields) => journeyDoc.addStep(ws, fields));
      const last = ids.at(-1);
      if (last) journeyDoc.setNsmMoment(ws, last);
    });
  }

  updateStep(id: string, patch: Partial<journeyDoc.StepFields>): void {
    const ws = this.writable();
    if (ws) journeyDoc.updateStep(ws, id, patch);
  }

  /** Moves a step before another (null = to the end). */
  moveStep(id: string, beforeId: string | null): void {
    const ws = this.step();
    if (ws) journeyDoc.moveStep(ws, id, beforeId);
  }

  removeStep(id: string): void {
    const ws = this.step();
    if (ws) journeyDoc.removeStep(ws, id);
  }

  restoreStep(id: string): void {
    const ws = this.step();
    if (ws) journeyDoc.restoreStep(ws, id);
  }

  setNsmMoment(id: string): void {
    const ws = this.step();
    if (ws) journeyDoc.setNsmMoment(ws, id);
  }

  // Plans.

  /** Creates plans in one step (all or none); throws with a message when a draft is invalid. */
  addPlans(drafts: readonly (Partial<PlanDraft> & { customer: string })[]): string[] {
    const ws = this.step();
    if (!ws) throw new Error('This workspace is read-only.');
    return plansDoc.addPlans(ws, drafts, this.host.tracking.today);
  }

  updatePlan(id: string, patch: Partial<Omit<PlanDraft, 'stepId'>>): void {
    const ws = this.writable();
    if (ws) plansDoc.updatePlan(ws, id, patch);
  }

  /** Moves a plan onto a step, entering it today. */
  movePlan(id: string, stepId: string): void {
    const ws = this.step();
    if (ws) plansDoc.movePlanToStep(ws, id, stepId, this.host.tracking.today);
  }

  /** Sets the status by hand; null follows the suggestion again. */
  setStatus(id: string, status: PlanStatus | null): void {
    const ws = this.step();
    if (ws) plansDoc.setPlanStatus(ws, id, status);
  }

  deletePlan(id: string): void {
    const ws = this.step();
    if (ws) plansDoc.deletePlan(ws, id);
  }

  restorePlan(id: string): void {
    const ws = this.step();
    if (ws) plansDoc.restorePlan(ws, id);
  }

  addNote(planId: string, text: string): void {
    const ws = this.step();
    if (ws) plansDoc.addPlanNote(ws, planId, text, this.host.meId);
  }

  addMilestone(planId: string, fields: milestonesDoc.MilestoneFields): string | null {
    const ws = this.step();
    return ws ? milestonesDoc.addMilestone(ws, planId, fields) : null;
  }

  updateMilestone(
    planId: string,
    milestoneId: string,
    patch: Partial<milestonesDoc.MilestoneFields>,
  ): void {
    const ws = this.writable();
    if (ws) milestonesDoc.updateMilestone(ws, planId, milestoneId, patch);
  }

  /** Ticks (done today) or unticks a milestone. */
  setMilestoneDone(planId: string, milestoneId: string, done: boolean): void {
    const ws = this.step();
    if (ws) milestonesDoc.setMilestoneDone(ws, planId, milestoneId, done, this.host.tracking.today);
  }

  removeMilestone(planId: string, milestoneId: string): void {
    const ws = this.step();
    if (ws) milestonesDoc.removeMilestone(ws, planId, milestoneId);
  }

  restoreMilestone(planId: string, milestoneId: string): void {
    const ws = this.step();
    if (ws) milestonesDoc.restoreMilestone(ws, planId, milestoneId);
  }

  // Insights.

  /** Captures an insight (dated today unless given); throws with a message when invalid. */
  addInsight(fields: insightsDoc.InsightInput): string {
    const ws = this.step();
    if (!ws) throw new Error('This workspace is read-only.');
    return insightsDoc.addInsight(ws, fields, this.host.tracking.today);
  }

  updateInsight(id: string, patch: Partial<insightsDoc.InsightInput>): void {
    const ws = this.writable();
    if (ws) insightsDoc.updateInsight(ws, id, patch);
  }

  deleteInsight(id: string): void {
    const ws = this.step();
    if (ws) insightsDoc.deleteInsight(ws, id);
  }

  restoreInsight(id: string): void {
    const ws = this.step();
    if (ws) insightsDoc.restoreInsight(ws, id);
  }
}
