/**
 * One card of the tree diagram as drawn, shared by the screen and the SVG/PNG export: its size,
 * what it says (already formatted for the reader's locale and the metric's unit) and where each
 * line sits. The face has room for the kind, two lines of name, the latest value with its change
 * and a trend line, the target and status, and the owner; every text is 12 px or more.
 */
import { DEFAULT_LAYOUT_OPTIONS, wrapText, type LayoutOptions } from './treeLayout';
import type { TrackStatus } from './pace';
import type { MetricKind } from './types';

export const CARD_LAYOUT: Readonly<LayoutOptions> = {
  ...DEFAULT_LAYOUT_OPTIONS,
  nodeWidth: 232,
  nodeHeight: 148,
};

export const CARD_PAD = 12;

/** Baselines (y) of the face's lines and the trend's box, in card coordinates. */
export const CARD_LINES = {
  badge: 20,
  name: 40,
  nameLine: 17,
  value: 96,
  target: 116,
  owner: 136,
  spark: { x: 150, y: 76, width: 70, height: 24 },
} as const;

/** Font sizes in px (none under 12, so a slide or a 100 % view stays readable). */
export const CARD_FONT = { badge: 12, name: 14, value: 18, small: 12 } as const;

/** How many characters fit a line (the face is clipped; text is fitted by count, not measured). */
export const NAME_CHARS = Math.floor((CARD_LAYOUT.nodeWidth - 2 * CARD_PAD) / 8.4);
export const SMALL_CHARS = Math.floor((CARD_LAYOUT.nodeWidth - 2 * CARD_PAD) / 6.6);

export interface CardFace {
  id: string;
  kind: MetricKind;
  name: string;
  /** The owner's name, '' when none. */
  owner: string;
  /** The latest value, formatted ("1,200", "12.5 %"), '–' when none. */
  value: string;
  /** The change vs the previous period, formatted ("+12"), '' when none. */
  change: string;
  /** Whether the change is good news (its direction), null when there is none or it is 0. */
  changeGood: boolean | null;
  /** "Target 1,500" or "No target", as the reader should see it. */
  target: string;
  status: TrackStatus;
  /** The status in words ("On track"). */
  statusLabel: string;
  /** Recent values, oldest first, for the trend line. */
  trend: readonly number[];
}

export const KIND_BADGE: Record<MetricKind, string> = {
  'north-star': 'NORTH STAR',
  input: 'INPUT',
  counter: 'COUNTER · GUARDRAIL',
  omtm: 'OMTM',
};

/** The name in at most two lines of NAME_CHARS. */
export function nameLines(name: string): string[] {
  return wrapText(name, NAME_CHARS, 2);
}

/** The status and the target in one line, said once when they say the same ("No target"). */
export function statusLine(face: Pick<CardFace, 'statusLabel' | 'target'>): string {
  return face.target === face.statusLabel
    ? face.statusLabel
    : `${face.statusLabel} · ${face.target}`;
}

/** One line of SMALL_CHARS at most ('' stays ''). */
export function smallLine(text: string): string {
  return text === '' ? '' : (wrapText(text, SMALL_CHARS, 1)[0] ?? '');
}

/**
 * The trend as an SVG polyline's points in a `width` × `height` box: the last 26 values scaled
 * to fill it (2.5 px padding); one value is a dot at the middle (a zero-length line), a flat
 * series a line through the middle; '' when there are none.
 */
export function trendPoints(values: readonly number[], width: number, height: number): string {
  const vs = values.slice(-26).filter(Number.isFinite);
  const n = vs.length;
  if (n === 0) return '';
  const pad = 2.5;
  const min = Math.min(...vs);
  const span = Math.max(...vs) - min;
  const w = width - 2 * pad;
  const h = height - 2 * pad;
  const at = (v: number, i: number): string => {
    const x = pad + (n === 1 ? w / 2 : (i / (n - 1)) * w);
    const y = pad + (span === 0 ? h / 2 : (1 - (v - min) / span) * h);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  };
  const pts = vs.map(at);
  return n === 1 ? `${pts[0]} ${pts[0]}` : pts.join(' ');
}
