import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { countKinds, type ListMeta, type Target } from '../../../utils/model';
import { ListFormatError } from '../../../utils/formats/types';
import { ofacCsvRole, readOfacCsvSet } from '../../../utils/formats/us-ofac-csv';
import { createOfacEnhancedXmlReader } from '../../../utils/formats/us-ofac-enhanced-xml';
import { HAS_SHARED_DATA, projectRoot, SHARED_SKIP_MESSAGE, sharedFile } from '../../shared-data';

const fixtures = resolve(projectRoot, 'tests/fixtures/formats/us-ofac');
const titled = (title: string) => (HAS_SHARED_DATA ? title : `${title} (${SHARED_SKIP_MESSAGE})`);

function read(bytes: Uint8Array, chunk = bytes.length) {
  const reader = createOfacEnhancedXmlReader();
  const decoder = new TextDecoder('utf-8');
  const targets: Target[] = [];
  for (let i = 0; i < bytes.length; i += chunk) {
    targets.push(...reader.write(decoder.decode(bytes.subarray(i, i + chunk), { stream: true })));
  }
  targets.push(...reader.write(decoder.decode()));
  targets.push(...reader.end());
  return { targets, meta: reader.meta() as ListMeta };
}

function randomBytes(n: number, seed = 3): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function csvSet(dir: string, names: string[]) {
  return readOfacCsvSet(
    names.map((name) => {
      const text = readFileSync(resolve(dir, name), 'latin1');
      return { role: ofacCsvRole(text)!, name, text };
    }),
  );
}

describe('OFAC enhanced XML: fixture in the official layout (SDN list)', () => {
  const bytes = readFileSync(resolve(fixtures, 'SDN_ENHANCED.sample.xml'));
  const { targets, meta } = read(bytes);

  it('reads dataAsOf and the SDN source from the publication filter', () => {
    expect(meta).toEqual({ source: 'us-ofac-sdn', format: 'us-ofac-enhanced-xml', listDate: '2024-05-03', listDateOrigin: 'content' });
    expect(targets.map((t) => t.id)).toEqual(['us-ofac-sdn:47800', 'us-ofac-sdn:47814', 'us-ofac-sdn:47818']);
  });

  it('reads ZHAO Guangzong from features, an identity document and address parts', () => {
    expect(targets[1]).toEqual({
      id: 'us-ofac-sdn:47814',
      source: 'us-ofac-sdn',
      nativeId: '47814',
      kind: 'person',
      names: [{ full: 'ZHAO, Guangzong', type: 'primary', script: 'latin', given: ['Guangzong'], family: 'ZHAO' }],
      regimes: ['CYBER2'],
      gender: 'Male',
      birthDates: ['1985-11-12'],
      birthPlaces: ['Jingzhou Municipality, China'],
      nationalities: ['China'],
      addresses: ['Hubei Province, China'],
      identifiers: [{ type: 'national-id', value: '421003198511121539', country: 'China', note: 'National ID No.' }],
      sanctions: ['Block'],
      designated: '2024-03-25',
      remarks: 'Legal authorities: Executive Order 13694 (Cyber)',
    });
  });

  it('gives the same names, dates, places, addresses and identifiers as the legacy CSV', () => {
    const csv = csvSet(resolve(fixtures, 'sdn-set'), ['sdn.csv', 'add.csv']);
    const fields = ['kind', 'names', 'regimes', 'gender', 'birthDates', 'birthPlaces', 'nationalities', 'addresses', 'identifiers'] as const;
    for (const t of targets) {
      const fromCsv = csv.targets.find((c) => c.id === t.id)!;
      for (const field of fields) expect([t.id, field, t[field]]).toEqual([t.id, field, fromCsv[field]]);
    }
  });

  it('keeps unmapped features in the remarks', () => {
    expect(targets[0]!.remarks).toBe(
      'Organization Established Date 08 Mar 2010; Organization Type: Computer programming activities\n' +
        'Legal authorities: Executive Order 13694 (Cyber)',
    );
  });

  it('gives the same targets whatever the chunk size', () => {
    for (const chunk of [1, 13, 4096]) expect(read(bytes, chunk).targets).toEqual(targets);
  });
});

describe('OFAC enhanced XML: bad input', () => {
  const bytes = readFileSync(resolve(fixtures, 'SDN_ENHANCED.sample.xml'));
  const fails = (input: Uint8Array, message: RegExp) => {
    expect(() => read(input)).toThrow(ListFormatError);
    expect(() => read(input)).toThrow(message);
  };

  it('rejects a copy cut at 60 %, another format, random bytes, and a file without entities', () => {
    fails(bytes.subarray(0, Math.floor(bytes.length * 0.6)), /ends inside <.*>.*incomplete/);
    fails(readFileSync(resolve(fixtures, 'SDN.vessel.xml')), /root element is <sdnList>, not <sanctionsData>/);
    fails(readFileSync(resolve(fixtures, 'sdn-set/sdn.csv')), /not well-formed/);
    fails(randomBytes(8000), /not well-formed|no XML/);
    fails(utf8('<sanctionsData><publicationInfo><dataAsOf>2025-01-10T00:00:00</dataAsOf></publicationInfo><entities/></sanctionsData>'), /holds no <entity>/);
    fails(utf8('<sanctionsData><entities><entity id="1"><generalInfo><entityType>Robot</entityType></generalInfo></entity></entities></sanctionsData>'), /unknown entityType “Robot”/);
  });
});

describe.skipIf(!HAS_SHARED_DATA)(titled('OFAC enhanced XML: CONS_ENHANCED.ZIP (2025-01-10)'), () => {
  const dir = sharedFile('us-ofac-consolidated-non-sdn');
  const zipped = HAS_SHARED_DATA ? unzipSync(readFileSync(resolve(dir, 'CONS_ENHANCED.ZIP'))) : {};
  const bytes = zipped['CONS_ENHANCED.XML'] ?? new Uint8Array();
  const started = performance.now();
  const { targets, meta } = HAS_SHARED_DATA ? read(bytes) : { targets: [], meta: undefined };
  const elapsed = performance.now() - started;
  const get = (id: string) => targets.find((t) => t.nativeId === id)!;

  it('reads 443 entities (80 individuals, 363 entities) of the non-SDN list, dataAsOf 2025-01-10', () => {
    console.info(`OFAC CONS_ENHANCED.XML (3.4 MB): ${elapsed.toFixed(0)} ms`);
    expect(Object.keys(zipped)).toEqual(['CONS_ENHANCED.XML']);
    expect(bytes.length).toBe(3420879);
    expect(meta).toEqual({ source: 'us-ofac-cons', format: 'us-ofac-enhanced-xml', listDate: '2025-01-10', listDateOrigin: 'content' });
    expect(targets).toHaveLength(443);
    expect(new Set(targets.map((t) => t.id)).size).toBe(443);
    expect(countKinds(targets)).toEqual({ persons: 80, organisations: 363, vessels: 0, aircraft: 0 });
  });

  it('reads names in other scripts: Cyrillic variations of VTB, Chinese names', () => {
    const vtb = get('17013');
    expect(vtb.names[0]).toEqual({ full: 'VTB BANK PUBLIC JOINT STOCK COMPANY', type: 'primary', script: 'latin' });
    expect(vtb.names[1]).toEqual({ full: 'БАНК ВТБ ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО', type: 'variation', script: 'cyrillic' });
    expect(vtb.names).toContainEqual({ full: 'БАНК ВТБ ПАО', type: 'alias', script: 'cyrillic' });
    expect(vtb.names).toContainEqual({ full: 'JSC VTB BANK', type: 'former', script: 'latin' });
    expect(vtb.names).toContainEqual({ full: 'JSC VTB BANK NEW DELHI BRANCH', type: 'weak-alias', script: 'latin' });
    const scripts = targets.flatMap((t) => t.names.map((n) => n.script));
    // 50 Cyrillic translations, 39 distinct within their entity; 5 Simplified + 1 Traditional Chinese.
    expect(scripts.filter((s) => s === 'cyrillic')).toHaveLength(39);
    expect(scripts.filter((s) => s === 'han')).toHaveLength(6);
  });

  it('reads features and documents: SWIFT/BIC, websites, Russian registration numbers, sectoral sanctions', () => {
    const vtb = get('17013');
    expect(vtb.identifiers).toContainEqual({ type: 'swift-bic', value: 'VTBRRUMM', note: 'SWIFT/BIC' });
    expect(vtb.identifiers).toContainEqual({
      type: 'website',
      value: 'www.vtb.ru',
      note: 'Website (Russian Language website for the bank)',
    });
    expect(vtb.identifiers).toContainEqual({
      type: 'company-number',
      value: '1027739609391',
      country: 'Russia',
      note: 'Registration ID',
    });
    expect(vtb.regimes).toEqual(['UKRAINE-EO13662', 'RUSSIA-EO14024']);
    expect(vtb.sanctions).toContain('Executive Order 13662 Directive Determination - Subject to Directive 1');
    expect(vtb.addresses).toContain('43, Vorontsovskaya str., Moscow 109044, Russia');
    // A document number written with its country: `1026303117642 (Russia)`.
    expect(get('17064').identifiers).toContainEqual(
      expect.objectContaining({ type: 'company-number', value: '1026303117642', country: 'Russia' }),
    );
  });

  it('reads a Palestinian Legislative Council member with its listing date; relationships into the remarks', () => {
    const t = get('9639');
    expect(t.names[0]).toMatchObject({ full: 'HANIYA, Ismail Abdul Salah', family: 'HANIYA', given: ['Ismail', 'Abdul', 'Salah'] });
    expect(t.birthDates).toEqual(['1962']);
    expect(t.birthPlaces).toEqual(['Shati']);
    expect(t.designated).toBe('2006-04-12');
    expect(t.sanctions).toEqual(['Reject']);
    // 283 relationships, none of which is a model field (a crossRef would claim the same target).
    expect(targets.filter((x) => x.remarks?.includes('Linked To: ')).length).toBe(283);
    expect(targets.filter((x) => x.remarks?.includes('Linked To: PUBLIC JOINT STOCK COMPANY GAZPROM (Owned or Controlled By)')).length).toBe(51);
  });

  it('agrees with the legacy cons_*.csv (Dec 2025) for the entries OFAC did not change', () => {
    const csv = csvSet(dir, ['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv']);
    const byId = new Map(targets.map((t) => [t.id, t]));
    const same = (pick: (t: Target) => unknown) =>
      csv.targets.filter((c) => JSON.stringify(pick(c)) === JSON.stringify(pick(byId.get(c.id)!))).length;
    const sorted = (list: string[] | undefined) => [...(list ?? [])].sort();
    expect(csv.targets.every((c) => byId.has(c.id))).toBe(true);
    expect(same((t) => sorted(t.names.filter((n) => n.script === 'latin').map((n) => `${n.type} ${n.full}`)))).toBeGreaterThan(430);
    expect(same((t) => sorted(t.addresses))).toBeGreaterThan(420);
    expect(same((t) => sorted(t.identifiers?.map((i) => `${i.type} ${i.value}`)))).toBeGreaterThan(425);
    expect(same((t) => [t.birthDates, t.birthPlaces, t.nationalities, t.gender])).toBe(442);
  });

  it('gives the same targets whatever the chunk size (4 KiB, 1 MiB)', () => {
    for (const chunk of [4096, 1 << 20]) expect(read(bytes, chunk).targets).toEqual(targets);
  });

  it('rejects the XML cut at 60 %', () => {
    expect(() => read(bytes.subarray(0, Math.floor(bytes.length * 0.6)))).toThrow(/incomplete/);
  });
});
