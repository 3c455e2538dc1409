import { RegExpParser } from '@eslint-community/regexpp';
import type { Alternative, Element } from '@eslint-community/regexpp/ast';

/**
 * Strings of which every match of `pattern` contains at least one, read from the pattern itself:
 * `/\b(?:is|are) (?:not safe|unsafe)\b/` gives ["not safe", "unsafe"]. A text holding none of them
 * cannot match, so the pattern need not run on it. Null when the pattern names no such strings of
 * two or more characters (`/\d{6,}/`), or uses flags that change what a character matches.
 */
export function requiredLiterals(pattern: RegExp): readonly string[] | null {
  if (/[ivu]/.test(pattern.flags)) return null;
  const ast = new RegExpParser({ ecmaVersion: 2025 }).parsePattern(pattern.source);
  const found = eitherOf(ast.alternatives);
  return found && Math.min(...found.map((s) => s.length)) >= 2 ? [...new Set(found)] : null;
}

/** One of the alternatives matches, so a match holds one string from any of theirs. */
function eitherOf(alternatives: readonly Alternative[]): string[] | null {
  const all: string[] = [];
  for (const alternative of alternatives) {
    const strings = inSequence(alternative.elements);
    if (!strings) return null;
    all.push(...strings);
  }
  return all;
}

/**
 * Every element of a sequence matches, so each one's strings are required: the most selective set
 * is kept (longest shortest string, then fewest strings). Characters in a row make one string;
 * assertions (\b, lookarounds) match no characters, so they do not break a row.
 */
function inSequence(elements: readonly Element[]): string[] | null {
  const candidates: string[][] = [];
  let row = '';
  const endRow = () => {
    if (row) candidates.push([row]);
    row = '';
  };
  for (const element of elements) {
    if (element.type === 'Character') {
      row += String.fromCodePoint(element.value);
      continue;
    }
    if (element.type === 'Assertion') continue;
    endRow();
    const required = requiredBy(element);
    if (required) candidates.push(required);
  }
  endRow();
  return candidates.reduce<string[] | null>((best, next) => (best === null || moreSelective(next, best) ? next : best), null);
}

function requiredBy(element: Element): string[] | null {
  switch (element.type) {
    case 'Group':
    case 'CapturingGroup':
      return eitherOf(element.alternatives);
    case 'Quantifier':
      // Matched at least once, so whatever one match of it needs is needed.
      return element.min >= 1 ? requiredBy(element.element) : null;
    case 'Character':
      return [String.fromCodePoint(element.value)];
    default:
      return null;
  }
}

function moreSelective(a: readonly string[], b: readonly string[]): boolean {
  const shortest = (strings: readonly string[]) => Math.min(...strings.map((s) => s.length));
  return shortest(a) > shortest(b) || (shortest(a) === shortest(b) && a.length < b.length);
}
