import { tokenize, type BinOp, type Token } from './formulaLex';

export type FormulaFn = 'min' | 'max' | 'sum' | 'avg' | 'nps';

export type Expr =
  | { type: 'num'; value: number }
  /** name is normalised (see normaliseName); raw is the name as typed, without brackets. */
  | { type: 'ref'; name: string; raw: string }
  | { type: 'neg'; arg: Expr }
  | { type: 'bin'; op: BinOp; left: Expr; right: Expr }
  | { type: 'call'; fn: FormulaFn; args: Expr[] };

export type ParseResult =
  { ok: true; expr: Expr; refs: string[] } | { ok: false; error: string; position: number };

export const MAX_FORMULA_LENGTH = 2000;
export const MAX_FORMULA_DEPTH = 100;

const FUNCTIONS: readonly FormulaFn[] = ['min', 'max', 'sum', 'avg', 'nps'];
const isFn = (name: string): name is FormulaFn => (FUNCTIONS as readonly string[]).includes(name);

/** How metric names compare: Unicode NFC, trimmed, inner whitespace collapsed, lower case. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

const BARE_NAME = /^\p{L}[\p{L}\p{M}\p{Nd}_]*$/u;

/**
 * How to write a reference to the metric named `name` in a formula: bare when it is a simple
 * name, in [brackets] otherwise; null when it cannot be written (its brackets do not balance).
 */
export function referenceText(name: string): string | null {
  const trimmed = name.trim();
  if (BARE_NAME.test(trimmed)) return trimmed;
  let depth = 0;
  for (const ch of trimmed) {
    if (ch === '[') depth++;
    else if (ch === ']' && --depth < 0) return null;
  }
  return depth === 0 && trimmed !== '' ? `[${trimmed}]` : null;
}

class ParseError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

/**
 * Recursive-descent parser over the tokens, one function per precedence level:
 *   expr  := term (('+' | '-') term)*          left-associative
 *   term  := unary (('*' | '/') unary)*        left-associative
 *   unary := ('-' | '+') unary | primary
 *   primary := number | name | fn '(' expr (',' expr)* ')' | '(' expr ')'
 * Every nesting (parenthesis, call, unary sign) counts towards MAX_FORMULA_DEPTH, so hostile
 * input fails with an error long before it could exhaust the stack.
 */
class Parser {
  private index = 0;
  private depth = 0;
  readonly refs = new Set<string>();

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    // The token list always ends with an 'end' token, which is never consumed.
    return this.tokens[this.index] ?? { kind: 'end', pos: 0, text: '' };
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private enter(pos: number): void {
    if (++this.depth > MAX_FORMULA_DEPTH) {
      throw new ParseError(`Nested too deeply (the limit is ${MAX_FORMULA_DEPTH} levels)`, pos);
    }
  }

  parseAll(): Expr {
    const expr = this.expr();
    const t = this.peek();
    if (t.kind === 'end') return expr;
    if (t.kind === ')') throw new ParseError(`Unexpected ) at ${t.pos} with no ( before it`, t.pos);
    if (t.kind === ',') {
      throw new ParseError('A comma can only separate the values of a function', t.pos);
    }
    throw new ParseError(`Expected an operator before “${t.text}”`, t.pos);
  }

  private expr(): Expr {
    let left = this.term();
    for (let t = this.peek(); t.kind === 'op' && (t.op === '+' || t.op === '-'); t = this.peek()) {
      this.next();
      left = { type: 'bin', op: t.op, left, right: this.term() };
    }
    return left;
  }

  private term(): Expr {
    let left = this.unary();
    for (let t = this.peek(); t.kind === 'op' && (t.op === '*' || t.op === '/'); t = this.peek()) {
      this.next();
      left = { type: 'bin', op: t.op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): Expr {
    const t = this.peek();
    if (t.kind !== 'op' || (t.op !== '-' && t.op !== '+')) return this.primary();
    this.next();
    this.enter(t.pos);
    const arg = this.unary();
    this.depth--;
    return t.op === '-' ? { type: 'neg', arg } : arg;
  }

  private primary(): Expr {
    const before = this.tokens[this.index - 1];
    const t = this.next();
    switch (t.kind) {
      case 'num':
        return { type: 'num', value: t.value };
      case 'name':
        return this.ref(t.raw);
      case 'ident':
        return this.peek().kind === '(' ? this.call(t) : this.ref(t.text);
      case '(': {
        this.enter(t.pos);
        const inner = this.expr();
        this.close(t);
        this.depth--;
        return inner;
      }
      default:
        throw new ParseError(
          before
            ? `Expected a value after “${before.text}”`
            : `Expected a value before “${t.text}”`,
          t.pos,
        );
    }
  }

  private ref(raw: string): Expr {
    const name = normaliseName(raw);
    this.refs.add(name);
    return { type: 'ref', name, raw };
  }

  private close(open: Token): void {
    if (this.peek().kind === ')') {
      this.next();
      return;
    }
    const t = this.peek();
    if (t.kind === 'end') {
      throw new ParseError(`Expected a closing ) for the ( at ${open.pos}`, open.pos);
    }
    throw new ParseError(`Expected a closing ) for the ( at ${open.pos} before “${t.text}”`, t.pos);
  }

  private call(ident: Token): Expr {
    const fn = ident.text.toLowerCase();
    if (!isFn(fn)) throw new ParseError(`Unknown function ${ident.text}`, ident.pos);
    const open = this.next();
    this.enter(open.pos);
    const args: Expr[] = [];
    if (this.peek().kind !== ')') {
      args.push(this.expr());
      while (this.peek().kind === ',') {
        this.next();
        args.push(this.expr());
      }
    }
    this.close(open);
    this.depth--;
    if (fn === 'nps' && args.length !== 3) throw new ParseError('nps needs 3 values', ident.pos);
    if (args.length === 0) throw new ParseError(`${fn} needs at least 1 value`, ident.pos);
    return { type: 'call', fn, args };
  }
}

/** Parses a formula into an expression tree plus the distinct names it refers to, in order. */
export function parseFormula(text: string): ParseResult {
  if (text.length > MAX_FORMULA_LENGTH) {
    return {
      ok: false,
      error: `Formula is too long (${text.length} characters; the limit is ${MAX_FORMULA_LENGTH})`,
      position: MAX_FORMULA_LENGTH,
    };
  }
  if (text.trim() === '') return { ok: false, error: 'Empty formula', position: 0 };
  const lexed = tokenize(text);
  if (!lexed.ok) return lexed;
  const parser = new Parser(lexed.tokens);
  try {
    const expr = parser.parseAll();
    return { ok: true, expr, refs: [...parser.refs] };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message, position: e.position };
    throw e;
  }
}

/** The names an expression refers to: normalised name → the first raw spelling, in text order. */
export function referencesOf(expr: Expr): Map<string, string> {
  const out = new Map<string, string>();
  const stack: Expr[] = [expr];
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    if (e.type === 'ref') {
      if (!out.has(e.name)) out.set(e.name, e.raw);
    } else if (e.type === 'neg') stack.push(e.arg);
    else if (e.type === 'bin') stack.push(e.right, e.left);
    else if (e.type === 'call') stack.push(...[...e.args].reverse());
  }
  return out;
}
