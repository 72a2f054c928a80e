import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ListMeta, Target } from '../../../utils/model';
import { createEuFsfCsvReader } from '../../../utils/formats/eu-fsf-csv';
import { createEuFsfXmlReader } from '../../../utils/formats/eu-fsf-xml';
import { ListFormatError, type TextListReader } from '../../../utils/formats/types';
import { projectRoot } from '../../shared-data';

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

// The same made-up records as eu-fsf-shapes.xml, flattened into the CSV 1.1 layout (one row per regulation,
// name, address, birth date, identification and citizenship, entity columns repeated; UTF-8 BOM, `;`).
const csv = readFileSync(resolve(projectRoot, 'tests/fixtures/formats/eu-fsf-shapes.csv'));
const xml = readFileSync(resolve(projectRoot, 'tests/fixtures/formats/eu-fsf-shapes.xml'));

describe('EU FSF CSV 1.1 (own fixture)', () => {
  const { targets, meta } = read(createEuFsfCsvReader, csv);

  it('reads the date from fileGenerationDate (dd/mm/yyyy)', () => {
    expect(meta).toEqual({ source: 'eu-fsf', format: 'eu-fsf-csv', listDate: '2026-10-01', listDateOrigin: 'content' });
  });

  it('folds the rows back into entities and maps them exactly as the XML reader does', () => {
    const fromXml = read(createEuFsfXmlReader, xml).targets;
    // The CSV has no column for the XML's strong="false": that one name is a plain alias here.
    const expected = structuredClone(fromXml);
    const masha = expected[0]!.names.find((n) => n.full === 'Masha')!;
    masha.type = 'alias';
    expect(targets).toEqual(expected);
    expect(targets.map((t) => [t.id, t.kind])).toEqual([
      ['eu-fsf:900001', 'person'],
      ['eu-fsf:900100', 'vessel'],
      ['eu-fsf:900200', 'organisation'],
    ]);
  });

  it('reads contact info written in one cell', () => {
    expect(targets[0]!.identifiers!.filter((i) => i.type === 'email' || i.type === 'phone')).toEqual([
      { type: 'email', value: 'm.obraztsova@example.ru' },
      { type: 'email', value: 'press@example.ru' },
      { type: 'phone', value: '+7 495 000 00 00' },
    ]);
  });

  it('gives the same targets whatever the chunk size, and when an entity’s rows are not together', () => {
    for (const size of [1, 7, 64, 4096]) expect(read(createEuFsfCsvReader, csv, size).targets).toEqual(targets);
    const [header, ...rows] = new TextDecoder().decode(csv).trimEnd().split('\n');
    const shuffled = [header, ...rows.filter((_, i) => i % 2 === 0), ...rows.filter((_, i) => i % 2 === 1)].join('\n');
    const reordered = read(createEuFsfCsvReader, new TextEncoder().encode(shuffled)).targets;
    expect(reordered.map((t) => t.id).sort()).toEqual(targets.map((t) => t.id).sort());
    expect(reordered.find((t) => t.id === 'eu-fsf:900200')).toEqual(targets[2]);
  });
});

describe('EU FSF CSV 1.1: bad input', () => {
  it('rejects a copy cut at 60% of its bytes', () => {
    expect(() => read(createEuFsfCsvReader, csv.subarray(0, Math.floor(csv.length * 0.6)))).toThrow(/incomplete|cut short/);
  });

  it('rejects the XML format, random bytes and an empty file', () => {
    expect(() => read(createEuFsfCsvReader, xml)).toThrow(/not an EU Financial Sanctions CSV file/);
    const random = new Uint8Array(4000);
    for (let i = 0, x = 9; i < random.length; i++) random[i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) >> 16;
    expect(() => read(createEuFsfCsvReader, random)).toThrow(ListFormatError);
    expect(() => read(createEuFsfCsvReader, new Uint8Array())).toThrow(/empty/);
  });
});
