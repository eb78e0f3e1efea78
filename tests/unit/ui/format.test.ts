import { describe, expect, it } from 'vitest';
import { formatChange, formatEstimate, formatValue } from '../../../src/ui/common/format';

// Node's default locale in the test run is en-US unless the machine says otherwise; the
// expectations are built with the same Intl so they hold in any locale.
const n = (v: number, o: Intl.NumberFormatOptions) => new Intl.NumberFormat(undefined, o).format(v);

describe('values as people read them', () => {
  it('at most two decimals, grouped', () => {
    expect(formatValue(1263.614, 'currency')).toBe(n(1263.61, { maximumFractionDigits: 2 }));
  });
  it('a computed count from 10 up is a whole number; a smaller one may be an average', () => {
    // A pace of 1,263.61 people: 1,264 in en-US, 1.264 in de-DE.
    expect(formatEstimate(1263.61, 'count', 'en-US')).toBe('1,264');
    expect(formatEstimate(1263.61, 'count', 'de-DE')).toBe('1.264');
    expect(formatEstimate(10.4, 'count', 'en-US')).toBe('10');
    // 2.5 members per team stays 2.5 (2,5 in German); 0.001 keeps its digits.
    expect(formatEstimate(2.5, 'count', 'en-US')).toBe('2.5');
    expect(formatEstimate(2.5, 'count', 'de-DE')).toBe('2,5');
    expect(formatEstimate(0.001, 'count', 'de-DE')).toBe('0,001');
    // Other units keep two decimals; a typed count shows as typed.
    expect(formatEstimate(1263.61, 'ratio', 'de-DE')).toBe('1.263,61');
    expect(formatEstimate(12.25, 'percent', 'de-DE')).toBe('12,25 %');
    expect(formatValue(12.5, 'count', false, 'en-US')).toBe('12.5');
    expect(formatEstimate(null, 'count')).toBe('–');
  });
  it('de-DE: decimal comma, dot grouping, a space before every percent sign', () => {
    expect(formatValue(12.5, 'percent', false, 'de-DE')).toBe('12,5 %');
    expect(formatValue(1250.5, 'percent', false, 'de-DE')).toBe('1.250,5 %');
    expect(formatChange(-3.25, 'percent', 'de-DE')).toBe('−3,25 %');
    expect(formatValue(12.5, 'percent', false, 'en-US')).toBe('12.5 %');
  });
  it('a small value is not shown as 0', () => {
    expect(formatValue(0.001, 'count')).toBe(n(0.001, { maximumSignificantDigits: 2 }));
    expect(formatValue(-0.0004, 'ratio')).toBe(n(-0.0004, { maximumSignificantDigits: 2 }));
    expect(formatValue(0.001, 'count')).not.toBe(n(0, {}));
    expect(formatValue(0, 'count')).toBe(n(0, {}));
  });
  it('percent carries its sign; a change carries its direction', () => {
    expect(formatValue(42.5, 'percent')).toBe(`${n(42.5, { maximumFractionDigits: 2 })} %`);
    expect(formatChange(-3, 'count')).toBe(`−${n(3, {})}`);
    expect(formatValue(null, 'count')).toBe('–');
  });
});
