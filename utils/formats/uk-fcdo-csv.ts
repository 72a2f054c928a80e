import type { ListMeta, Target } from '../model';
import { createCsvRowStream } from './csv-stream';
import { parseNamedMonthDate } from './dates';
import { stickyGuard } from './target-outbox';
import { ListFormatError, type TextListReader } from './types';
import {
  clean,
  fcdoCrossRefs,
  fcdoNameType,
  fcdoNativeId,
  pairNumbered,
  splitNumbered,
  ukKind,
  UkDesignationBuilder,
} from './uk-fcdo-xml';

/*
 * FCDO "UK Sanctions List" CSV (https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv):
 *   Report Date: 14-Apr-2025
 *   Last Updated,Unique ID,OFSI Group ID,UN Reference Number,Name 6,Name 1,…,Hull identification number (HIN)
 *   one row per name × address × DOB … of each designation.
 * Rows are grouped by `Unique ID` (falling back to `OFSI Group ID`, see fcdoNativeId) and read into the
 * same UkDesignationBuilder as the XML, so both files give the same Targets. Columns are found by header
 * name, never by position. Multi-valued cells may be written `(1) a (2) b` and are split.
 *
 * A designation's rows are not promised to be contiguous, so designations are buffered and handed out
 * at end(); memory stays at one copy of the list's values (~15 MB file → a few MB of targets).
 */

/** Header names folded for lookup: lower case, letters and digits only ("Nationality(/ies)" → "nationalityies"). */
export function headerKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const FCDO_COLUMNS = {
  lastUpdated: ['lastupdated'],
  uniqueId: ['uniqueid'],
  ofsiGroupId: ['ofsigroupid'],
  unRef: ['unreferencenumber'],
  name6: ['name6'],
  name1: ['name1'],
  name2: ['name2'],
  name3: ['name3'],
  name4: ['name4'],
  name5: ['name5'],
  nameType: ['nametype'],
  aliasStrength: ['aliasstrength'],
  title: ['title'],
  nonLatin: ['namenonlatinscript'],
  nonLatinLanguage: ['nonlatinscriptlanguage'],
  regime: ['regimename', 'regime'],
  kind: ['designationtype', 'individualentityship'],
  designationSource: ['designationsource'],
  sanctionsImposed: ['sanctionsimposed'],
  otherInformation: ['otherinformation'],
  reasons: ['ukstatementofreasons'],
  address1: ['addressline1'],
  address2: ['addressline2'],
  address3: ['addressline3'],
  address4: ['addressline4'],
  address5: ['addressline5'],
  address6: ['addressline6'],
  postalCode: ['addresspostalcode'],
  country: ['addresscountry'],
  phone: ['phonenumber'],
  website: ['website'],
  email: ['emailaddress'],
  dateDesignated: ['datedesignated'],
  dob: ['dob'],
  nationality: ['nationalityies', 'nationality'],
  nationalIdNumber: ['nationalidentifiernumber'],
  nationalIdInfo: ['nationalidentifieradditionalinformation'],
  passportNumber: ['passportnumber'],
  passportInfo: ['passportadditionalinformation'],
  position: ['position'],
  gender: ['gender'],
  townOfBirth: ['townofbirth'],
  countryOfBirth: ['countryofbirth'],
  typeOfEntity: ['typeofentity'],
  subsidiaries: ['subsidiaries'],
  parentCompany: ['parentcompany'],
  businessReg: ['businessregistrationnumbers', 'businessregistrationnumber'],
  imo: ['imonumber'],
  currentOwner: ['currentowneroperators', 'currentowneroperator'],
  previousOwner: ['previousowneroperators', 'previousowneroperator'],
  currentFlag: ['currentbelievedflagofship'],
  previousFlags: ['previousflags'],
  shipType: ['typeofship'],
  tonnage: ['tonnageofship'],
  length: ['lengthofship'],
  yearBuilt: ['yearbuilt'],
  hin: ['hullidentificationnumberhin', 'hullidentificationnumber'],
} as const;

type FcdoColumn = keyof typeof FCDO_COLUMNS;

/** Column positions by header name; a missing column reads as ''. */
export function columnMap<K extends string>(header: string[], spec: Record<K, readonly string[]>): Record<K, number> {
  const positions = new Map<string, number>();
  header.forEach((name, i) => {
    const key = headerKey(name);
    if (!positions.has(key)) positions.set(key, i);
  });
  const out = {} as Record<K, number>;
  for (const column of Object.keys(spec) as K[]) {
    out[column] = -1;
    for (const key of spec[column]) {
      const at = positions.get(key);
      if (at !== undefined) {
        out[column] = at;
        break;
      }
    }
  }
  return out;
}

/** Ship particulars other than the IMO number: CSV column → remarks label (as in the XML reader). */
const SHIP_COLUMNS: [FcdoColumn, string][] = [
  ['currentOwner', 'Current owner/operator'],
  ['previousOwner', 'Previous owner/operator'],
  ['currentFlag', 'Current believed flag'],
  ['previousFlags', 'Previous flags'],
  ['shipType', 'Type of ship'],
  ['tonnage', 'Tonnage of ship'],
  ['length', 'Length of ship'],
  ['yearBuilt', 'Year built'],
];

function addRow(b: UkDesignationBuilder, get: (column: FcdoColumn) => string): void {
  if (!b.uniqueId) b.uniqueId = clean(get('uniqueId'));
  if (!b.ofsiGroupId) b.ofsiGroupId = clean(get('ofsiGroupId'));
  if (!b.kindText) b.kindText = clean(get('kind'));
  if (!b.designationSource) b.designationSource = clean(get('designationSource'));
  b.addDate('lastUpdated', get('lastUpdated'));
  b.addDate('dateDesignated', get('dateDesignated'));
  b.unRefs.add(get('unRef'));
  b.addName(
    [get('name1'), get('name2'), get('name3'), get('name4'), get('name5'), get('name6')],
    fcdoNameType(get('nameType'), get('aliasStrength')),
    ukKind(b.kindText),
  );
  b.addNonLatinName(get('nonLatin'), get('nonLatinLanguage'));
  b.titles.addAll(splitNumbered(get('title')));
  b.regimes.add(get('regime'));
  b.sanctions.addAll(get('sanctionsImposed').split('|'));
  b.otherInformation.add(get('otherInformation'));
  b.reasons.add(get('reasons'));
  b.addAddress([
    get('address1'), get('address2'), get('address3'), get('address4'), get('address5'), get('address6'),
    get('postalCode'), get('country'),
  ]);
  b.phones.addAll(splitNumbered(get('phone')));
  b.websites.addAll(splitNumbered(get('website')));
  b.emails.addAll(splitNumbered(get('email')));
  b.dobs.add(get('dob'));
  // "(1) Russia. (2) Ukraine": a full stop ends the split items.
  b.nationalities.addAll(splitNumbered(get('nationality')).map((n) => n.replace(/\.$/, '')));
  for (const [number, info] of pairNumbered(get('nationalIdNumber'), get('nationalIdInfo'))) b.addPair('nationalIds', number, info);
  for (const [number, info] of pairNumbered(get('passportNumber'), get('passportInfo'))) b.addPair('passports', number, info);
  b.positions.addAll(splitNumbered(get('position')));
  b.genders.addAll(splitNumbered(get('gender')));
  for (const [town, country] of pairNumbered(get('townOfBirth'), get('countryOfBirth'))) b.addBirthPlace(town, country);
  for (const value of splitNumbered(get('typeOfEntity'))) b.addDetail('Type of entity', value);
  for (const value of splitNumbered(get('subsidiaries'))) b.addDetail('Subsidiaries', value);
  for (const value of splitNumbered(get('parentCompany'))) b.addDetail('Parent company', value);
  for (const value of get('businessReg').split(/\r?\n/)) b.businessRegs.addAll(splitNumbered(value));
  b.imos.addAll(splitNumbered(get('imo')));
  b.hins.addAll(splitNumbered(get('hin')));
  for (const [column, label] of SHIP_COLUMNS) for (const value of splitNumbered(get(column))) b.addDetail(label, value);
}

export function createFcdoCsvReader(): TextListReader {
  let listDate: string | null = null;
  let columns: Record<FcdoColumn, number> | undefined;
  let headerLength = 0;
  const groups = new Map<string, UkDesignationBuilder>();
  let lastRowLength = 0;
  let lastRowIndex = -1;

  const onRow = (row: string[], index: number) => {
    if (!columns) {
      const first = clean(row[0]);
      if (index === 0 && /^report date\s*:/i.test(first)) {
        const text = clean(first.replace(/^report date\s*:/i, ''));
        listDate = parseNamedMonthDate(text) ?? null;
        if (!listDate) throw new ListFormatError(`The CSV's "Report Date" line gives "${text}", which is not a date.`);
        return;
      }
      const map = columnMap(row, FCDO_COLUMNS);
      const missing = (['name6', 'nameType', 'kind'] as const).filter((c) => map[c] < 0);
      if (map.uniqueId < 0 && map.ofsiGroupId < 0) missing.unshift('uniqueId' as never);
      if (missing.length > 0) {
        throw new ListFormatError(
          `This CSV is not the FCDO UK Sanctions List: its header (row ${index + 1}) lacks the columns ` +
            `"Unique ID", "Name 6", "Name type" and "Designation Type" that the list always has.`,
        );
      }
      columns = map;
      headerLength = row.length;
      return;
    }
    lastRowLength = row.length;
    lastRowIndex = index;
    const cols = columns;
    const get = (column: FcdoColumn): string => {
      const at = cols[column];
      return at >= 0 ? (row[at] ?? '') : '';
    };
    const key = fcdoNativeId(clean(get('uniqueId')), clean(get('ofsiGroupId')));
    if (!key) {
      if (row.every((cell) => clean(cell) === '')) return;
      if (row.length < headerLength) {
        throw new ListFormatError(
          `Row ${index + 1} of the CSV has ${row.length} of the ${headerLength} columns and no Unique ID: ` +
            'the file is incomplete (a cut-short download) or damaged.',
        );
      }
      throw new ListFormatError(`Row ${index + 1} of the CSV has neither a Unique ID nor an OFSI Group ID.`);
    }
    let builder = groups.get(key);
    if (!builder) {
      builder = new UkDesignationBuilder();
      groups.set(key, builder);
    }
    addRow(builder, get);
  };

  const stream = createCsvRowStream({ onRow });
  const guard = stickyGuard((error) => `The FCDO CSV cannot be read: ${String(error)}`);

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
        if (!columns) throw new ListFormatError('The CSV ends before its header row: it is not a complete FCDO UK Sanctions List.');
        if (groups.size === 0) throw new ListFormatError('The FCDO CSV has a header but no designations.');
        if (lastRowLength < headerLength) {
          throw new ListFormatError(
            `The last row of the CSV (row ${lastRowIndex + 1}) has ${lastRowLength} of the ${headerLength} columns: ` +
              'the file is incomplete, probably a cut-short download.',
          );
        }
        const targets: Target[] = [];
        for (const [key, builder] of groups) targets.push(builder.toTarget('uk-fcdo', key, fcdoCrossRefs(builder)));
        groups.clear();
        return targets;
      });
    },
    meta(): ListMeta {
      return { source: 'uk-fcdo', format: 'uk-fcdo-csv', listDate, listDateOrigin: listDate ? 'content' : null };
    },
  };
}
