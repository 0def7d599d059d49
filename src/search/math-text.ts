/**
 * KaTeX's MathML as one line of plain text a reader recognizes, in the spirit of UnicodeMath:
 * "L = 1/N ∑_(i=1)^N L_i", "x̂ = (x−μ)/√(σ^2+ϵ)", "∂L_i/∂s_j". The search index holds this
 * instead of KaTeX's three copies (MathML, TeX source, and the visual HTML, whose fractions
 * and limits read out of order: "N1" for 1/N).
 */
import type { Element, ElementContent } from 'hast';

const RELATIONS = new Set('=≠<>≤≥≈≡∝∈∉⊂⊆⊃⊇→←↦⇒⇐⇔⟹⟸⟺⟶∼≃≅≜≪≫≲≳∣'.split(''));
const BINARY = new Set('+−-±∓×·⋅∘⊙⊕⊗∩∪⋆'.split(''));
const SEPARATORS = new Set([',', ';']);
/** Symbols after which a + or − is binary, not a sign: closing brackets, factorial, primes. */
const ENDS_OPERAND = new Set(')]}⟩⌋⌉!′″.'.split(''));
/** Bars open or close depending on what precedes them. */
const BARS = new Set(['|', '‖']);
/** Function application (U+2061), resolved once the whole formula is written. */
const APPLY = '\u2061';
/** Stretchy braces and bars under or over a part (\underbrace, \overbrace): the part reads alone. */
const BRACES = new Set(['⏟', '⏞', '︸', '︷', '_', '‾', '¯']);
/** Primes are written after their base, as in the source: "x′", not "x^′". */
const PRIMES = /^[′″‴]+$/;
/** Elements that carry scripts or stacked parts: set off by a space from what follows ("w_j^⊤ x_i"). */
const STACKED = new Set(['msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover', 'mfrac', 'msqrt', 'mroot']);

/** Over-accents KaTeX writes as <mover accent="true">, as combining marks. */
const ACCENTS: Record<string, string> = {
  '^': '\u0302', 'ˆ': '\u0302', '~': '\u0303', '˜': '\u0303', 'ˉ': '\u0304', '¯': '\u0304',
  '‾': '\u0305', '˙': '\u0307', '¨': '\u0308', '⃗': '\u20d7', '→': '\u20d7',
};

/** Letters KaTeX marks with mathvariant whose plain form would read as another symbol. */
const VARIANTS: Record<string, Record<string, string>> = {
  'double-struck': { R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ', E: '𝔼', P: 'ℙ', '1': '𝟙' },
  script: { L: 'ℒ', N: '𝒩', D: '𝒟', O: '𝒪', X: '𝒳', Y: '𝒴', H: 'ℋ', F: 'ℱ', B: 'ℬ', E: 'ℰ', M: 'ℳ', I: 'ℐ', R: 'ℛ', S: '𝒮', U: '𝒰', P: '𝒫', G: '𝒢', T: '𝒯', Z: '𝒵' },
};

export function mathToText(math: Element): string {
  // Function application: nothing before a bracket ("max(0, u)"), a space before anything else ("log p").
  return tidy(render(math, false).replace(new RegExp(`${APPLY}\\s*(?=[(\\[{|])`, 'g'), '').replaceAll(APPLY, ' '));
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\s+([,;.)\]}])/g, '$1').replace(/([([{])\s+/g, '$1').trim();
}

function elements(node: Element): Element[] {
  return node.children.filter((child): child is Element => child.type === 'element');
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(textOf).join('');
}

function attribute(node: Element, ...names: string[]): string {
  for (const name of names) if (node.properties[name] !== undefined) return String(node.properties[name]);
  return '';
}

/** `tight`: inside a script or a fraction, where operators take no spaces ("x_(t+1)"). */
function render(node: Element, tight: boolean): string {
  const kids = elements(node);
  const [first, second, third] = kids;
  switch (node.tagName) {
    case 'semantics':
      // The rendering only: the <annotation> holds the TeX source.
      return first ? render(first, tight) : '';
    case 'annotation':
    case 'annotation-xml':
    case 'mphantom':
      return '';
    case 'mi':
    case 'mn':
      return variant(node, textOf(node));
    case 'mtext':
    case 'ms':
      return textOf(node).replace(/\u00a0/g, ' ');
    case 'mo':
      // Invisible times, separator and plus read as nothing.
      return textOf(node).replace(/[\u2062-\u2064]/g, '');
    case 'mspace':
      return ' ';
    case 'mfrac': {
      const top = first ? render(first, true) : '';
      const bottom = second ? render(second, true) : '';
      // \binom is a fraction without a bar (KaTeX adds the parentheses around it).
      if (attribute(node, 'linethickness', 'lineThickness') === '0px') return `${top} choose ${bottom}`;
      return `${fractionPart(top)}/${fractionPart(bottom)}`;
    }
    case 'msub':
      return script(first, '_', second);
    case 'munder':
      return script(first, '_', isBrace(second) || attribute(node, 'accentunder', 'accentUnder') === 'true' ? undefined : second);
    case 'msup':
      return script(first, '^', second);
    case 'mover':
      if (attribute(node, 'accent') === 'true' && first && second) return accent(render(first, tight), textOf(second));
      return script(first, '^', isBrace(second) ? undefined : second);
    case 'msubsup':
    case 'munderover':
      return `${script(first, '_', second)}${third ? `^${group(render(third, true))}` : ''}`;
    case 'msqrt':
      return `√${group(row(kids, true))}`;
    case 'mroot':
      return `√[${second ? render(second, true) : ''}]${group(first ? render(first, true) : '')}`;
    case 'mtable':
      return table(node);
    default:
      // mrow, mstyle, mpadded, menclose, math and anything else: their children in order.
      return row(kids, tight);
  }
}

/**
 * A row: relations and binary operators spaced (unless `tight`), signs not ("(−0.5)"),
 * separators followed by a space.
 */
function row(kids: Element[], tight: boolean): string {
  let out = '';
  let afterOperand = false;
  let afterStacked = false;
  let afterNumber = false;
  for (const kid of kids) {
    const text = render(kid, tight);
    const symbol = text.trim();
    if (kid.tagName === 'mspace') {
      out += text;
      continue;
    }
    // KaTeX writes "/" as an identifier; it reads as an operator.
    if (kid.tagName !== 'mo' && symbol !== '/') {
      // "w_j^⊤ x_i", "0.5 tanh(u)": a space where the rendered math shows one.
      const spaced = (afterStacked && !/^[)\]}|‖∥∣⟩]/.test(symbol)) || (afterNumber && /^\p{L}{2}/u.test(symbol));
      out += spaced ? ` ${text}` : text;
      afterOperand = true;
      afterStacked = STACKED.has(kid.tagName);
      afterNumber = kid.tagName === 'mn';
      continue;
    }
    afterStacked = false;
    afterNumber = false;
    if (symbol === '' || symbol === APPLY) {
      out += text;
      continue;
    }
    // \left| and \mid are both "∣" in KaTeX's MathML; only \mid is a relation.
    const fence = attribute(kid, 'fence') === 'true';
    const spaced = tight ? symbol : ` ${symbol} `;
    if (RELATIONS.has(symbol) && !fence) out += spaced;
    else if (BINARY.has(symbol)) out += afterOperand ? spaced : symbol;
    else if (SEPARATORS.has(symbol)) out += `${symbol} `;
    else out += symbol;
    if (!BARS.has(symbol) && !fence) afterOperand = ENDS_OPERAND.has(symbol);
    else if (fence) afterOperand = !afterOperand;
  }
  return out;
}

function script(base: Element | undefined, mark: '_' | '^', attached: Element | undefined): string {
  // "log_10 x": the function application after "log" belongs after its script.
  const raw = base ? render(base, false) : '';
  const body = raw.replaceAll(APPLY, '');
  if (!attached) return raw;
  const part = tidy(render(attached, true));
  const applied = raw === body ? '' : APPLY;
  if (mark === '^' && PRIMES.test(part)) return `${group(body, true)}${part}${applied}`;
  return `${group(body, true)}${mark}${group(part)}${applied}`;
}

function isBrace(node: Element | undefined): boolean {
  return node?.tagName === 'mo' && BRACES.has(textOf(node).trim());
}

/**
 * Parentheses around a script or a root that is more than one symbol, number or word:
 * "x_(t+1)", "s_(y_i)", "x^2", "(f(x))^2".
 */
function group(text: string, isBase = false): string {
  const trimmed = tidy(text);
  if (trimmed === '') return '';
  const simple = /^\P{M}\p{M}*$|^(\p{L}\p{M}*)+$|^\d+(\.\d+)?$/u;
  if (simple.test(trimmed)) return trimmed;
  // A base that already carries a script stays as it is: "w_j" + "^⊤" gives "w_j^⊤".
  if (isBase && !/\s/.test(trimmed) && /^(\P{M}\p{M}*|(\p{L}\p{M}*)+)[_^′″]/u.test(trimmed)) return trimmed;
  if (/^\(.*\)$/.test(trimmed) && balanced(trimmed.slice(1, -1))) return trimmed;
  return `(${trimmed})`;
}

/** A numerator or denominator is wrapped only when an operator or a space would split it: "∂L_i/∂s_j", "(x−μ)/σ". */
function fractionPart(text: string): string {
  const trimmed = tidy(text);
  let depth = 0;
  for (const char of trimmed) {
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (depth === 0 && (/\s/.test(char) || RELATIONS.has(char) || BINARY.has(char) || SEPARATORS.has(char) || char === '/')) return `(${trimmed})`;
  }
  return trimmed;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char) && --depth < 0) return false;
  }
  return depth === 0;
}

function accent(base: string, mark: string): string {
  const combining = ACCENTS[mark.trim()];
  if (!combining) return base;
  const trimmed = tidy(base);
  return /^\P{M}$/u.test(trimmed) ? `${trimmed}${combining}` : `(${trimmed})${combining}`;
}

function variant(node: Element, text: string): string {
  const map = VARIANTS[attribute(node, 'mathvariant', 'mathVariant')];
  return map ? [...text].map((char) => map[char] ?? char).join('') : text;
}

/**
 * Rows joined by "; ". Cells of aligned equations (columns alternately right and left) read as
 * one line ("x = y"); cells of matrices and cases are separated by ", ".
 */
function table(node: Element): string {
  const aligned = /^right left/.test(attribute(node, 'columnalign', 'columnAlign'));
  const rows = elements(node).map((tr) => {
    // A labelled row starts with its equation number.
    const cells = tr.tagName === 'mlabeledtr' ? elements(tr).slice(1) : elements(tr);
    return tidy(cells.map((cell) => tidy(render(cell, false))).filter(Boolean).join(aligned ? ' ' : ', '));
  });
  return rows.filter(Boolean).join('; ');
}
