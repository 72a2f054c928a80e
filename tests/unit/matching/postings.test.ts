import { describe, expect, it } from 'vitest';
import { KeyTable, PostingsBuilder, StringListColumn, StringPool } from '../../../utils/matching/postings';

describe('KeyTable', () => {
  it('gives ids in the order keys are first added, and finds them again', () => {
    const table = new KeyTable();
    expect(table.add('zhao')).toBe(0);
    expect(table.add('guangzong')).toBe(1);
    expect(table.add('zhao')).toBe(0);
    expect(table.idOf('zhao')).toBe(0);
    expect(table.idOf('guangzong')).toBe(1);
    expect(table.idOf('zha')).toBe(-1);
    expect(table.idOf('')).toBe(-1);
    expect(table.size).toBe(2);
  });

  it('keeps a prefix and a left-out character apart from the plain key', () => {
    const table = new KeyTable();
    const plain = table.add('abc');
    const tilde = table.add('abc', 0x7e);
    const deletion = table.add('abxc', 0x01, 2);
    expect(new Set([plain, tilde, deletion]).size).toBe(3);
    expect(table.keyOf(tilde)).toBe('~abc');
    expect(table.keyOf(deletion)).toBe('\u0001abc');
    // The same key written out, or with another letter left out, is the same key.
    expect(table.idOf('\u0001abc')).toBe(deletion);
    expect(table.idOf('abcc', 0x01, 3)).toBe(deletion);
    expect(table.idOf('abc', 0x01)).toBe(deletion);
    expect(table.idOf('~abc')).toBe(tilde);
    expect(table.idOf('abc', 0x7e, 0)).toBe(-1);
  });

  it('holds many keys through growth (as a Map would)', () => {
    const table = new KeyTable();
    const map = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const key = `k${(i * 7919) % 13_000}x${i % 7}`;
      const id = table.add(key);
      if (!map.has(key)) map.set(key, map.size);
      expect(id).toBe(map.get(key));
    }
    table.trim();
    expect(table.size).toBe(map.size);
    for (const [key, id] of map) expect(table.idOf(key)).toBe(id);
    expect(table.idOf('k1x9')).toBe(-1);
    expect(table.keyOf(5)).toBe([...map.keys()][5]);
  });
});

describe('PostingsBuilder', () => {
  it('keeps each list in the order added, without a repeat of the last value', () => {
    const builder = new PostingsBuilder();
    builder.add(2, 10);
    builder.add(0, 1);
    builder.add(2, 10);
    builder.add(2, 11);
    builder.add(0, 3);
    builder.add(2, 10);
    const postings = builder.finish(4);
    expect(postings.list(0)).toEqual([1, 3]);
    expect(postings.list(1)).toEqual([]);
    expect(postings.list(2)).toEqual([10, 11, 10]);
    expect(postings.list(3)).toEqual([]);
    expect(postings.lengthOf(2)).toBe(3);
    expect(postings.lengthOf(-1)).toBe(0);
    expect(postings.keyCount).toBe(4);
  });

  it('leaves lists longer than the cap empty', () => {
    const builder = new PostingsBuilder();
    for (let v = 0; v < 5; v++) builder.add(0, v);
    builder.add(1, 7);
    for (let v = 0; v < 3; v++) builder.add(2, v);
    const postings = builder.finish(3, 3);
    expect(postings.list(0)).toEqual([]);
    expect(postings.list(1)).toEqual([7]);
    expect(postings.list(2)).toEqual([0, 1, 2]);
    expect([...postings.values]).toEqual([7, 0, 1, 2]);
  });
});

describe('StringListColumn', () => {
  it('stores rows of strings as ids into one shared pool', () => {
    const pool = new StringPool();
    const tokens = new StringListColumn(pool);
    const forms = new StringListColumn(pool);
    tokens.push(['bank', 'of', 'kunlun']);
    tokens.push([]);
    tokens.pushIds([pool.intern('kunlun')]);
    forms.push(['ltd']);
    forms.push([]);
    forms.push(['bank']);
    tokens.pack();
    forms.pack();
    pool.seal();
    expect(tokens.strings(0)).toEqual(['bank', 'of', 'kunlun']);
    expect(tokens.strings(1)).toEqual([]);
    expect(tokens.strings(2)).toEqual(['kunlun']);
    expect(forms.strings(2)).toEqual(['bank']);
    expect(tokens.idAt(tokens.start(0))).toBe(forms.idAt(forms.start(2)));
    expect(pool.strings).toEqual(['bank', 'of', 'kunlun', 'ltd']);
    expect(() => pool.intern('new')).toThrow();
  });
});
