/**
 * The dashboard's last known numbers kept on this device (storage/lastKnown.ts): what is read
 * back, what is refused (another workspace, an older or damaged snapshot), and the bounds.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_BYTES,
  MAX_LINES,
  MAX_NAME,
  MAX_STARS,
  readLastKnown,
  removeLastKnown,
  type LastKnown,
  type LastKnownLine,
} from '../../../src/storage/lastKnown';
import { writeLastKnown } from '../../../src/storage/lastKnownWrite';

/** A Map-backed localStorage (Node has none), with an optional quota in characters. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  constructor(private readonly quota = Infinity) {}
  getItem(k: string): string | null {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    if (v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.items.set(k, v);
  }
  removeItem(k: string): void {
    this.items.delete(k);
  }
}

const KEY = (id: string): string => `lodestar-last-known:${id}`;

const line = (name: string, value: number | null = 12.5): LastKnownLine => ({
  name,
  unit: 'count',
  value,
  change: 1,
  status: 'on-track',
  counter: false,
});

function snapshot(id = 'ws-1', lines = 3): LastKnown {
  return {
    v: 1,
    id,
    name: 'Acme',
    takenAt: Date.now() - 60_000,
    stars: [{ ...line('Weekly active teams', 4200), period: 'Week 47, 2026', status: 'at-risk' }],
    groups: [{ label: 'Ana', lines: Array.from({ length: lines }, (_, i) => line(`Input ${i}`)) }],
    more: 0,
  };
}

let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('last known numbers', () => {
  it('reads back what was written, for its own workspace only', () => {
    const s = snapshot();
    expect(writeLastKnown(s)).toBe(true);
    expect(readLastKnown('ws-1')).toEqual(s);
    expect(readLastKnown('ws-2')).toBeNull();
  });

  it('refuses a snapshot stored under another workspace’s key', () => {
    // Positive control: the same text under its own key reads.
    writeLastKnown(snapshot('ws-1'));
    const text = storage.getItem(KEY('ws-1')) ?? '';
    expect(readLastKnown('ws-1')).not.toBeNull();
    storage.setItem(KEY('ws-2'), text);
    expect(readLastKnown('ws-2')).toBeNull();
  });

  it('skips damaged, older or hand-edited snapshots', () => {
    writeLastKnown(snapshot());
    const good = JSON.parse(storage.getItem(KEY('ws-1')) ?? '') as Record<string, unknown>;
    expect(readLastKnown('ws-1')).not.toBeNull(); // positive control
    const variants: unknown[] = [
      '{not json',
      'null',
      '[]',
      '"text"',
      { ...good, v: 0 },
      { ...good, v: 2 },
      { ...good, id: undefined },
      { ...good, name: 7 },
      { ...good, takenAt: 'yesterday' },
      { ...good, takenAt: Date.now() + 7 * 86_400_000 },
      { ...good, takenAt: -1 },
      { ...good, more: -1 },
      { ...good, more: 1.5 },
      { ...good, stars: {} },
      { ...good, stars: [{ ...snapshot().stars[0], value: 'NaN' }] },
      { ...good, stars: [{ ...snapshot().stars[0], period: 47 }] },
      { ...good, stars: [{ ...snapshot().stars[0], unit: 'miles' }] },
      { ...good, stars: [{ ...snapshot().stars[0], status: 'great' }] },
      { ...good, groups: [{ label: 'Ana', lines: [{ ...line('x'), counter: 'no' }] }] },
      { ...good, groups: [{ label: 'Ana', lines: [{ ...line('x'), change: null, value: {} }] }] },
      { ...good, groups: [{ label: 'Ana' }] },
      { ...good, groups: [{ label: 'x'.repeat(MAX_NAME + 1), lines: [] }] },
      {
        ...good,
        groups: [{ label: 'Ana', lines: Array.from({ length: MAX_LINES + 1 }, () => line('x')) }],
      },
    ];
    for (const v of variants) {
      storage.setItem(KEY('ws-1'), typeof v === 'string' ? v : JSON.stringify(v));
      expect(readLastKnown('ws-1'), JSON.stringify(v).slice(0, 80)).toBeNull();
    }
  });

  it('reads null values (no value yet, no change) and keeps unknown fields out', () => {
    const s = snapshot();
    s.groups[0]!.lines[0] = { ...line('Empty', null), change: null, status: 'no-data' };
    writeLastKnown(s);
    const stored = JSON.parse(storage.getItem(KEY('ws-1')) ?? '') as Record<string, unknown>;
    storage.setItem(KEY('ws-1'), JSON.stringify({ ...stored, extra: 'x'.repeat(100) }));
    const read = readLastKnown('ws-1');
    expect(read?.groups[0]?.lines[0]).toEqual({
      ...line('Empty', null),
      change: null,
      status: 'no-data',
    });
    expect(read && 'extra' in read).toBe(false);
  });

  it('bounds what it keeps: lines, North Stars, names, and the stored size', () => {
    const s = snapshot('ws-1', MAX_LINES + 50);
    s.stars = Array.from({ length: MAX_STARS + 2 }, (_, i) => ({
      ...line(`Star ${i}`),
      period: 'Q1 2026',
    }));
    s.name = 'N'.repeat(1000);
    s.groups.push({ label: 'Bo', lines: [line('y'.repeat(5000))] });
    expect(writeLastKnown(s)).toBe(true);
    const text = storage.getItem(KEY('ws-1')) ?? '';
    expect(text.length).toBeLessThanOrEqual(MAX_BYTES);
    const read = readLastKnown('ws-1');
    expect(read).not.toBeNull();
    expect(read?.stars).toHaveLength(MAX_STARS);
    expect(read?.name.length).toBe(MAX_NAME);
    expect(read?.groups.flatMap((g) => g.lines)).toHaveLength(MAX_LINES);
    expect(read?.more).toBe(51); // 50 of Ana's and Bo's one line
    expect(read?.groups.map((g) => g.label)).toEqual(['Ana']);
  });

  it('keeps no snapshot when storage refuses it, and drops an older one then', () => {
    writeLastKnown(snapshot());
    expect(readLastKnown('ws-1')).not.toBeNull(); // positive control
    vi.stubGlobal(
      'localStorage',
      (storage = Object.assign(new MemoryStorage(100), { items: storage.items })),
    );
    expect(writeLastKnown(snapshot())).toBe(false);
    expect(readLastKnown('ws-1')).toBeNull();
  });

  it('is removed with its workspace, and never throws without localStorage', () => {
    writeLastKnown(snapshot('ws-1'));
    writeLastKnown(snapshot('ws-2'));
    removeLastKnown('ws-1');
    expect(readLastKnown('ws-1')).toBeNull();
    expect(readLastKnown('ws-2')).not.toBeNull();
    vi.unstubAllGlobals();
    vi.stubGlobal('localStorage', undefined);
    expect(readLastKnown('ws-2')).toBeNull();
    expect(writeLastKnown(snapshot('ws-2'))).toBe(false);
    expect(() => removeLastKnown('ws-2')).not.toThrow();
  });
});
