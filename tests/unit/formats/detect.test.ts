import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, DETECT_BYTES } from '../../../utils/formats/detect';
import { ListFormatError } from '../../../utils/formats/types';
import { HAS_SHARED_DATA, SHARED_SKIP_MESSAGE, sharedFile } from '../../shared-data';

const head = (path: string) => new Uint8Array(readFileSync(path).subarray(0, DETECT_BYTES));
const text = (s: string) => new TextEncoder().encode(s);

describe('format detection from content', () => {
  it('names what a file is when it is no list', () => {
    expect(() => detectFormat(new Uint8Array())).toThrow(/empty/);
    expect(() => detectFormat(text('<!DOCTYPE html><html><head>'))).toThrow(/web page/);
    expect(() => detectFormat(text('%PDF-1.7\n'))).toThrow(/PDF/);
    expect(() => detectFormat(Uint8Array.from({ length: 4096 }, (_, i) => (i * 31) % 256))).toThrow(/binary/);
    expect(() => detectFormat(text('name,date\nAlice,2020'))).toThrow(ListFormatError);
    expect(() => detectFormat(text('<?xml version="1.0"?><rss></rss>'))).toThrow(/does not match/);
  });

  it('ignores the file name and a byte-order mark', () => {
    expect(detectFormat(text('\ufeff<?xml version="1.0"?>\n<!-- x -->\n<Designations><DateGenerated>')).kind).toBe('text');
    expect(detectFormat(text('Report Date: 14-Apr-2025\r\nLast Updated,Unique ID'))).toMatchObject({ format: 'uk-fcdo-csv' });
    expect(detectFormat(text('\ufefffileGenerationDate;Entity_LogicalId;Entity_EU_ReferenceNumber'))).toMatchObject({ format: 'eu-fsf-csv' });
  });
});

describe.skipIf(!HAS_SHARED_DATA)(`every real file in ../shared/data ${HAS_SHARED_DATA ? '' : SHARED_SKIP_MESSAGE}`, () => {
  it.each([
    ['format-samples/uk-fcdo/UK-Sanctions-List.sample.xml', { kind: 'text', format: 'uk-fcdo-xml' }],
    ['uk-fcdo-derived/UK-Sanctions-List.derived-2025-04-14.xml', { kind: 'text', format: 'uk-fcdo-xml' }],
    ['uk-fcdo-derived/UK-Sanctions-List.derived-2025-04-14.csv', { kind: 'text', format: 'uk-fcdo-csv' }],
    ['uk-ofsi-consolidated/ConList_2025-04-14.from-xlsx.csv', { kind: 'text', format: 'uk-ofsi-csv' }],
    ['uk-ofsi-consolidated/ConList_2025-04-14.xlsx', { kind: 'xlsx' }],
    ['uk-ofsi-consolidated/ConList_2023-06-05.xlsx', { kind: 'xlsx' }],
    ['format-samples/us-ofac/SDN.sample.xml', { kind: 'text', format: 'us-ofac-sdn-xml' }],
    ['us-ofac-consolidated-non-sdn/CONS_ENHANCED.ZIP', { kind: 'zip' }],
    ['us-ofac-sdn/2024-05-03/sdn.csv', { kind: 'ofac-csv', role: 'primary' }],
    ['us-ofac-sdn/companion-2025-12-24/alt.csv', { kind: 'ofac-csv', role: 'alt' }],
    ['us-ofac-sdn/companion-2025-12-24/add.csv', { kind: 'ofac-csv', role: 'add' }],
    ['us-ofac-sdn/companion-2025-12-24/sdn_comments.csv', { kind: 'ofac-csv', role: 'comments' }],
    ['us-ofac-consolidated-non-sdn/cons_prim.csv', { kind: 'ofac-csv', role: 'primary' }],
    ['us-ofac-consolidated-non-sdn/cons_comments.csv', { kind: 'ofac-csv', role: 'comments' }],
    ['format-samples/eu-fsf/xmlFullSanctionsList_1_1.sample.xml', { kind: 'text', format: 'eu-fsf-xml' }],
    ['un-sc-consolidated/consolidated.xml', { kind: 'text', format: 'un-sc-xml' }],
    ['opensanctions/yente-fixtures/zala/entities.ftm.json', { kind: 'text', format: 'opensanctions-ftm' }],
    ['opensanctions/yente-fixtures/t2/20240527194702-wnk/entities.delta.json', { kind: 'text', format: 'opensanctions-ftm' }],
    ['opensanctions/targets.simple/ua_war_sanctions/targets.simple.csv', { kind: 'text', format: 'opensanctions-csv' }],
    ['opensanctions/targets.simple/interpol_red_notices/targets.simple.csv', { kind: 'text', format: 'opensanctions-csv' }],
  ])('%s', (path, expected) => {
    expect(detectFormat(head(sharedFile(path)))).toMatchObject(expected);
  });
});

describe.skipIf(!HAS_SHARED_DATA)('a real file of a list Sanctions Lens does not read', () => {
  it('says so instead of guessing (Israel NBCTF orders export)', () => {
    expect(() => detectFormat(head(sharedFile('format-samples/il-nbctf/nbctf_orders.sample.csv')))).toThrow(
      /does not match any supported list format \(it begins “Id,Name he/,
    );
  });
});
