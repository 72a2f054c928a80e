import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countKinds, type Target } from '../../../utils/model';
import { ListFormatError } from '../../../utils/formats/types';
import { ofacCsvRole, readOfacCsvSet, type OfacCsvPart, type OfacCsvRole } from '../../../utils/formats/us-ofac-csv';
import { HAS_SHARED_DATA, projectRoot, SHARED_SKIP_MESSAGE, sharedFile } from '../../shared-data';

const fixtureDir = resolve(projectRoot, 'tests/fixtures/formats/us-ofac/sdn-set');
// OFAC's CSVs are plain ASCII; latin1 keeps any stray byte as one character.
const fixture = (name: string) => readFileSync(resolve(fixtureDir, name), 'latin1');
const shared = (path: string) => (HAS_SHARED_DATA ? readFileSync(sharedFile(path), 'latin1') : '');
const titled = (title: string) => (HAS_SHARED_DATA ? title : `${title} (${SHARED_SKIP_MESSAGE})`);

/** Parts as the importer builds them: the role decided from the first 16 KiB of content. */
function parts(files: Record<string, string>): OfacCsvPart[] {
  return Object.entries(files).map(([name, text]) => {
    const role = ofacCsvRole(text.slice(0, 16 * 1024));
    if (!role) throw new Error(`${name}: no OFAC role`);
    return { role, name, text };
  });
}

function byId(targets: Target[]): (id: string) => Target {
  const map = new Map(targets.map((t) => [t.id, t]));
  return (id) => {
    const t = map.get(id);
    if (!t) throw new Error(`${id} not read`);
    return t;
  };
}

function randomText(n: number, seed = 7): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(x >> 16 & 0xff);
  }
  return out;
}

describe('OFAC CSV: roles from content', () => {
  it('tells the four files apart by column count and cell shapes, never by name', () => {
    expect(ofacCsvRole(fixture('sdn.csv'))).toBe('primary');
    expect(ofacCsvRole(fixture('alt.csv'))).toBe('alt');
    expect(ofacCsvRole(fixture('add.csv'))).toBe('add');
    expect(ofacCsvRole(fixture('sdn_comments.csv'))).toBe('comments');
  });

  it('ignores a cut last line of a head, and accepts LF files without Ctrl-Z', () => {
    const sdn = fixture('sdn.csv');
    expect(ofacCsvRole(sdn.slice(0, 600))).toBe('primary');
    expect(ofacCsvRole(sdn.replace(/\r\n/g, '\n').replace(/\u001a$/, ''))).toBe('primary');
    expect(ofacCsvRole('306,220,"aka","NATIONAL BANK OF CUBA",-0- ')).toBe('alt');
  });

  it('rejects other CSVs, XML, empty and random text', () => {
    expect(ofacCsvRole('Last Updated,Unique ID,OFSI Group ID\r\n01/01/2025,RUS0001,1\r\n')).toBeUndefined();
    expect(ofacCsvRole('<?xml version="1.0"?><sdnList/>')).toBeUndefined();
    expect(ofacCsvRole('')).toBeUndefined();
    expect(ofacCsvRole(randomText(4096))).toBeUndefined();
    // 12 columns but SDN_Type is not individual/vessel/aircraft/-0-
    expect(ofacCsvRole('1,"A","person","X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n')).toBeUndefined();
    // rows of two different roles
    expect(ofacCsvRole(`${fixture('alt.csv').split('\n')[0]}\n${fixture('add.csv').split('\n')[0]}\n`)).toBeUndefined();
  });
});

describe('OFAC CSV: a small real set (fixture)', () => {
  const set = readOfacCsvSet(
    parts({
      'sdn.csv': fixture('sdn.csv'),
      'alt.csv': fixture('alt.csv'),
      'add.csv': fixture('add.csv'),
      'sdn_comments.csv': fixture('sdn_comments.csv'),
    }),
  );
  const get = byId(set.targets);

  it('reads 11 entries of every kind as the SDN list, with no list date', () => {
    expect(set.meta).toEqual({ source: 'us-ofac-sdn', format: 'us-ofac-csv', listDate: null, listDateOrigin: null });
    expect(set.targets.map((t) => t.nativeId)).toEqual([
      '306', '3754', '4642', '15036', '15431', '22985', '28263', '45404', '47800', '47814', '47818',
    ]);
    expect(countKinds(set.targets)).toEqual({ persons: 5, organisations: 4, vessels: 1, aircraft: 1 });
  });

  it('counts companion rows it could not use: an unknown ent_num and a stale overflow', () => {
    expect(set.ignored).toEqual({ alt: 1, add: 0, comments: 0, staleComments: 1 });
    // 22985's Remarks (281 characters) were not cut: its December 2025 overflow is not appended.
    expect(get('us-ofac-sdn:22985').remarks).not.toContain('4X3191Z8');
  });

  it('reads ZHAO Guangzong: name parts, DOB, POB, nationality/citizen, gender, national ID, address', () => {
    expect(get('us-ofac-sdn:47814')).toEqual({
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
      remarks:
        'DOB 12 Nov 1985; POB Jingzhou Municipality, China; nationality China; citizen China; Gender Male; National ID No. 421003198511121539 (China).',
    });
  });

  it('reads the company seed: USCC number, address in parts joined with ", "', () => {
    const t = get('us-ofac-sdn:47800');
    expect(t.kind).toBe('organisation');
    expect(t.names).toEqual([
      { full: 'WUHAN XIAORUIZHI SCIENCE AND TECHNOLOGY COMPANY, LIMITED', type: 'primary', script: 'latin' },
    ]);
    expect(t.addresses).toEqual([
      '2nd Floor, No. 16, Huashiyuan North Road, East Lake New Technology Development Zone, Wuhan, Hubei Province, China',
    ]);
    expect(t.identifiers).toEqual([
      { type: 'company-number', value: '91420100551956105K', country: 'China', note: 'Unified Social Credit Code (USCC)' },
    ]);
  });

  it('keeps crypto labels as chains, except the Tron address OFAC labels XBT', () => {
    const crypto = get('us-ofac-sdn:45404').identifiers!.filter((i) => i.type === 'crypto');
    expect(crypto).toEqual([
      { type: 'crypto', value: '1MLPqwaFFUBZePTjpR3nxRoK19Cv9mPCc7', chain: 'XBT', note: 'Digital Currency Address - XBT' },
      { type: 'crypto', value: '3HePkztPU6UsdENxnyQHFrdZA6eVKeMtvz', chain: 'XBT', note: 'Digital Currency Address - XBT' },
      { type: 'crypto', value: 'TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq', chain: 'TRX', note: 'Digital Currency Address - XBT' },
      { type: 'crypto', value: '0xfac583c0cf07ea434052c49115a4682172ab6b4f', chain: 'USDT', note: 'Digital Currency Address - USDT' },
    ]);
  });

  it('appends the overflow of a Remarks cell cut at 1,000 characters, even inside a word', () => {
    const t = get('us-ofac-sdn:28263');
    expect(t.remarks).toContain("a.k.a. 'snowsjohn'; Linked To: LAZARUS GROUP.");
    expect(t.names).toContainEqual({ full: 'snowsjohn', type: 'weak-alias', script: 'latin' });
    expect(t.identifiers).toContainEqual({ type: 'email', value: '417136259@qq.com', note: 'Email Address' });
    expect(t.identifiers!.filter((i) => i.type === 'crypto').length).toBeGreaterThan(5);
  });

  it('types names: alt.csv aka → alias, fka → former; Remarks a.k.a./f.k.a. → weak alias', () => {
    expect(get('us-ofac-sdn:306').names.map((n) => [n.full, n.type])).toEqual([
      ['BANCO NACIONAL DE CUBA', 'primary'],
      ['NATIONAL BANK OF CUBA', 'alias'],
      ['BNC', 'weak-alias'],
    ]);
    expect(get('us-ofac-sdn:4642').names.filter((n) => n.type === 'former').map((n) => n.full)).toEqual([
      'IRAN OVERSEAS INVESTMENT BANK PLC',
      'IRAN OVERSEAS INVESTMENT CORPORATION LIMITED',
      'IRAN OVERSEAS INVESTMENT BANK LIMITED',
    ]);
    const person = get('us-ofac-sdn:3754');
    expect(person.names[1]).toEqual({ full: 'MARZUK, Musa Abu', type: 'alias', script: 'latin', given: ['Musa', 'Abu'], family: 'MARZUK' });
    expect(person.names).toContainEqual({ full: "ABU-'UMAR", type: 'weak-alias', script: 'latin' });
    expect(person.positions).toEqual(['Political Leader in Amman, Jordan and Damascus, Syria for HAMAS']);
    expect(person.identifiers).toEqual([
      { type: 'passport', value: '92/664', country: 'Egypt', note: 'Passport' },
      { type: 'national-id', value: '523-33-8386', country: 'United States', note: 'SSN' },
    ]);
  });

  it('reads a vessel: call sign, IMO and MMSI, flag as nationality, the other vessel columns in the remarks', () => {
    const t = get('us-ofac-sdn:15036');
    expect(t.kind).toBe('vessel');
    expect(t.names.map((n) => [n.full, n.type])).toEqual([
      ['ARTAVIL', 'primary'],
      ['ABADAN', 'former'],
      ['SHONA', 'former'],
      ['ALPHA', 'weak-alias'],
    ]);
    expect(t.identifiers).toEqual([
      { type: 'call-sign', value: 'T2EU4', note: 'Call Sign' },
      { type: 'imo', value: '9187629', note: 'Vessel Registration Identification' },
      { type: 'mmsi', value: '572469210', note: 'MMSI' },
    ]);
    expect(t.nationalities).toEqual(['Iran']);
    expect(t.sanctions).toEqual(['Subject to Secondary Sanctions']);
    expect(t.remarks).toContain('Former Vessel Flag Malta');
    expect(t.remarks).toContain(
      'Vessel Type Crude/Oil Products Tanker; Vessel Tonnage 99,144; Vessel Gross Registered Tonnage 56,068; Vessel Flag Iran',
    );
  });

  it('reads an aircraft with its serial numbers as identifiers', () => {
    const t = get('us-ofac-sdn:15431');
    expect(t.kind).toBe('aircraft');
    expect(t.identifiers).toContainEqual({
      type: 'other',
      value: '1023409321',
      note: "Aircraft Manufacturer's Serial Number (MSN)",
    });
  });

  it('reads sanctions information and passport expiry', () => {
    const t = get('us-ofac-sdn:22985');
    expect(t.sanctions).toEqual([
      'Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210',
      'Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions: North Korea Sanctions Regulations section 510.214',
    ]);
    expect(t.names).toContainEqual({ full: 'KYONGYONG CREDIT BANK', type: 'weak-alias', script: 'latin' });
    expect(t.addresses).toEqual([
      '3-18 Pyongyang Information Center, Potonggang District, Pyongyang, Korea, North',
      'Beijing, China',
      'Shenyang, China',
      'Shanghai, China',
    ]);
  });

  it('gives the same targets from LF files without Ctrl-Z and whatever the order of the parts', () => {
    const lf = (text: string) => text.replace(/\r\n/g, '\n').replace(/\u001a$/, '');
    const again = readOfacCsvSet(
      parts({
        'c.csv': lf(fixture('sdn_comments.csv')),
        'b.csv': lf(fixture('add.csv')),
        'a.csv': lf(fixture('alt.csv')),
        'download.csv': lf(fixture('sdn.csv')),
      }),
    );
    expect(again.targets).toEqual(set.targets);
  });
});

describe('OFAC CSV: bad input', () => {
  const sdn = fixture('sdn.csv');
  const expectError = (list: OfacCsvPart[], message: RegExp) => {
    expect(() => readOfacCsvSet(list)).toThrow(ListFormatError);
    expect(() => readOfacCsvSet(list)).toThrow(message);
  };

  it('needs a primary file, and only one', () => {
    expectError([{ role: 'alt', name: 'alt.csv', text: fixture('alt.csv') }], /needs its main file/);
    expectError(
      [
        { role: 'primary', name: 'a.csv', text: sdn },
        { role: 'primary', name: 'b.csv', text: sdn },
      ],
      /More than one OFAC main file/,
    );
  });

  it('rejects a file given the wrong role, naming the file', () => {
    expectError([{ role: 'primary', name: 'alt.csv', text: fixture('alt.csv') }], /“alt.csv”.*alternate-name file/);
    expectError(
      [
        { role: 'primary', name: 'sdn.csv', text: sdn },
        { role: 'add', name: 'x.csv', text: fixture('alt.csv') },
      ],
      /“x.csv” is not a complete OFAC address file/,
    );
  });

  it('rejects a copy cut at 60 % of its bytes', () => {
    const cut = sdn.slice(0, Math.floor(sdn.length * 0.6));
    expectError([{ role: 'primary', name: 'sdn.csv', text: cut }], /incomplete|cut short/);
  });

  it('rejects another format, random bytes and an empty file', () => {
    expectError([{ role: 'primary', name: 'x.xml', text: '<?xml version="1.0"?>\n<sdnList></sdnList>\n' }], /x\.xml/);
    expectError([{ role: 'primary', name: 'random.bin', text: randomText(20_000) }], /random\.bin/);
    expectError([{ role: 'primary', name: 'empty.csv', text: '' }], /holds no rows/);
  });

  it('rejects a duplicated ent_num and an unknown SDN_Type', () => {
    const first = sdn.split('\r\n')[0]!;
    expectError([{ role: 'primary', name: 'twice.csv', text: `${first}\r\n${first}\r\n` }], /appears twice/);
    expectError(
      [{ role: 'primary', name: 't.csv', text: first.replace(/^306,"BANCO NACIONAL DE CUBA",-0- /, '306,"X","ship"') }],
      /unknown SDN_Type “ship”/,
    );
  });
});

describe.skipIf(!HAS_SHARED_DATA)(titled('OFAC CSV: the real files'), () => {
  const dir = 'us-ofac-sdn';
  const started = performance.now();
  // The body of a skipped describe still runs: read only when the files are there.
  const may = HAS_SHARED_DATA
    ? readOfacCsvSet(
        parts({
          'sdn.csv': shared(`${dir}/2024-05-03/sdn.csv`),
          'add.csv': shared(`${dir}/companion-2025-12-24/add.csv`),
          'alt.csv': shared(`${dir}/companion-2025-12-24/alt.csv`),
          'sdn_comments.csv': shared(`${dir}/companion-2025-12-24/sdn_comments.csv`),
        }),
      )
    : { meta: undefined, targets: [], ignored: { alt: 0, add: 0, comments: 0, staleComments: 0 } };
  const elapsed = performance.now() - started;
  const get = byId(may.targets);

  it('reads sdn.csv of 2024-05-03: 14,965 entries (6,854 individuals, 6,884 entities, 851 vessels, 376 aircraft)', () => {
    console.info(`OFAC sdn.csv + Dec 2025 add/alt/comments (7.5 MB): ${elapsed.toFixed(0)} ms`);
    expect(may.meta?.source).toBe('us-ofac-sdn');
    expect(may.targets).toHaveLength(14965);
    expect(new Set(may.targets.map((t) => t.id)).size).toBe(14965);
    expect(countKinds(may.targets)).toEqual({ persons: 6854, organisations: 6884, vessels: 851, aircraft: 376 });
  });

  it('ignores and counts the December 2025 companion rows of entries the May 2024 file lacks', () => {
    // add.csv: 4,253 ent_nums designated after May 2024 (PROVENANCE); alt.csv: 1,567 ent_nums.
    expect(may.ignored.add).toBeGreaterThan(4253);
    expect(may.ignored.alt).toBeGreaterThan(1567);
    expect(may.ignored.comments + may.ignored.staleComments).toBeGreaterThan(0);
    expect(may.ignored.comments + may.ignored.staleComments).toBeLessThanOrEqual(28);
  });

  it('finds the three seeds with their addresses from the companion add.csv', () => {
    expect(get('us-ofac-sdn:47800').names[0]!.full).toBe('WUHAN XIAORUIZHI SCIENCE AND TECHNOLOGY COMPANY, LIMITED');
    expect(get('us-ofac-sdn:47814').names[0]).toMatchObject({ family: 'ZHAO', given: ['Guangzong'] });
    expect(get('us-ofac-sdn:47818').names[0]).toMatchObject({ full: 'NI, Gaobin', family: 'NI', given: ['Gaobin'] });
    expect(get('us-ofac-sdn:47818').addresses).toEqual(['Hubei Province, China']);
    expect(get('us-ofac-sdn:47818').birthDates).toEqual(['1985-10-27']);
    // The matching trap: the Guangzong County address belongs to WANG Mingming, not to ZHAO Guangzong.
    expect(get('us-ofac-sdn:45404').addresses![0]).toContain('Guangzong County');
  });

  it('maps the Remarks onto the model across the whole list', () => {
    const all = (pick: (t: Target) => unknown[] | undefined) => may.targets.flatMap((t) => pick(t) ?? []);
    const ids = all((t) => t.identifiers) as NonNullable<Target['identifiers']>;
    const count = (type: string) => ids.filter((i) => i.type === type).length;
    expect(count('imo')).toBeGreaterThan(900);
    expect(count('crypto')).toBeGreaterThan(500);
    expect(count('passport')).toBeGreaterThan(2000);
    expect(count('swift-bic')).toBeGreaterThan(150);
    expect(all((t) => t.names).filter((n) => (n as { type: string }).type === 'weak-alias').length).toBeGreaterThan(3000);
    // Every DOB is ISO (full or partial) unless OFAC writes a range or an approximation.
    for (const date of all((t) => t.birthDates) as string[]) {
      expect(date).toMatch(/^\d{4}(-\d\d(-\d\d)?)?$|circa|to/);
    }
    expect(may.targets.filter((t) => t.sanctions?.includes('Subject to Secondary Sanctions')).length).toBeGreaterThan(1000);
  });

  it('reads the 2024-03-22 and 2024-03-25 files: 14,507 and 14,530 entries, 23 added with the seeds', () => {
    const before = readOfacCsvSet(parts({ 'sdn.csv': shared(`${dir}/2024-03-22/sdn.csv`) }));
    const after = readOfacCsvSet(parts({ 'sdn.csv': shared(`${dir}/2024-03-25/sdn.csv`) }));
    expect(before.targets).toHaveLength(14507);
    expect(after.targets).toHaveLength(14530);
    const old = new Set(before.targets.map((t) => t.id));
    const added = after.targets.filter((t) => !old.has(t.id)).map((t) => t.nativeId);
    expect(added).toHaveLength(23);
    expect(added).toEqual(expect.arrayContaining(['47800', '47814', '47818']));
  });

  it('reads the consistent 2019 set: 7,379 entries, every companion row used', () => {
    const set = readOfacCsvSet(
      parts({
        'sdn.csv': shared(`${dir}/consistent-set-2019/sdn.csv`),
        'add.csv': shared(`${dir}/consistent-set-2019/add.csv`),
        'alt.csv': shared(`${dir}/consistent-set-2019/alt.csv`),
      }),
    );
    expect(set.meta.source).toBe('us-ofac-sdn');
    expect(set.targets).toHaveLength(7379);
    expect(set.ignored).toEqual({ alt: 0, add: 0, comments: 0, staleComments: 0 });
    const aliases = set.targets.reduce((n, t) => n + t.names.filter((x) => x.type === 'alias' || x.type === 'former').length, 0);
    // 9,682 alt.csv rows, less the few that repeat a name of the same entry.
    expect(aliases).toBeGreaterThan(9600);
    expect(aliases).toBeLessThanOrEqual(9682);
  });

  it('decides from content that cons_*.csv is the non-SDN list: 442 entries (79 individuals, 363 entities)', () => {
    const c = 'us-ofac-consolidated-non-sdn';
    const cons = readOfacCsvSet(
      parts({
        'cons_prim.csv': shared(`${c}/cons_prim.csv`),
        'cons_alt.csv': shared(`${c}/cons_alt.csv`),
        'cons_add.csv': shared(`${c}/cons_add.csv`),
        'cons_comments.csv': shared(`${c}/cons_comments.csv`),
      }),
    );
    expect(cons.meta).toEqual({ source: 'us-ofac-cons', format: 'us-ofac-csv', listDate: null, listDateOrigin: null });
    expect(cons.targets).toHaveLength(442);
    expect(countKinds(cons.targets)).toEqual({ persons: 79, organisations: 363, vessels: 0, aircraft: 0 });
    expect(cons.ignored).toEqual({ alt: 0, add: 0, comments: 0, staleComments: 0 });
    const t = byId(cons.targets)('us-ofac-cons:30930');
    // The Remarks cell ends "…(USCC) 91110000710934369E " and cons_comments.csv continues "(China); a.k.a. 'CCCC'."
    expect(t.identifiers).toContainEqual({
      type: 'company-number',
      value: '91110000710934369E',
      country: 'China',
      note: 'Unified Social Credit Code (USCC)',
    });
    expect(t.names).toContainEqual({ full: 'CCCC', type: 'weak-alias', script: 'latin' });
    const sectoral = byId(cons.targets)('us-ofac-cons:17016');
    expect(sectoral.regimes).toEqual(['UKRAINE-EO13662', 'RUSSIA-EO14024']);
    expect(sectoral.sanctions).toContain('Executive Order 13662 Directive Determination - Subject to Directive 1');
  });

  it('reads the same sdn.csv as a primary whatever role the importer guessed for the others', () => {
    const roles: OfacCsvRole[] = ['primary', 'add', 'alt', 'comments'];
    const files = ['2024-05-03/sdn.csv', 'companion-2025-12-24/add.csv', 'companion-2025-12-24/alt.csv', 'companion-2025-12-24/sdn_comments.csv'];
    files.forEach((f, i) => expect(ofacCsvRole(shared(`${dir}/${f}`).slice(0, 16384))).toBe(roles[i]));
  });
});
