import { describe, expect, it } from 'vitest';
import { roadmap } from '../../../src/domain/experimentRoadmap';
import { readExperiment } from '../../../src/domain/experiments';
import { planImport } from '../../../src/domain/csvImport';
import { parseCsv } from '../../../src/domain/csvParse';
import { firstReminderDate } from '../../../src/domain/ics';
import { insightRange } from '../../../src/domain/insightRanges';
import { Problems } from '../../../src/domain/validate';
import {
  parseFiscalQuarter,
  describeFiscalChange,
  fiscalPeriodLabel,
  fiscalQuarter,
  fiscalQuarterMonths,
  isFiscalStart,
  quartersMove,
  weekdayOrder,
} from '../../../src/domain/fiscal';
import {
  duePeriods,
  grainOf,
  nextPeriod,
  periodCount,
  periodEnd,
  periodLabel,
  periodOf,
  periodStart,
  periodsBetween,
  quarterMonths,
  quarterShift,
  toGrain,
} from '../../../src/domain/periods';

describe('fiscal quarters of a date', () => {
  it('a January start is exactly the calendar quarters, keyed and labelled as before', () => {
    // Calendar: Q1 = Jan–Mar … Q4 = Oct–Dec; the default fiscal start is January.
    for (const [date, q] of [
      ['2026-01-01', '2026-Q1'],
      ['2026-03-31', '2026-Q1'],
      ['2026-04-01', '2026-Q2'],
      ['2026-12-31', '2026-Q4'],
    ] as const) {
      expect(periodOf(date, 'quarter', 1)).toBe(q);
      expect(periodOf(date, 'quarter')).toBe(q);
      expect(fiscalPeriodLabel(q, 1)).toBe(periodLabel(q));
    }
    expect(fiscalPeriodLabel('2026-Q1', 1)).toBe('Q1 2026');
    expect(toGrain('2026-05', 'quarter', 1)).toBe(toGrain('2026-05', 'quarter'));
  });

  it('a start in April keeps the calendar keys and numbers them in the FY they end in', () => {
    // FY2027 runs 1 Apr 2026 – 31 Mar 2027 (named by the year it ends in).
    // 15 May 2026 lies in April–June 2026: stored "2026-Q2", read "Q1 FY2027".
    expect(periodOf('2026-05-15', 'quarter', 4)).toBe('2026-Q2');
    expect(fiscalPeriodLabel('2026-Q2', 4)).toBe('Q1 FY2027');
    // Jan–Mar 2026 closes FY2026 (Apr 2025 – Mar 2026): Q4 FY2026.
    expect(fiscalPeriodLabel('2026-Q1', 4)).toBe('Q4 FY2026');
    // Oct–Dec 2026 is the third quarter of FY2027; Jan–Mar 2027 the fourth.
    expect(fiscalPeriodLabel('2026-Q4', 4)).toBe('Q3 FY2027');
    expect(fiscalPeriodLabel('2027-Q1', 4)).toBe('Q4 FY2027');
    expect(fiscalQuarter('2027-Q2', 4)).toEqual({ year: 2028, quarter: 1 });
    // Boundaries around the fiscal year end: 31 Mar 2027 and 1 Apr 2027.
    expect(fiscalPeriodLabel(periodOf('2027-03-31', 'quarter', 4), 4)).toBe('Q4 FY2027');
    expect(fiscalPeriodLabel(periodOf('2027-04-01', 'quarter', 4), 4)).toBe('Q1 FY2028');
  });

  it('a start in February shifts the quarters by a month, keyed by their own months', () => {
    // FY2027 = Feb 2026 – Jan 2027. Its quarters: Feb–Apr, May–Jul, Aug–Oct, Nov 2026 – Jan 2027.
    expect(quarterShift(2)).toBe(1);
    expect(periodOf('2026-02-01', 'quarter', 2)).toBe('2026-Q1+1');
    expect(periodOf('2026-04-30', 'quarter', 2)).toBe('2026-Q1+1');
    expect(periodOf('2026-05-01', 'quarter', 2)).toBe('2026-Q2+1');
    // 31 Jan 2026 is the last day of FY2026's last quarter, Nov 2025 – Jan 2026.
    expect(periodOf('2026-01-31', 'quarter', 2)).toBe('2025-Q4+1');
    expect(periodStart('2025-Q4+1')).toBe('2025-11-01');
    expect(periodEnd('2025-Q4+1')).toBe('2026-01-31');
    expect(fiscalPeriodLabel('2025-Q4+1', 2)).toBe('Q4 FY2026');
    expect(fiscalPeriodLabel('2026-Q1+1', 2)).toBe('Q1 FY2027');
    expect(fiscalPeriodLabel('2026-Q4+1', 2)).toBe('Q4 FY2027');
    expect(grainOf('2026-Q1+1')).toBe('quarter');
    expect(nextPeriod('2026-Q4+1')).toBe('2027-Q1+1');
    expect(nextPeriod('2026-Q1+1', -1)).toBe('2025-Q4+1');
    expect(periodsBetween('2025-Q4+1', '2026-Q2+1')).toEqual([
      '2025-Q4+1',
      '2026-Q1+1',
      '2026-Q2+1',
    ]);
    expect(periodCount('2026-Q1+1', '2026-Q4+1')).toBe(4);
  });

  it('a start in December (shift 2) and March', () => {
    // FY2027 = Dec 2026 – Nov 2027; its first quarter Dec 2026 – Feb 2027 is "2026-Q4+2".
    expect(periodOf('2027-01-10', 'quarter', 12)).toBe('2026-Q4+2');
    expect(periodStart('2026-Q4+2')).toBe('2026-12-01');
    expect(periodEnd('2026-Q4+2')).toBe('2027-02-28');
    expect(fiscalPeriodLabel('2026-Q4+2', 12)).toBe('Q1 FY2027');
    // March start: Mar–May 2026 is Q1 FY2027 (ends Feb 2027), keyed "2026-Q1+2".
    expect(periodOf('2026-03-01', 'quarter', 3)).toBe('2026-Q1+2');
    expect(periodEnd('2027-Q1')).toBe('2027-03-31');
    expect(fiscalPeriodLabel('2026-Q1+2', 3)).toBe('Q1 FY2027');
    // A leap February ends the December-start quarter on the 29th.
    expect(periodEnd('2027-Q4+2')).toBe('2028-02-29');
  });

  it('July and October starts share the calendar quarters and renumber them', () => {
    // July: FY2027 = Jul 2026 – Jun 2027. October: FY2027 = Oct 2026 – Sep 2027.
    expect(periodOf('2026-08-01', 'quarter', 7)).toBe('2026-Q3');
    expect(fiscalPeriodLabel('2026-Q3', 7)).toBe('Q1 FY2027');
    expect(fiscalPeriodLabel('2026-Q2', 7)).toBe('Q4 FY2026');
    expect(fiscalPeriodLabel('2026-Q4', 10)).toBe('Q1 FY2027');
    expect(fiscalPeriodLabel('2026-Q3', 10)).toBe('Q4 FY2026');
  });

  it('a stored quarter of another fiscal year keeps its months in its label', () => {
    // A target set as "2026-Q1+1" (Feb–Apr) before the workspace moved to an April start.
    expect(fiscalPeriodLabel('2026-Q1+1', 4)).toBe('Feb–Apr 2026');
    expect(fiscalPeriodLabel('2026-Q1+1', 1)).toBe('Feb–Apr 2026');
    expect(periodLabel('2025-Q4+2')).toBe('Dec 2025 – Feb 2026');
    // And a calendar quarter read in a February workspace is named by its months too.
    expect(fiscalPeriodLabel('2026-Q2', 2)).toBe('Apr–Jun 2026');
    expect(fiscalPeriodLabel('2026-Q2', 1)).toBe('Q2 2026');
    // Other grains are labelled as always.
    expect(fiscalPeriodLabel('2026-W20', 4)).toBe('Week 20, 2026');
    expect(fiscalPeriodLabel('2026-05', 4)).toBe('May 2026');
    expect(quarterMonths('2026-Q2')).toBe('Apr–Jun 2026');
    expect(fiscalQuarter('2026-Q2', 2)).toBeNull();
    // Quarters of two fiscal years are two series: no range runs across them.
    expect(() => periodsBetween('2026-Q1', '2026-Q2+1')).toThrow(RangeError);
    expect(() => toGrain('2026-Q1', 'quarter', 2)).toThrow(RangeError);
  });

  it('months and ISO weeks go to the fiscal quarter of the setting', () => {
    // Week 53 of 2026 runs Mon 28 Dec 2026 – Sun 3 Jan 2027; its Thursday is 31 Dec 2026.
    expect(periodStart('2026-W53')).toBe('2026-12-28');
    expect(toGrain('2026-W53', 'quarter', 4)).toBe('2026-Q4'); // Oct–Dec: Q3 FY2027
    expect(fiscalPeriodLabel(toGrain('2026-W53', 'quarter', 4), 4)).toBe('Q3 FY2027');
    expect(toGrain('2026-W53', 'quarter', 2)).toBe('2026-Q4+1'); // Nov 2026 – Jan 2027
    expect(fiscalPeriodLabel('2026-Q4+1', 2)).toBe('Q4 FY2027');
    // Week 1 of 2027 (Mon 4 Jan, Thursday 7 Jan 2027) is in the same Feb-start quarter.
    expect(toGrain('2027-W01', 'quarter', 2)).toBe('2026-Q4+1');
    // Week 5 of 2026: Mon 26 Jan – Sun 1 Feb, Thursday 29 Jan: still Nov–Jan.
    expect(toGrain('2026-W05', 'quarter', 2)).toBe('2025-Q4+1');
    expect(toGrain('2026-02', 'quarter', 2)).toBe('2026-Q1+1');
    expect(toGrain('2026-01', 'quarter', 2)).toBe('2025-Q4+1');
    expect(toGrain('2026-Q1+1', 'quarter', 5)).toBe('2026-Q1+1'); // May shares February's shift
  });

  it('due quarterly periods follow the fiscal start', () => {
    // Since 15 Jan 2026, today 10 May 2026, February start: Nov–Jan, Feb–Apr, May–Jul.
    expect(duePeriods('quarter', '2026-01-15', '2026-05-10', 2)).toEqual([
      '2025-Q4+1',
      '2026-Q1+1',
      '2026-Q2+1',
    ]);
    expect(duePeriods('quarter', '2026-01-15', '2026-05-10')).toEqual(['2026-Q1', '2026-Q2']);
  });

  it('rejects what is not a fiscal start or a shifted quarter', () => {
    expect(isFiscalStart(4)).toBe(true);
    for (const v of [0, 13, 4.5, '4', null]) expect(isFiscalStart(v)).toBe(false);
    expect(() => periodOf('2026-01-01', 'quarter', 0)).toThrow(RangeError);
    for (const k of ['2026-Q1+0', '2026-Q1+3', '2026-Q5+1', '2026-Q1+']) {
      expect(grainOf(k)).toBeNull();
    }
  });

  it('says which changes move the months of quarters', () => {
    expect(quartersMove(1, 4)).toBe(false); // Jan → Apr: the same quarters, renumbered
    expect(quartersMove(1, 2)).toBe(true);
    expect(quartersMove(2, 5)).toBe(false);
    expect(fiscalQuarterMonths(4)).toBe('Apr–Jun, Jul–Sep, Oct–Dec, Jan–Mar');
    expect(fiscalQuarterMonths(2)).toBe('Feb–Apr, May–Jul, Aug–Oct, Nov–Jan');
  });
});

describe('first day of the week', () => {
  it('orders the ISO weekdays (Monday = 0) from the chosen day', () => {
    expect(weekdayOrder('monday')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(weekdayOrder('sunday')).toEqual([6, 0, 1, 2, 3, 4, 5]);
  });
});

describe('what a change of the fiscal start says', () => {
  it('January to April: the same quarters, renamed', () => {
    // 15 Nov 2026 is in Oct–Dec 2026: Q4 2026 on the calendar, Q3 FY2027 from April.
    expect(describeFiscalChange(1, 4, '2026-11-15', ['2026-Q4'])).toEqual([
      'For everyone in this workspace, quarters will run Apr–Jun, Jul–Sep, Oct–Dec, Jan–Mar, and a fiscal year is named by the year it ends in.',
      'This quarter (Oct–Dec 2026) will be called Q3 FY2027 instead of Q4 2026.',
      'Quarterly targets, check-ins and reviews keep their months and values; only their names change.',
    ]);
  });

  it('January to February: the quarters move and stored ones are counted', () => {
    // 15 Nov 2026: Oct–Dec (Q4 2026) becomes Nov 2026 – Jan 2027, Q4 FY2027 of a Feb start.
    // Stored: 2026-Q3 and 2026-Q4 (calendar, old), 2026-Q1+1 (Feb–Apr, already a new quarter).
    const said = describeFiscalChange(1, 2, '2026-11-15', ['2026-Q4', '2026-Q3', '2026-Q1+1']);
    expect(said[1]).toBe(
      'This quarter will be Nov 2026 – Jan 2027, called Q4 FY2027 (it was Oct–Dec 2026, Q4 2026).',
    );
    expect(said[2]).toBe(
      'The months of quarters move. 2 quarters with targets or reviews stored (such as Jul–Sep 2026) keep their months and values and will be shown by their months; set targets for the new quarters.',
    );
  });
});

describe('a fiscal quarter typed by a person', () => {
  it('reads "Q1 FY2027" and "FY2027 Q1" as the key of its months', () => {
    // April start: FY2027 = Apr 2026 – Mar 2027, Q1 = Apr–Jun 2026 = "2026-Q2".
    expect(parseFiscalQuarter('Q1 FY2027', 4)).toBe('2026-Q2');
    expect(parseFiscalQuarter('fy2027 q4', 4)).toBe('2027-Q1');
    // February start: Q1 FY2027 = Feb–Apr 2026.
    expect(parseFiscalQuarter('Q1 FY2027', 2)).toBe('2026-Q1+1');
    // January start: FY2026 is 2026.
    expect(parseFiscalQuarter('Q3 FY2026', 1)).toBe('2026-Q3');
    expect(parseFiscalQuarter('2026-Q3', 4)).toBeNull();
    expect(parseFiscalQuarter('Q5 FY2026', 4)).toBeNull();
  });
});

describe('callers that pick quarters take the fiscal start', () => {
  it('insight ranges: this and last quarter of a February year', () => {
    // 10 Mar 2026, February start: this quarter Feb–Apr 2026, last Nov 2025 – Jan 2026.
    expect(insightRange('this-quarter', '2026-03-10', undefined, 2)).toEqual({
      from: '2026-02-01',
      to: '2026-04-30',
    });
    expect(insightRange('last-quarter', '2026-03-10', undefined, 2)).toEqual({
      from: '2025-11-01',
      to: '2026-01-31',
    });
    // The default is the calendar quarter, as before.
    expect(insightRange('this-quarter', '2026-03-10')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
  });

  it('the roadmap places an experiment in the fiscal quarters it covers', () => {
    // 15 Jan – 20 Mar 2026 with a February start: Nov–Jan and Feb–Apr.
    const e = readExperiment(
      'e',
      { title: 'e', startDate: '2026-01-15', endDate: '2026-03-20' },
      { milestones: [], statusHistory: [], scope: {} },
      new Problems(),
    );
    expect(roadmap([e], '2026-01-01', 2).quarters).toEqual(['2025-Q4+1', '2026-Q1+1']);
    expect(roadmap([e], '2026-01-01').quarters).toEqual(['2026-Q1']);
  });
});

describe('the calendar reminder of a quarterly metric', () => {
  it('falls on the first such weekday of a fiscal quarter', () => {
    // 10 Mar 2026, Mondays (0). Calendar quarters: Jan's first Monday (5 Jan) has passed, so
    // April's: 1 Apr 2026 is a Wednesday, the first Monday 6 Apr.
    expect(firstReminderDate('2026-03-10', 0, 'quarterly')).toBe('2026-04-06');
    // February start: Feb–Apr began with Monday 2 Feb (passed); May–Jul: 1 May is a Friday,
    // the first Monday 4 May.
    expect(firstReminderDate('2026-03-10', 0, 'quarterly', 2)).toBe('2026-05-04');
    // December start (Dec–Feb, Mar–May, …): 1 Mar 2026 is a Sunday, the first Monday 2 Mar has
    // passed by the 10th, so June: 1 Jun 2026 is a Monday.
    expect(firstReminderDate('2026-03-10', 0, 'quarterly', 12)).toBe('2026-06-01');
    // Early January with a December start: the quarter began on 1 Dec 2025 (a Monday).
    expect(firstReminderDate('2025-12-01', 0, 'quarterly', 12)).toBe('2025-12-01');
  });
});

describe('a CSV date imported into a quarterly metric', () => {
  it('lands in the fiscal quarter of the setting', () => {
    const metrics = [
      { id: 'nps', name: 'NPS', cadence: 'quarterly', formula: null, planMetric: null } as const,
    ];
    const csv = parseCsv('metric,date,value\nNPS,2026-03-10,41\n');
    const map = { metric: 0, period: 1, value: 2, note: null };
    // 10 Mar 2026: calendar Q1 2026; with a February start Feb–Apr 2026 ("2026-Q1+1").
    const calendarRows = planImport(csv, map, { dateOrder: 'ymd', decimal: '.' }, metrics).rows;
    const fiscalRows = planImport(
      csv,
      map,
      { dateOrder: 'ymd', decimal: '.', fiscalStart: 2 },
      metrics,
    ).rows;
    expect(calendarRows.map((r) => r.period)).toEqual(['2026-Q1']);
    expect(fiscalRows.map((r) => r.period)).toEqual(['2026-Q1+1']);
  });
});
