/** Numbers as typed in spreadsheets, in either decimal convention. */

export type DecimalMark = '.' | ',';

/** ISO codes accepted next to a number ("CHF 1'234.50"), besides any Unicode currency symbol. */
const CURRENCY = '\\p{Sc}|USD|EUR|GBP|CHF|JPY|CNY|INR|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|BRL|MXN|ZAR';
const SIGN = '[+\\-\u2212]';
/**
 * sign? currency? sign? body currency?, spaces allowed between the parts. The body is digits
 * with separators and an optional exponent; its structure is checked by `readBody`.
 */
const NUMBER_RE = new RegExp(
  `^(${SIGN})?\\s*(${CURRENCY})?\\s*(${SIGN})?\\s*([\\d.,'\u2019\\s]+?)([eE][+\\-]?\\d+)?\\s*(${CURRENCY})?$`,
  'u',
);
const GROUP_CHARS: Record<DecimalMark, RegExp> = { '.': /[,'\u2019\s]/u, ',': /[.'\u2019\s]/u };

/**
 * The integer part with its thousands separators removed, or null when the grouping is not a
 * real grouping: one separator kind (all spaces count as one), first group 1–3 digits, then
 * groups of 3 ("1,234,567"), or the Indian lakh grouping ("12,34,567").
 */
function ungroup(intPart: string, decimal: DecimalMark): string | null {
  if (/^\d*$/.test(intPart)) return intPart;
  const sep = GROUP_CHARS[decimal];
  const kinds = new Set(
    [...intPart].filter((c) => !/\d/.test(c)).map((c) => (/\s/u.test(c) ? ' ' : c)),
  );
  if (kinds.size !== 1 || ![...intPart].every((c) => /\d/.test(c) || sep.test(c))) return null;
  const groups = intPart.split(/\D/);
  const [first = '', ...rest] = groups;
  const last = rest[rest.length - 1] ?? '';
  const western = /^\d{1,3}$/.test(first) && rest.every((g) => /^\d{3}$/.test(g));
  const indian =
    /^\d{1,2}$/.test(first) &&
    /^\d{3}$/.test(last) &&
    rest.slice(0, -1).every((g) => /^\d{2}$/.test(g));
  return western || indian ? groups.join('') : null;
}

/**
 * A number as typed in a spreadsheet: thousands separators ("1,234,567.8", "1.234.567,8",
 * "1 234,5" incl. non-breaking and narrow no-break spaces, "1'234.5"), leading +/−, currency
 * symbols and a trailing % are dropped ("$1,200", "12 %"), parentheses as negative ("(12.5)");
 * null when it is not a number ("12abc", "", "1,2,3" with ',' decimal). Grouping is checked
 * strictly (groups of three), so "12,5" with '.' decimal is rejected rather than read as 125.
 */
export function parseNumber(text: string, decimal: DecimalMark): number | null {
  let s = text.trim();
  let negative = false;
  const paren = /^\((.*)\)$/su.exec(s);
  if (paren) {
    negative = true;
    s = (paren[1] ?? '').trim();
  }
  s = s.replace(/\s*%$/u, '');
  const m = NUMBER_RE.exec(s);
  if (!m) return null;
  const [, sign1, cur1, sign2, body = '', exponent = '', cur2] = m;
  if ((sign1 && sign2) || (cur1 && cur2)) return null;
  const sign = sign1 ?? sign2;
  if (sign && negative) return null;
  if (sign && sign !== '+') negative = true;
  const parts = body.split(decimal);
  if (parts.length > 2) return null;
  const [intRaw = '', frac = ''] = parts;
  const int = ungroup(intRaw, decimal);
  if (int === null || !/^\d*$/.test(frac) || (int === '' && frac === '')) return null;
  const n = Number(`${int || '0'}.${frac || '0'}${exponent}`);
  if (!Number.isFinite(n)) return null;
  return negative && n !== 0 ? -n : n;
}

/** Which decimal mark one sample shows, or null when it does not tell ("1,234", "12"). */
function markOf(sample: string): DecimalMark | null {
  const t = sample.replace(/[^\d.,]/g, '');
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const mark: DecimalMark | null = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (mark === null) return null;
  const other: DecimalMark = mark === '.' ? ',' : '.';
  const parts = t.split(mark);
  if (parts.length > 2) return other; // "1.234.567": the mark repeats, so it groups thousands
  const [int = '', frac = ''] = parts;
  // "1,234" may be either; "0,123" cannot be a thousands group.
  if (frac.length === 3 && int !== '' && int !== '0') return null;
  return mark;
}

/**
 * Guesses the decimal mark from sample value cells: "1.234,5" / "12,5" → ','; "1,234.5" /
 * "12.5" → '.'. Each sample that tells votes; ambiguous ones ("1,234") do not. A tie (or no
 * evidence) goes to ',' for semicolon-delimited files (the European Excel export) and '.'
 * otherwise.
 */
export function guessDecimalMark(samples: readonly string[], delimiter: string): DecimalMark {
  let dot = 0;
  let comma = 0;
  for (const sample of samples) {
    const mark = markOf(sample);
    if (mark === '.') dot++;
    else if (mark === ',') comma++;
  }
  if (dot !== comma) return dot > comma ? '.' : ',';
  return delimiter === ';' ? ',' : '.';
}
