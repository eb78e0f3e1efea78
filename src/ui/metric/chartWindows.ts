/**
 * Experiment windows on a metric chart, as plain data: which experiments a metric's chart shows
 * (those that target it or guard it, and have a window), which categories of the chart each
 * window covers, which windows overlap on this metric, and where the labels go. The drawing is
 * windowPlugin.ts; this module has no chart.js in it, so it is unit-tested in Node.
 */
import {
  experimentWindow,
  targetMetricIds,
  type Experiment,
  type ExperimentStatus,
} from '../../domain/experiments';
import { overlappingExperiments } from '../../domain/experimentEffect';
import { grainOf, periodEnd, periodOf, periodStart, quarterFirstMonth } from '../../domain/periods';

/** How an experiment is linked to a metric: it should move it, or must not harm it. */
export type WindowRole = 'target' | 'guardrail';

/** The categories a window covers, by index (inclusive), inside the chart's x range. */
export interface XRange {
  from: number;
  to: number;
}

export interface ChartWindow {
  id: string;
  title: string;
  status: ExperimentStatus;
  role: WindowRole;
  /** First and last day of the window (dates, inclusive). */
  start: string;
  end: string;
  /** The categories it covers; null when the window is outside the chart's x range. */
  range: XRange | null;
  /** Titles of the other experiments targeting this metric in an overlapping window. */
  overlaps: string[];
}

/** The experiments linked to a metric (targets first in each experiment's order), with the role. */
export function linkedExperiments(
  experiments: readonly Experiment[],
  metricId: string,
): { experiment: Experiment; role: WindowRole }[] {
  const out: { experiment: Experiment; role: WindowRole }[] = [];
  for (const e of experiments) {
    if (e.deletedAt !== null) continue;
    if (targetMetricIds(e).includes(metricId)) out.push({ experiment: e, role: 'target' });
    else if (e.guardrailIds.includes(metricId)) out.push({ experiment: e, role: 'guardrail' });
  }
  return out;
}

/**
 * The categories (period keys, chronological and without gaps) a window of dates overlaps:
 * a period is covered when it starts on or before the window's last day and ends on or after
 * its first. Null when no category is covered (the window is before, after or between them).
 */
export function windowRange(
  keys: readonly string[],
  window: { start: string; end: string },
): XRange | null {
  const first = keys[0];
  const last = keys.at(-1);
  const grain = first === undefined ? null : grainOf(first);
  // A chart's categories are one grain; anything else takes the general path.
  if (grain === null || last === undefined || grainOf(last) !== grain) {
    return scanRange(keys, window);
  }
  // Keys of one grain sort as strings: find the first key at or after the period holding the
  // window's first day and the last at or before the one holding its last day (binary search:
  // 50 windows over 1,826 days must not parse 90,000 dates).
  // Quarters of the categories' own fiscal year (a shifted one, "2026-Q1+1", names its shift).
  const fiscalStart = grain === 'quarter' ? ((quarterFirstMonth(first ?? '') ?? 0) % 3) + 1 : 1;
  const lo = periodOf(window.start, grain, fiscalStart);
  const hi = periodOf(window.end, grain, fiscalStart);
  const from = firstAtLeast(keys, lo);
  const to = firstAtLeast(keys, hi + '\uffff') - 1;
  return from <= to && from < keys.length ? { from, to } : null;
}

/** The index of the first key ≥ `key` (keys sorted), or keys.length. */
function firstAtLeast(keys: readonly string[], key: string): number {
  let a = 0;
  let b = keys.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if ((keys[mid] as string) < key) a = mid + 1;
    else b = mid;
  }
  return a;
}

/** The general case (keys of several grains): every key's dates compared with the window. */
function scanRange(keys: readonly string[], window: { start: string; end: string }): XRange | null {
  let from = -1;
  let to = -1;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    let start: string;
    let end: string;
    try {
      start = periodStart(key);
      end = periodEnd(key);
    } catch {
      continue;
    }
    if (start > window.end) break;
    if (end < window.start) continue;
    if (from === -1) from = i;
    to = i;
  }
  return from === -1 ? null : { from, to };
}

/**
 * The windows a metric's chart shows: every linked experiment with a window (today closes a
 * running one), oldest window first, each with the categories it covers of `keys` and the other
 * experiments that target this metric in an overlapping window (their effects on it cannot be
 * told apart). Guardrail links are drawn but do not count as overlaps: they are not bets on it.
 */
export function chartWindows(
  experiments: readonly Experiment[],
  metricId: string,
  today: string,
  keys: readonly string[],
): ChartWindow[] {
  const out: ChartWindow[] = [];
  for (const { experiment: e, role } of linkedExperiments(experiments, metricId)) {
    const w = experimentWindow(e, today);
    if (!w) continue;
    out.push({
      id: e.id,
      title: e.title,
      status: e.status,
      role,
      start: w.start,
      end: w.end,
      range: windowRange(keys, w),
      overlaps: [],
    });
  }
  out.sort((a, b) =>
    a.start !== b.start ? (a.start < b.start ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const targets = out.filter((w) => w.role === 'target');
  const overlaps = overlappingExperiments(
    targets.map((w) => ({ id: w.id, metricIds: [metricId], start: w.start, end: w.end })),
  );
  const titleOf = new Map(out.map((w) => [w.id, w.title]));
  for (const w of targets) {
    w.overlaps = (overlaps.get(w.id) ?? []).map((id) => titleOf.get(id) ?? id);
  }
  return out;
}

/** A horizontal stretch in pixels (left ≤ right). */
export interface Span {
  left: number;
  right: number;
}

/**
 * Rows for labels so none overlaps another in its row: each label (in the given order) takes
 * the first row whose last label ends at least `gap` pixels before it starts. Returns the row
 * of each label, 0 being the top.
 */
export function labelRows(spans: readonly Span[], gap = 4): number[] {
  const rowEnds: number[] = [];
  return spans.map((s) => {
    let row = rowEnds.findIndex((end) => end + gap <= s.left);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(s.right);
    } else {
      rowEnds[row] = s.right;
    }
    return row;
  });
}

/** A rectangle on the canvas, in CSS pixels. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The window under a point: labels first (they sit on top), then the narrowest band holding the
 * point, so a short window inside a long one can still be picked. Null when none.
 */
export function windowAt(
  x: number,
  y: number,
  hits: readonly { id: string; band: Box; label: Box | null }[],
): string | null {
  const inside = (b: Box): boolean => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom;
  for (const h of hits) if (h.label && inside(h.label)) return h.id;
  let best: { id: string; width: number } | null = null;
  for (const h of hits) {
    if (!inside(h.band)) continue;
    const width = h.band.right - h.band.left;
    if (!best || width < best.width) best = { id: h.id, width };
  }
  return best?.id ?? null;
}

/** The pixel stretch of categories from..to on a category axis whose category i sits at px(i). */
export function bandPixels(
  range: XRange,
  count: number,
  px: (index: number) => number,
  area: { left: number; right: number },
): Span {
  const step = count > 1 ? px(1) - px(0) : area.right - area.left;
  const half = Math.abs(step) / 2;
  const left = Math.max(area.left, px(range.from) - half);
  const right = Math.min(area.right, px(range.to) + half);
  return { left, right: Math.max(left, right) };
}

/** A label cut to fit `max` pixels with an ellipsis, given a way to measure text. */
export function fitLabel(text: string, max: number, measure: (s: string) => number): string {
  if (measure(text) <= max) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('')}…`) <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '…' : `${chars.slice(0, lo).join('').trimEnd()}…`;
}
