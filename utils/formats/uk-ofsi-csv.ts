import type { CrossRef, ListMeta, NameType, Target } from '../model';
import { createCsvRowStream } from './csv-stream';
import { parseDayFirstDate } from './dates';
import { stickyGuard } from './target-outbox';
import { ListFormatError, type ReadList, type TextListReader } from './types';
import { columnMap } from './uk-fcdo-csv';
import { clean, pairNumbered, parseUkDate, splitNumbered, ukKind, UkDesignationBuilder } from './uk-fcdo-xml';

/*
 * OFSI Consolidated List, "2022 format" (ConList.csv / ConList.xlsx, retired 28 January 2026):
 *   Last Updated,dd/mm/yyyy
 *   Name 6,Name 1,…,Other Information,Group Type,Alias Type,Alias Quality,Regime,Listed On,
 *   UK Sanctions List Date Designated,Last Updated,Group ID
 *   one row per name × address × DOB …; `Group ID` ties a designation's rows together, and they need not
 *   be contiguous, so designations are buffered and handed out at end().
 * `Other Information` carries labelled sections — `(UK Sanctions List Ref):CYB0045. (UN Ref):… free text
 * (UK Statement of Reasons):… (Gender):Male (Phone number):… (IMO number):…` — that are taken into their
 * fields; the free text between them becomes remarks. Multi-valued cells are written `(1) a (2) b`.
 *
 * The rows are read into the same UkDesignationBuilder as the FCDO files, so an OFSI designation and
 * its FCDO counterpart have the same shape. The xlsx reader (uk-ofsi-xlsx.ts) feeds its rows through
 * createOfsiRowReader too, so ConList.csv and ConList.xlsx give identical targets.
 */

const OFSI_COLUMNS = {
  name6: ['name6'],
  name1: ['name1'],
  name2: ['name2'],
  name3: ['name3'],
  name4: ['name4'],
  name5: ['name5'],
  title: ['title'],
  nonLatin: ['namenonlatinscript'],
  nonLatinLanguage: ['nonlatinscriptlanguage'],
  dob: ['dob'],
  townOfBirth: ['townofbirth'],
  countryOfBirth: ['countryofbirth'],
  nationality: ['nationality'],
  passportNumber: ['passportnumber'],
  passportDetails: ['passportdetails'],
  nationalIdNumber: ['nationalidentificationnumber', 'nitype', 'ninumber'],
  nationalIdDetails: ['nationalidentificationdetails'],
  position: ['position'],
  address1: ['address1'],
  address2: ['address2'],
  address3: ['address3'],
  address4: ['address4'],
  address5: ['address5'],
  address6: ['address6'],
  postCode: ['postzipcode'],
  country: ['country'],
  otherInformation: ['otherinformation'],
  groupType: ['grouptype'],
  aliasType: ['aliastype'],
  aliasQuality: ['aliasquality'],
  regime: ['regime'],
  listedOn: ['listedon'],
  dateDesignated: ['uksanctionslistdatedesignated'],
  lastUpdated: ['lastupdated'],
  groupId: ['groupid'],
} as const;

type OfsiColumn = keyof typeof OFSI_COLUMNS;

/** OFSI Alias Type (+ Alias Quality) → NameType. */
export function ofsiNameType(aliasType: string, aliasQuality: string): NameType {
  const type = clean(aliasType).toLowerCase();
  if (type === 'primary name') return 'primary';
  if (type === 'primary name variation') return 'variation';
  if (type === 'fka') return 'former';
  return /^low/i.test(clean(aliasQuality)) ? 'weak-alias' : 'alias';
}

/** The labels OFSI uses inside `Other Information`. Anything else in brackets stays free text. */
const SECTION_LABELS = [
  'UK Sanctions List Ref',
  'UN Ref',
  'UK Statement of Reasons',
  'Gender',
  'Phone number',
  'Fax',
  'Tel',
  'Website',
  'Email address',
  'Type of entity',
  'Business Reg No',
  'Parent company',
  'Subsidiaries',
  'IMO number',
  'Current owners',
  'Flag of ship',
  'Previous flags',
  'Type of ship',
  'Tonnage of ship',
  'Length of ship',
  'Year built',
] as const;
type SectionLabel = (typeof SECTION_LABELS)[number];

const SECTION = new RegExp(`\\((${SECTION_LABELS.map((l) => l.replace(/ /g, '\\s+')).join('|')})\\):`, 'gi');
const LABEL_BY_KEY = new Map<string, SectionLabel>(SECTION_LABELS.map((l) => [l.toLowerCase(), l]));

export interface OfsiOtherInformation {
  /** Free text (outside any section, or after a reference), in order. */
  free: string[];
  sections: [SectionLabel, string][];
}

/** Splits OFSI's `Other Information` into its labelled sections and free text. */
export function parseOfsiOtherInformation(text: string): OfsiOtherInformation {
  const out: OfsiOtherInformation = { free: [], sections: [] };
  SECTION.lastIndex = 0;
  let label: SectionLabel | undefined;
  let from = 0;
  const close = (end: number) => {
    const value = text.slice(from, end).trim();
    if (label) out.sections.push([label, value]);
    else if (value) out.free.push(value);
  };
  for (let m = SECTION.exec(text); m; m = SECTION.exec(text)) {
    close(m.index);
    label = LABEL_BY_KEY.get(m[1]!.replace(/\s+/g, ' ').toLowerCase());
    from = m.index + m[0].length;
  }
  close(text.length);
  return out;
}

// UK refs (CYB0045, and two UN-style ones: SDi.005) and UN refs (TAe.010, QDE.145, `CDi. 038`).
const REF = String.raw`(?:[A-Z]{2,3}[A-Za-z]?\.\s?\d{3}|[A-Z]{3}\d{4})`;
const REFS = new RegExp(String.raw`^\s*(${REF}(?:\s*(?:,|and|&)\s*${REF})*)\s*\.?\s*([\s\S]*)$`);

/** `INU0082 and SYR0310. Free text…` → refs + the free text that follows them. */
export function parseRefs(text: string): { refs: string[]; rest: string } {
  const m = REFS.exec(text);
  if (!m) return { refs: [], rest: text.trim() };
  const refs = m[1]!.split(/\s*(?:,|\band\b|&)\s*/).map((r) => clean(r)).filter(Boolean);
  return { refs, rest: m[2]!.trim() };
}

class OfsiGroup {
  readonly builder = new UkDesignationBuilder();
  private readonly otherSeen = new Set<string>();
  readonly listedOn: string[] = [];
  readonly ukRefs: string[] = [];
  readonly unRefs: string[] = [];

  addOther(text: string): void {
    if (!text || this.otherSeen.has(text)) return;
    this.otherSeen.add(text);
    const b = this.builder;
    const parsed = parseOfsiOtherInformation(text);
    const free = [...parsed.free];
    for (const [label, value] of parsed.sections) {
      switch (label) {
        case 'UK Sanctions List Ref':
        case 'UN Ref': {
          const { refs, rest } = parseRefs(value);
          const list = label === 'UN Ref' ? this.unRefs : this.ukRefs;
          for (const ref of refs) if (!list.includes(ref)) list.push(ref);
          if (rest) free.push(rest);
          else if (refs.length === 0 && value) free.push(value);
          break;
        }
        case 'UK Statement of Reasons':
          b.reasons.add(value);
          break;
        case 'Gender':
          b.genders.add(value);
          break;
        case 'Phone number':
        case 'Tel':
          b.phones.addAll(splitNumbered(value));
          break;
        case 'Fax':
          b.faxes.addAll(splitNumbered(value));
          break;
        case 'Website':
          b.websites.addAll(splitNumbered(value));
          break;
        case 'Email address':
          b.emails.addAll(splitNumbered(value));
          break;
        case 'Business Reg No':
          for (const line of value.split(/\r?\n/)) b.businessRegs.addAll(splitNumbered(line));
          break;
        case 'IMO number':
          b.imos.addAll(splitNumbered(value));
          break;
        default:
          for (const item of splitNumbered(value)) b.addDetail(DETAIL_LABELS[label], item);
      }
    }
    const remarks = free.map((f) => f.trim()).filter(Boolean).join('\n');
    if (remarks) b.otherInformation.add(remarks);
  }
}

/** Sections kept as labelled remarks, with the labels the FCDO readers use. */
const DETAIL_LABELS: Record<SectionLabel, string> = {
  'UK Sanctions List Ref': '',
  'UN Ref': '',
  'UK Statement of Reasons': '',
  Gender: '',
  'Phone number': '',
  Fax: '',
  Tel: '',
  Website: '',
  'Email address': '',
  'Business Reg No': '',
  'IMO number': '',
  'Type of entity': 'Type of entity',
  'Parent company': 'Parent company',
  Subsidiaries: 'Subsidiaries',
  'Current owners': 'Current owner/operator',
  'Flag of ship': 'Current believed flag',
  'Previous flags': 'Previous flags',
  'Type of ship': 'Type of ship',
  'Tonnage of ship': 'Tonnage of ship',
  'Length of ship': 'Length of ship',
  'Year built': 'Year built',
};

function addRow(group: OfsiGroup, get: (column: OfsiColumn) => string): void {
  const b = group.builder;
  if (!b.kindText) b.kindText = clean(get('groupType'));
  b.addDate('lastUpdated', get('lastUpdated'));
  b.addDate('dateDesignated', get('dateDesignated'));
  const listed = clean(get('listedOn'));
  if (listed && !group.listedOn.includes(listed)) group.listedOn.push(listed);
  b.addName(
    [get('name1'), get('name2'), get('name3'), get('name4'), get('name5'), get('name6')],
    ofsiNameType(get('aliasType'), get('aliasQuality')),
    ukKind(b.kindText),
  );
  b.addNonLatinName(get('nonLatin'), get('nonLatinLanguage'));
  b.titles.addAll(splitNumbered(get('title')));
  b.regimes.add(get('regime'));
  b.dobs.add(get('dob'));
  for (const [town, country] of pairNumbered(get('townOfBirth'), get('countryOfBirth'))) b.addBirthPlace(town, country);
  // "(1) Russia. (2) Ukraine": a full stop ends the split items.
  b.nationalities.addAll(splitNumbered(get('nationality')).map((n) => n.replace(/\.$/, '')));
  for (const [number, info] of pairNumbered(get('passportNumber'), get('passportDetails'))) b.addPair('passports', number, info);
  for (const [number, info] of pairNumbered(get('nationalIdNumber'), get('nationalIdDetails'))) b.addPair('nationalIds', number, info);
  b.positions.addAll(splitNumbered(get('position')));
  b.addAddress([
    get('address1'), get('address2'), get('address3'), get('address4'), get('address5'), get('address6'),
    get('postCode'), get('country'),
  ]);
  group.addOther(get('otherInformation'));
}

function groupToTarget(groupId: string, group: OfsiGroup): Target {
  const b = group.builder;
  // Designated: the UK Sanctions List date; OFSI's own "Listed On" when that is missing, else kept in remarks.
  const listedIso = group.listedOn.map((d) => parseUkDate(d)).filter((d): d is string => !!d);
  if (b.dateDesignated.length === 0) b.dateDesignated.push(...listedIso);
  else for (const d of listedIso) if (!b.dateDesignated.includes(d)) b.addDetail('Listed on (OFSI)', d);
  const crossRefs: CrossRef[] = [
    ...group.ukRefs.map((value): CrossRef => ({ kind: 'uk-unique-id', value })),
    ...group.unRefs.map((value): CrossRef => ({ kind: 'un-ref', value })),
  ];
  return b.toTarget('uk-ofsi', groupId, crossRefs);
}

/** Reads OFSI rows (from CSV or xlsx), first row `Last Updated | dd/mm/yyyy`, then the header, then data. */
export interface OfsiRowReader {
  row(cells: string[], index: number): void;
  /** Every designation, once all rows are in. Throws ListFormatError when the rows were not a ConList. */
  finish(): Target[];
  listDate(): string | null;
  /** Columns in the header (0 before it). */
  headerLength(): number;
}

export function createOfsiRowReader(): OfsiRowReader {
  let listDate: string | null = null;
  let columns: Record<OfsiColumn, number> | undefined;
  let headerLength = 0;
  const groups = new Map<string, OfsiGroup>();
  return {
    row(cells, index) {
      if (!columns) {
        const first = clean(cells[0]);
        if (/^last updated$/i.test(first) && cells.slice(1).some((c) => clean(c) !== '') && !cells.some((c) => /^group id$/i.test(clean(c)))) {
          const text = clean(cells.slice(1).find((c) => clean(c) !== ''));
          listDate = parseDayFirstDate(text) ?? null;
          if (!listDate) throw new ListFormatError(`The list's "Last Updated" line gives "${text}", which is not a dd/mm/yyyy date.`);
          return;
        }
        const map = columnMap(cells, OFSI_COLUMNS);
        if (map.groupId < 0 || map.name6 < 0 || map.groupType < 0) {
          throw new ListFormatError(
            `This is not the OFSI Consolidated List: its header (row ${index + 1}) lacks the columns ` +
              '"Name 6", "Group Type" and "Group ID" that the list always has.',
          );
        }
        columns = map;
        headerLength = cells.length;
        return;
      }
      const cols = columns;
      const get = (column: OfsiColumn): string => {
        const at = cols[column];
        return at >= 0 ? (cells[at] ?? '') : '';
      };
      const groupId = clean(get('groupId'));
      if (!groupId) {
        if (cells.every((cell) => clean(cell) === '')) return;
        if (cells.length < headerLength) {
          throw new ListFormatError(
            `Row ${index + 1} of the OFSI list has ${cells.length} of the ${headerLength} columns and no Group ID: ` +
              'the file is incomplete (a cut-short download) or damaged.',
          );
        }
        throw new ListFormatError(`Row ${index + 1} of the OFSI list has no Group ID.`);
      }
      let group = groups.get(groupId);
      if (!group) {
        group = new OfsiGroup();
        groups.set(groupId, group);
      }
      addRow(group, get);
    },
    finish() {
      if (!columns) throw new ListFormatError('The file ends before the OFSI header row: it is not a complete OFSI Consolidated List.');
      if (groups.size === 0) throw new ListFormatError('The OFSI list has a header but no designations.');
      const targets: Target[] = [];
      for (const [groupId, group] of groups) targets.push(groupToTarget(groupId, group));
      groups.clear();
      return targets;
    },
    listDate: () => listDate,
    headerLength: () => headerLength,
  };
}

function ofsiMeta(format: string, listDate: string | null): ListMeta {
  return { source: 'uk-ofsi', format, listDate, listDateOrigin: listDate ? 'content' : null };
}

/** The rows of an OFSI sheet (e.g. the xlsx's cell values, row by row) → the list. */
export function readOfsiRows(rows: Iterable<string[]>, format = 'uk-ofsi-xlsx'): ReadList {
  const reader = createOfsiRowReader();
  let index = 0;
  for (const row of rows) reader.row(row, index++);
  const targets = reader.finish();
  return { meta: ofsiMeta(format, reader.listDate()), targets };
}

export function createOfsiCsvReader(): TextListReader {
  const rows = createOfsiRowReader();
  let lastRowLength = 0;
  let lastRowIndex = -1;
  const stream = createCsvRowStream({
    onRow(row, index) {
      if (rows.headerLength() > 0) {
        lastRowLength = row.length;
        lastRowIndex = index;
      }
      rows.row(row, index);
    },
  });
  const guard = stickyGuard((error) => `The OFSI CSV cannot be read: ${String(error)}`);
  return {
    write(text: string): Target[] {
      return guard(() => {
        stream.write(text);
        return [];
      });
    },
    end(): Target[] {
      return guard(() => {
        stream.end();
        if (lastRowIndex >= 0 && lastRowLength < rows.headerLength()) {
          throw new ListFormatError(
            `The last row of the CSV (row ${lastRowIndex + 1}) has ${lastRowLength} of the ${rows.headerLength()} columns: ` +
              'the file is incomplete, probably a cut-short download.',
          );
        }
        return rows.finish();
      });
    },
    meta: () => ofsiMeta('uk-ofsi-csv', rows.listDate()),
  };
}
