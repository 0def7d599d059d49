/**
 * The reader's expressions for the backprop graph (Lecture 4): + − × ÷, unary minus, numbers,
 * named inputs, parentheses and the functions max(a, b), exp, log, sigmoid, tanh, relu.
 * A recursive-descent parser that turns text into a tree, or a ParseError saying what was
 * expected and where (the column the reader can find).
 */
export const UNARY_FUNCTIONS = ['exp', 'log', 'sigmoid', 'tanh', 'relu'] as const;
export type UnaryFunction = (typeof UNARY_FUNCTIONS)[number];
export type BinaryOperator = 'add' | 'sub' | 'mul' | 'div' | 'max';

export type Expression =
  | { kind: 'number'; value: number }
  | { kind: 'input'; name: string }
  | { kind: 'neg'; arg: Expression }
  | { kind: UnaryFunction; arg: Expression }
  | { kind: BinaryOperator; left: Expression; right: Expression };

export class ParseError extends Error {
  override name = 'ParseError';
  constructor(message: string, readonly column: number) {
    super(`${message} (at character ${column + 1})`);
  }
}

/** Longest expression a reader may type: a graph larger than this is unreadable anyway. */
export const MAX_EXPRESSION_LENGTH = 200;

const OPERATOR_SYMBOLS: Record<string, BinaryOperator | 'neg'> = { '+': 'add', '-': 'sub', '−': 'sub', '*': 'mul', '×': 'mul', '·': 'mul', '/': 'div', '÷': 'div' };

interface Token {
  text: string;
  kind: 'number' | 'name' | 'symbol' | 'end';
  column: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|([A-Za-z_][A-Za-z_0-9]*)|([-+*/()×·÷−,]))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) {
      const column = at + (text.slice(at).length - text.slice(at).trimStart().length);
      throw new ParseError(`"${text[column]}" is not part of an expression: use numbers, names, + − × ÷, parentheses and ${[...UNARY_FUNCTIONS, 'max'].join(', ')}`, column);
    }
    const column = match.index + match[0].length - (match[1] ?? match[2] ?? match[3] ?? '').length;
    if (match[1] !== undefined) tokens.push({ text: match[1], kind: 'number', column });
    else if (match[2] !== undefined) tokens.push({ text: match[2], kind: 'name', column });
    else tokens.push({ text: match[3]!, kind: 'symbol', column });
    at = pattern.lastIndex;
  }
  tokens.push({ text: '', kind: 'end', column: text.length });
  return tokens;
}

export function parseExpression(text: string): Expression {
  if (text.length > MAX_EXPRESSION_LENGTH) throw new ParseError(`the expression is ${text.length} characters long; at most ${MAX_EXPRESSION_LENGTH}`, MAX_EXPRESSION_LENGTH);
  const tokens = tokenize(text);
  let position = 0;
  const peek = () => tokens[position]!;
  const next = () => tokens[position++]!;
  const expect = (symbol: string, what: string) => {
    const token = next();
    if (token.text !== symbol) throw new ParseError(`expected ${what} but found ${describe(token)}`, token.column);
  };

  const sum = (): Expression => {
    let left = product();
    while (['add', 'sub'].includes(OPERATOR_SYMBOLS[peek().text] ?? '')) {
      const kind = OPERATOR_SYMBOLS[next().text] as 'add' | 'sub';
      left = { kind, left, right: product() };
    }
    return left;
  };
  const product = (): Expression => {
    let left = unary();
    while (['mul', 'div'].includes(OPERATOR_SYMBOLS[peek().text] ?? '')) {
      const kind = OPERATOR_SYMBOLS[next().text] as 'mul' | 'div';
      left = { kind, left, right: unary() };
    }
    return left;
  };
  const unary = (): Expression => {
    if (OPERATOR_SYMBOLS[peek().text] === 'sub') {
      next();
      return { kind: 'neg', arg: unary() };
    }
    return primary();
  };
  const primary = (): Expression => {
    const token = next();
    if (token.kind === 'number') return { kind: 'number', value: Number(token.text) };
    if (token.text === '(') {
      const inner = sum();
      expect(')', 'a closing parenthesis');
      return inner;
    }
    if (token.kind === 'name') {
      if (peek().text !== '(') {
        if (token.text === 'max' || (UNARY_FUNCTIONS as readonly string[]).includes(token.text)) throw new ParseError(`${token.text} is a function: write ${token.text}(…)`, token.column);
        return { kind: 'input', name: token.text };
      }
      next();
      if (token.text === 'max') {
        const left = sum();
        expect(',', 'a comma between the two arguments of max');
        const right = sum();
        expect(')', 'a closing parenthesis after max(a, b)');
        return { kind: 'max', left, right };
      }
      if (!(UNARY_FUNCTIONS as readonly string[]).includes(token.text)) throw new ParseError(`unknown function "${token.text}": use ${[...UNARY_FUNCTIONS, 'max'].join(', ')}`, token.column);
      const arg = sum();
      expect(')', `a closing parenthesis after ${token.text}(…)`);
      return { kind: token.text as UnaryFunction, arg };
    }
    throw new ParseError(`expected a number, a name or "(" but found ${describe(token)}`, token.column);
  };

  if (peek().kind === 'end') throw new ParseError('the expression is empty', 0);
  const tree = sum();
  if (peek().kind !== 'end') throw new ParseError(`unexpected ${describe(peek())} after a complete expression`, peek().column);
  return tree;
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'the end of the expression' : `"${token.text}"`;
}

/** Names of the inputs, in order of first appearance. */
export function inputNames(tree: Expression): string[] {
  const names: string[] = [];
  const visit = (node: Expression): void => {
    if (node.kind === 'input') {
      if (!names.includes(node.name)) names.push(node.name);
    } else if ('arg' in node) visit(node.arg);
    else if ('left' in node) {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(tree);
  return names;
}
