import { describe, expect, it } from 'vitest';
import { DeletionKeys } from '../../../utils/matching/deletion-keys';

/** The listed words (by id) a query form shares a one-edit key with: the form itself, then each letter left out. */
function wordsNear(keys: DeletionKeys, form: string): number[] {
  const out: number[] = [];
  for (let skip = -1; skip < form.length; skip++) keys.wordsOf(form, skip, out);
  return [...new Set(out)].sort((a, b) => a - b);
}

describe('one-edit keys of listed words', () => {
  const listed = ['guangzong', 'gaobin', 'xiaoruizhi', 'abramovich', 'aab'];
  const keys = new DeletionKeys(listed, [10, 11, 12, 13, 14]);

  it('has each word and each word with one letter left out', () => {
    expect(keys.size).toBe(listed.reduce((n, w) => n + w.length + 1, 0));
  });

  it('finds a word one edit away: a letter added, left out, changed or two swapped', () => {
    expect(wordsNear(keys, 'guangzhong')).toEqual([10]);
    expect(wordsNear(keys, 'gaobn')).toEqual([11]);
    expect(wordsNear(keys, 'xiaoruizhu')).toEqual([12]);
    expect(wordsNear(keys, 'abramvoich')).toEqual([13]);
    expect(wordsNear(keys, 'abramovich')).toEqual([13]);
  });

  it('finds no word two edits away, nor another word', () => {
    expect(wordsNear(keys, 'guanzhon')).toEqual([]);
    expect(wordsNear(keys, 'putin')).toEqual([]);
    expect(wordsNear(keys, '')).toEqual([]);
  });

  it('tells a key apart from one with the same letters in another order', () => {
    const out: number[] = [];
    keys.wordsOf('gnouzgnaug', -1, out);
    expect(out).toEqual([]);
    keys.wordsOf('guangzong', -1, out);
    expect(out).toEqual([10]);
  });
});
