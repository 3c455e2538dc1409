import { requiredLiterals } from './requiredLiterals';

/**
 * Tells, for many regular expressions at once, which could match a text: those whose required
 * strings (requiredLiterals) it holds, and those with none to check. One pass over the text finds
 * every required string in it, so a long list of patterns costs little on a text that matches
 * none of them. It never rules out a pattern that would match.
 */
export class LiteralScreen {
  /** Required strings by their first two characters, each with the patterns needing it. */
  private readonly byOpening = new Map<number, Array<{ readonly text: string; readonly patterns: readonly number[] }>>();
  private readonly alwaysRun: readonly number[];
  private readonly count: number;

  constructor(patterns: readonly RegExp[]) {
    this.count = patterns.length;
    const needing = new Map<string, number[]>();
    const alwaysRun: number[] = [];
    patterns.forEach((pattern, index) => {
      const literals = requiredLiterals(pattern);
      if (!literals) alwaysRun.push(index);
      else for (const literal of literals) needing.set(literal, [...(needing.get(literal) ?? []), index]);
    });
    this.alwaysRun = alwaysRun;
    for (const [text, indexes] of needing) {
      const key = opening(text, 0);
      this.byOpening.set(key, [...(this.byOpening.get(key) ?? []), { text, patterns: indexes }]);
    }
  }

  /** For each pattern, in the order given, whether it could match `text`. */
  couldMatch(text: string): boolean[] {
    const could = new Array<boolean>(this.count).fill(false);
    for (const index of this.alwaysRun) could[index] = true;
    for (let at = 0; at < text.length - 1; at += 1) {
      const literals = this.byOpening.get(opening(text, at));
      if (!literals) continue;
      for (const literal of literals) {
        if (text.startsWith(literal.text, at)) for (const index of literal.patterns) could[index] = true;
      }
    }
    return could;
  }
}

/** The first two UTF-16 code units at `at`, as one number. */
function opening(text: string, at: number): number {
  return text.charCodeAt(at) * 65536 + text.charCodeAt(at + 1);
}
