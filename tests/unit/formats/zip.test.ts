import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ListFormatError } from '../../../utils/formats/types';
import { unzipEntries } from '../../../utils/formats/zip';
import { HAS_SHARED_DATA, SHARED_SKIP_MESSAGE, sharedFile } from '../../shared-data';

const utf8 = (text: string) => new TextEncoder().encode(text);
const titled = (title: string) => (HAS_SHARED_DATA ? title : `${title} (${SHARED_SKIP_MESSAGE})`);

describe('unzipEntries', () => {
  const archive = zipSync({ 'SDN.XML': utf8('<sdnList/>'), 'docs/': new Uint8Array(), 'docs/readme.txt': utf8('hello') });

  it('lists the files in archive order, leaving folders out', () => {
    const entries = unzipEntries(archive);
    expect(entries.map((e) => e.name)).toEqual(['SDN.XML', 'docs/readme.txt']);
    expect(new TextDecoder().decode(entries[0]!.bytes)).toBe('<sdnList/>');
  });

  it('rejects a cut archive, a file that is not a zip, and random bytes after the zip signature', () => {
    const cut = archive.subarray(0, Math.floor(archive.length * 0.6));
    expect(() => unzipEntries(cut)).toThrow(ListFormatError);
    expect(() => unzipEntries(cut)).toThrow(/damaged or incomplete/);
    expect(() => unzipEntries(utf8('36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA"'))).toThrow(/not a zip archive/);
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919) & 0xff);
    noise.set([0x50, 0x4b, 0x03, 0x04]);
    expect(() => unzipEntries(noise)).toThrow(ListFormatError);
  });
});

describe.skipIf(!HAS_SHARED_DATA)(titled('unzipEntries: CONS_ENHANCED.ZIP'), () => {
  const bytes = HAS_SHARED_DATA ? new Uint8Array(readFileSync(sharedFile('us-ofac-consolidated-non-sdn/CONS_ENHANCED.ZIP'))) : new Uint8Array();

  it('holds one file, CONS_ENHANCED.XML of 3,420,879 bytes', () => {
    const entries = unzipEntries(bytes);
    expect(entries.map((e) => [e.name, e.bytes.length])).toEqual([['CONS_ENHANCED.XML', 3420879]]);
    expect(new TextDecoder().decode(entries[0]!.bytes.subarray(0, 60))).toContain('<?xml');
  });

  it('rejects the archive cut at 60 %', () => {
    expect(() => unzipEntries(bytes.subarray(0, Math.floor(bytes.length * 0.6)))).toThrow(ListFormatError);
  });
});
