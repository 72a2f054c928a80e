import Papa from 'papaparse';
import type { TargetKind } from '../model';
import { createCsvRowStream } from './csv-stream';
import { ListFormatError, type ReadList } from './types';
import {
  applyOfacRemarks,
  hasNonSdnMarker,
  OfacTargetBuilder,
  ofacValue,
  sourceFromMarkers,
  splitProgrammes,
} from './us-ofac-common';

/**
 * OFAC's legacy delimited files, read as one set joined by `ent_num`:
 * - primary `sdn.csv` / `cons_prim.csv` (12 columns): ent_num, SDN_Name, SDN_Type, Program, Title,
 *   Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks;
 * - `alt.csv` / `cons_alt.csv` (5): ent_num, alt_num, alt_type (aka/fka/nka), alt_name, alt_remarks;
 * - `add.csv` / `cons_add.csv` (6): ent_num, add_num, address, city/state/postal code, country, add_remarks;
 * - `sdn_comments.csv` / `cons_comments.csv` (2): ent_num, the rest of a Remarks cell cut at 1,000 characters.
 * No header; `-0- ` is null; CRLF and a final Ctrl-Z (0x1A) in OFAC's own copies.
 *
 * Which list a set is (SDN or non-SDN consolidated) is read from the primary file's content, never its
 * name: the layouts are identical, but every entry of the non-SDN list carries a non-SDN programme
 * (UKRAINE-EO13662 sectoral, NS-PLC, CMIC-EO13959, FSE-*, 561-Related/CAPTA, NS-MBS …) or a directive
 * determination in its Remarks, against about 1 % of SDN entries (those on both lists). Half or more → non-SDN.
 *
 * The CSV states no list date: `meta.listDate` is null (the caller takes one from HTTP headers or the name).
 */

export type OfacCsvRole = 'primary' | 'alt' | 'add' | 'comments';

export interface OfacCsvPart {
  role: OfacCsvRole;
  name: string;
  text: string;
}

/** Rows of the companion files that were not used, counted (a companion of another date refers to entries the primary file lacks). */
export interface OfacCsvIgnored {
  /** alt/add/comments rows whose ent_num is not in the primary file. */
  alt: number;
  add: number;
  comments: number;
  /** Comments for an entry whose Remarks were not cut at 1,000 characters: an overflow of another date, not appended. */
  staleComments: number;
}

export interface OfacCsvSet extends ReadList {
  ignored: OfacCsvIgnored;
}

const COLUMNS: Record<OfacCsvRole, number> = { primary: 12, alt: 5, add: 6, comments: 2 };
const ROLE_NAMES: Record<OfacCsvRole, string> = {
  primary: 'main file (sdn.csv / cons_prim.csv)',
  alt: 'alternate-name file (alt.csv)',
  add: 'address file (add.csv)',
  comments: 'remarks-overflow file (sdn_comments.csv)',
};
/** Columns 6–10 (after Call_Sign), as OFAC's other formats label them. */
const VESSEL_COLUMNS = ['Vessel Type', 'Vessel Tonnage', 'Vessel Gross Registered Tonnage', 'Vessel Flag', 'Vessel Owner'];
/** OFAC cuts the Remarks cell at this length and carries the rest in the comments file. */
const REMARKS_CUT = 1000;

const ENT_NUM = /^\d+$/;
const SDN_TYPES = new Set(['individual', 'vessel', 'aircraft', '-0-']);
const ALT_TYPES = new Set(['aka', 'fka', 'nka']);

function roleOfRow(row: string[]): OfacCsvRole | undefined {
  const cell = (i: number) => (row[i] ?? '').trim();
  if (!ENT_NUM.test(cell(0))) return undefined;
  switch (row.length) {
    case 12:
      return SDN_TYPES.has(cell(2).toLowerCase()) ? 'primary' : undefined;
    case 6:
      return ENT_NUM.test(cell(1)) ? 'add' : undefined;
    case 5:
      return ENT_NUM.test(cell(1)) && ALT_TYPES.has(cell(2).toLowerCase()) ? 'alt' : undefined;
    case 2:
      return cell(1) !== '' && !ENT_NUM.test(cell(1)) ? 'comments' : undefined;
    default:
      return undefined;
  }
}

/**
 * The role of an OFAC legacy CSV file from its first lines (content only, never the name): column count
 * and cell shapes (numeric ent_num; SDN_Type `individual|vessel|aircraft|-0-`; alt_type `aka|fka|nka`).
 * Undefined when the text is not one of them. `head` may end inside a line (first bytes of a file).
 */
export function ofacCsvRole(head: string): OfacCsvRole | undefined {
  let text = head.replace(/^\ufeff/, '');
  const lastBreak = text.lastIndexOf('\n');
  // Drop a cut last line, unless it is the only one (a small file read whole has no final break either).
  if (lastBreak >= 0 && lastBreak < text.length - 1) text = text.slice(0, lastBreak + 1);
  text = text.replace(/\u001a\s*$/, '');
  if (!/^\d/.test(text.trimStart())) return undefined;
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true, preview: 5 });
  if (parsed.data.length === 0 || parsed.errors.some((e) => e.type === 'Quotes')) return undefined;
  let role: OfacCsvRole | undefined;
  for (const row of parsed.data) {
    const rowRole = roleOfRow(row);
    if (!rowRole || (role && rowRole !== role)) return undefined;
    role = rowRole;
  }
  return role;
}

function kindOf(sdnType: string): TargetKind | undefined {
  switch (ofacValue(sdnType).toLowerCase()) {
    case 'individual':
      return 'person';
    case 'vessel':
      return 'vessel';
    case 'aircraft':
      return 'aircraft';
    case '':
      return 'organisation';
    default:
      return undefined;
  }
}

/** Hands each row of one file to `onRow`, checked for the role's column count (no array of all rows is kept). */
function eachRow(part: OfacCsvPart, onRow: (row: string[]) => void): void {
  const expected = COLUMNS[part.role];
  let count = 0;
  const stream = createCsvRowStream({
    onRow(row, index) {
      if (row.length === 1 && row[0]!.trim() === '') return;
      if (row.length !== expected || !ENT_NUM.test(row[0]!.trim())) {
        const found = roleOfRow(row);
        const why = found
          ? `it looks like an OFAC ${ROLE_NAMES[found]}`
          : row.length !== expected
            ? `row ${index + 1} has ${row.length} columns where an OFAC ${ROLE_NAMES[part.role]} has ${expected}`
            : `row ${index + 1} does not start with a numeric ent_num`;
        throw new ListFormatError(
          `“${part.name}” is not a complete OFAC ${ROLE_NAMES[part.role]}: ${why}` +
            (index > 0 ? ' (the file may be cut short or edited).' : '.'),
        );
      }
      count++;
      onRow(row);
    },
  });
  try {
    stream.write(part.text);
    stream.end();
  } catch (error) {
    if (error instanceof ListFormatError && !error.message.startsWith('“')) {
      throw new ListFormatError(`“${part.name}”: ${error.message}`);
    }
    throw error;
  }
  if (count === 0) throw new ListFormatError(`“${part.name}” holds no rows.`);
}

interface Entry {
  builder: OfacTargetBuilder;
  remarks: string;
  cut: boolean;
  comments: string[] | undefined;
  /** Vessel type, tonnage, flag and owner: no model field, so kept as a remarks paragraph. */
  vessel: string;
  /** Vess_flag: the vessel's nationality. */
  flag: string;
}

/**
 * Reads an OFAC CSV set (a primary file plus any alt/add/comments files) into targets.
 * Companion rows whose ent_num is not in the primary file are ignored and counted in `ignored`.
 */
export function readOfacCsvSet(parts: OfacCsvPart[]): OfacCsvSet {
  const primaries = parts.filter((p) => p.role === 'primary');
  if (primaries.length === 0) {
    const names = parts.map((p) => `“${p.name}”`).join(', ') || 'nothing';
    throw new ListFormatError(
      `An OFAC CSV set needs its main file (sdn.csv or cons_prim.csv, 12 columns); only ${names} was given.`,
    );
  }
  if (primaries.length > 1) {
    throw new ListFormatError(
      `More than one OFAC main file was given (${primaries.map((p) => `“${p.name}”`).join(', ')}): read one list at a time.`,
    );
  }
  const primary = primaries[0]!;

  // Numeric keys: hashing 40,000 sliced strings costs more than parsing them.
  const entries = new Map<number, Entry>();
  const order: Entry[] = [];
  let marked = 0;
  eachRow(primary, (row) => {
    const entNum = row[0]!.trim();
    const kind = kindOf(row[2]!);
    if (!kind) {
      throw new ListFormatError(`“${primary.name}”: entry ${entNum} has the unknown SDN_Type “${ofacValue(row[2])}”.`);
    }
    const key = Number(entNum);
    if (entries.has(key)) {
      throw new ListFormatError(`“${primary.name}”: ent_num ${entNum} appears twice; the file is damaged or two files were joined.`);
    }
    const builder = new OfacTargetBuilder(entNum, kind);
    builder.addWrittenName(row[1]!, 'primary');
    for (const programme of splitProgrammes(row[3]!)) builder.addRegime(programme);
    builder.addPosition(row[4]!);
    const entry: Entry = {
      builder,
      remarks: /^\s*-0-?\s*$/.test(row[11]!) ? '' : row[11]!,
      cut: row[11]!.length >= REMARKS_CUT,
      comments: undefined,
      vessel: '',
      flag: row[9]!,
    };
    // Vessel columns: call sign is an identifier, the flag the vessel's nationality; type, tonnage and owner have no field.
    if (ofacValue(row[5])) builder.addIdentifier('call-sign', row[5]!, 'Call Sign');
    if (kind === 'vessel' || row.slice(5, 11).some((cell) => ofacValue(cell))) {
      entry.vessel = VESSEL_COLUMNS.map((label, i) => [label, ofacValue(row[6 + i])])
        .filter(([, value]) => value)
        .map(([label, value]) => `${label} ${value}`)
        .join('; ');
    }
    entries.set(key, entry);
    order.push(entry);
  });

  const ignored: OfacCsvIgnored = { alt: 0, add: 0, comments: 0, staleComments: 0 };
  // Alternate names and addresses go straight onto the builders (names keep file order: primary,
  // alt.csv, then the Remarks' weak aliases); comments wait for their Remarks.
  for (const role of ['alt', 'add', 'comments'] as const) {
    for (const part of parts) {
      if (part.role !== role) continue;
      eachRow(part, (row) => {
        const entry = entries.get(Number(row[0]));
        if (!entry) ignored[role]++;
        else if (role === 'alt') {
          const type = row[2]!.trim().toLowerCase();
          const weak = /\bweak\b|low quality/i.test(ofacValue(row[4]));
          entry.builder.addWrittenName(row[3]!, weak ? 'weak-alias' : type === 'fka' ? 'former' : 'alias');
        } else if (role === 'add') entry.builder.addAddress(row.slice(2, 6));
        else if (entry.cut) (entry.comments ??= []).push(row[1]!);
        else ignored.staleComments++;
      });
    }
  }

  for (const entry of order) {
    const { builder } = entry;
    // The comments continue the cut Remarks cell exactly (the cut may fall inside a word).
    applyOfacRemarks(builder, entry.comments ? entry.remarks + entry.comments.join('') : entry.remarks);
    builder.addNationality(entry.flag);
    builder.addRemark(entry.vessel);
    if (hasNonSdnMarker(builder.regimes, builder.nonSdnFeature)) marked++;
  }

  const source = sourceFromMarkers(marked, order.length);
  return {
    meta: { source, format: 'us-ofac-csv', listDate: null, listDateOrigin: null },
    targets: order.map((entry) => entry.builder.build(source)),
    ignored,
  };
}
