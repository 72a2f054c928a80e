import { describe, expect, it } from 'vitest';
import { compareTokens, compareTokensOnce } from '../../../utils/matching/compare';
import { levenshtein } from '../../../utils/matching/normalize';
import { seededRandom } from '../../seeded-random';

/** The edit distance levenshtein computes, the plain way (a whole table), for comparison. */
function referenceDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const table: number[][] = [];
  for (let i = 0; i <= a.length; i++) table.push(Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + cost);
      // The transposition as levenshtein counts it: the swapped pair costs what the diagonal does.
      if (i > 1 && j > 1 && cost && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, table[i - 1]![j - 1]!);
      table[i]![j] = d;
    }
    if (Math.min(...table[i]!) > max) return max + 1;
  }
  return table[a.length]![b.length]!;
}

const NAMES = ['guangzong', 'mohammed', 'aleksandrovich', 'nikolayevich', 'deripaska', 'vekselberg', 'karayev', 'shipping', 'petrovna', 'abdulrahman'];

/** A name with one to three random edits: the pairs a page's misspellings give. */
function misspelt(word: string, random: () => number): string {
  const chars = [...word];
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * chars.length);
    const letter = 'aeiouknrstvy'[Math.floor(random() * 12)]!;
    const op = Math.floor(random() * 4);
    if (op === 0) chars[at] = letter;
    else if (op === 1 && chars.length > 3) chars.splice(at, 1);
    else if (op === 2 && at > 0) [chars[at - 1], chars[at]] = [chars[at]!, chars[at - 1]!];
    else chars.splice(at, 0, letter);
  }
  return chars.join('');
}

describe('edit distance', () => {
  it('counts substitutions, insertions, deletions and a swap as one edit each', () => {
    expect(levenshtein('zhao', 'zhao', 2)).toBe(0);
    expect(levenshtein('mohammed', 'mohamed', 2)).toBe(1);
    expect(levenshtein('mohammed', 'mohmamed', 2)).toBe(1);
    expect(levenshtein('ivanov', 'ivanow', 2)).toBe(1);
    expect(levenshtein('ivanov', 'petrov', 5)).toBe(4);
  });

  it('stops past the most it is asked for, saying one more', () => {
    expect(levenshtein('ivanov', 'petrov', 2)).toBe(3);
    expect(levenshtein('ab', 'abcdef', 1)).toBe(2);
  });

  it('gives what a whole table gives, for short and long words alike (its row is reused)', () => {
    const random = seededRandom(7);
    const long = 'a'.repeat(70) + 'guangzong';
    for (const base of [...NAMES, long]) {
      for (let k = 0; k < 40; k++) {
        const other = misspelt(base, random);
        for (const max of [1, 2, 3, 5, 100]) expect(levenshtein(base, other, max), `${base} / ${other} / ${max}`).toBe(referenceDistance(base, other, max));
      }
    }
  });
});

describe('comparing a page word with a least similarity', () => {
  it('decides as compareTokens does whether a pair reaches it', () => {
    const random = seededRandom(11);
    let reached = 0;
    let pairs = 0;
    for (const base of NAMES) {
      for (let k = 0; k < 60; k++) {
        const other = misspelt(base, random);
        for (const least of [0.75, 0.8, 0.9]) {
          const full = compareTokens(base, other).similarity >= least;
          expect(compareTokensOnce(other, base, least).similarity >= least, `${other} / ${base} at ${least}`).toBe(full);
          pairs++;
          if (full) reached++;
        }
      }
    }
    // Both answers are well represented: the check is not of pairs that all pass or all fail.
    expect(reached).toBeGreaterThan(pairs / 10);
    expect(reached).toBeLessThan(pairs - pairs / 10);
  });

  it('without one, still finds near matches of short words', () => {
    expect(compareTokensOnce('cook', 'cock').similarity).toBeGreaterThan(0);
    expect(compareTokensOnce('cook', 'cock', 0.8).similarity).toBe(0);
  });
});
