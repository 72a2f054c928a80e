import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countKinds } from '../../../utils/model';
import { ListFormatError } from '../../../utils/formats/types';
import { createFcdoCsvReader } from '../../../utils/formats/uk-fcdo-csv';
import { createFcdoXmlReader, pairNumbered, parseUkDate, splitNumbered } from '../../../utils/formats/uk-fcdo-xml';
import { HAS_SHARED_DATA, sharedFile } from '../../shared-data';
import { byId, canonical, fixture, lazy, randomBytes, readChunked, titled, utf8 } from './uk-read-helpers';

const read = (bytes: Uint8Array, chunk?: number) => readChunked(createFcdoXmlReader, bytes, chunk);

describe('UK helpers', () => {
  it('reads FCDO dd/mm placeholders and OFSI 00 parts as partial ISO dates', () => {
    expect(parseUkDate('dd/mm/1954')).toBe('1954');
    expect(parseUkDate('dd/05/1960')).toBe('1960-05');
    expect(parseUkDate('00/00/1970')).toBe('1970');
    expect(parseUkDate('12/11/1985')).toBe('1985-11-12');
    expect(parseUkDate('1962')).toBe('1962');
    expect(parseUkDate('circa 1960')).toBeUndefined();
  });

  it('splits (1) a (2) b cells only when the markers run in sequence', () => {
    expect(splitNumbered('(1) Russia. (2) Ukraine')).toEqual(['Russia.', 'Ukraine']);
    expect(splitNumbered('(1) Kazakhstan BIN - 170440031562')).toEqual(['Kazakhstan BIN - 170440031562']);
    expect(splitNumbered('Born (2005) in Kabul')).toEqual(['Born (2005) in Kabul']);
    expect(splitNumbered('(1) to (6) Algeria (7) Morocco')).toEqual(['(1) to (6) Algeria (7) Morocco']);
    expect(splitNumbered('')).toEqual([]);
    expect(pairNumbered('(1) A1 (2) B2', '(1) Syrian (2) Lebanese')).toEqual([['A1', 'Syrian'], ['B2', 'Lebanese']]);
    expect(pairNumbered('(1) A1 (2) B2', '')).toEqual([['A1', ''], ['B2', '']]);
    expect(pairNumbered('(1) A1 (2) B2', 'one plain text')).toEqual([['(1) A1 (2) B2', 'one plain text']]);
  });
});

describe('FCDO UK Sanctions List XML: fixture shapes', () => {
  const bytes = fixture('uk-fcdo-shapes.xml');
  const { targets, meta } = read(bytes);
  const t = byId(targets);

  it('reads the list date and every designation', () => {
    expect(meta).toEqual({ source: 'uk-fcdo', format: 'uk-fcdo-xml', listDate: '2026-02-03', listDateOrigin: 'content' });
    expect(targets.map((x) => x.id)).toEqual(['uk-fcdo:TST0001', 'uk-fcdo:ofsi-99002', 'uk-fcdo:TST0003']);
    expect(countKinds(targets)).toEqual({ persons: 1, organisations: 1, vessels: 1, aircraft: 0 });
  });

  it('maps an individual: names by NameType/AliasStrength, non-Latin name, personal details', () => {
    const p = t.get('uk-fcdo:TST0001')!;
    expect(p.names).toEqual([
      { full: 'Ivan Petrovich TESTOV', type: 'primary', script: 'latin', given: ['Ivan', 'Petrovich'], family: 'TESTOV' },
      { full: 'Iwan TESTOW', type: 'variation', script: 'latin', given: ['Iwan'], family: 'TESTOW' },
      { full: 'The Tester', type: 'alias', script: 'latin' },
      { full: 'Vanya', type: 'weak-alias', script: 'latin' },
      { full: 'Иван Петрович ТЕСТОВ', type: 'variation', script: 'cyrillic', lang: 'Russian' },
    ]);
    expect(p.titles).toEqual(['Colonel']);
    expect(p.gender).toBe('Male');
    expect(p.positions).toEqual(['Director of Testing']);
    expect(p.birthDates).toEqual(['1961', '1962-05', '1963-06-07']);
    expect(p.birthPlaces).toEqual(['Tula, Russia']);
    expect(p.nationalities).toEqual(['Russia']);
    expect(p.addresses).toEqual(['1 Test Street, Moscow, 101000, Russia']);
    expect(p.regimes).toEqual(['The Russia (Sanctions) (EU Exit) Regulations 2019']);
    // No SanctionsImposed: the true indicators, as labels.
    expect(p.sanctions).toEqual(['Asset freeze', 'Travel ban', 'Director disqualification sanction']);
    expect(p.designated).toBe('2022-05-12');
    expect(p.updated).toBe('2026-01-15');
    expect(p.reasons).toBe('Ivan TESTOV is an invented person.\nHe exists only in this fixture.');
    expect(p.remarks).toContain('Uses the wallets 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed;');
    expect(p.remarks).toContain('Designation source: UK');
    expect(p.crossRefs).toEqual([
      { kind: 'ofsi-group', value: '99001' },
      { kind: 'un-ref', value: 'QDi.999' },
    ]);
    expect(p.identifiers).toEqual([
      { type: 'passport', value: '750000001', note: 'Russian foreign travel passport' },
      { type: 'national-id', value: '770000000001', note: 'Russian tax number' },
      { type: 'email', value: 'ivan@example.test' },
      { type: 'phone', value: '+7 495 000 0000' },
      { type: 'crypto', value: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', chain: 'ETH' },
      { type: 'crypto', value: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', chain: 'XBT' },
      { type: 'crypto', value: '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', chain: 'XBT' },
    ]);
  });

  it('keeps a designation without UniqueID under its OFSI group id, with entity details', () => {
    const e = t.get('uk-fcdo:ofsi-99002')!;
    expect(e.nativeId).toBe('ofsi-99002');
    expect(e.kind).toBe('organisation');
    expect(e.names.map((n) => [n.full, n.type, n.script])).toEqual([
      ['TEST TRADING LLC', 'primary', 'latin'],
      ['OOO TEST TORG', 'alias', 'latin'],
      ['测试贸易有限公司', 'variation', 'han'],
    ]);
    expect(e.names.every((n) => n.given === undefined && n.family === undefined)).toBe(true);
    expect(e.sanctions).toEqual(['Asset freeze', 'Trust Services Sanctions']);
    expect(e.identifiers).toEqual([
      { type: 'company-number', value: 'Tax Identification Number: 7700000002' },
      { type: 'company-number', value: 'OGRN: 1027700000003' },
      { type: 'website', value: 'www.test-trading.example' },
    ]);
    expect(e.remarks).toBe('Designation source: UK\nType of entity: Limited Liability Company\nParent company: Test Holdings');
    expect(e.reasons).toBeUndefined();
    expect(e.crossRefs).toEqual([{ kind: 'ofsi-group', value: '99002' }]);
  });

  it('maps a ship: IMO as identifier, the other particulars into remarks', () => {
    const s = t.get('uk-fcdo:TST0003')!;
    expect(s.kind).toBe('vessel');
    expect(s.identifiers).toEqual([{ type: 'imo', value: '9999991' }]);
    expect(s.remarks).toBe(
      'Designation source: UN\nCurrent owner/operator: Test Shipping Co\nCurrent believed flag: Panama\nType of ship: Oil tanker\nYear built: 1999',
    );
    expect(s.crossRefs).toBeUndefined();
  });

  it('gives the same targets whatever the chunk size', () => {
    for (const chunk of [1, 7, 64, 4096]) expect(read(bytes, chunk).targets).toEqual(targets);
  });

  it('gives the same targets as the same designations in the FCDO CSV layout', () => {
    const csv = readChunked(createFcdoCsvReader, fixture('uk-fcdo-shapes.csv')).targets;
    const fromCsv = byId(csv);
    expect(csv.map((x) => x.id).sort()).toEqual(targets.map((x) => x.id).sort());
    for (const target of targets) expect(canonical(fromCsv.get(target.id)!)).toEqual(canonical(target));
  });
});

describe('FCDO UK Sanctions List XML: bad input', () => {
  const bytes = fixture('uk-fcdo-shapes.xml');
  const fails = (input: Uint8Array, message: RegExp) => {
    expect(() => read(input)).toThrow(ListFormatError);
    expect(() => read(input)).toThrow(message);
  };

  it('a truncated copy', () => fails(bytes.subarray(0, Math.floor(bytes.length * 0.6)), /incomplete|ends inside/));
  it('random bytes', () => fails(randomBytes(5000), /XML|not/));
  it('an XML list of another format', () => fails(fixture('eu-fsf-shapes.xml'), /not <Designations>/));
  it('a CSV', () => fails(fixture('uk-fcdo-shapes.csv'), /XML/));
  it('an empty file', () => fails(new Uint8Array(0), /no XML/));
  it('a list with no designations', () =>
    fails(utf8('<Designations><DateGenerated>01/01/2026</DateGenerated></Designations>'), /no <Designation>/));
  it('a designation with neither UniqueID nor OFSIGroupID', () =>
    fails(
      utf8('<Designations><Designation><Names><Name><Name6>X</Name6><NameType>Primary Name</NameType></Name></Names><IndividualEntityShip>Entity</IndividualEntityShip></Designation></Designations>'),
      /neither a UniqueID nor an OFSIGroupID/,
    ));
  it('a bad DateGenerated', () =>
    fails(utf8('<Designations><DateGenerated>someday</DateGenerated></Designations>'), /DateGenerated/));
});

describe.skipIf(!HAS_SHARED_DATA)(titled('FCDO XML: real sample'), () => {
  const data = lazy(() => {
    const bytes = new Uint8Array(readFileSync(sharedFile('format-samples', 'uk-fcdo', 'UK-Sanctions-List.sample.xml')));
    const { targets, meta } = read(bytes);
    return { bytes, targets, meta, t: byId(targets) };
  });

  it('reads 3 entity designations of 02/10/2026', () => {
    const { bytes, targets, meta, t } = data();
    expect(meta.listDate).toBe('2026-10-02');
    expect(targets.map((x) => x.id)).toEqual(['uk-fcdo:GHR0190', 'uk-fcdo:RUS3602', 'uk-fcdo:AFG0001']);
    expect(countKinds(targets)).toEqual({ persons: 0, organisations: 3, vessels: 0, aircraft: 0 });
    for (const chunk of [5, 4096]) expect(read(bytes, chunk).targets).toEqual(targets);
  });

  it('GHR0190 Xinbi: 40 Tron addresses out of OtherInformation, trimmed website, split sanctions', () => {
    const { bytes, targets, meta, t } = data();
    const x = t.get('uk-fcdo:GHR0190')!;
    const crypto = x.identifiers!.filter((i) => i.type === 'crypto');
    expect(crypto).toHaveLength(40);
    expect(new Set(crypto.map((c) => c.chain))).toEqual(new Set(['TRX']));
    expect(x.identifiers).toContainEqual({ type: 'website', value: 'Xinbi.com' });
    expect(x.sanctions).toEqual(['Asset freeze', 'Director Disqualification Sanction']);
    expect(x.reasons).toMatch(/^The Secretary of State considers that there are reasonable grounds to suspect that Xinbi Company Limited \(“Xinbi”\)/);
    expect(x.remarks).toContain('Subsidiaries: Xinbi Guarantee');
    expect(x.remarks).toContain('Designation source: UK');
    expect(x.designated).toBe('2026-03-26');
    expect(x.updated).toBe('2026-09-09');
  });

  it('RUS3602 EXMO: 1 primary + 7 variations, 3 wallets, " | " separated sanctions, registration numbers', () => {
    const { bytes, targets, meta, t } = data();
    const x = t.get('uk-fcdo:RUS3602')!;
    expect(x.names.map((n) => n.type)).toEqual(['primary', ...Array(7).fill('variation')]);
    expect(x.sanctions).toEqual([
      'Asset freeze',
      'Trust Services Sanctions',
      'Director Disqualification Sanction',
      'Internet Services Sanctions: see "Other Information"',
      'Correspondent Banking Sanctions and processing payments',
    ]);
    expect(x.identifiers!.filter((i) => i.type === 'crypto').map((i) => i.value)).toEqual([
      'TJqUC56SDZ373JYRurzXtMcor2HQvN9BaU',
      'TVa1p4aTVoHuF4EDGthn57FbKNbu4DRJkQ',
      'TCQqA58EmX6AnUZKPCogL2Q441B4ThbJGN',
    ]);
    expect(x.identifiers!.filter((i) => i.type === 'company-number').map((i) => i.value)).toEqual([
      'UK Company number - 11655602',
      'EVA ID (IP Identification) - EEA90DD050C635EC8F637E8DB2F69969',
      'Legal Entity Identifier - 984500B899H9EED3B354',
    ]);
    expect(x.addresses).toEqual(['2 Kingdom Street, LONDON, W2 6JP, United Kingdom']);
  });

  it('AFG0001: UN listing with OFSI group, UN reference, 9 names + a Persian name, 16 addresses, no reasons', () => {
    const { bytes, targets, meta, t } = data();
    const x = t.get('uk-fcdo:AFG0001')!;
    expect(x.crossRefs).toEqual([
      { kind: 'ofsi-group', value: '12703' },
      { kind: 'un-ref', value: 'TAe.010' },
    ]);
    expect(x.names).toHaveLength(10);
    expect(x.names.filter((n) => n.type === 'alias')).toHaveLength(8);
    expect(x.names[9]).toEqual({ full: 'حاجی خيرالله و حاجی ستار صرافی', type: 'variation', script: 'arabic' });
    expect(x.addresses).toHaveLength(16);
    expect(x.identifiers!.filter((i) => i.type === 'phone')).toHaveLength(5);
    expect(x.identifiers).toContainEqual({ type: 'email', value: 'helmand_exchange_msp@yahoo.com' });
    expect(x.reasons).toBeUndefined();
    expect(x.remarks).toContain('Designation source: UN');
    expect(x.designated).toBe('2012-06-29');
  });
});

describe.skipIf(!HAS_SHARED_DATA)(titled('FCDO XML: full-scale derived file'), () => {
  const data = lazy(() => {
    const bytes = new Uint8Array(readFileSync(sharedFile('uk-fcdo-derived', 'UK-Sanctions-List.derived-2025-04-14.xml')));
    const started = performance.now();
    const { targets, meta } = read(bytes, 1 << 20);
    const elapsed = performance.now() - started;
    return { bytes, targets, meta, elapsed, t: byId(targets) };
  });

  it('reads 4,688 designations (3,663 individuals, 1,010 entities, 15 ships) of 14/04/2025, fast', () => {
    const { targets, meta, elapsed } = data();
    expect(meta).toEqual({ source: 'uk-fcdo', format: 'uk-fcdo-xml', listDate: '2025-04-14', listDateOrigin: 'content' });
    expect(targets).toHaveLength(4688);
    expect(new Set(targets.map((x) => x.id)).size).toBe(4688);
    expect(countKinds(targets)).toEqual({ persons: 3663, organisations: 1010, vessels: 15, aircraft: 0 });
    console.info(`FCDO derived XML (10.5 MB): ${Math.round(elapsed)} ms`);
  });

  it('gives the same targets in 4 KiB chunks as in 1 MiB chunks', () => {
    const { bytes, targets, meta, t } = data();
    expect(read(bytes, 4096).targets).toEqual(targets);
  });

  it('has the README figures: names, titles, addresses, DOBs, UN refs, statements, contacts, IMO', () => {
    const { bytes, targets, meta, t } = data();
    const sum = (f: (x: (typeof targets)[number]) => number) => targets.reduce((n, x) => n + f(x), 0);
    const ids = (type: string) => sum((x) => x.identifiers?.filter((i) => i.type === type).length ?? 0);
    expect(sum((x) => x.names.filter((n) => n.type === 'primary').length)).toBe(4690);
    expect(targets.filter((x) => x.titles).length).toBe(501);
    expect(sum((x) => x.titles?.length ?? 0)).toBe(556);
    expect(sum((x) => x.addresses?.length ?? 0)).toBe(3117);
    expect(sum((x) => x.birthDates?.length ?? 0)).toBe(3543);
    expect(sum((x) => x.positions?.length ?? 0)).toBe(3116);
    expect(sum((x) => x.nationalities?.length ?? 0)).toBe(2723);
    expect(sum((x) => x.birthPlaces?.length ?? 0)).toBe(2563);
    expect(targets.filter((x) => x.gender).length).toBe(2712);
    expect(targets.filter((x) => x.crossRefs?.some((c) => c.kind === 'un-ref')).length).toBe(866);
    expect(targets.filter((x) => x.reasons).length).toBe(3815);
    expect(ids('phone')).toBe(637);
    expect(ids('email')).toBe(395);
    expect(ids('website')).toBe(411);
    expect(ids('imo')).toBe(15);
  });

  it('has the seeds CYB0044–CYB0046 with their Chinese names', () => {
    const { bytes, targets, meta, t } = data();
    const wuhan = t.get('uk-fcdo:CYB0044')!;
    expect(wuhan.kind).toBe('organisation');
    expect(wuhan.names.map((n) => n.full)).toEqual([
      'WUHAN XIAORUIZHI SCIENCE AND TECHNOLOGY COMPANY LIMITED',
      '武汉晓睿智科技有限责任公司',
    ]);
    expect(wuhan.regimes).toEqual(['The Cyber (Sanctions) (EU Exit) Regulations 2020']);
    expect(wuhan.designated).toBe('2024-03-25');
    expect(wuhan.remarks).toBe('Type of entity: Company');
    const zhao = t.get('uk-fcdo:CYB0045')!;
    expect(zhao.names).toEqual([
      { full: 'Guangzong ZHAO', type: 'primary', script: 'latin', given: ['Guangzong'], family: 'ZHAO' },
      { full: '赵光宗', type: 'variation', script: 'han', lang: 'Chinese' },
    ]);
    expect(zhao).toMatchObject({
      kind: 'person',
      birthDates: ['1985-11-12'],
      nationalities: ['China'],
      gender: 'Male',
      birthPlaces: ['Jingzhou Municipality, China'],
      identifiers: [{ type: 'national-id', value: '421003198511121539' }],
      crossRefs: [{ kind: 'ofsi-group', value: '16461' }],
    });
    const ni = t.get('uk-fcdo:CYB0046')!;
    expect(ni.names.map((n) => n.full)).toEqual(['Gaobin NI', '倪高彬']);
    expect(ni.birthDates).toEqual(['1985-10-27']);
  });

  it('keeps the designation without UniqueID (OFSI group 15878) as uk-fcdo:ofsi-15878', () => {
    const { bytes, targets, meta, t } = data();
    expect(t.get('uk-fcdo:ofsi-15878')?.names[0]?.full).toBe('Alexander SAMOFAL');
  });

  it('DPR0100 (ship): IMO 7408873 and its particulars', () => {
    const { bytes, targets, meta, t } = data();
    const ship = t.get('uk-fcdo:DPR0100')!;
    expect(ship.kind).toBe('vessel');
    expect(ship.names).toHaveLength(9);
    expect(ship.identifiers).toEqual([{ type: 'imo', value: '7408873' }]);
    expect(ship.remarks).toContain('Type of ship: Oil tanker\nTonnage of ship: 1676\nLength of ship: 80\nYear built: 1975');
  });

  it('takes crypto addresses out of OtherInformation (CTD0004, RUS1421)', () => {
    const { bytes, targets, meta, t } = data();
    expect(t.get('uk-fcdo:CTD0004')!.identifiers!.filter((i) => i.type === 'crypto')).toHaveLength(8);
    expect(t.get('uk-fcdo:RUS1421')!.identifiers!.filter((i) => i.type === 'crypto').map((i) => i.value)).toEqual([
      '3Lpoy53K625zVeE47ZasiG5jGkAxJ27kh1',
      '0x7FF9cFad3877F21d41Da833E2F775dB0569eE3D9',
      '3E6ZCKRrsdPc35chA9Eftp1h3DLW18NFNV',
    ]);
  });

  it('fails on a copy cut at 60% of its bytes', () => {
    const { bytes, targets, meta, t } = data();
    expect(() => read(bytes.subarray(0, Math.floor(bytes.length * 0.6)), 1 << 20)).toThrow(/incomplete/);
  });
});
