/**
 * Calendar periods for manual metric tracking: days, ISO-8601 weeks, months and quarters.
 *
 * Dates are calendar dates 'YYYY-MM-DD' with no time zone. All arithmetic runs on integer day
 * numbers (days since 1970-01-01, proleptic Gregorian), computed with Howard Hinnant's civil
 * calendar algorithms, so nothing depends on the local time zone or on `Date` quirks (Date.UTC
 * maps years 0–99 to 1900–1999). Inside, every period is a grain plus an ordinal: the day number,
 * the week number since the epoch, or year × 12 + month, or year × 4 + quarter, so stepping and
 * ranges are plain integer arithmetic. Years are 0000–9999 (four digits); keys outside that
 * range, and malformed keys or dates, throw a RangeError.
 *
 * Quarters may follow a fiscal year (domain/fiscal.ts): a fiscal year starting in January, April,
 * July or October has the calendar quarters, keyed as always ("2026-Q2" is April–June whatever
 * the setting); any other start shifts them by one or two months, and such a quarter is keyed by
 * the calendar quarter it starts one or two months after ("2026-Q1+1" is February–April 2026).
 * So a key names its months on its own, and the functions taking a fiscal start (1–12, default
 * January: exactly the calendar behaviour) only choose which quarters a date falls in.
 */
import type { Cadence, PeriodKey } from './types';

export type Grain = 'day' | 'week' | 'month' | 'quarter';

export const CADENCE_GRAIN: Record<Cadence, Grain> = {
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
  quarterly: 'quarter',
};

/** Fine to coarse. */
export const GRAIN_ORDER: readonly Grain[] = ['day', 'week', 'month', 'quarter'];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const QUARTER_RE = /^(\d{4})-Q(\d)(?:\+([12]))?$/;

interface Period {
  grain: Grain;
  ord: number;
  /** Quarters only: months after its calendar quarter a shifted (fiscal) quarter starts, 1 or 2. */
  shift?: number;
}

/** The months (0, 1 or 2) a fiscal year starting in `fiscalStart` (1–12) shifts its quarters. */
export function quarterShift(fiscalStart: number): number {
  if (!Number.isInteger(fiscalStart) || fiscalStart < 1 || fiscalStart > 12) {
    throw new RangeError(`Not a month: ${fiscalStart}`);
  }
  return (fiscalStart - 1) % 3;
}

const shiftOf = (p: Period): number => p.shift ?? 0;

/** Day number of a civil date (Hinnant's days_from_civil); month 1–12. */
function dayFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** Civil date [year, month 1–12, day] of a day number (Hinnant's civil_from_days). */
function civilFromDay(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function daysInMonth(y: number, m: number): number {
  return dayFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - dayFromCivil(y, m, 1);
}

/** Week ordinal of a day: weeks run Monday–Sunday, and day 0 (1970-01-01) is a Thursday. */
const weekOfDay = (day: number): number => Math.floor((day + 3) / 7);
const mondayOfWeek = (ord: number): number => ord * 7 - 3;
/** Ordinal of ISO week 1 of a week-numbering year: the week holding 4 January. */
const firstWeek = (y: number): number => weekOfDay(dayFromCivil(y, 1, 4));

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

function yearText(y: number): string {
  if (!Number.isInteger(y) || y < 0 || y > 9999) throw new RangeError(`Year out of range: ${y}`);
  return pad(y, 4);
}

function formatDay(day: number): string {
  if (!Number.isInteger(day)) throw new RangeError(`Not a whole number of days: ${day}`);
  const [y, m, d] = civilFromDay(day);
  return `${yearText(y)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function parseDate(s: string): number | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return dayFromCivil(y, mo, d);
}

function dayNumber(date: string): number {
  const day = parseDate(date);
  if (day === null) throw new RangeError(`Not a calendar date: "${date}"`);
  return day;
}

function tryParse(s: string): Period | null {
  const day = parseDate(s);
  if (day !== null) return { grain: 'day', ord: day };
  let m = WEEK_RE.exec(s);
  if (m) {
    const [y, w] = [Number(m[1]), Number(m[2])];
    const first = firstWeek(y);
    return w >= 1 && w <= firstWeek(y + 1) - first ? { grain: 'week', ord: first + w - 1 } : null;
  }
  m = MONTH_RE.exec(s);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return mo >= 1 && mo <= 12 ? { grain: 'month', ord: y * 12 + mo - 1 } : null;
  }
  m = QUARTER_RE.exec(s);
  if (m) {
    const [y, q, shift] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
    if (q < 1 || q > 4) return null;
    return shift === 0
      ? { grain: 'quarter', ord: y * 4 + q - 1 }
      : { grain: 'quarter', ord: y * 4 + q - 1, shift };
  }
  return null;
}

function parse(period: string): Period {
  const p = tryParse(period);
  if (!p) throw new RangeError(`Not a period key: "${period}"`);
  return p;
}

function startDay(p: Period): number {
  const { grain, ord } = p;
  switch (grain) {
    case 'day':
      return ord;
    case 'week':
      return mondayOfWeek(ord);
    case 'month':
      return dayFromCivil(Math.floor(ord / 12), (ord % 12) + 1, 1);
    case 'quarter': {
      const month = ord * 3 + shiftOf(p); // year × 12 + month − 1 of its first month
      return dayFromCivil(Math.floor(month / 12), (month % 12) + 1, 1);
    }
  }
}

/** The period of `grain` holding a day; quarters shifted by `shift` months (see quarterShift). */
function periodOfDay(day: number, grain: Grain, shift = 0): Period {
  if (grain === 'day') return { grain, ord: day };
  if (grain === 'week') return { grain, ord: weekOfDay(day) };
  const [y, m] = civilFromDay(day);
  if (grain === 'month') return { grain, ord: y * 12 + m - 1 };
  const ord = Math.floor((y * 12 + m - 1 - shift) / 3);
  return shift === 0 ? { grain, ord } : { grain, ord, shift };
}

function format(p: Period): PeriodKey {
  const { grain, ord } = p;
  switch (grain) {
    case 'day':
      return formatDay(ord);
    case 'week': {
      const [y] = civilFromDay(mondayOfWeek(ord) + 3); // the Thursday's year numbers the week
      return `${yearText(y)}-W${pad(ord - firstWeek(y) + 1, 2)}`;
    }
    case 'month':
      return `${yearText(Math.floor(ord / 12))}-${pad((ord % 12) + 1, 2)}`;
    case 'quarter':
      return `${yearText(Math.floor(ord / 4))}-Q${(ord % 4) + 1}${p.shift ? `+${p.shift}` : ''}`;
  }
}

export function isDate(s: string): boolean {
  return parseDate(s) !== null;
}

/** The grain of a valid period key, or null when the key is not valid. */
/**
 * Grains of keys already seen. Entries repeat the same few thousand period keys across every
 * metric, so 100,000 entries need only that many parses; the cache is bounded all the same.
 */
const grainCache = new Map<string, Grain | null>();
const GRAIN_CACHE_MAX = 50_000;

export function grainOf(period: string): Grain | null {
  const cached = grainCache.get(period);
  if (cached !== undefined) return cached;
  const grain = tryParse(period)?.grain ?? null;
  if (grainCache.size >= GRAIN_CACHE_MAX) grainCache.clear();
  if (period.length <= 10) grainCache.set(period, grain);
  return grain;
}

/** The period of `grain` a date falls in; quarters of a fiscal year starting in `fiscalStart`. */
export function periodOf(date: string, grain: Grain, fiscalStart = 1): PeriodKey {
  return format(periodOfDay(dayNumber(date), grain, quarterShift(fiscalStart)));
}

export function periodStart(period: string): string {
  return formatDay(startDay(parse(period)));
}

/** The last date of a period (inclusive). */
export function periodEnd(period: string): string {
  const p = parse(period);
  return formatDay(startDay({ ...p, ord: p.ord + 1 }) - 1);
}

/** The period `n` steps later (earlier when n is negative). */
export function nextPeriod(period: string, n = 1): PeriodKey {
  const p = parse(period);
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of periods: ${n}`);
  return format({ ...p, ord: p.ord + n });
}

/** Orders keys of one grain chronologically (they sort as strings); -1, 0 or 1. */
export function comparePeriods(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Two periods of one series: the same grain and, for quarters, the same shift. */
function sameSeries(a: Period, b: Period, from: string, to: string): void {
  if (a.grain !== b.grain) throw new RangeError(`Periods of different grains: ${from}, ${to}`);
  if (shiftOf(a) !== shiftOf(b)) {
    throw new RangeError(`Quarters of different fiscal years: ${from}, ${to}`);
  }
}

/** Whether two period keys are of one series (the same grain, and quarters of one fiscal year). */
export function samePeriodSeries(a: string, b: string): boolean {
  const [p, q] = [tryParse(a), tryParse(b)];
  return p !== null && q !== null && p.grain === q.grain && shiftOf(p) === shiftOf(q);
}

/** Every period from `from` to `to` inclusive, chronological; [] when from is after to. */
export function periodsBetween(from: string, to: string): PeriodKey[] {
  const a = parse(from);
  const b = parse(to);
  sameSeries(a, b, from, to);
  const out: PeriodKey[] = [];
  for (let ord = a.ord; ord <= b.ord; ord++) out.push(format({ ...a, ord }));
  return out;
}

/** How many periods run from `from` to `to` inclusive (0 when from is after to), same grain. */
export function periodCount(from: string, to: string): number {
  const a = parse(from);
  const b = parse(to);
  sameSeries(a, b, from, to);
  return Math.max(0, b.ord - a.ord + 1);
}

/**
 * The period of an equal or coarser grain that contains `period`. A week belongs to the month
 * and quarter of its Thursday (the ISO rule that also gives a week its year). Quarters are those
 * of a fiscal year starting in `fiscalStart`. Finer, or a quarter of another fiscal year (no
 * such quarter holds it whole): RangeError.
 */
export function toGrain(period: string, grain: Grain, fiscalStart = 1): PeriodKey {
  const p = parse(period);
  const shift = quarterShift(fiscalStart);
  if (GRAIN_ORDER.indexOf(grain) < GRAIN_ORDER.indexOf(p.grain)) {
    throw new RangeError(`Cannot split ${period} into ${grain}s`);
  }
  if (p.grain === grain) {
    if (grain === 'quarter' && shiftOf(p) !== shift) {
      throw new RangeError(`${period} is not a quarter of a year starting in month ${fiscalStart}`);
    }
    return format(p);
  }
  const day = startDay(p) + (p.grain === 'week' ? 3 : 0);
  return format(periodOfDay(day, grain, shift));
}

/**
 * The first month (year × 12 + month − 1) of a quarter key, or null when it is no quarter: what
 * domain/fiscal.ts numbers fiscal quarters and years from.
 */
export function quarterFirstMonth(period: string): number | null {
  const p = tryParse(period);
  return p?.grain === 'quarter' ? p.ord * 3 + shiftOf(p) : null;
}

/**
 * "7 Mar 2025", "Week 7, 2025", "Mar 2025", "Q1 2025"; a shifted quarter by its months, "Feb–Apr
 * 2025" or "Dec 2025 – Feb 2026" (domain/fiscal.ts names it in its own fiscal year).
 */
export function periodLabel(period: string): string {
  const p = parse(period);
  switch (p.grain) {
    case 'day': {
      const [y, m, d] = civilFromDay(p.ord);
      return `${d} ${MONTHS[m - 1] ?? ''} ${y}`;
    }
    case 'week': {
      const key = format(p);
      return `Week ${Number(key.slice(6))}, ${Number(key.slice(0, 4))}`;
    }
    case 'month':
      return `${MONTHS[p.ord % 12] ?? ''} ${Math.floor(p.ord / 12)}`;
    case 'quarter':
      return p.shift
        ? monthsText(p.ord * 3 + p.shift)
        : `Q${(p.ord % 4) + 1} ${Math.floor(p.ord / 4)}`;
  }
}

/** The three months from month ordinal `first`: "Feb–Apr 2026", "Dec 2026 – Feb 2027". */
function monthsText(first: number): string {
  const last = first + 2;
  const [y1, y2] = [Math.floor(first / 12), Math.floor(last / 12)];
  const [m1, m2] = [MONTHS[first % 12] ?? '', MONTHS[last % 12] ?? ''];
  return y1 === y2 ? `${m1}–${m2} ${y1}` : `${m1} ${y1} – ${m2} ${y2}`;
}

/** The months a quarter key covers, "Apr–Jun 2026"; RangeError when it is not a quarter. */
export function quarterMonths(quarter: string): string {
  const first = quarterFirstMonth(quarter);
  if (first === null) throw new RangeError(`Not a quarter: "${quarter}"`);
  return monthsText(first);
}

/** The calendar date that `now` has in the local time zone. */
export function todayLocal(now: Date = new Date()): string {
  return `${yearText(now.getFullYear())}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
}

export function addDays(date: string, n: number): string {
  return formatDay(dayNumber(date) + n);
}

/** b − a in days. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * The periods of a cadence that are due by `today`: the current one and past ones back to
 * `since` (inclusive), chronological; [] when since is after today.
 */
export function duePeriods(
  grain: Grain,
  since: string,
  today: string,
  fiscalStart = 1,
): PeriodKey[] {
  if (dayNumber(since) > dayNumber(today)) return [];
  return periodsBetween(periodOf(since, grain, fiscalStart), periodOf(today, grain, fiscalStart));
}
