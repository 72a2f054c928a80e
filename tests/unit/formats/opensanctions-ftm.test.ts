import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countKinds, type ListMeta, type Target } from '../../../utils/model';
import { createFtmReader, type FtmReader } from '../../../utils/formats/opensanctions-ftm';
import { ListFormatError } from '../../../utils/formats/types';
import { HAS_SHARED_DATA, projectRoot, SHARED_SKIP_MESSAGE, sharedFile } from '../../shared-data';

function read(bytes: Uint8Array, chunk = bytes.length): { targets: Target[]; meta: ListMeta; reader: FtmReader } {
  const reader = createFtmReader();
  const decoder = new TextDecoder('utf-8');
  const targets: Target[] = [];
  for (let i = 0; i < bytes.length; i += chunk) {
    targets.push(...reader.write(decoder.decode(bytes.subarray(i, i + chunk), { stream: true })));
  }
  targets.push(...reader.write(decoder.decode()));
  targets.push(...reader.end());
  return { targets, meta: reader.meta(), reader };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const titled = (title: string) => (HAS_SHARED_DATA ? title : `${title} (${SHARED_SKIP_MESSAGE})`);
const get = (targets: Target[], id: string) => {
  const t = targets.find((x) => x.id === id);
  if (!t) throw new Error(`${id} not read`);
  return t;
};

describe('OpenSanctions FtM: own fixture (vessel, joined address, passport, wallet, sanctions, referents)', () => {
  const fixture = readFileSync(resolve(projectRoot, 'tests/fixtures/formats/opensanctions-shapes.ftm.json'));
  const { targets, meta } = read(fixture);

  it('keeps only target entities and dates the list by the latest last_seen', () => {
    expect(targets.map((t) => t.id)).toEqual(['opensanctions:NK-test-vessel', 'opensanctions:NK-test-person']);
    expect(meta).toEqual({ source: 'opensanctions', format: 'opensanctions-ftm', listDate: '2025-07-01', listDateOrigin: 'content' });
  });

  it('reads a vessel: former name, IMO without its prefix, MMSI, call sign, flag; a sanction that names it by a referent', () => {
    const ship = get(targets, 'opensanctions:NK-test-vessel');
    expect(ship.kind).toBe('vessel');
    expect(ship.names).toEqual([
      { full: 'OCEAN PEARL', type: 'primary', script: 'latin' },
      { full: 'SEA PEARL', type: 'former', script: 'latin' },
    ]);
    expect(ship.identifiers).toEqual([
      { type: 'imo', value: '9187629' },
      { type: 'mmsi', value: '352001234' },
      { type: 'call-sign', value: '3EAB4' },
    ]);
    expect(ship.nationalities).toEqual(['Panama']);
    expect(ship.regimes).toEqual(['EX-MARE']);
    expect(ship.designated).toBe('2023-11-01');
    expect(ship.crossRefs).toEqual([{ kind: 'ofac-uid', value: '99999' }]);
  });

  it('joins Address, Passport, CryptoWallet and Sanction entities onto a person built from first/last name', () => {
    const person = get(targets, 'opensanctions:NK-test-person');
    expect(person.names).toEqual([
      { full: 'Ivan Petrov', type: 'primary', script: 'latin', given: ['Ivan'], family: 'Petrov' },
      { full: 'Vanya', type: 'weak-alias', script: 'latin' },
    ]);
    expect(person.gender).toBe('Male');
    expect(person.birthDates).toEqual(['1970-05']);
    expect(person.nationalities).toEqual(['Russia']);
    expect(person.addresses).toEqual(['1 Example St, Moscow, 101000, Russia']);
    expect(person.identifiers).toEqual([
      { type: 'email', value: 'ivan@example.test' },
      { type: 'email', value: 'petrov@example.test' },
      { type: 'passport', value: '751234567', country: 'Russia', note: 'Foreign passport' },
      { type: 'crypto', value: 'TA1hsikRfsgGiW9nEBpT4tEXEySTNYLr2d', chain: 'TRX' },
    ]);
    expect(person.regimes).toEqual(['Example Programme']);
    expect(person.sanctions).toEqual(['Asset freeze', 'Travel ban']);
    expect(person.designated).toBe('2024-02-24');
    expect(person.updated).toBe('2025-06-01');
    expect(person.reasons).toBe('Supports the example regime.');
    expect(person.noticeUrl).toBe('https://example.test/notice/1');
    expect(person.remarks).toBe('Sanctioned by: Example Authority\nOpenSanctions datasets: test_list');
    expect(person.crossRefs).toEqual([
      { kind: 'uk-unique-id', value: 'RUS9999' },
      { kind: 'eu-ref', value: 'EU.1234.56' },
      { kind: 'ofsi-group', value: '99999' },
      { kind: 'un-ref', value: 'QDi.998' },
    ]);
  });

  it('gives the same targets whatever the chunk size', () => {
    for (const size of [1, 13, 256]) expect(read(fixture, size).targets).toEqual(targets);
  });
});

describe.skipIf(!HAS_SHARED_DATA)(titled('OpenSanctions FtM: yente fixtures'), () => {
  const zala = HAS_SHARED_DATA ? readFileSync(sharedFile('opensanctions/yente-fixtures/zala/entities.ftm.json')) : new Uint8Array();
  const { targets, meta } = read(zala);

  it('zala: 91 entities, 14 targets (6 persons, 8 companies), list date from the latest last_seen', () => {
    expect(new TextDecoder().decode(zala).trim().split('\n')).toHaveLength(91);
    expect(targets).toHaveLength(14);
    expect(countKinds(targets)).toEqual({ persons: 6, organisations: 8, vessels: 0, aircraft: 0 });
    expect(meta).toEqual({ source: 'opensanctions', format: 'opensanctions-ftm', listDate: '2026-04-29', listDateOrigin: 'content' });
    // Companies not flagged as targets (ownership context) are left out.
    expect(targets.map((t) => t.nativeId)).not.toContain('NK-56Edov9bas9puzaChH5pBy');
  });

  it('zala: Alexander Zakharov with his 13 Sanction entities joined', () => {
    const t = get(targets, 'opensanctions:NK-aU5ybkbRFJucf8YMwsJvDw');
    expect(t.kind).toBe('person');
    expect(t.names[0]).toEqual({ full: 'Alexander Vyacheslavovich ZAKHAROV', type: 'primary', script: 'latin' });
    expect(t.names).toContainEqual({ full: 'Александр Вячеславович Захаров', type: 'variation', script: 'cyrillic' });
    expect(t.names).toContainEqual({ full: 'Zakharov Oleksandr Viacheslavovych', type: 'alias', script: 'latin' });
    expect(t.birthDates).toEqual(['1965-09-21']);
    expect(t.gender).toBe('Male');
    expect(t.positions).toEqual(['Propriétaire de LLC CST', 'Owner of LLC CST']);
    expect(t.regimes).toContain('The Russia (Sanctions) (EU Exit) Regulations 2019');
    expect(t.regimes).toContain('RUSSIA-EO14024');
    expect(t.regimes).toContain('EU-UKR');
    expect(t.sanctions).toContain('Asset freeze');
    expect(t.sanctions).toContain('Travel Ban');
    expect(t.designated).toBe('2023-07-01');
    expect(t.addresses).toEqual(['272 Pushkinskaya Street, Apt 41, Izhevsk, 426008', 'IZHEVSK, 426008']);
    expect(t.identifiers).toContainEqual({ type: 'tax-id', value: '183111242406', note: 'INN' });
    expect(t.crossRefs).toEqual(
      expect.arrayContaining([
        { kind: 'uk-unique-id', value: 'RUS2051' },
        { kind: 'ofsi-group', value: '16271' },
        { kind: 'ofac-uid', value: '45937' },
        { kind: 'eu-ref', value: 'EU.12789.10' },
      ]),
    );
    expect(t.noticeUrl).toBe('https://finance.belgium.be/en/treasury/financial-sanctions');
  });

  it('zala: LLC CST with its Address entities, contacts and company numbers', () => {
    const t = get(targets, 'opensanctions:NK-abdzbEBkqyT29GyREbiURZ');
    expect(t.kind).toBe('organisation');
    expect(t.names[0]!.full).toBe('LLC CST');
    expect(t.names.some((n) => n.script === 'kana')).toBe(true);
    // Addresses from the entity's own property and its 10 joined Address entities, repeated ones
    // (ignoring case) once: OpenSanctions also copies the joined addresses into the property.
    expect(t.addresses).toContain('9 SALYAMA ADILYA ST., OFFICE 3, MOSCOW, 123154');
    expect(t.addresses).toContain('P.O. Box 9050, Izhevsk, Russian Federation, 426011');
    expect(new Set(t.addresses!.map((a) => a.toLowerCase())).size).toBe(t.addresses!.length);
    expect(t.identifiers).toContainEqual({ type: 'tax-id', value: '1841015504', note: 'INN' });
    expect(t.identifiers).toContainEqual({ type: 'email', value: 'info@zala.aero' });
    expect(t.identifiers).toContainEqual({ type: 'website', value: 'https://zala-aero.com/' });
    expect(t.identifiers!.filter((i) => i.type === 'phone').map((i) => i.value)).toEqual([
      '+7 (3412) 43-05-05',
      '+7 (951) 210-81-28',
      '+7 (912) 769-33-11',
    ]);
    expect(t.designated).toBe('2021-10-30');
    expect(t.crossRefs).toContainEqual({ kind: 'eu-ref', value: 'EU.10966.20' });
  });

  it('zala: without any target flag, the Person/Company entities a Sanction names are the targets', () => {
    const lines = new TextDecoder()
      .decode(zala)
      .trim()
      .split('\n')
      .map((line) => {
        const e = JSON.parse(line) as Record<string, unknown>;
        delete e.target;
        return JSON.stringify(e);
      });
    const { targets: unflagged } = read(utf8(lines.join('\n') + '\n'));
    expect(unflagged.map((t) => t.nativeId).sort()).toEqual(['NK-aU5ybkbRFJucf8YMwsJvDw', 'NK-abdzbEBkqyT29GyREbiURZ']);
  });

  it('t1: 7 entities from eu_fsf, 6 targets (4 persons, 2 organisations)', () => {
    const t1 = read(readFileSync(sharedFile('opensanctions/yente-fixtures/t1/entities.ftm.json')));
    expect(countKinds(t1.targets)).toEqual({ persons: 4, organisations: 2, vessels: 0, aircraft: 0 });
    expect(t1.meta.listDate).toBe('2024-06-01');
    const kuzmenko = get(t1.targets, 'opensanctions:NK-2Ka3UvopqbpZmVDFjWd4LA');
    expect(kuzmenko.names.map((n) => n.full)).toEqual(['Vitaly Yurievich KUZMENKO', 'Vitalij Kuzmenko', 'Виталий Юрьевич КУЗЬМЕНКО']);
    expect(kuzmenko.identifiers).toEqual([{ type: 'tax-id', value: '366510784303', note: 'Tax number' }]);
    expect(kuzmenko.crossRefs).toEqual([{ kind: 'eu-ref', value: 'EU.11179.96' }]);
    expect(get(t1.targets, 'opensanctions:NK-2GdmHtZTeNXjNVrBGEXZNj').names).toHaveLength(12);
  });

  it('t2 deltas: ADD and MOD entities are read, DEL ids are reported', () => {
    const dir = 'opensanctions/yente-fixtures/t2';
    const wnk = read(readFileSync(sharedFile(dir, '20240527194702-wnk/entities.delta.json')));
    expect(countKinds(wnk.targets)).toEqual({ persons: 1, organisations: 1, vessels: 0, aircraft: 0 });
    const pfh = read(readFileSync(sharedFile(dir, '20240528014702-pfh/entities.delta.json')));
    expect(pfh.targets.map((t) => t.nativeId)).toEqual(['NK-500Poltergeist', 'NK-2T3S8Hu29ktYnKSTgQp2wL']);
    // The MOD renames the entity that wnk added as AL-QAIDA IN IRAQ.
    expect(pfh.targets[1]!.names[0]!.full).toBe('Foobar Foobargroup');
    const npf = read(readFileSync(sharedFile(dir, '20240528074703-npf/entities.delta.json')));
    expect(npf.targets).toEqual([]);
    expect(npf.reader.deletedIds()).toEqual(['NK-500Poltergeist']);
    const iv = read(readFileSync(sharedFile(dir, '20240528134729-3iv/entities.delta.json')));
    expect(iv.targets.map((t) => t.names[0]!.full)).toEqual(['Vladimir Nikolaevich PLOTNIKOV']);
    expect(iv.targets[0]!.crossRefs).toEqual(
      expect.arrayContaining([
        { kind: 'ofac-uid', value: '35703' },
        { kind: 'uk-unique-id', value: 'RUS0491' },
        { kind: 'ofsi-group', value: '14436' },
        { kind: 'eu-ref', value: 'EU.7354.64' },
      ]),
    );
  });

  it('a DEL later in the same stream removes an earlier ADD', () => {
    const add = new TextDecoder().decode(readFileSync(sharedFile('opensanctions/yente-fixtures/t2/20240528014702-pfh/entities.delta.json')));
    const del = '{"op":"DEL","entity":{"id":"NK-500Poltergeist"}}\n';
    expect(read(utf8(`${add.trimEnd()}\n${del}`)).targets.map((t) => t.nativeId)).toEqual(['NK-2T3S8Hu29ktYnKSTgQp2wL']);
  });

  it('gives the same targets in 4 KiB and 1 MiB chunks', () => {
    expect(read(zala, 4096).targets).toEqual(targets);
    expect(read(zala, 1 << 20).targets).toEqual(targets);
  });

  it('rejects a copy cut at 60% of its bytes', () => {
    expect(() => read(zala.subarray(0, Math.floor(zala.length * 0.6)))).toThrow(/ends inside an entity on line \d+: the file is incomplete/);
  });

  it('rejects other list formats', () => {
    expect(() => read(readFileSync(sharedFile('format-samples/eu-fsf/xmlFullSanctionsList_1_1.sample.xml')))).toThrow(
      /not an OpenSanctions FollowTheMoney file/,
    );
    expect(() => read(readFileSync(sharedFile('opensanctions/targets.simple/interpol_red_notices/targets.simple.csv')))).toThrow(
      ListFormatError,
    );
  });
});

describe('OpenSanctions FtM: bad input', () => {
  it('rejects random bytes, an empty file, JSON that is not an entity and an unknown delta op', () => {
    const random = new Uint8Array(4000);
    for (let i = 0, x = 3; i < random.length; i++) random[i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) >> 16;
    expect(() => read(random)).toThrow(ListFormatError);
    expect(() => read(new Uint8Array())).toThrow(/empty/);
    expect(() => read(utf8('{"name":"x"}\n'))).toThrow(/not a FollowTheMoney entity/);
    expect(() => read(utf8('{"op":"UPSERT","entity":{"id":"a"}}\n'))).toThrow(/unknown delta operation/);
  });

  it('keeps failing after the first error', () => {
    const reader = createFtmReader();
    expect(() => reader.write('not json\n')).toThrow(ListFormatError);
    expect(() => reader.write('{"id":"a","schema":"Person","properties":{}}\n')).toThrow(ListFormatError);
    expect(() => reader.end()).toThrow(ListFormatError);
  });
});
