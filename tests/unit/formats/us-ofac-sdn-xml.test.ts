import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countKinds, type ListMeta, type Target } from '../../../utils/model';
import { ListFormatError, type TextListReader } from '../../../utils/formats/types';
import { ofacCsvRole, readOfacCsvSet } from '../../../utils/formats/us-ofac-csv';
import { createOfacSdnXmlReader } from '../../../utils/formats/us-ofac-sdn-xml';
import { HAS_SHARED_DATA, projectRoot, SHARED_SKIP_MESSAGE, sharedFile } from '../../shared-data';

const fixtures = resolve(projectRoot, 'tests/fixtures/formats/us-ofac');
const titled = (title: string) => (HAS_SHARED_DATA ? title : `${title} (${SHARED_SKIP_MESSAGE})`);

function read(bytes: Uint8Array, chunk = bytes.length, create: () => TextListReader = createOfacSdnXmlReader) {
  const reader = create();
  const decoder = new TextDecoder('utf-8');
  const targets: Target[] = [];
  for (let i = 0; i < bytes.length; i += chunk) {
    targets.push(...reader.write(decoder.decode(bytes.subarray(i, i + chunk), { stream: true })));
  }
  targets.push(...reader.write(decoder.decode()));
  targets.push(...reader.end());
  return { targets, meta: reader.meta() as ListMeta };
}

function randomBytes(n: number, seed = 5): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const withoutRemarks = (t: Target) => {
  const { remarks: _remarks, ...rest } = t;
  return { ...rest, identifiers: [...(rest.identifiers ?? [])].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) };
};

function csvFixtureSet() {
  const dir = resolve(fixtures, 'sdn-set');
  return readOfacCsvSet(
    ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((name) => {
      const text = readFileSync(resolve(dir, name), 'latin1');
      return { role: ofacCsvRole(text)!, name, text };
    }),
  );
}

describe('OFAC SDN.XML: fixtures in the official layout', () => {
  const bytes = readFileSync(resolve(fixtures, 'SDN.vessel.xml'));
  const { targets, meta } = read(bytes);

  it('reads the header and both entries', () => {
    expect(meta).toEqual({ source: 'us-ofac-sdn', format: 'us-ofac-sdn-xml', listDate: '2024-05-03', listDateOrigin: 'content' });
    expect(targets.map((t) => t.id)).toEqual(['us-ofac-sdn:3754', 'us-ofac-sdn:15036']);
  });

  it('gives the same targets as the legacy CSV for the same entries (remarks aside)', () => {
    const csv = csvFixtureSet().targets;
    for (const t of targets) {
      const fromCsv = csv.find((c) => c.id === t.id)!;
      expect(withoutRemarks(t)).toEqual(withoutRemarks(fromCsv));
    }
  });

  it('maps vesselInfo: call sign, flag; IMO from the id list; the rest into the remarks', () => {
    const vessel = targets[1]!;
    expect(vessel.kind).toBe('vessel');
    expect(vessel.identifiers).toEqual([
      { type: 'imo', value: '9187629', note: 'Vessel Registration Identification' },
      { type: 'mmsi', value: '572469210', note: 'MMSI' },
      { type: 'call-sign', value: 'T2EU4', note: 'Call Sign' },
    ]);
    expect(vessel.nationalities).toEqual(['Iran']);
    expect(vessel.names.map((n) => n.type)).toEqual(['primary', 'former', 'former', 'weak-alias']);
    expect(vessel.remarks).toBe(
      '(Linked To: NATIONAL IRANIAN TANKER COMPANY)\n' +
        'Former Vessel Flag Malta; Former Vessel Flag Tuvalu; Former Vessel Flag None Identified; Former Vessel Flag Tanzania\n' +
        'Vessel Type Crude/Oil Products Tanker; Vessel Tonnage 99,144; Vessel Gross Registered Tonnage 56,068; Vessel Flag Iran',
    );
  });

  it('decides that a file of non-SDN programmes (consolidated.xml) is the non-SDN list', () => {
    const cons = read(readFileSync(resolve(fixtures, 'consolidated.sample.xml')));
    expect(cons.meta).toEqual({ source: 'us-ofac-cons', format: 'us-ofac-sdn-xml', listDate: '2025-12-19', listDateOrigin: 'content' });
    expect(cons.targets.map((t) => t.id)).toEqual(['us-ofac-cons:9639', 'us-ofac-cons:9640']);
    expect(cons.targets[0]).toEqual({
      id: 'us-ofac-cons:9639',
      source: 'us-ofac-cons',
      nativeId: '9639',
      kind: 'person',
      names: [
        { full: 'HANIYA, Ismail Abdul Salah', type: 'primary', script: 'latin', given: ['Ismail', 'Abdul', 'Salah'], family: 'HANIYA' },
        { full: 'HANIYA, Ismail', type: 'alias', script: 'latin', given: ['Ismail'], family: 'HANIYA' },
        { full: 'HANIYYA, Ismaeel', type: 'alias', script: 'latin', given: ['Ismaeel'], family: 'HANIYYA' },
      ],
      regimes: ['NS-PLC'],
      birthDates: ['1962'],
      birthPlaces: ['Shati'],
    });
  });

  it('gives the same targets whatever the chunk size', () => {
    for (const chunk of [1, 7, 4096]) expect(read(bytes, chunk).targets).toEqual(targets);
  });
});

describe('OFAC SDN.XML: bad input', () => {
  const bytes = readFileSync(resolve(fixtures, 'SDN.vessel.xml'));
  const text = bytes.toString('utf8');
  const fails = (input: Uint8Array, message: RegExp) => {
    expect(() => read(input)).toThrow(ListFormatError);
    expect(() => read(input)).toThrow(message);
  };

  it('rejects a copy cut at 60 % of its bytes', () => {
    fails(bytes.subarray(0, Math.floor(bytes.length * 0.6)), /ends inside <.*>.*incomplete/);
  });

  it('rejects a Record_Count that does not match the entries read (a cut or edited file)', () => {
    fails(utf8(text.replace('<Record_Count>2</Record_Count>', '<Record_Count>3</Record_Count>')), /says it holds 3 entries .* 2 were read/);
    const oneEntry = text.replace(/<sdnEntry>\s*<uid>15036<\/uid>[\s\S]*?<\/sdnEntry>/, '');
    fails(utf8(oneEntry), /says it holds 2 entries .* 1 were read/);
  });

  it('rejects another format, another XML root, random bytes and an empty list', () => {
    fails(utf8('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'), /not well-formed/);
    fails(utf8('<?xml version="1.0"?><Designations><Designation/></Designations>'), /root element is <Designations>/);
    fails(randomBytes(10_000), /not well-formed|no XML/);
    fails(utf8('<sdnList><publshInformation><Publish_Date>01/02/2024</Publish_Date></publshInformation></sdnList>'), /holds no <sdnEntry>/);
    fails(utf8('<sdnList><sdnEntry><uid>1</uid><lastName>X</lastName><sdnType>Ship</sdnType></sdnEntry></sdnList>'), /unknown sdnType “Ship”/);
  });
});

describe.skipIf(!HAS_SHARED_DATA)(titled('OFAC SDN.XML: the real sample (format-samples/us-ofac)'), () => {
  const bytes = HAS_SHARED_DATA ? readFileSync(sharedFile('format-samples/us-ofac/SDN.sample.xml')) : new Uint8Array();
  const { targets, meta } = HAS_SHARED_DATA ? read(bytes) : { targets: [], meta: undefined };
  const get = (uid: string) => targets.find((t) => t.nativeId === uid)!;

  it('reads 6 entries (3 individuals, 3 entities) and Publish_Date 09/30/2026', () => {
    expect(meta).toEqual({ source: 'us-ofac-sdn', format: 'us-ofac-sdn-xml', listDate: '2026-09-30', listDateOrigin: 'content' });
    expect(targets.map((t) => t.nativeId)).toEqual(['906', '22985', '24003', '42498', '45404', '58258']);
    expect(countKinds(targets)).toEqual({ persons: 3, organisations: 3, vessels: 0, aircraft: 0 });
  });

  it('reads 53 USDT addresses of CHEIL CREDIT BANK, and its strong and weak a.k.a.', () => {
    const bank = get('22985');
    expect(bank.identifiers!.filter((i) => i.type === 'crypto' && i.chain === 'USDT')).toHaveLength(53);
    expect(bank.names.map((n) => [n.full, n.type])).toEqual([
      ['CHEIL CREDIT BANK', 'primary'],
      ['FIRST CREDIT BANK', 'alias'],
      ['KYONGYONG CREDIT BANK', 'weak-alias'],
    ]);
    expect(bank.addresses).toEqual([
      '3-18 Pyongyang Information Center, Potonggang District, Pyongyang, Korea, North',
      'Beijing, China',
      'Shenyang, China',
      'Shanghai, China',
    ]);
  });

  it('keeps the Tron address OFAC labels XBT with chain TRX and the label in the note', () => {
    expect(get('45404').identifiers).toContainEqual({
      type: 'crypto',
      value: 'TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq',
      chain: 'TRX',
      note: 'Digital Currency Address - XBT',
    });
  });

  it('reads Behzad MESRI: two DOBs, POB, nationality, emails, gender, sanctions, remarks', () => {
    const t = get('24003');
    expect(t.names[0]).toEqual({ full: 'MESRI, Behzad', type: 'primary', script: 'latin', given: ['Behzad'], family: 'MESRI' });
    expect(t.names[1]).toEqual({ full: 'Skote Vahshat', type: 'weak-alias', script: 'latin' });
    expect(t.birthDates).toEqual(['1988-08-26', '1988-08-27']);
    expect(t.birthPlaces).toEqual(['Naghadeh, Iran']);
    expect(t.nationalities).toEqual(['Iran']);
    expect(t.gender).toBe('Male');
    expect(t.regimes).toEqual(['CYBER2', 'HRIT-IR']);
    expect(t.sanctions).toEqual(['Subject to Secondary Sanctions']);
    expect(t.identifiers!.filter((i) => i.type === 'email')).toHaveLength(7);
    expect(t.remarks).toBe('(Linked To: NET PEYGARD SAMAVAT COMPANY)');
  });

  it('reads a passport with its expiry, and one address with five parts', () => {
    expect(get('42498').identifiers).toContainEqual({
      type: 'passport',
      value: '109484100',
      country: 'Korea, North',
      note: 'Passport, expires 24 Dec 2024',
    });
    expect(get('906').addresses).toEqual([
      '4th Floor, 189 Marsh Wall, London E14 9SH, United Kingdom',
      'Edificio Atlantic, Oficina 4 H, Calle D No. 8 entre 1ra. y 3ra., Vedado, Plaza de la Revolucion, Havana 10400, Cuba',
    ]);
  });

  it('gives the same targets as sdn.csv (May 2024) for entries unchanged since', () => {
    const dir = 'us-ofac-sdn';
    const csv = readOfacCsvSet(
      [`${dir}/2024-05-03/sdn.csv`, `${dir}/companion-2025-12-24/alt.csv`, `${dir}/companion-2025-12-24/add.csv`].map((path) => {
        const text = readFileSync(sharedFile(path), 'latin1');
        return { role: ofacCsvRole(text)!, name: path, text };
      }),
    );
    for (const uid of ['906', '45404']) {
      const fromCsv = csv.targets.find((t) => t.nativeId === uid)!;
      expect(withoutRemarks(get(uid))).toEqual(withoutRemarks(fromCsv));
    }
  });

  it('gives the same targets whatever the chunk size (7 bytes, 4 KiB, 1 MiB)', () => {
    for (const chunk of [7, 4096, 1 << 20]) expect(read(bytes, chunk).targets).toEqual(targets);
  });

  it('rejects the sample cut at 60 %', () => {
    expect(() => read(bytes.subarray(0, Math.floor(bytes.length * 0.6)))).toThrow(ListFormatError);
  });
});
