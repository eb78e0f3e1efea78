import { describe, expect, it } from 'vitest';
import { guessDecimalMark, parseDateCell, parseNumber } from '../../../src/domain/csvParse';

describe('parseNumber', () => {
  it('reads thousands separators of each kind', () => {
    expect(parseNumber('1,234,567.8', '.')).toBe(1234567.8);
    expect(parseNumber('1.234.567,8', ',')).toBe(1234567.8);
    expect(parseNumber('1 234,5', ',')).toBe(1234.5);
    expect(parseNumber('1\u00a0234\u00a0567,5', ',')).toBe(1234567.5); // no-break space
    expect(parseNumber('1\u202f234,5', ',')).toBe(1234.5); // narrow no-break space (French)
    expect(parseNumber("1'234.5", '.')).toBe(1234.5); // Swiss
    expect(parseNumber('12,34,567.5', '.')).toBe(1234567.5); // Indian lakh grouping
    expect(parseNumber('1,234', ',')).toBe(1.234);
    expect(parseNumber('1,234', '.')).toBe(1234);
  });

  it('drops signs, currency symbols and percent signs', () => {
    expect(parseNumber('+5', '.')).toBe(5);
    expect(parseNumber('-5', '.')).toBe(-5);
    expect(parseNumber('\u22125', '.')).toBe(-5); // minus sign
    expect(parseNumber('$1,200', '.')).toBe(1200);
    expect(parseNumber('-$1,200.50', '.')).toBe(-1200.5);
    expect(parseNumber('€ 12,50', ',')).toBe(12.5);
    expect(parseNumber('12,50 €', ',')).toBe(12.5);
    expect(parseNumber("CHF 1'234.50", '.')).toBe(1234.5);
    expect(parseNumber('12 %', '.')).toBe(12);
    expect(parseNumber('12.5%', '.')).toBe(12.5);
    expect(parseNumber('  7  ', '.')).toBe(7);
  });

  it('reads parentheses as negative', () => {
    expect(parseNumber('(12.5)', '.')).toBe(-12.5);
    expect(parseNumber('($1,200)', '.')).toBe(-1200);
    expect(parseNumber('(-12)', '.')).toBeNull();
  });

  it('reads decimals without a leading digit and exponents', () => {
    expect(parseNumber('.5', '.')).toBe(0.5);
    expect(parseNumber(',5', ',')).toBe(0.5);
    expect(parseNumber('1.5E+3', '.')).toBe(1500);
    expect(parseNumber('0', '.')).toBe(0);
    expect(Object.is(parseNumber('-0', '.'), 0)).toBe(true);
  });

  it('rejects what is not a number', () => {
    for (const text of ['', ' ', '12abc', 'abc', '-', '$', '.', '1,2,3', '12..5', '1e', '--5']) {
      expect(parseNumber(text, ',')).toBeNull();
      expect(parseNumber(text, '.')).toBeNull();
    }
    expect(parseNumber('12,5', '.')).toBeNull(); // not a thousands grouping
    expect(parseNumber('1.234,5', '.')).toBeNull();
    expect(parseNumber('1,234.5', ',')).toBeNull();
    expect(parseNumber('1,23,4', '.')).toBeNull();
  });
});

describe('guessDecimalMark', () => {
  it('follows the evidence', () => {
    expect(guessDecimalMark(['1.234,5', '12'], ',')).toBe(',');
    expect(guessDecimalMark(['12,5'], ',')).toBe(',');
    expect(guessDecimalMark(['1,234.5'], ';')).toBe('.');
    expect(guessDecimalMark(['12.5', '3'], ';')).toBe('.');
    expect(guessDecimalMark(['1.234.567'], ',')).toBe(',');
    expect(guessDecimalMark(['0,125'], ',')).toBe(',');
    expect(guessDecimalMark(['12.5', '13.1', '1,5'], ',')).toBe('.');
  });
  it('leans on the delimiter when the samples do not tell', () => {
    expect(guessDecimalMark(['1,234', '12'], ';')).toBe(',');
    expect(guessDecimalMark(['1,234', '12'], ',')).toBe('.');
    expect(guessDecimalMark([], ';')).toBe(',');
    expect(guessDecimalMark([], '\t')).toBe('.');
  });
});

describe('parseDateCell', () => {
  it('reads day/month versus month/day orders', () => {
    expect(parseDateCell('03/04/2025', 'dmy')).toEqual({ date: '2025-04-03' });
    expect(parseDateCell('03/04/2025', 'mdy')).toEqual({ date: '2025-03-04' });
    expect(parseDateCell('3.4.2025', 'dmy')).toEqual({ date: '2025-04-03' });
    expect(parseDateCell('3-4-2025', 'mdy')).toEqual({ date: '2025-03-04' });
    expect(parseDateCell('13/04/2025', 'mdy')).toBeNull();
    expect(parseDateCell('03/04/2025', 'ymd')).toBeNull();
  });

  it('reads two-digit years', () => {
    expect(parseDateCell('3/4/25', 'dmy')).toEqual({ date: '2025-04-03' });
    expect(parseDateCell('12/31/99', 'mdy')).toEqual({ date: '1999-12-31' });
    expect(parseDateCell('25-03-07', 'ymd')).toEqual({ date: '2025-03-07' });
  });

  it('reads ISO dates, with or without a time part, whatever the order', () => {
    for (const order of ['dmy', 'mdy', 'ymd'] as const) {
      expect(parseDateCell('2025-03-07', order)).toEqual({ date: '2025-03-07' });
      expect(parseDateCell('2025-3-7', order)).toEqual({ date: '2025-03-07' });
      expect(parseDateCell('2025/03/07', order)).toEqual({ date: '2025-03-07' });
      expect(parseDateCell('2025-03-07T10:00', order)).toEqual({ date: '2025-03-07' });
      expect(parseDateCell('2025-03-07T23:30:00Z', order)).toEqual({ date: '2025-03-07' });
      expect(parseDateCell('2025-03-07 00:00:00', order)).toEqual({ date: '2025-03-07' });
    }
    expect(parseDateCell('3/7/2025 0:00', 'mdy')).toEqual({ date: '2025-03-07' });
    expect(parseDateCell('07.03.2025 10:15 PM', 'dmy')).toEqual({ date: '2025-03-07' });
  });

  it('reads dates with month names', () => {
    expect(parseDateCell('7 Mar 2025', 'mdy')).toEqual({ date: '2025-03-07' });
    expect(parseDateCell('07-Mar-2025', 'mdy')).toEqual({ date: '2025-03-07' });
    expect(parseDateCell('March 7, 2025', 'dmy')).toEqual({ date: '2025-03-07' });
    expect(parseDateCell('Friday, March 7, 2025', 'dmy')).toEqual({ date: '2025-03-07' });
  });

  it('rejects impossible dates', () => {
    expect(parseDateCell('31/02/2025', 'dmy')).toBeNull();
    expect(parseDateCell('29/02/2025', 'dmy')).toBeNull();
    expect(parseDateCell('29/02/2024', 'dmy')).toEqual({ date: '2024-02-29' });
    expect(parseDateCell('2025-13-01', 'ymd')).toBeNull();
    expect(parseDateCell('2025-04-31', 'ymd')).toBeNull();
    expect(parseDateCell('0/1/2025', 'dmy')).toBeNull();
  });

  it('passes period keys through, normalising their common spellings', () => {
    expect(parseDateCell('2025-W07', 'dmy')).toEqual({ period: '2025-W07' });
    expect(parseDateCell('2025-w7', 'dmy')).toEqual({ period: '2025-W07' });
    expect(parseDateCell('Week 7, 2025', 'dmy')).toEqual({ period: '2025-W07' });
    expect(parseDateCell('2025-03', 'dmy')).toEqual({ period: '2025-03' });
    expect(parseDateCell('03/2025', 'mdy')).toEqual({ period: '2025-03' });
    expect(parseDateCell('2025-Q1', 'dmy')).toEqual({ period: '2025-Q1' });
    expect(parseDateCell('Q1 2025', 'dmy')).toEqual({ period: '2025-Q1' });
    expect(parseDateCell('2025 Q1', 'dmy')).toEqual({ period: '2025-Q1' });
    expect(parseDateCell('Mar 2025', 'dmy')).toEqual({ period: '2025-03' });
    expect(parseDateCell('March 2025', 'dmy')).toEqual({ period: '2025-03' });
    expect(parseDateCell('Sept 2025', 'dmy')).toEqual({ period: '2025-09' });
    expect(parseDateCell('Mar-25', 'dmy')).toEqual({ period: '2025-03' }); // Excel mmm-yy
  });

  it('rejects what is not a date or period', () => {
    for (const text of [
      '',
      'soon',
      '2025-W54',
      '2025-W00',
      '2025-13',
      '2025-Q5',
      'Mo 2025',
      '45723',
    ]) {
      expect(parseDateCell(text, 'dmy')).toBeNull();
    }
    expect(parseDateCell('2025-W53', 'dmy')).toBeNull(); // 2025 has 52 ISO weeks
    expect(parseDateCell('2026-W53', 'dmy')).toEqual({ period: '2026-W53' });
  });
});
