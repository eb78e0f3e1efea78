/**
 * Tokenizer for metric formulas (see formula.ts). Scans the text once, left to right, into
 * numbers, bare names, [bracketed names], operators, parentheses and commas. Unicode operators
 * (× ÷ −, and the en dash a word processor may type for a minus) map to their ASCII meaning.
 * Positions are 0-based UTF-16 indexes into the text, so they line up with input selections.
 */

export type BinOp = '+' | '-' | '*' | '/';

export type Token =
  | { kind: 'num'; value: number; pos: number; text: string }
  | { kind: 'ident'; pos: number; text: string }
  | { kind: 'name'; raw: string; pos: number; text: string }
  | { kind: 'op'; op: BinOp; pos: number; text: string }
  | { kind: '(' | ')' | ',' | 'end'; pos: number; text: string };

export type LexResult =
  { ok: true; tokens: Token[] } | { ok: false; error: string; position: number };

const OPERATORS: Readonly<Record<string, BinOp>> = {
  '+': '+',
  '-': '-',
  '\u2212': '-', // − minus sign
  '\u2013': '-', // – en dash
  '*': '*',
  '\u00d7': '*', // ×
  '/': '/',
  '\u00f7': '/', // ÷
};

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const LETTER = /^\p{L}$/u;
const NAME_PART = /^[\p{L}\p{M}\p{Nd}_]$/u;
const SPACE = /^\s$/u;

/** The code point at i as a string (one or two UTF-16 units), or undefined past the end. */
function charAt(text: string, i: number): string | undefined {
  const cp = text.codePointAt(i);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

/** End index of the number starting at i, or i when there is none (e.g. a lone "."). */
function scanNumber(text: string, i: number): number {
  let j = i;
  let digits = 0;
  while (isDigit(text[j])) {
    j++;
    digits++;
  }
  if (text[j] === '.') {
    j++;
    while (isDigit(text[j])) {
      j++;
      digits++;
    }
  }
  if (digits === 0) return i;
  if (text[j] === 'e' || text[j] === 'E') {
    let k = j + 1;
    if (text[k] === '+' || text[k] === '-') k++;
    if (isDigit(text[k])) {
      while (isDigit(text[k])) k++;
      j = k;
    }
  }
  return j;
}

/** Index of the ] that closes the [ at i (brackets may nest), or -1 when unclosed. */
function closingBracket(text: string, i: number): number {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    if (text[j] === '[') depth++;
    else if (text[j] === ']' && --depth === 0) return j;
  }
  return -1;
}

export function tokenize(text: string): LexResult {
  const tokens: Token[] = [];
  const fail = (error: string, position: number): LexResult => ({ ok: false, error, position });
  let i = 0;
  while (i < text.length) {
    const ch = charAt(text, i) ?? '';
    if (SPACE.test(ch)) {
      i += ch.length;
      continue;
    }
    const op = OPERATORS[ch];
    if (op !== undefined) {
      tokens.push({ kind: 'op', op, pos: i, text: ch });
      i += ch.length;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch, pos: i, text: ch });
      i++;
      continue;
    }
    if (ch === '[') {
      const end = closingBracket(text, i);
      if (end < 0) return fail(`Expected a closing ] for the name started at ${i}`, i);
      const raw = text.slice(i + 1, end).trim();
      if (raw === '') return fail(`Expected a name between the [ and ] at ${i}`, i);
      tokens.push({ kind: 'name', raw, pos: i, text: text.slice(i, end + 1) });
      i = end + 1;
      continue;
    }
    if (ch === ']') return fail(`Unexpected ] with no [ before it`, i);
    if (LETTER.test(ch)) {
      let j = i + ch.length;
      for (let next = charAt(text, j); next !== undefined && NAME_PART.test(next);) {
        j += next.length;
        next = charAt(text, j);
      }
      tokens.push({ kind: 'ident', pos: i, text: text.slice(i, j) });
      i = j;
      continue;
    }
    const end = scanNumber(text, i);
    if (end > i) {
      const numText = text.slice(i, end);
      const value = Number(numText);
      if (!Number.isFinite(value)) return fail(`The number ${numText} is too large`, i);
      tokens.push({ kind: 'num', value, pos: i, text: numText });
      i = end;
      continue;
    }
    return fail(`Unexpected character “${ch}” at ${i}`, i);
  }
  tokens.push({ kind: 'end', pos: text.length, text: '' });
  return { ok: true, tokens };
}
