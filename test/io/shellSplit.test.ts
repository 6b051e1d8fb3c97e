/**
 * shellSplit and stripComment take runs of plain characters whole (a pasted value can
 * be megabytes); these check them against the character-by-character reading they
 * replace, on random lines made of the characters that matter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellSplit } from '../../src/engine/hooktools.ts';
import { stripComment } from '../../src/io/script.ts';

/** The reference: one character at a time, as POSIX sh reads words. */
function referenceSplit(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < line.length && '"\\$`'.includes(line[i + 1] as string)) cur += line[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += c;
      inWord = true;
    }
  }
  if (quote) throw new SyntaxError(`unterminated ${quote === '"' ? 'double' : 'single'} quote`);
  if (inWord) words.push(cur);
  return words;
}

function referenceStrip(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '\\') i++;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) return line.slice(0, i);
  }
  return line;
}

const outcome = (f: () => unknown) => {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

const lines = fc.array(fc.constantFrom('a', 'b', ' ', '\t', '"', "'", '\\', '#', '$', '`', '='), { maxLength: 40 }).map((cs) => cs.join(''));

describe('reading a line fast', () => {
  it('splits words exactly as the character-by-character reading does', () => {
    fc.assert(fc.property(lines, (line) => {
        expect(outcome(() => shellSplit(line))).toEqual(outcome(() => referenceSplit(line)));
      }), { numRuns: 3000 });
  });

  it('strips comments exactly as the character-by-character reading does', () => {
    fc.assert(fc.property(lines, (line) => {
        expect(stripComment(line)).toBe(referenceStrip(line));
      }), { numRuns: 3000 });
  });

  it('reads a line of megabytes in milliseconds, not seconds', () => {
    const big = `relation-set -r db:0 big=${'x'.repeat(3 * 1024 * 1024)}`;
    expect(shellSplit(big)).toHaveLength(4);
    expect(stripComment(big)).toBe(big);
  });
});
