import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countKinds, type ListMeta, type Target } from '../../../utils/model';
import { createEuFsfXmlReader } from '../../../utils/formats/eu-fsf-xml';
import { ListFormatError, type TextListReader } from '../../../utils/formats/types';
import { HAS_SHARED_DATA, projectRoot, SHARED_SKIP_MESSAGE, sharedFile } from '../../shared-data';

/** Feeds bytes in chunks through a streaming decoder, as utils/formats/read.ts does. */
function read(create: () => TextListReader, bytes: Uint8Array, chunk = bytes.length): { targets: Target[]; meta: ListMeta } {
  const reader = create();
  const decoder = new TextDecoder('utf-8');
  const targets: Target[] = [];
  for (let i = 0; i < bytes.length; i += chunk) {
    targets.push(...reader.write(decoder.decode(bytes.subarray(i, i + chunk), { stream: true })));
  }
  targets.push(...reader.write(decoder.decode()));
  targets.push(...reader.end());
  return { targets, meta: reader.meta() };
}

function randomBytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

const titled = (title: string) => (HAS_SHARED_DATA ? title : `${title} (${SHARED_SKIP_MESSAGE})`);
const fixture = readFileSync(resolve(projectRoot, 'tests/fixtures/formats/eu-fsf-shapes.xml'));
const byId = (targets: Target[], id: string) => {
  const found = targets.find((t) => t.id === id);
  if (!found) throw new Error(`${id} not read`);
  return found;
};

describe('EU FSF XML 1.1: own fixture (person with a birth-date range, a ship, a weak alias)', () => {
  const { targets, meta } = read(createEuFsfXmlReader, fixture);

  it('reads the list date from generationDate', () => {
    expect(meta).toEqual({ source: 'eu-fsf', format: 'eu-fsf-xml', listDate: '2026-10-01', listDateOrigin: 'content' });
    expect(targets.map((t) => t.id)).toEqual(['eu-fsf:900001', 'eu-fsf:900100', 'eu-fsf:900200']);
  });

  it('takes the first strong Latin name as primary, keeps the Cyrillic one with its script, marks weak names', () => {
    const person = byId(targets, 'eu-fsf:900001');
    expect(person.kind).toBe('person');
    expect(person.names).toEqual([
      { full: 'Maria Ivanovna OBRAZTSOVA', type: 'primary', script: 'latin', given: ['Maria', 'Ivanovna'], family: 'OBRAZTSOVA', lang: 'en' },
      // Double space in the file collapsed.
      { full: 'Мария Ивановна Образцова', type: 'alias', script: 'cyrillic', given: ['Мария', 'Ивановна'], family: 'Образцова', lang: 'ru' },
      { full: 'Masha', type: 'weak-alias', script: 'latin' },
      // strong="true" but remark "Low quality alias."
      { full: 'Mariya Obraztsova', type: 'weak-alias', script: 'latin' },
      { full: 'Maria Obraztsova-Petrova', type: 'alias', script: 'latin' },
    ]);
  });

  it('maps titles, positions, gender, birth dates (range and partial), places, citizenship, ids, address contacts', () => {
    const person = byId(targets, 'eu-fsf:900001');
    expect(person.titles).toEqual(['Colonel', 'Professor']);
    expect(person.positions).toEqual(['Deputy Minister of Examples', 'Member of the Example Council']);
    expect(person.gender).toBe('Female');
    expect(person.birthDates).toEqual(['1960/1965', '1961-05']);
    expect(person.birthPlaces).toEqual(['Tula, Tula Oblast, RUSSIAN FEDERATION']);
    expect(person.nationalities).toEqual(['RUSSIAN FEDERATION']);
    expect(person.addresses).toEqual(['Example street 1, Moscow, 101000, RUSSIAN FEDERATION']);
    expect(person.identifiers).toEqual([
      {
        type: 'passport',
        value: '75 1234567',
        country: 'RUSSIAN FEDERATION',
        note: 'National passport; issued by Ministry of Foreign Affairs; issued 2012-04-02; known expired; Diplomatic passport previously held.',
      },
      { type: 'tax-id', value: '771234567890', country: 'RUSSIAN FEDERATION', note: 'Tax identification number' },
      { type: 'email', value: 'm.obraztsova@example.ru' },
      { type: 'email', value: 'press@example.ru' },
      { type: 'phone', value: '+7 495 000 00 00' },
    ]);
  });

  it('takes regimes from every regulation, the notice from the newest, updated from the newest act touching the record', () => {
    const person = byId(targets, 'eu-fsf:900001');
    expect(person.regimes).toEqual(['RUS', 'UKR']);
    expect(person.designated).toBe('2022-03-09');
    expect(person.noticeUrl).toBe('https://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=OJ:L_202401739');
    // A name was amended by a 2025 act (regulationSummary), later than any <regulation>.
    expect(person.updated).toBe('2025-05-20');
    expect(person.crossRefs).toEqual([
      { kind: 'eu-ref', value: 'EU.9001.11' },
      { kind: 'un-ref', value: 'QDi.999' },
    ]);
    expect(person.remarks).toBe('Associated with the example network.');
  });

  it('reads an enterprise with an IMO number and no company word as a vessel, a shipping company as an organisation', () => {
    const ship = byId(targets, 'eu-fsf:900100');
    expect(ship.kind).toBe('vessel');
    expect(ship.identifiers).toEqual([{ type: 'imo', value: '9123456', note: 'IMO Number' }]);
    expect(ship.remarks).toBe('Flag: Panama. Vessel type: oil tanker.');
    const company = byId(targets, 'eu-fsf:900200');
    expect(company.kind).toBe('organisation');
    expect(company.identifiers).toEqual([
      { type: 'imo', value: '1790183', country: 'NORTH KOREA', note: 'IMO Number' },
      { type: 'website', value: 'https://www.example-maritime.test' },
      { type: 'phone', value: '+850 2 000 0000', note: 'fax' },
      { type: 'email', value: 'ops@example-maritime.test' },
      { type: 'website', value: 'www.example-maritime.test' },
    ]);
    expect(company.addresses).toEqual(['PO Box 120, Pyongyang, NORTH KOREA']);
    // An enterprise's "function" is a description, not a position.
    expect(company.positions).toBeUndefined();
    expect(company.remarks).toContain('Ship operator and manager');
  });

  it('gives the same targets whatever the chunk size', () => {
    for (const size of [1, 7, 64, 4096]) expect(read(createEuFsfXmlReader, fixture, size).targets).toEqual(targets);
  });
});

describe.skipIf(!HAS_SHARED_DATA)(titled('EU FSF XML 1.1: real trimmed sample'), () => {
  const bytes = HAS_SHARED_DATA ? readFileSync(sharedFile('format-samples/eu-fsf/xmlFullSanctionsList_1_1.sample.xml')) : new Uint8Array();
  const { targets, meta } = read(createEuFsfXmlReader, bytes);

  it('reads the three listings and the list date', () => {
    expect(meta.listDate).toBe('2026-09-22');
    expect(meta.listDateOrigin).toBe('content');
    expect(targets.map((t) => t.id)).toEqual(['eu-fsf:172907', 'eu-fsf:179375', 'eu-fsf:13']);
    expect(countKinds(targets)).toEqual({ persons: 1, organisations: 2, vessels: 0, aircraft: 0 });
  });

  it('Garantex: crypto addresses from the remark, address, regime, notice', () => {
    const garantex = byId(targets, 'eu-fsf:172907');
    expect(garantex.names).toEqual([{ full: 'Garantex', type: 'primary', script: 'latin', lang: 'en' }]);
    expect(garantex.crossRefs).toEqual([{ kind: 'eu-ref', value: 'EU.12747.39' }]);
    expect(garantex.regimes).toEqual(['UKR']);
    expect(garantex.designated).toBe('2025-02-24');
    expect(garantex.noticeUrl).toBe('https://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=OJ:L_202500389');
    expect(garantex.addresses).toEqual(['Presnenskaya embankment 12, Moscow, RUSSIAN FEDERATION']);
    const crypto = garantex.identifiers!.filter((i) => i.type === 'crypto').map((i) => i.value);
    expect(crypto).toEqual([
      '0x002471b8A185f9980708d0eAEC5B289714F56f8d',
      'bc1qwtz3zv95x2flu4w26kgfepf529z50r2sqc5zml',
      'bc1qwxqxd25yk2dtw2ml04vxj9atq3huv4rdytf6vt',
      '3My1ffQr5qQzmq4aBFgRqwRYqfB5zPAt8t',
      '0x3051Ca7cB7f6C599fA2f27385AD75010cf0f2bbF',
      'TA1hsikRfsgGiW9nEBpT4tEXEySTNYLr2d',
    ]);
    expect(garantex.remarks).toContain('Place of registration: Moscow, Russian Federation');
    expect(garantex.remarks).toContain('Type of entity: Crypto-currency exchange');
    expect(garantex.remarks).toContain('Principal place of business: Russian Federation');
  });

  it('Grinex: Cyrillic alias, one real address of four, tax and registration numbers, the wallet split over two lines', () => {
    const grinex = byId(targets, 'eu-fsf:179375');
    expect(grinex.names).toEqual([
      { full: 'Grinex', type: 'primary', script: 'latin', lang: 'en' },
      { full: 'Гринекс', type: 'alias', script: 'cyrillic', lang: 'ru' },
    ]);
    // Three of the four <address> elements hold only UNKNOWN and a remark; double spaces collapsed.
    expect(grinex.addresses).toEqual(['microdistrict Jal-29, building 14/1, 35, Bishkek, Leninsky district, KYRGYZSTAN']);
    expect(grinex.identifiers!.filter((i) => i.type !== 'crypto')).toEqual([
      { type: 'tax-id', value: '02312202410120', country: 'KYRGYZSTAN', note: 'Tax identification number' },
      { type: 'company-number', value: '311748-3301-OOO', country: 'KYRGYZSTAN', note: 'Registration Number; issued 2024-12-27' },
    ]);
    expect(grinex.identifiers!.filter((i) => i.type === 'crypto').map((i) => [i.value, i.chain])).toEqual([
      ['TNZxGWCwvsHr6JxQxzoeDXV597Yf7Zb7nV', 'TRX'],
      ['TEcuHDQthTmULe8fFLUccBPpjfXaTmJuuD', 'TRX'],
      ['TC8axQvzJEVR3NKN6mZnJtGy7537GEmh38', 'TRX'],
    ]);
    expect(grinex.designated).toBe('2025-10-23');
    expect(grinex.remarks).toContain('Associated entities: PSB Bank.');
  });

  it('Saddam Hussein Al-Tikriti: person, 3 names, birth, citizenship, no designation date', () => {
    const saddam = byId(targets, 'eu-fsf:13');
    expect(saddam.kind).toBe('person');
    expect(saddam.names.map((n) => [n.full, n.type])).toEqual([
      ['Saddam Hussein Al-Tikriti', 'primary'],
      ['Abu Ali', 'alias'],
      ['Abou Ali', 'alias'],
    ]);
    expect(saddam.names[0]).toMatchObject({ given: ['Saddam'], family: 'Hussein Al-Tikriti' });
    expect(saddam.gender).toBe('Male');
    expect(saddam.birthDates).toEqual(['1937-04-28']);
    expect(saddam.birthPlaces).toEqual(['al-Awja, near Tikrit, IRAQ']);
    expect(saddam.nationalities).toEqual(['IRAQ']);
    expect(saddam.regimes).toEqual(['IRQ']);
    expect(saddam.designated).toBeUndefined();
    expect(saddam.updated).toBe('2003-07-08');
    expect(saddam.remarks).toBe('UNSC RESOLUTION 1483');
    expect(saddam.noticeUrl).toBe('http://eur-lex.europa.eu/LexUriServ/LexUriServ.do?uri=OJ:L:2003:169:0006:0023:EN:PDF');
  });

  it('gives the same targets whatever the chunk size', () => {
    for (const size of [3, 100, 4096]) expect(read(createEuFsfXmlReader, bytes, size).targets).toEqual(targets);
  });

  it('rejects a copy cut at 60% of its bytes', () => {
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6));
    expect(() => read(createEuFsfXmlReader, cut)).toThrow(ListFormatError);
    expect(() => read(createEuFsfXmlReader, cut)).toThrow(/incomplete/);
  });

  it('rejects another list format by its root element', () => {
    const fcdo = readFileSync(sharedFile('format-samples/uk-fcdo/UK-Sanctions-List.sample.xml'));
    expect(() => read(createEuFsfXmlReader, fcdo)).toThrow(/not an EU Financial Sanctions File: its XML root is <Designations>/);
  });
});

describe('EU FSF XML 1.1: bad input', () => {
  it('rejects random bytes, JSON and an empty file with a ListFormatError', () => {
    expect(() => read(createEuFsfXmlReader, randomBytes(5000))).toThrow(ListFormatError);
    expect(() => read(createEuFsfXmlReader, new TextEncoder().encode('{"id":"x","schema":"Person"}\n'))).toThrow(ListFormatError);
    expect(() => read(createEuFsfXmlReader, new Uint8Array())).toThrow(ListFormatError);
  });

  it('rejects the fixture cut short, and keeps failing after the first error', () => {
    const reader = createEuFsfXmlReader();
    reader.write(new TextDecoder().decode(fixture.subarray(0, Math.floor(fixture.length * 0.6))));
    expect(() => reader.end()).toThrow(/ends inside <\w+>.*incomplete/);
    expect(() => reader.write('<x/>')).toThrow(ListFormatError);
  });

  it('rejects a listing without logicalId', () => {
    const xml =
      '<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-01-01"><sanctionEntity euReferenceNumber="EU.1.1">' +
      '<subjectType code="person" classificationCode="P"/><nameAlias wholeName="X Y" strong="true"/></sanctionEntity></export>';
    expect(() => read(createEuFsfXmlReader, new TextEncoder().encode(xml))).toThrow(/no logicalId/);
  });
});
