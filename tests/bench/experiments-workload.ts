/**
 * The experiments benchmarks' workload (experiments.ts in Node, experiments-browser.ts in the
 * built app): the tracking benchmark's workspace (seed.ts: 200 metrics, exactly 100,000 entries
 * over five years, 8 people) plus, written with the app's own doc layer, 500 experiments, 2,000
 * milestones spread over the experiments and 50 sprints of 14 days (setSprintRhythm: the first
 * sprint started 46 sprints before today's, so today is in sprint 47 of 50; sprint ids are
 * sprint start dates), two retrospective lines per ended sprint, and 50 experiments on ONE daily
 * metric (five years of days) that ran and ended (status history idea → running → done), so the
 * metric's chart shades 50 windows. Every value comes from a seeded generator (mulberry32):
 * every run builds the same workspace relative to today.
 */
import * as Y from 'yjs';
import {
  addExperiment,
  addExperimentMilestone,
  addRetroItem,
  setExperimentStatus,
  setMilestoneDone,
  setScores,
  setSprintRhythm,
  updateExperimentMilestone,
} from '../../src/doc/experiments';
import { readPeople } from '../../src/doc/people';
import { workspaceDoc, type WorkspaceDoc } from '../../src/doc/schema';
import type { ExperimentStatus } from '../../src/domain/experiments';
import { DEFAULT_SCALES } from '../../src/domain/experimentScore';
import { addDays } from '../../src/domain/periods';
import { RETRO_KINDS } from '../../src/domain/retros';
import { mulberry32, type Seed, type SeedMetric } from './seed';

export const EXPERIMENTS = 500;
export const MILESTONES = 2000;
export const SPRINTS = 50;
export const SPRINT_DAYS = 14;
/** Experiments with a window (running → done) on the chart's metric. */
export const WINDOWED = 50;
/** Sprints before today's: today is in sprint index CURRENT_SPRINT (0-based). */
export const CURRENT_SPRINT = 46;
const SEED = 0xe4be71;

const CHANGES = [
  'a shorter sign-up form',
  'an onboarding checklist',
  'a weekly digest email',
  'in-app tips on the first day',
  'a referral reward',
  'annual billing by default',
  'a template gallery',
  'faster search',
  'a mobile push reminder',
  'a guided first project',
];

export interface BuiltExperiments {
  ws: WorkspaceDoc;
  today: string;
  /** The daily metric whose chart shows the 50 windows. */
  chart: SeedMetric;
  sprintStart: string;
  /** Sprint ids (start dates), chronological. */
  sprintIds: string[];
  experimentIds: string[];
  /** Ids of the 50 windowed experiments (on the chart's metric). */
  windowedIds: string[];
  /** An experiment still an idea, for the edit on its page. */
  ideaId: string;
  personIds: string[];
  statuses: Record<ExperimentStatus, number>;
  milestones: number;
  milestonesDone: number;
  retroItems: number;
  buildMs: number;
}

/**
 * Loads the tracking workspace (`seed.update`) into a new Y.Doc and adds the experiments to it.
 * `today` is the seed's.
 */
export function buildExperimentsWorkspace(seed: Seed): BuiltExperiments {
  const t0 = performance.now();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, seed.update);
  const ws = workspaceDoc(doc);
  const today = seed.today;
  const rand = mulberry32(SEED);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const personIds = readPeople(ws)
    .people.map((p) => p.id)
    .sort();
  const chart = seed.daily;
  const others = seed.metrics.filter((m) => m.id !== chart.id).map((m) => m.id);
  const msOf = (date: string): number => Date.parse(`${date}T09:00:00Z`);

  const sprintStart = addDays(today, -CURRENT_SPRINT * SPRINT_DAYS);
  setSprintRhythm(ws, sprintStart, SPRINT_DAYS);
  const sprintIds = Array.from({ length: SPRINTS }, (_, i) =>
    addDays(sprintStart, i * SPRINT_DAYS),
  );

  const statuses: Record<ExperimentStatus, number> = {
    idea: 0,
    planned: 0,
    running: 0,
    done: 0,
    dropped: 0,
  };
  const experimentIds: string[] = [];
  const windowedIds: string[] = [];
  let ideaId = '';
  // The windows: one every ~36 days over the five years, 14–45 days long (some overlap).
  const span = 5 * 365 - 60;
  for (let i = 0; i < EXPERIMENTS; i++) {
    const windowed = i < WINDOWED;
    const owner = personIds[i % personIds.length] ?? null;
    const metricId = windowed ? chart.id : pick(others);
    let status: ExperimentStatus;
    let created: string;
    let runFrom: string | null = null;
    let endAt: string | null = null;
    if (windowed) {
      runFrom = addDays(seed.since, Math.floor((i * span) / WINDOWED) + int(0, 10));
      endAt = addDays(runFrom, int(14, 45));
      if (endAt >= today) endAt = addDays(today, -1);
      created = addDays(runFrom, -int(5, 30));
      status = 'done';
    } else {
      const r = rand();
      status =
        r < 0.4
          ? 'idea'
          : r < 0.65
            ? 'planned'
            : r < 0.8
              ? 'running'
              : r < 0.95
                ? 'done'
                : 'dropped';
      created = addDays(today, -int(20, 400));
      if (status !== 'idea' && status !== 'planned') {
        runFrom = addDays(created, int(3, 15));
        if (runFrom > today) runFrom = today;
        if (status !== 'running') {
          endAt = addDays(runFrom, int(7, 40));
          if (endAt > today) endAt = today;
        }
      }
    }
    const sprintId = windowed ? null : rand() < 0.6 ? pick(sprintIds) : null;
    const id = addExperiment(
      ws,
      {
        title: `${windowed ? 'Chart bet' : 'Bet'} ${i + 1}: ${pick(CHANGES)}`,
        ownerId: owner,
        change: `We believe ${pick(CHANGES)} will move the metric`,
        hypothesisMetricId: metricId,
        direction: rand() < 0.85 ? 'up' : 'down',
        amount: int(1, 50),
        byDate: addDays(created, int(30, 120)),
        metricIds: [metricId],
        guardrailIds: rand() < 0.3 ? [pick(others)] : [],
        tags: [pick(['activation', 'retention', 'pricing', 'onboarding', 'growth'])],
        sprintId,
      },
      owner,
      created,
      msOf(created) + i,
    );
    experimentIds.push(id);
    if (windowed) windowedIds.push(id);
    if (!windowed && status === 'idea' && ideaId === '') ideaId = id;
    // Scores: RICE on the default scales; one in ten unscored.
    if (rand() >= 0.1) {
      setScores(ws, id, {
        reach: int(50, 20_000),
        impact: pick(DEFAULT_SCALES.riceImpact).value,
        confidence: pick(DEFAULT_SCALES.riceConfidence).value,
        effort: int(1, 40) / 2,
      });
    }
    if (status === 'planned') setExperimentStatus(ws, id, 'planned', owner, created);
    if (runFrom !== null) setExperimentStatus(ws, id, 'running', owner, runFrom);
    if (endAt !== null && status !== 'running') setExperimentStatus(ws, id, status, owner, endAt);
    statuses[status]++;
  }

  // Milestones: 2,000 spread over the experiments and the 50 sprints; most in ended sprints done.
  let milestonesDone = 0;
  for (let k = 0; k < MILESTONES; k++) {
    const experimentId = experimentIds[k < EXPERIMENTS ? k : int(0, EXPERIMENTS - 1)] as string;
    const s = int(0, SPRINTS - 1);
    const sprintId = sprintIds[s] as string;
    const sprintEnd = addDays(sprintId, SPRINT_DAYS - 1);
    const mid = addExperimentMilestone(
      ws,
      experimentId,
      {
        title: `Milestone ${k + 1}: ${pick(['design', 'build', 'copy', 'analysis', 'launch', 'review'])}`,
        ownerId: rand() < 0.9 ? pick(personIds) : null,
        estimateHours: int(1, 16),
        deadline: sprintEnd,
        sprintId,
      },
      msOf(sprintId) + k,
    );
    if (mid === null) throw new Error('experiments workload: no experiment for a milestone');
    const ended = sprintEnd < today;
    // Old sprints' work is nearly all done; the last few sprints' less so (it rolls over).
    if (ended && rand() < (s < CURRENT_SPRINT - 4 ? 0.95 : 0.75)) {
      const doneAt =
        rand() < 0.85 ? addDays(sprintId, int(0, SPRINT_DAYS - 1)) : addDays(sprintEnd, int(1, 10));
      setMilestoneDone(ws, experimentId, mid, true, doneAt > today ? today : doneAt);
      updateExperimentMilestone(ws, experimentId, mid, { actualHours: int(1, 20) });
      milestonesDone++;
    } else if (s === CURRENT_SPRINT && rand() < 0.3) {
      setMilestoneDone(ws, experimentId, mid, true, today);
      milestonesDone++;
    }
  }

  // Two retrospective lines per ended sprint.
  let retroItems = 0;
  sprintIds.slice(0, CURRENT_SPRINT).forEach((sprintId, s) => {
    for (let j = 0; j < 2; j++) {
      addRetroItem(
        ws,
        sprintId,
        RETRO_KINDS[(s + j) % RETRO_KINDS.length] as (typeof RETRO_KINDS)[number],
        `Sprint ${s + 1}: note ${j + 1}`,
        pick(personIds),
        msOf(sprintId) + j,
      );
      retroItems++;
    }
  });
  if (ideaId === '') throw new Error('experiments workload: no idea to edit');
  return {
    ws,
    today,
    chart,
    sprintStart,
    sprintIds,
    experimentIds,
    windowedIds,
    ideaId,
    personIds,
    statuses,
    milestones: MILESTONES,
    milestonesDone,
    retroItems,
    buildMs: performance.now() - t0,
  };
}
