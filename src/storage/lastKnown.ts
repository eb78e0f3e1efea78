/**
 * The last known numbers of a workspace's dashboard, kept on this device so that opening the
 * workspace can show them at once, read-only and marked as updating, before Yjs, Dexie or the
 * document layer have loaded.
 *
 * Kept in localStorage, one key per workspace: it is read synchronously in the very first task
 * of the page (no database to open, no extra script), it is small (bounded below), and it is
 * only a convenience: losing it costs a moment, not data. Never trusted: a stored snapshot may
 * come from an older build, be damaged or be edited by hand, so `readLastKnown` validates every
 * field and gives null for anything it cannot fully read, and for a snapshot of another
 * workspace (the id is stored inside and must match the key's).
 *
 * Bounds: at most MAX_STARS North Stars and MAX_LINES input lines (the rest is counted in
 * `more`), names cut to MAX_NAME characters, and the stored text at most MAX_BYTES; a snapshot
 * that would still be larger is not written (and an older one is removed, so no stale numbers
 * stay behind). Writing is in lastKnownWrite.ts, so the start screen, which only reads, does not
 * carry it.
 */
import { UNITS, type Unit } from '../domain/types';
import type { TrackStatus } from '../domain/pace';

export const LAST_KNOWN_VERSION = 1;
export const MAX_STARS = 5;
export const MAX_LINES = 300;
export const MAX_GROUPS = 100;
export const MAX_NAME = 120;
/** Characters of stored JSON (UTF-16 code units, as localStorage counts them). */
export const MAX_BYTES = 64_000;

const STATUSES: readonly TrackStatus[] = [
  'on-track',
  'at-risk',
  'off-track',
  'no-target',
  'no-data',
];

/** One metric's figures as the dashboard showed them. */
export interface LastKnownLine {
  name: string;
  unit: Unit;
  /** The latest value, null when it has none. */
  value: number | null;
  /** Latest minus previous, null when there is no change to show. */
  change: number | null;
  status: TrackStatus;
  /** A counter-metric (guardrail). */
  counter: boolean;
}

export interface LastKnownStar extends LastKnownLine {
  /** The latest value's period as the dashboard named it ("Week 47, 2026"), null without one. */
  period: string | null;
}

export interface LastKnownGroup {
  label: string;
  lines: LastKnownLine[];
}

export interface LastKnown {
  v: typeof LAST_KNOWN_VERSION;
  /** The workspace these numbers are of. */
  id: string;
  /** The workspace's name. */
  name: string;
  /** When the snapshot was taken (ms epoch). */
  takenAt: number;
  stars: LastKnownStar[];
  groups: LastKnownGroup[];
  /** Input lines left out by the bounds. */
  more: number;
}

/** The localStorage key of a workspace's snapshot. */
export const lastKnownKey = (id: string): string => `lodestar-last-known:${id}`;

/** Removes the workspace's snapshot (deleted or reset on this device). */
export function removeLastKnown(id: string): void {
  try {
    localStorage.removeItem(lastKnownKey(id));
  } catch {
    // Nothing stored, or no storage.
  }
}

/** The workspace's snapshot when one is stored and fully valid; null otherwise. */
export function readLastKnown(id: string): LastKnown | null {
  let text: string | null;
  try {
    text = localStorage.getItem(lastKnownKey(id));
  } catch {
    return null;
  }
  if (text === null || text.length > MAX_BYTES) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return parseLastKnown(value, id);
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isName = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_NAME;
const isNumberOrNull = (v: unknown): v is number | null =>
  v === null || (typeof v === 'number' && Number.isFinite(v));

function parseLine(v: unknown): LastKnownLine | null {
  if (!isObj(v)) return null;
  const { name, unit, value, change, status, counter } = v;
  if (
    !isName(name) ||
    !(UNITS as readonly unknown[]).includes(unit) ||
    !isNumberOrNull(value) ||
    !isNumberOrNull(change) ||
    !(STATUSES as readonly unknown[]).includes(status) ||
    typeof counter !== 'boolean'
  ) {
    return null;
  }
  return { name, unit: unit as Unit, value, change, status: status as TrackStatus, counter };
}

function parseStar(v: unknown): LastKnownStar | null {
  const line = parseLine(v);
  if (!line || !isObj(v)) return null;
  const { period } = v;
  if (period !== null && !isName(period)) return null;
  return { ...line, period };
}

/**
 * Validates a parsed snapshot for workspace `id`: every field of the current version, within
 * the bounds, taken at a real time no later than a day from now. Any flaw gives null.
 */
export function parseLastKnown(value: unknown, id: string): LastKnown | null {
  if (!isObj(value)) return null;
  const { v, name, takenAt, stars, groups, more } = value;
  if (v !== LAST_KNOWN_VERSION || value['id'] !== id || !isName(name)) return null;
  if (typeof takenAt !== 'number' || !Number.isFinite(takenAt) || takenAt <= 0) return null;
  if (takenAt > Date.now() + 86_400_000) return null;
  if (typeof more !== 'number' || !Number.isInteger(more) || more < 0) return null;
  if (!Array.isArray(stars) || stars.length > MAX_STARS) return null;
  if (!Array.isArray(groups) || groups.length > MAX_GROUPS) return null;
  const outStars: LastKnownStar[] = [];
  for (const s of stars) {
    const star = parseStar(s);
    if (!star) return null;
    outStars.push(star);
  }
  const outGroups: LastKnownGroup[] = [];
  let lines = 0;
  for (const g of groups) {
    if (!isObj(g) || !isName(g['label']) || !Array.isArray(g['lines'])) return null;
    const parsed: LastKnownLine[] = [];
    for (const l of g['lines'] as unknown[]) {
      const line = parseLine(l);
      if (!line) return null;
      parsed.push(line);
    }
    lines += parsed.length;
    if (lines > MAX_LINES) return null;
    outGroups.push({ label: g['label'] as string, lines: parsed });
  }
  return { v, id, name, takenAt, stars: outStars, groups: outGroups, more };
}
