import { describe, expect, it } from 'vitest';
import { formatChange, formatValue } from '../../../src/ui/common/format';

// Node's default locale in the test run is en-US unless the machine says otherwise; the
// expectations are built with the same Intl so they hold in any locale.
const n = (v: number, o: Intl.NumberFormatOptions) => new Intl.NumberFormat(undefined, o).format(v);

describe('values as people read them', () => {
  it('at most two decimals, grouped', () => {
    expect(formatValue(1263.614, 'count')).toBe(n(1263.61, { maximumFractionDigits: 2 }));
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
