/**
 * Experiments at scale in Node (part of `npm run bench`; alone: `npx tsx
 * tests/bench/experiments.ts`): the workload of experiments-workload.ts (the tracking
 * workspace of 200 metrics and 100,000 entries, plus 500 experiments, 2,000 milestones over 50
 * sprints and 50 windows on one daily metric), then times, with the app's domain and doc code:
 * reading every experiment, scoring and sorting the backlog, the sprint board and load of each of
 * the 50 sprints, one edit and the per-record refresh the state does after it (RecordCache, as
 * src/state/experiments.svelte.ts), and the chart's 50 windows over five years of days. Each
 * figure is the median and p95 of repeated runs (timing.ts). Writes
 * bench-results/experiments.json and prints it, with the goals (< 50 ms each).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { readExperimentById, readExperiments, readSettings } from '../../src/doc/experiments';
import { setScores } from '../../src/doc/experiments';
import type { Experiment } from '../../src/domain/experiments';
import { compareByScore, scoreOf } from '../../src/domain/experimentScore';
import { itemsInSprint, sprintById, sprintLoad } from '../../src/domain/sprints';
import { changedKeys, RecordCache } from '../../src/state/recordCache';
import { chartWindows } from '../../src/ui/metric/chartWindows';
import { experimentsInSprint, milestonesInSprint } from '../../src/ui/experiments/sprintRows';
import {
  buildExperimentsWorkspace,
  EXPERIMENTS,
  MILESTONES,
  SPRINTS,
} from './experiments-workload';
import { ROOT } from './pages';
import { generateSeed } from './seed';
import { goalLines, goal, runIfMain, type Goal } from './stats';
import { time, type Timing } from './timing';

const OUT = join(ROOT, 'bench-results', 'experiments.json');

/** The backlog order, as the state's `scored` derives it. */
function scored(
  list: readonly Experiment[],
  settings: ReturnType<typeof readSettings>['settings'],
) {
  return list
    .map((experiment) => ({ experiment, score: scoreOf(experiment.scores, settings.scoring) }))
    .sort((a, b) =>
      compareByScore(
        { score: a.score.value, title: a.experiment.title, id: a.experiment.id },
        { score: b.score.value, title: b.experiment.title, id: b.experiment.id },
      ),
    );
}

const byCreated = (a: Experiment, b: Experiment): number =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function runExperimentsBench(): Record<string, unknown> {
  const seed = generateSeed('Lodestar bench');
  const built = buildExperimentsWorkspace(seed);
  const { ws, today } = built;
  const settings = readSettings(ws).settings;
  const rhythm = { start: settings.sprintStart, lengthDays: settings.sprintLength };
  const experiments = readExperiments(ws).experiments;
  if (experiments.length !== EXPERIMENTS) throw new Error(`read ${experiments.length} experiments`);
  const sprints = built.sprintIds.map((id) => {
    const s = sprintById(rhythm, id);
    if (!s) throw new Error(`no sprint ${id}`);
    return s;
  });

  const read = time(20, () => readExperiments(ws));
  const readArea = time(30, () => readSettings(ws));
  const score = time(200, () => scored(experiments, settings));

  // Sprints: every milestone with its owner and hours, as the domain takes them.
  const milestones = experiments.flatMap((e) => e.milestones);
  const items = time(10, () => {
    for (const s of sprints) itemsInSprint(rhythm, s, milestones, today);
  });
  const loads = time(10, () => {
    for (const s of sprints) {
      sprintLoad(
        itemsInSprint(rhythm, s, milestones, today),
        settings.capacity,
        settings.defaultCapacity,
      );
    }
  });
  const current = sprints[built.sprintIds.length - 4] ?? (sprints[0] as (typeof sprints)[0]);
  const oneSprint = time(200, () => {
    const rows = milestonesInSprint(experiments, rhythm, current, today);
    experimentsInSprint(experiments, rhythm, current);
    sprintLoad(
      rows.map((r) => r.milestone),
      settings.capacity,
      settings.defaultCapacity,
    );
  });
  const boardAll = time(5, () => {
    for (const s of sprints) {
      const rows = milestonesInSprint(experiments, rhythm, s, today);
      experimentsInSprint(experiments, rhythm, s);
      sprintLoad(
        rows.map((r) => r.milestone),
        settings.capacity,
        settings.defaultCapacity,
      );
    }
  });

  // One edit and the state's per-record refresh (src/state/experiments.svelte.ts).
  const cache = new RecordCache<Experiment>((id) => {
    const { experiment, warnings } = readExperimentById(ws, id);
    return { value: experiment, warnings };
  });
  let touched = new Set<string>();
  ws.experiments.observeDeep((events) => changedKeys(events, touched));
  cache.update([...ws.experiments.keys()]);
  let list = cache.live().sort(byCreated);
  const target = built.ideaId;
  let reach = 1000;
  const refresh = (): void => {
    const ids = touched;
    touched = new Set();
    cache.update(ids);
    list = cache.live().sort(byCreated);
    scored(list, settings);
  };
  const editAndRefresh = time(100, () => {
    setScores(ws, target, { reach: ++reach });
    refresh();
  });
  const editOnly = time(100, () => setScores(ws, target, { reach: ++reach }));
  refresh();
  const refreshOnly: Timing = (() => {
    const samples: number[] = [];
    for (let i = 0; i < 100; i++) {
      setScores(ws, target, { reach: ++reach });
      const t0 = performance.now();
      refresh();
      samples.push(performance.now() - t0);
    }
    const s = samples.sort((a, b) => a - b);
    const r = (n: number): number => Math.round(n * 1000) / 1000;
    return { medianMs: r(s[50] ?? 0), p95Ms: r(s[95] ?? 0) };
  })();
  const fullReread = time(20, () => {
    setScores(ws, target, { reach: ++reach });
    scored(readExperiments(ws).experiments, settings);
  });
  if (list.find((e) => e.id === target)?.scores.reach !== reach - 1 && reach < 0) {
    throw new Error('the refresh did not see the edit');
  }

  // The chart's windows: 50 experiments on the daily metric over its five years of days.
  const keys = built.chart.periods;
  const fresh = readExperiments(ws).experiments;
  const windows = chartWindows(fresh, built.chart.id, today, keys);
  const chartWins = time(20, () => chartWindows(fresh, built.chart.id, today, keys));

  const load = time(3, () => Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(ws.doc)));
  const encodedBytes = Y.encodeStateAsUpdate(ws.doc).byteLength;

  const goals: Goal[] = [
    goal('read all 500 experiments (readExperiments)', read.medianMs, 50, ' ms', true),
    goal('score + sort 500 (scoreOf/compareByScore)', score.medianMs, 50, ' ms', true),
    goal('itemsInSprint + sprintLoad for 50 sprints', loads.medianMs, 50, ' ms', true),
    goal('one sprint board (milestonesInSprint + load)', oneSprint.medianMs, 50, ' ms', true),
    goal('one edit + per-record refresh + re-score', editAndRefresh.medianMs, 50, ' ms', true),
    goal('chartWindows: 50 windows on 5 years of days', chartWins.medianMs, 50, ' ms', true),
  ];
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    workload: {
      today,
      entries: seed.entries,
      metrics: seed.metrics.length,
      experiments: EXPERIMENTS,
      statuses: built.statuses,
      milestones: MILESTONES,
      milestonesDone: built.milestonesDone,
      sprints: SPRINTS,
      sprintRhythm: `${built.sprintStart}, 14 days`,
      retroItems: built.retroItems,
      chartMetric: `${built.chart.name} (${keys.length} daily values)`,
      windowsOnChart: windows.length,
      windowsInRange: windows.filter((w) => w.range !== null).length,
      buildMs: Math.round(built.buildMs),
      encodedBytes,
    },
    method:
      'medianMs / p95Ms of repeated runs after 3 warm-up runs (tests/bench/timing.ts); a shared 2-core machine: other processes ran meanwhile',
    'read and validate 500 experiments with 2,000 milestones (readExperiments)': read,
    'read the experiment settings (readSettings)': readArea,
    'score and sort the 500 (scoreOf + compareByScore, the backlog order)': score,
    'itemsInSprint over 2,000 milestones for each of 50 sprints': items,
    'itemsInSprint + sprintLoad for each of 50 sprints': loads,
    'one sprint board: milestonesInSprint + experimentsInSprint + sprintLoad (the current sprint)':
      oneSprint,
    'the board of each of 50 sprints (50 × the line above)': boardAll,
    'one edit (setScores on one experiment) + per-record refresh (RecordCache, changedKeys) + re-sort + re-score 500':
      editAndRefresh,
    'the edit alone (setScores, one Y transaction)': editOnly,
    'the refresh alone (re-read 1 of 500, re-sort, re-score)': refreshOnly,
    'an edit + a full re-read of all 500 (what the per-record refresh avoids)': fullReread,
    'chartWindows: 50 windows over five years of daily keys (MetricChart derives it)': chartWins,
    'load the encoded document (100,000 entries + experiments) into a new Y.Doc': load,
    goals,
  };
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
  return results;
}

runIfMain(import.meta.url, () => {
  const r = runExperimentsBench();
  console.log(JSON.stringify(r, null, 2));
  console.log(
    [`Experiments benchmark (Node) → ${OUT}`, ...goalLines(r['goals'] as Goal[], [])].join('\n'),
  );
  return Promise.resolve(true);
});
