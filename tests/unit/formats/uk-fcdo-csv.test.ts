import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { countKinds } from '../../../utils/model';
import { ListFormatError } from '../../../utils/formats/types';
import { createFcdoCsvReader } from '../../../utils/formats/uk-fcdo-csv';
import { createFcdoXmlReader } from '../../../utils/formats/uk-fcdo-xml';
import { HAS_SHARED_DATA, sharedFile } from '../../shared-data';
import { byId, canonical, fixture, lazy, nameSet, randomBytes, readChunked, titled, utf8 } from './uk-read-helpers';

const read = (bytes: Uint8Array, chunk?: number) => readChunked(createFcdoCsvReader, bytes, chunk);

describe('FCDO UK Sanctions List CSV: fixture shapes', () => {
  const bytes = fixture('uk-fcdo-shapes.csv');
  const { targets, meta } = read(bytes);
  const t = byId(targets);

  it('reads the Report Date and groups rows by Unique ID (falling back to OFSI Group ID), wherever they are', () => {
    expect(meta).toEqual({ source: 'uk-fcdo', format: 'uk-fcdo-csv', listDate: '2026-02-03', listDateOrigin: 'content' });
    expect(targets.map((x) => x.id).sort()).toEqual(['uk-fcdo:TST0001', 'uk-fcdo:TST0003', 'uk-fcdo:ofsi-99002']);
    // TST0001's rows are 1, 3, 4 and 7: all four names and three DOBs come together.
    const p = t.get('uk-fcdo:TST0001')!;
    expect(p.names.map((n) => `${n.type}:${n.full}`)).toEqual([
      'primary:Ivan Petrovich TESTOV',
      'variation:Iwan TESTOW',
      'alias:The Tester',
      'weak-alias:Vanya',
      'variation:Иван Петрович ТЕСТОВ',
    ]);
    expect(p.birthDates).toEqual(['1961', '1962-05', '1963-06-07']);
    expect(p.titles).toEqual(['Colonel']);
    expect(p.sanctions).toEqual(['Asset freeze', 'Travel ban', 'Director disqualification sanction']);
    expect(p.reasons).toBe('Ivan TESTOV is an invented person.\nHe exists only in this fixture.');
    expect(t.get('uk-fcdo:TST0003')!.names.map((n) => n.full)).toEqual(['TEST VOYAGER', 'OLD VOYAGER']);
  });

  it('gives the same targets whatever the chunk size', () => {
    for (const chunk of [1, 13, 4096]) expect(read(bytes, chunk).targets).toEqual(targets);
  });

  it('finds columns by header name, not by position', () => {
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    const rows = Papa.parse<string[]>(lines.slice(1).join('\r\n'), { skipEmptyLines: true }).data;
    const order = rows[0]!.map((_, i) => i).reverse();
    const shuffled = `${lines[0]}\r\n${Papa.unparse(rows.map((row) => order.map((i) => row[i] ?? '')), { newline: '\r\n' })}\r\n`;
    expect(read(utf8(shuffled)).targets).toEqual(targets);
  });

  it('matches the same designations read from the FCDO XML layout', () => {
    const xml = byId(readChunked(createFcdoXmlReader, fixture('uk-fcdo-shapes.xml')).targets);
    for (const target of targets) expect(canonical(target)).toEqual(canonical(xml.get(target.id)!));
  });
});

describe('FCDO UK Sanctions List CSV: bad input', () => {
  const bytes = fixture('uk-fcdo-shapes.csv');
  const fails = (input: Uint8Array, message: RegExp) => {
    expect(() => read(input)).toThrow(ListFormatError);
    expect(() => read(input)).toThrow(message);
  };
  it('a truncated copy', () => fails(bytes.subarray(0, Math.floor(bytes.length * 0.6)), /incomplete/));
  it('a copy cut inside a row', () => {
    const text = new TextDecoder().decode(bytes);
    const cut = text.lastIndexOf('\r\n', text.length - 3) + 40;
    fails(utf8(text.slice(0, cut)), /incomplete/);
  });
  it('random bytes', () => fails(randomBytes(6000), /not the FCDO|incomplete|quoting|CSV/));
  it('the OFSI ConList CSV', () => fails(fixture('uk-ofsi-shapes.csv'), /not the FCDO UK Sanctions List/));
  it('the FCDO XML', () => fails(fixture('uk-fcdo-shapes.xml'), /not the FCDO UK Sanctions List/));
  it('an empty file', () => fails(new Uint8Array(0), /ends before its header/));
  it('a header without rows', () =>
    fails(utf8('Report Date: 14-Apr-2025\r\nLast Updated,Unique ID,Name 6,Name type,Designation Type\r\n'), /no designations/));
  it('a bad Report Date', () => fails(utf8('Report Date: soon\r\n'), /Report Date/));
});

describe.skipIf(!HAS_SHARED_DATA)(titled('FCDO CSV: full-scale derived file'), () => {
  const data = lazy(() => {
    const bytes = new Uint8Array(readFileSync(sharedFile('uk-fcdo-derived', 'UK-Sanctions-List.derived-2025-04-14.csv')));
    const started = performance.now();
    const { targets, meta } = read(bytes, 1 << 20);
    const elapsed = performance.now() - started;
    return { bytes, targets, meta, elapsed };
  });

  it('reads 4,688 designations (3,663 individuals, 1,010 entities, 15 ships) of 14-Apr-2025', () => {
    const { targets, meta, elapsed } = data();
    expect(meta).toEqual({ source: 'uk-fcdo', format: 'uk-fcdo-csv', listDate: '2025-04-14', listDateOrigin: 'content' });
    expect(targets).toHaveLength(4688);
    expect(countKinds(targets)).toEqual({ persons: 3663, organisations: 1010, vessels: 15, aircraft: 0 });
    console.info(`FCDO derived CSV (15.2 MB): ${Math.round(elapsed)} ms`);
  });

  it('gives the same targets in 4 KiB chunks as in 1 MiB chunks', () => {
    const { bytes, targets } = data();
    expect(read(bytes, 4096).targets).toEqual(targets);
  });

  it('gives the same ids, kinds and name sets as the derived XML for all 4,688, and the same fields but for 3', () => {
    const { targets } = data();
    const xmlBytes = new Uint8Array(readFileSync(sharedFile('uk-fcdo-derived', 'UK-Sanctions-List.derived-2025-04-14.xml')));
    const xml = byId(readChunked(createFcdoXmlReader, xmlBytes, 1 << 20).targets);
    expect(targets.map((x) => x.id).sort()).toEqual([...xml.keys()].sort());
    const differing: string[] = [];
    for (const target of targets) {
      const other = xml.get(target.id)!;
      expect(target.kind, target.id).toBe(other.kind);
      expect(nameSet(target), target.id).toEqual(nameSet(other));
      if (JSON.stringify(canonical(target)) !== JSON.stringify(canonical(other))) differing.push(target.id);
    }
    // RUS0151, RUS1429: a non-Latin name listed twice in different case, the CSV row order picks the other
    // spelling; INU0122: an email cell whose (1) (2) numbering restarts, which the converter split its own way.
    expect(differing.sort()).toEqual(['uk-fcdo:INU0122', 'uk-fcdo:RUS0151', 'uk-fcdo:RUS1429']);
  });

  it('fails on a copy cut at 60% of its bytes', () => {
    const { bytes } = data();
    expect(() => read(bytes.subarray(0, Math.floor(bytes.length * 0.6)), 1 << 20)).toThrow(/incomplete/);
  });
});
