import { lowerBound, sortedByHash } from './postings';

/**
 * One-edit keys of listed words (symmetric deletion, as SymSpell): a word's phonetic form, and
 * that form with each letter left out in turn. A query word one edit away from a listed word shares
 * one of these with it. Each key is kept as two independent 32-bit hashes beside the listed word's
 * id, in one array sorted by the first hash: no key strings and no hash table to probe while the
 * index is built (a quarter of a million keys for every list), and a binary search to look one up.
 * A word with a key matches only when both hashes agree (a false match about once in 2^64).
 */
export class DeletionKeys {
  private readonly first: Uint32Array;
  private readonly second: Int32Array;
  private readonly words: Int32Array;

  /** `forms[k]`: the phonetic form of listed word `ids[k]`. */
  constructor(forms: readonly string[], ids: readonly number[]) {
    let size = 0;
    for (const form of forms) size += form.length + 1;
    const firstOf = new Uint32Array(size);
    const secondOf = new Int32Array(size);
    const wordOf = new Int32Array(size);
    let at = 0;
    for (let w = 0; w < forms.length; w++) {
      const form = forms[w]!;
      for (let skip = -1; skip < form.length; skip++) {
        firstOf[at] = firstHash(form, skip);
        secondOf[at] = secondHash(form, skip);
        wordOf[at++] = ids[w]!;
      }
    }
    const order = sortedByHash(firstOf);
    this.first = new Uint32Array(size);
    this.second = new Int32Array(size);
    this.words = new Int32Array(size);
    for (let k = 0; k < size; k++) {
      const entry = order[k]!;
      this.first[k] = firstOf[entry]!;
      this.second[k] = secondOf[entry]!;
      this.words[k] = wordOf[entry]!;
    }
  }

  get size(): number {
    return this.first.length;
  }

  /** The listed words that have the key `form` without the letter at `skip` (-1: none left out), pushed to `out`. */
  wordsOf(form: string, skip: number, out: number[]): void {
    const first = firstHash(form, skip);
    const hashes = this.first;
    let second: number | undefined;
    for (let k = lowerBound(hashes, first); k < hashes.length && hashes[k] === first; k++) {
      second ??= secondHash(form, skip);
      if (this.second[k] === second) out.push(this.words[k]!);
    }
  }
}

/** FNV-1a of the form without the letter at `skip`, mixed. */
function firstHash(form: string, skip: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < form.length; k++) {
    if (k === skip) continue;
    h = Math.imul(h ^ form.charCodeAt(k), 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** Another hash of the same characters (MurmurHash2's mixing), independent of firstHash. */
function secondHash(form: string, skip: number): number {
  let h = 0x2f8a1b37 ^ (form.length - (skip >= 0 ? 1 : 0));
  for (let k = 0; k < form.length; k++) {
    if (k === skip) continue;
    let c = Math.imul(form.charCodeAt(k) + 0x9e3779b9, 0x5bd1e995);
    c ^= c >>> 24;
    h = Math.imul(h, 0x5bd1e995) ^ Math.imul(c, 0x5bd1e995);
  }
  h ^= h >>> 13;
  h = Math.imul(h, 0x5bd1e995);
  return (h ^ (h >>> 15)) | 0;
}
