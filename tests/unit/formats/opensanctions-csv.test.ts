import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countKinds, type ListMeta, type Target } from '../../../utils/model';
import { createOpenSanctionsCsvReader, splitJoined } from '../../../utils/formats/opensanctions-csv';
import { ListFormatError, type TextListReader } from '../../../utils/formats/types';
import { HAS_SHARED_DATA, SHARED_SKIP_MESSAGE, sharedFile } from '../../shared-data';

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

const utf8 = (text: string) => new TextEncoder().encode(text);
const titled = (title: string) => (HAS_SHARED_DATA ? title : `${title} (${SHARED_SKIP_MESSAGE})`);
const get = (targets: Target[], id: string) => {
  const t = targets.find((x) => x.id === id);
  if (!t) throw new Error(`${id} not read`);
  return t;
};

describe('OpenSanctions targets.simple.csv: multi-valued cells', () => {
  it('splits on ; and honours the quotes around values holding ; or "', () => {
    expect(splitJoined('Ceram Sea;Gold Sun;Nurkez')).toEqual(['Ceram Sea', 'Gold Sun', 'Nurkez']);
    expect(splitJoined('""')).toEqual([]);
    expect(splitJoined('"Red Notice - a; b";Other')).toEqual(['Red Notice - a; b', 'Other']);
    expect(splitJoined('"LLC ""NIKEA""";NIKEA LLC')).toEqual(['LLC "NIKEA"', 'NIKEA LLC']);
    expect(splitJoined('')).toEqual([]);
  });

  it('keys columns by name, in any order, and needs id, schema and name', () => {
    const csv = 'name,id,schema,aliases,countries,identifiers\n"ACME","x1","Airplane","A;B","de","ABC123"\n';
    const { targets, meta } = read(createOpenSanctionsCsvReader, utf8(csv));
    expect(targets).toEqual([
      {
        id: 'opensanctions:x1',
        source: 'opensanctions',
        nativeId: 'x1',
        kind: 'aircraft',
        names: [
          { full: 'ACME', type: 'primary', script: 'latin' },
          { full: 'A', type: 'alias', script: 'latin' },
          { full: 'B', type: 'alias', script: 'latin' },
        ],
        nationalities: ['Germany'],
        identifiers: [{ type: 'other', value: 'ABC123' }],
        regimes: [],
      },
    ]);
    expect(meta.listDate).toBeNull();
    expect(() => read(createOpenSanctionsCsvReader, utf8('id,name\n"a","b"\n'))).toThrow(/header lacks "schema"/);
  });
});

describe.skipIf(!HAS_SHARED_DATA)(titled('OpenSanctions targets.simple.csv: real exports'), () => {
  const uaBytes = HAS_SHARED_DATA ? readFileSync(sharedFile('opensanctions/targets.simple/ua_war_sanctions/targets.simple.csv')) : new Uint8Array();
  const started = performance.now();
  const ua = read(createOpenSanctionsCsvReader, uaBytes);
  const elapsed = performance.now() - started;

  it('ua_war_sanctions: 5,600 targets (1,543 Person, 1,340 Vessel, 1,524 Company + 1,193 LegalEntity), dated 2026-03-13', () => {
    expect(ua.targets).toHaveLength(5600);
    expect(new Set(ua.targets.map((t) => t.id)).size).toBe(5600);
    expect(countKinds(ua.targets)).toEqual({ persons: 1543, organisations: 2717, vessels: 1340, aircraft: 0 });
    expect(ua.meta).toEqual({ source: 'opensanctions', format: 'opensanctions-csv', listDate: '2026-03-13', listDateOrigin: 'content' });
    console.info(`ua_war_sanctions targets.simple.csv (3.4 MB): ${elapsed.toFixed(0)} ms`);
  });

  it('a vessel: aliases, flags as country names, IMO, MMSI and call sign recognised', () => {
    const t = get(ua.targets, 'opensanctions:NK-2BqYpcHUPgg5MQnG9kYAkB');
    expect(t.kind).toBe('vessel');
    expect(t.names).toEqual([
      { full: 'CENTURION', type: 'primary', script: 'latin' },
      { full: 'Nippon Princess', type: 'alias', script: 'latin' },
    ]);
    expect(t.nationalities).toEqual(['Barbados', 'Cook Islands', 'Greece', 'Marshall Islands', 'Sierra Leone']);
    expect(t.identifiers).toEqual([
      { type: 'mmsi', value: '667001255' },
      { type: 'call-sign', value: '9LU2058' },
      { type: 'imo', value: '9380673' },
    ]);
    expect(t.regimes).toEqual(['UA-WS-MARE']);
    expect(t.updated).toBe('2026-02-16');
    // `""` in the sanctions column is an empty value.
    expect(t.reasons).toBeUndefined();
  });

  it('a person: Cyrillic aliases, two birth dates, programme, multi-line reason', () => {
    const t = get(ua.targets, 'opensanctions:NK-kZjqDJTdUY8C8SabCkBFEq');
    expect(t.kind).toBe('person');
    expect(t.names).toEqual([
      { full: 'ZAVALISHINA Oksana Pavlovna', type: 'primary', script: 'latin' },
      { full: 'ЗАВАЛИШИНА Оксана Павловна', type: 'alias', script: 'cyrillic' },
      { full: 'ЗАВАЛИШИНА Оксана Павлівна', type: 'alias', script: 'cyrillic' },
    ]);
    expect(t.birthDates).toEqual(['1973-06-23', '1974-06-23']);
    expect(t.nationalities).toEqual(['Russia', 'Ukraine']);
    expect(t.identifiers).toEqual([{ type: 'other', value: '2720216023' }]);
    expect(t.regimes).toEqual(['UA-WS-KIDNAPPERS']);
    expect(t.reasons).toMatch(/^An employee of the occupation structures\.\nFacilitates the russian government/);
  });

  it('an organisation whose alias holds quotes inside quotes', () => {
    const t = get(ua.targets, 'opensanctions:NK-2JjbBAi4RKwEY5JEyFMzXn');
    expect(t.kind).toBe('organisation');
    expect(t.names.map((n) => n.full)).toEqual([
      'ANO CENTER "NIKEA"',
      'AUTONOMOUS NON-PROFIT ORGANIZATION "CENTER FOR PROMOTION OF THE DEVELOPMENT OF EDUCATIONAL AND SOCIAL INITIATIVES "NIKEA"',
    ]);
    expect(t.addresses).toEqual(['121471, russian federation, Moscow, Ryabinovaya St., 19, floor 3, building X, room 17/5']);
    expect(t.identifiers).toEqual([
      { type: 'other', value: '1147799017343' },
      { type: 'other', value: '7708241920' },
    ]);
  });

  it('a company without programme keeps the dataset as its regime', () => {
    const t = get(ua.targets, 'opensanctions:NK-24ZomtS59XsEEB94Qcqy7S');
    expect(t.names[0]!.full).toBe('Sun Science International');
    expect(t.identifiers).toEqual([{ type: 'imo', value: '6495856' }]);
    expect(t.regimes).toEqual(['Ukraine War and Sanctions']);
  });

  it('interpol_red_notices (older 15-column layout): 6,561 persons, dated 2025-05-23', () => {
    const bytes = readFileSync(sharedFile('opensanctions/targets.simple/interpol_red_notices/targets.simple.csv'));
    const { targets, meta } = read(createOpenSanctionsCsvReader, bytes);
    expect(targets).toHaveLength(6561);
    expect(countKinds(targets)).toEqual({ persons: 6561, organisations: 0, vessels: 0, aircraft: 0 });
    expect(meta.listDate).toBe('2025-05-23');
    const t = get(targets, 'opensanctions:NK-224TRezPqwzhQZ37exWxtX');
    expect(t.names).toEqual([{ full: 'SANAVBARI NIKITENKO', type: 'primary', script: 'latin' }]);
    expect(t.birthDates).toEqual(['1992-06-28']);
    expect(t.nationalities).toEqual(['Russia', 'Tajikistan']);
    expect(t.regimes).toEqual(['INTERPOL Red Notices']);
    expect(t.reasons).toBe(
      'Red Notice - participation in the activity of a terrorist organization; participation in the activity of an illegal armed formation',
    );
    expect(targets.filter((x) => x.names.length > 1).map((x) => x.names.map((n) => n.full))).toEqual([
      ['KHASAN AKTAMIROV', 'KHUSEYN AKTAMIROV'],
      ['GASAN GASANOV', 'GUSEIN GASANOV'],
    ]);
  });

  it('gives the same targets in 4 KiB and 1 MiB chunks', () => {
    expect(read(createOpenSanctionsCsvReader, uaBytes, 4096).targets).toEqual(ua.targets);
    expect(read(createOpenSanctionsCsvReader, uaBytes, 1 << 20).targets).toEqual(ua.targets);
  });

  it('rejects a copy cut at 60% of its bytes', () => {
    expect(() => read(createOpenSanctionsCsvReader, uaBytes.subarray(0, Math.floor(uaBytes.length * 0.6)))).toThrow(
      /incomplete|cut short/,
    );
  });

  it('rejects other list formats', () => {
    expect(() => read(createOpenSanctionsCsvReader, readFileSync(sharedFile('un-sc-consolidated/consolidated.xml')))).toThrow(
      /not an OpenSanctions targets.simple.csv file/,
    );
    expect(() => read(createOpenSanctionsCsvReader, readFileSync(sharedFile('opensanctions/yente-fixtures/t1/entities.ftm.json')))).toThrow(
      ListFormatError,
    );
  });
});

describe('OpenSanctions targets.simple.csv: bad input', () => {
  it('rejects random bytes and an empty file', () => {
    const random = new Uint8Array(4000);
    for (let i = 0, x = 5; i < random.length; i++) random[i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) >> 16;
    expect(() => read(createOpenSanctionsCsvReader, random)).toThrow(ListFormatError);
    expect(() => read(createOpenSanctionsCsvReader, new Uint8Array())).toThrow(/empty/);
  });

  it('rejects a row with fewer cells than the header', () => {
    const csv = 'id,schema,name,aliases\n"a","Person","X","Y"\n"b","Person"\n';
    expect(() => read(createOpenSanctionsCsvReader, utf8(csv))).toThrow(/Row 2 has 2 columns where the header has 4/);
  });
});
