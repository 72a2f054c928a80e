import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { countKinds, type Target } from '../../../utils/model';
import { ListFormatError } from '../../../utils/formats/types';
import { createFcdoXmlReader } from '../../../utils/formats/uk-fcdo-xml';
import {
  createOfsiCsvReader,
  parseOfsiOtherInformation,
  parseRefs,
  readOfsiRows,
} from '../../../utils/formats/uk-ofsi-csv';
import { readOfsiXlsx } from '../../../utils/formats/uk-ofsi-xlsx';
import { HAS_SHARED_DATA, sharedFile } from '../../shared-data';
import { byId, fixture, lazy, randomBytes, readChunked, titled, utf8 } from './uk-read-helpers';

const readCsv = (bytes: Uint8Array, chunk?: number) => readChunked(createOfsiCsvReader, bytes, chunk);

function csvRows(bytes: Uint8Array): string[][] {
  return Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true }).data;
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A minimal xlsx in OFSI's layout (shared strings, sheet "Data"), made from rows. Empty cells are left out
 * as Excel does; `Group ID` is written as a number cell and one cell as an inline string, to cover those paths.
 */
function makeXlsx(rows: string[][]): Uint8Array {
  const shared: string[] = [];
  const index = new Map<string, number>();
  const groupColumn = rows[1]!.indexOf('Group ID');
  const sheetRows = rows.map((row, r) => {
    const cells = row.map((value, c) => {
      if (value === '') return '';
      const ref = `${columnName(c)}${r + 1}`;
      if (r > 1 && c === groupColumn) return `<c r="${ref}"><v>${value}</v></c>`;
      if (r === 2 && c === 0) return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
      let at = index.get(value);
      if (at === undefined) {
        at = shared.length;
        shared.push(value);
        index.set(value, at);
      }
      return `<c r="${ref}" s="0" t="s"><v>${at}</v></c>`;
    });
    return `<row r="${r + 1}">${cells.join('')}</row>`;
  });
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns="${ns}"><sheets><sheet name="Data" sheetId="1" r:id="rId1" /></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="${shared.length}" uniqueCount="${shared.length}">${shared
        .map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`)
        .join('')}</sst>`,
    ),
    'xl/worksheets/data.xml': strToU8(
      `\ufeff<?xml version="1.0" encoding="utf-8"?><worksheet xmlns="${ns}"><sheetData>${sheetRows.join('')}</sheetData></worksheet>`,
    ),
  });
}

describe('OFSI labelled Other Information', () => {
  it('splits the known labels, keeps other brackets as free text', () => {
    expect(
      parseOfsiOtherInformation(
        '(UK Sanctions List Ref):RUS2127. Name (non-Latin script): ТЕСТ. (UK Statement of Reasons):Reasons (2) here. (Gender):Male',
      ),
    ).toEqual({
      free: [],
      sections: [
        ['UK Sanctions List Ref', 'RUS2127. Name (non-Latin script): ТЕСТ.'],
        ['UK Statement of Reasons', 'Reasons (2) here.'],
        ['Gender', 'Male'],
      ],
    });
  });

  it('reads UK and UN references as OFSI writes them', () => {
    expect(parseRefs('GHR0086.')).toEqual({ refs: ['GHR0086'], rest: '' });
    expect(parseRefs('INU0082 and SYR0310.')).toEqual({ refs: ['INU0082', 'SYR0310'], rest: '' });
    expect(parseRefs('CAF0023 . Free text.')).toEqual({ refs: ['CAF0023'], rest: 'Free text.' });
    expect(parseRefs('SDi.005.')).toEqual({ refs: ['SDi.005'], rest: '' });
    expect(parseRefs('CDi. 038. Listed pursuant to …')).toEqual({ refs: ['CDi. 038'], rest: 'Listed pursuant to …' });
    expect(parseRefs('QDi.042 and SOi.002. Listed under')).toEqual({ refs: ['QDi.042', 'SOi.002'], rest: 'Listed under' });
    expect(parseRefs('not a reference')).toEqual({ refs: [], rest: 'not a reference' });
  });
});

describe('OFSI ConList CSV: fixture shapes', () => {
  const bytes = fixture('uk-ofsi-shapes.csv');
  const { targets, meta } = readCsv(bytes);
  const t = byId(targets);

  it('reads the Last Updated date and joins each Group ID\'s rows, wherever they are', () => {
    expect(meta).toEqual({ source: 'uk-ofsi', format: 'uk-ofsi-csv', listDate: '2026-02-05', listDateOrigin: 'content' });
    expect(targets.map((x) => x.id)).toEqual(['uk-ofsi:99101', 'uk-ofsi:99102', 'uk-ofsi:99103']);
    expect(countKinds(targets)).toEqual({ persons: 1, organisations: 1, vessels: 1, aircraft: 0 });
  });

  it('maps an individual: alias types and quality, numbered cells, the labelled sections', () => {
    const p = t.get('uk-ofsi:99101')!;
    expect(p.names).toEqual([
      { full: 'Amina TESTAWI', type: 'primary', script: 'latin', given: ['Amina'], family: 'TESTAWI' },
      { full: 'Amina TESTAOUI', type: 'variation', script: 'latin', given: ['Amina'], family: 'TESTAOUI' },
      { full: 'Umm Test', type: 'weak-alias', script: 'latin' },
      { full: 'أمينة التستاوي', type: 'variation', script: 'arabic', lang: 'Arabic' },
    ]);
    expect(p).toMatchObject({
      regimes: ['Syria'],
      titles: ['Dr'],
      gender: 'Female',
      positions: ['Head of testing', 'Adviser'],
      birthDates: ['1970'],
      birthPlaces: ['Aleppo, Syria', 'Homs, Syria'],
      nationalities: ['Syria', 'Lebanon'],
      addresses: ['Test Road 5, Damascus, Syria'],
      designated: '2020-12-31',
      updated: '2024-02-02',
      reasons: 'Amina TESTAWI is an invented person.',
      crossRefs: [
        { kind: 'uk-unique-id', value: 'TST0101' },
        { kind: 'un-ref', value: 'QDi.998' },
      ],
    });
    expect(p.identifiers).toEqual([
      { type: 'passport', value: 'N000001', note: 'Syrian' },
      { type: 'passport', value: 'N000002', note: 'Lebanese, expired' },
      { type: 'national-id', value: '0100000001' },
      // Split over two lines in the free text, joined because the whole validates.
      { type: 'crypto', value: 'TNZxGWCwvsHr6JxQxzoeDXV597Yf7Zb7nV', chain: 'TRX' },
    ]);
    expect(p.remarks).toBe('Believed to live in Damascus. Wallet TNZxGWCwvsHr6JxQxzoeDXV5\n97Yf7Zb7nV.\nListed on (OFSI): 2021-06-01');
  });

  it('maps an entity: FKA as former, phones and fax, registration numbers, entity details, two UK refs', () => {
    const e = t.get('uk-ofsi:99102')!;
    expect(e.names.map((n) => `${n.type}:${n.full}`)).toEqual([
      'primary:TEST INDUSTRIES OJSC',
      'alias:TEST WORKS',
      'former:TESTPROM',
    ]);
    expect(e.identifiers).toEqual([
      { type: 'company-number', value: 'UNP 100000001' },
      { type: 'company-number', value: 'OKPO 000000001' },
      { type: 'email', value: 'info@test-belarus.example' },
      { type: 'phone', value: '+375 17 000 0001' },
      { type: 'phone', value: '+375 17 000 0002' },
      { type: 'phone', value: '+375 17 000 0003', note: 'Fax' },
      { type: 'website', value: 'www.test-belarus.example' },
    ]);
    expect(e.remarks).toBe(
      'Financial sanctions imposed in addition to an asset freeze: Trust services.\n' +
        'Type of entity: Open Joint Stock Company\nParent company: Test State Holding\nSubsidiaries: Test Branch North; Test Branch South',
    );
    expect(e.crossRefs).toEqual([
      { kind: 'uk-unique-id', value: 'TST0102' },
      { kind: 'uk-unique-id', value: 'TST0199' },
    ]);
    expect(e.addresses).toEqual(['Unit 1, Test Park, Minsk, 220000, Belarus']);
  });

  it('maps a ship: IMO number and particulars', () => {
    const s = t.get('uk-ofsi:99103')!;
    expect(s.kind).toBe('vessel');
    expect(s.identifiers).toEqual([{ type: 'imo', value: '9999992' }]);
    expect(s.remarks).toBe(
      'Listed as asset of Test Shipping.\nCurrent owner/operator: Test Shipping Co\nCurrent believed flag: Comoros\n' +
        'Previous flags: Panama; Togo\nType of ship: Crude oil tanker\nTonnage of ship: 56000\nLength of ship: 244\nYear built: 2001',
    );
  });

  it('gives the same targets whatever the chunk size', () => {
    for (const chunk of [1, 17, 4096]) expect(readCsv(bytes, chunk).targets).toEqual(targets);
  });

  it('gives the same targets from the rows (readOfsiRows) and from an xlsx of the same rows', () => {
    const rows = csvRows(bytes);
    expect(readOfsiRows(rows)).toEqual({ meta: { ...meta, format: 'uk-ofsi-xlsx' }, targets });
    const xlsx = readOfsiXlsx(makeXlsx(rows));
    expect(xlsx.meta).toEqual({ ...meta, format: 'uk-ofsi-xlsx' });
    expect(xlsx.targets).toEqual(targets);
  });
});

describe('OFSI ConList: bad input', () => {
  const bytes = fixture('uk-ofsi-shapes.csv');
  const csvFails = (input: Uint8Array, message: RegExp) => {
    expect(() => readCsv(input)).toThrow(ListFormatError);
    expect(() => readCsv(input)).toThrow(message);
  };
  const xlsxFails = (input: Uint8Array, message: RegExp) => {
    expect(() => readOfsiXlsx(input)).toThrow(ListFormatError);
    expect(() => readOfsiXlsx(input)).toThrow(message);
  };
  const xlsx = makeXlsx(csvRows(bytes));

  it('CSV: a truncated copy', () => csvFails(bytes.subarray(0, Math.floor(bytes.length * 0.6)), /incomplete/));
  it('CSV: random bytes', () => csvFails(randomBytes(6000, 3), /not the OFSI|incomplete|quoting|OFSI/));
  it('CSV: the FCDO CSV', () => csvFails(fixture('uk-fcdo-shapes.csv'), /not the OFSI Consolidated List/));
  it('CSV: an empty file', () => csvFails(new Uint8Array(0), /ends before the OFSI header/));
  it('CSV: a bad Last Updated', () => csvFails(utf8('Last Updated,yesterday\r\n'), /Last Updated/));
  it('xlsx: a truncated copy', () => xlsxFails(xlsx.subarray(0, Math.floor(xlsx.length * 0.6)), /incomplete|cannot be opened/));
  it('xlsx: random bytes', () => xlsxFails(randomBytes(6000, 5), /cannot be opened as an xlsx/));
  it('xlsx: a zip without a worksheet', () => xlsxFails(zipSync({ 'a.txt': strToU8('hello') }), /no worksheet/));
  it('xlsx: a workbook of another layout', () =>
    xlsxFails(makeXlsx([['Last Updated', '01/01/2026'], ['Name', 'Country', 'Group ID'], ['X', 'Y', '1']]), /not the OFSI Consolidated List/));
});

describe.skipIf(!HAS_SHARED_DATA)(titled('OFSI ConList: real files of 14/04/2025 and 05/06/2023'), () => {
  const data = lazy(() => {
    const xlsxBytes = new Uint8Array(readFileSync(sharedFile('uk-ofsi-consolidated', 'ConList_2025-04-14.xlsx')));
    const started = performance.now();
    const xlsx = readOfsiXlsx(xlsxBytes);
    const elapsed = performance.now() - started;
    const csvBytes = new Uint8Array(readFileSync(sharedFile('uk-ofsi-consolidated', 'ConList_2025-04-14.from-xlsx.csv')));
    return { xlsxBytes, xlsx, elapsed, csvBytes, t: byId(xlsx.targets) };
  });

  it('xlsx: 4,688 designations (3,663 individuals, 1,010 entities, 15 ships), list date 2025-04-14', () => {
    const { xlsx, elapsed } = data();
    expect(xlsx.meta).toEqual({ source: 'uk-ofsi', format: 'uk-ofsi-xlsx', listDate: '2025-04-14', listDateOrigin: 'content' });
    expect(xlsx.targets).toHaveLength(4688);
    expect(countKinds(xlsx.targets)).toEqual({ persons: 3663, organisations: 1010, vessels: 15, aircraft: 0 });
    console.info(`OFSI ConList.xlsx (2.2 MB zipped, 18,798 rows): ${Math.round(elapsed)} ms`);
  });

  it('the CSV derived from the xlsx gives identical targets, in 4 KiB and 1 MiB chunks', () => {
    const { xlsx, csvBytes } = data();
    const big = readCsv(csvBytes, 1 << 20);
    expect(big.meta).toEqual({ ...xlsx.meta, format: 'uk-ofsi-csv' });
    expect(big.targets).toEqual(xlsx.targets);
    expect(readCsv(csvBytes, 4096).targets).toEqual(xlsx.targets);
  });

  it('has the seeds 16460–16462 with their UK refs and Chinese names', () => {
    const { t } = data();
    const wuhan = t.get('uk-ofsi:16460')!;
    expect(wuhan.names.map((n) => n.full)).toEqual(['WUHAN XIAORUIZHI SCIENCE AND TECHNOLOGY COMPANY LIMITED', '武汉晓睿智科技有限责任公司']);
    expect(wuhan.crossRefs).toEqual([{ kind: 'uk-unique-id', value: 'CYB0044' }]);
    expect(wuhan.regimes).toEqual(['Cyber']);
    expect(wuhan.designated).toBe('2024-03-25');
    const zhao = t.get('uk-ofsi:16461')!;
    expect(zhao.names).toEqual([
      { full: 'Guangzong ZHAO', type: 'primary', script: 'latin', given: ['Guangzong'], family: 'ZHAO' },
      { full: '赵光宗', type: 'variation', script: 'han', lang: 'Chinese' },
    ]);
    expect(zhao).toMatchObject({
      kind: 'person',
      gender: 'Male',
      birthDates: ['1985-11-12'],
      nationalities: ['China'],
      birthPlaces: ['Jingzhou Municipality, China'],
      identifiers: [{ type: 'national-id', value: '421003198511121539' }],
      crossRefs: [{ kind: 'uk-unique-id', value: 'CYB0045' }],
    });
    expect(zhao.reasons).toMatch(/^ZHAO Guangzong, a member of Advanced Persistent Threat Group 31 \(APT31\)/);
    const ni = t.get('uk-ofsi:16462')!;
    expect(ni.names.map((n) => n.full)).toEqual(['Gaobin NI', '倪高彬']);
    expect(ni.crossRefs).toEqual([{ kind: 'uk-unique-id', value: 'CYB0046' }]);
  });

  it('takes the labelled sections out: 4,687 UK refs, 866 UN refs, IMO numbers, FKA names', () => {
    const { xlsx } = data();
    const targets: Target[] = xlsx.targets;
    expect(targets.filter((x) => x.crossRefs?.some((c) => c.kind === 'uk-unique-id'))).toHaveLength(4687);
    expect(targets.filter((x) => x.crossRefs?.some((c) => c.kind === 'un-ref'))).toHaveLength(866);
    expect(targets.flatMap((x) => x.identifiers ?? []).filter((i) => i.type === 'imo')).toHaveLength(15);
    expect(targets.flatMap((x) => x.names).filter((n) => n.type === 'former')).toHaveLength(15);
    // A multi-regime group keeps both regimes and both UK refs.
    const two = targets.find((x) => x.crossRefs?.some((c) => c.value === 'AQD0194'))!;
    expect(two.crossRefs!.filter((c) => c.kind === 'uk-unique-id').map((c) => c.value)).toEqual(['AQD0194', 'SOM0003']);
    expect(two.regimes).toHaveLength(2);
  });

  it('every designation has the same names as in the FCDO-layout file derived from it', () => {
    const { xlsx } = data();
    const xmlBytes = new Uint8Array(readFileSync(sharedFile('uk-fcdo-derived', 'UK-Sanctions-List.derived-2025-04-14.xml')));
    const fcdo = readChunked(createFcdoXmlReader, xmlBytes, 1 << 20).targets;
    const byGroup = new Map(fcdo.map((x) => [x.crossRefs!.find((c) => c.kind === 'ofsi-group')!.value, x]));
    const names = (x: Target | undefined) => [...new Set(x?.names.map((n) => n.full.toLowerCase()))].sort();
    for (const target of xlsx.targets) expect(names(target), target.id).toEqual(names(byGroup.get(target.nativeId)));
  });

  it('the 2023 xlsx: 3,993 designations (3,231 / 747 / 15) of 2023-06-05, without the seeds', () => {
    const old = readOfsiXlsx(new Uint8Array(readFileSync(sharedFile('uk-ofsi-consolidated', 'ConList_2023-06-05.xlsx'))));
    expect(old.meta.listDate).toBe('2023-06-05');
    expect(old.targets).toHaveLength(3993);
    expect(countKinds(old.targets)).toEqual({ persons: 3231, organisations: 747, vessels: 15, aircraft: 0 });
    const ids = new Set(old.targets.map((x) => x.id));
    for (const seed of ['uk-ofsi:16460', 'uk-ofsi:16461', 'uk-ofsi:16462']) expect(ids.has(seed)).toBe(false);
  });

  it('fails on the xlsx and the CSV cut at 60% of their bytes', () => {
    const { xlsxBytes, csvBytes } = data();
    expect(() => readOfsiXlsx(xlsxBytes.subarray(0, Math.floor(xlsxBytes.length * 0.6)))).toThrow(ListFormatError);
    expect(() => readCsv(csvBytes.subarray(0, Math.floor(csvBytes.length * 0.6)), 1 << 20)).toThrow(/incomplete/);
  });
});
