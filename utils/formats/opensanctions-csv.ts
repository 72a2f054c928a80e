import type { Identifier, ListMeta, Target, TargetKind, TargetName } from '../model';
import { createCsvRowStream } from './csv-stream';
import { parseIsoDate } from './dates';
import { compact, uniqueIdentifiers } from './eu-fsf-xml';
import { countryName, imoNumber, kindOfSchema } from './opensanctions-ftm';
import { clean, cleanParagraphs, scriptOf, unique } from './text';
import { ListFormatError, type TextListReader } from './types';
import { TargetOutbox } from './target-outbox';

/**
 * OpenSanctions `targets.simple.csv`: one row per target, columns keyed by name (the current layout has 16 with
 * `program_ids`; older exports have 15 without it). Multi-valued cells join their values with `;`, quoting a
 * value that itself holds `;`, `"` or a line break (`"a ""b"";c"`), as a one-line `;`-delimited CSV record.
 */

const FORMAT = 'opensanctions-csv';
const REQUIRED = ['id', 'schema', 'name'];

/** Splits a `;`-joined cell, honouring the quotes OpenSanctions puts around values that need them. */
export function splitJoined(cell: string | undefined): string[] {
  if (!cell) return [];
  if (!cell.includes('"')) return cell.split(';').map((v) => clean(v)).filter(Boolean);
  const out: string[] = [];
  const n = cell.length;
  let i = 0;
  while (i <= n) {
    let j = i;
    while (j < n && cell.charCodeAt(j) === 32) j++;
    if (cell.charCodeAt(j) === 34 /* " */) {
      let value = '';
      let k = j + 1;
      for (;;) {
        const q = cell.indexOf('"', k);
        if (q === -1) {
          value += cell.slice(k);
          i = n + 1;
          break;
        }
        value += cell.slice(k, q);
        if (cell.charCodeAt(q + 1) === 34) {
          value += '"';
          k = q + 2;
          continue;
        }
        const semi = cell.indexOf(';', q + 1);
        value += semi === -1 ? cell.slice(q + 1) : cell.slice(q + 1, semi);
        i = semi === -1 ? n + 1 : semi + 1;
        break;
      }
      out.push(value);
    } else {
      const semi = cell.indexOf(';', i);
      out.push(semi === -1 ? cell.slice(i) : cell.slice(i, semi));
      i = semi === -1 ? n + 1 : semi + 1;
    }
  }
  return out.map((v) => v.trim()).filter(Boolean);
}

/** The identifiers column gives values without their kind: recognise the unambiguous ones. */
function identifierOf(value: string, kind: TargetKind): Identifier {
  if (/^IMO\s*\d{7}$/i.test(value)) return { type: 'imo', value: imoNumber(value) };
  if (kind === 'vessel') {
    if (/^\d{9}$/.test(value)) return { type: 'mmsi', value };
    if (/^[A-Z0-9]{3,7}$/.test(value) && /[A-Z]/.test(value) && /\d/.test(value)) return { type: 'call-sign', value };
  }
  if (kind !== 'person' && /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(value)) return { type: 'swift-bic', value };
  return { type: 'other', value };
}

export function createOpenSanctionsCsvReader(): TextListReader {
  let header: Map<string, number> | undefined;
  let listDate: string | undefined;
  const outbox = new TargetOutbox();

  const rowToTarget = (row: string[], index: number): Target => {
    const cell = (name: string): string => {
      const i = header!.get(name);
      return i === undefined ? '' : (row[i] ?? '');
    };
    const id = clean(cell('id'));
    if (!id) throw new ListFormatError(`Row ${index + 1} has no id: the file is damaged.`);
    const kind = kindOfSchema(clean(cell('schema')));
    const names: TargetName[] = [];
    const primary = clean(cell('name'));
    if (primary) names.push({ full: primary, type: 'primary', script: scriptOf(primary) });
    const list = (name: string) => splitJoined(cell(name)).map(clean).filter(Boolean);
    for (const alias of list('aliases')) {
      if (names.some((n) => n.full.toLowerCase() === alias.toLowerCase())) continue;
      names.push({ full: alias, type: names.length ? 'alias' : 'primary', script: scriptOf(alias) });
    }
    if (names.length === 0) throw new ListFormatError(`Row ${index + 1} (${id}) has no name.`);

    const identifiers: Identifier[] = [
      ...list('identifiers').map((v) => identifierOf(v, kind)),
      ...list('phones').map((value): Identifier => ({ type: 'phone', value })),
      ...list('emails').map((value): Identifier => ({ type: 'email', value })),
    ];
    const programs = list('program_ids');
    const reasons = splitJoined(cell('sanctions'))
      .map((v) => cleanParagraphs(v))
      .filter(Boolean);
    const lastSeen = clean(cell('last_seen'));
    const lastChange = clean(cell('last_change'));
    for (const date of [lastSeen, lastChange]) if (date && (!listDate || date > listDate)) listDate = date;

    return compact({
      id: `opensanctions:${id}`,
      source: 'opensanctions',
      nativeId: id,
      kind,
      names,
      birthDates: unique(list('birth_date')),
      nationalities: unique(list('countries').map(countryName)),
      addresses: unique(list('addresses')),
      identifiers: uniqueIdentifiers(identifiers),
      // Programme ids where the export has them; otherwise the dataset (e.g. "INTERPOL Red Notices").
      regimes: unique(programs.length ? programs : list('dataset')),
      updated: parseIsoDate(lastChange),
      reasons: unique(reasons).join('\n') || undefined,
      remarks: clean(cell('dataset')) ? `OpenSanctions dataset: ${clean(cell('dataset'))}` : undefined,
    });
  };

  const rows = createCsvRowStream({
    onRow(row, index) {
      if (!header) {
        const names = row.map((h) => clean(h).toLowerCase());
        const missing = REQUIRED.filter((r) => !names.includes(r));
        if (missing.length) {
          throw new ListFormatError(
            `This is not an OpenSanctions targets.simple.csv file: its header lacks ${missing.map((m) => `"${m}"`).join(', ')}.`,
          );
        }
        header = new Map(names.map((n, i) => [n, i]));
        return;
      }
      if (row.length === 1 && clean(row[0]) === '') return;
      if (row.length < header.size) {
        throw new ListFormatError(
          `Row ${index} has ${row.length} columns where the header has ${header.size}: the file is damaged or cut short.`,
        );
      }
      outbox.push(rowToTarget(row, index));
    },
  });

  const guarded = (step: () => void): Target[] => outbox.run(step);

  return {
    write: (text) => guarded(() => rows.write(text)),
    end: () =>
      guarded(() => {
        rows.end();
        if (!header) throw new ListFormatError('The file is empty: it has no header row.');
      }),
    meta: (): ListMeta => {
      const date = parseIsoDate(listDate) ?? null;
      return { source: 'opensanctions', format: FORMAT, listDate: date, listDateOrigin: date ? 'content' : null };
    },
  };
}
