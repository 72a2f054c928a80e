import type { CrossRef, Identifier, ListMeta, NameType, SourceId, Target, TargetKind, TargetName } from '../model';
import { extractCryptoAddresses, normalizeCryptoAddress } from './crypto';
import { parseDayFirstDate } from './dates';
import { clean as cleanText, cleanParagraphs, scriptOf } from './text';
import { stickyGuard } from './target-outbox';
import { ListFormatError, type TextListReader } from './types';
import { child, childText, createXmlRecordStream, descendants, type XmlNode } from './xml-records';

/*
 * FCDO "UK Sanctions List" XML (https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml):
 * root <Designations>, <DateGenerated>dd/mm/yyyy</DateGenerated>, one <Designation> per person, entity or ship.
 *
 * This file also holds the UK designation model that the three UK readers share (FCDO XML, FCDO CSV,
 * OFSI ConList CSV/xlsx): each reader collects a designation's values into a UkDesignationBuilder, and
 * the builder makes the Target, so the same designation gives the same Target whatever file it came from.
 */

// ---------------------------------------------------------------------------------------------------------
// Shared UK designation model

export interface UkPair {
  /** Passport / national id number. */
  number: string;
  /** Its "additional information" / "details". */
  info: string;
}

/** A labelled value that has no field of its own in the model and goes to remarks ("Type of ship: Oil tanker"). */
type Detail = [label: string, value: string];

/** Whitespace other than a single plain space, or a zero-width space: what clean() would change inside. */
const ODD_SPACE = /[^\S ]|\u200b| {2}/;

/**
 * clean() from text.ts with a fast path: most cells need only a trim, and the readers clean
 * hundreds of thousands of them (empty CSV cells included).
 */
export function clean(value: string | undefined | null): string {
  if (!value) return '';
  return ODD_SPACE.test(value) ? cleanText(value) : value.trim();
}

const NAME_TYPE_RANK: Record<NameType, number> = { primary: 0, variation: 1, alias: 2, former: 3, 'weak-alias': 4 };

function pushUnique(list: string[], seen: Set<string>, value: string | undefined, paragraphs = false): void {
  const cleaned = paragraphs ? cleanParagraphs(value) : clean(value);
  if (!cleaned) return;
  const key = cleaned.toLowerCase();
  if (seen.has(key)) return;
  seen.add(key);
  list.push(cleaned);
}

class UniqueList {
  readonly values: string[] = [];
  // Made on first use: a builder has two dozen lists and most stay empty.
  private seen: Set<string> | undefined;
  /** Raw values already taken: CSV rows repeat a designation's long texts on every row. */
  private raw: Set<string> | undefined;
  /** `paragraphs`: keep line breaks (statements of reasons, other information). */
  constructor(private readonly paragraphs = false) {}
  add(value: string | undefined): void {
    if (!value) return;
    this.raw ??= new Set();
    if (this.raw.has(value)) return;
    this.raw.add(value);
    this.seen ??= new Set();
    pushUnique(this.values, this.seen, value, this.paragraphs);
  }
  addAll(values: Iterable<string>): void {
    for (const value of values) this.add(value);
  }
}

/** FCDO DOBs write unknown parts as literal `dd` / `mm` (`dd/mm/1954`, `dd/05/1960`); OFSI as `00`. */
export function parseUkDate(text: string | undefined): string | undefined {
  const value = clean(text);
  if (!value) return undefined;
  const normalised = value.replace(/^dd(?=[/.-])/i, '00').replace(/^(\d{2})([/.-])mm(?=[/.-])/i, (_m, day: string, sep: string) => `${day}${sep}00`);
  return parseDayFirstDate(normalised);
}

/** An ISO date when the text is a date, otherwise the text as listed (a DOB must never be dropped). */
function dobValue(text: string): string {
  return parseUkDate(text) ?? clean(text);
}

export function ukKind(text: string | undefined): TargetKind | undefined {
  const value = clean(text).toLowerCase();
  if (!value) return undefined;
  if (value === 'individual' || value === 'person') return 'person';
  if (value === 'ship' || value === 'vessel') return 'vessel';
  if (value.includes('aircraft')) return 'aircraft';
  // "Entity", and any type the list may add: a designation is never dropped.
  return 'organisation';
}

/** `AssetFreeze` → `Asset freeze`, `TrustServicesSanctions` → `Trust services sanctions`. */
function indicatorLabel(elementName: string): string {
  const words = elementName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * `(1) a (2) b (3) c` → `[a, b, c]`. The markers must run in sequence from (1), so `(2005)` or a lone
 * `(2)` never split a value; a cell whose numbering does not line up is kept whole.
 */
export function splitNumbered(text: string | undefined): string[] {
  const value = clean(text);
  if (!value) return [];
  if (!value.startsWith('(1)')) return [value];
  // A lone "(1) value" is one item; "(1) to (6) Algeria (7) Morocco" (numbering that skips) stays whole.
  if (!/\(\d+\)/.test(value.slice(3))) return [clean(value.slice(3))].filter(Boolean);
  const starts: number[] = [0];
  let from = 3;
  for (let n = 2; ; n++) {
    const at = value.indexOf(`(${n})`, from);
    if (at < 0) break;
    starts.push(at);
    from = at + String(n).length + 2;
  }
  if (starts.length < 2) return [value];
  const out: string[] = [];
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]! + String(i + 1).length + 2;
    const item = clean(value.slice(start, starts[i + 1] ?? value.length));
    if (item) out.push(item);
  }
  return out;
}

/** Pairs two numbered cells item by item (passport number + details); unequal numbering keeps both whole. */
export function pairNumbered(first: string | undefined, second: string | undefined): [string, string][] {
  const a = splitNumbered(first);
  const b = splitNumbered(second);
  if (a.length === 0 && b.length === 0) return [];
  if (a.length === b.length) return a.map((value, i) => [value, b[i]!]);
  if (b.length === 0) return a.map((value) => [value, '']);
  if (a.length === 0) return b.map((value) => ['', value]);
  return [[clean(first), clean(second)]];
}

/** `-`, `- .`: OFSI's placeholders for an unknown part. */
function placeholder(value: string): boolean {
  return /^[\s.,;:\-–]*$/.test(value);
}

/** A value without its placeholder or the full stop that ended it in a numbered list ("Afghanistan."). */
function trimItem(value: string | undefined): string {
  const cleaned = clean(value);
  return placeholder(cleaned) ? '' : cleaned.replace(/\.$/, '');
}

/** Collects one UK designation from XML elements or CSV/xlsx rows; dedupes as it goes. */
export class UkDesignationBuilder {
  uniqueId = '';
  ofsiGroupId = '';
  kindText = '';
  designationSource = '';
  lastUpdated: string[] = [];
  dateDesignated: string[] = [];
  readonly unRefs = new UniqueList();
  readonly ukRefs = new UniqueList();
  readonly regimes = new UniqueList();
  readonly sanctions = new UniqueList();
  readonly titles = new UniqueList();
  readonly otherInformation = new UniqueList(true);
  readonly reasons = new UniqueList(true);
  readonly addresses = new UniqueList();
  readonly phones = new UniqueList();
  readonly faxes = new UniqueList();
  readonly emails = new UniqueList();
  readonly websites = new UniqueList();
  readonly dobs = new UniqueList();
  readonly nationalities = new UniqueList();
  readonly positions = new UniqueList();
  readonly genders = new UniqueList();
  readonly birthPlaces = new UniqueList();
  readonly businessRegs = new UniqueList();
  readonly imos = new UniqueList();
  readonly hins = new UniqueList();
  readonly details: Detail[] = [];
  private readonly detailKeys = new Set<string>();
  readonly passports: UkPair[] = [];
  readonly nationalIds: UkPair[] = [];
  private readonly pairKeys = new Set<string>();
  private readonly names: TargetName[] = [];
  private readonly nameIndex = new Map<string, number>();
  /** Names that came only from the non-Latin name fields. */
  private readonly nonLatinKeys = new Set<string>();

  addName(parts: (string | undefined)[], type: NameType, kind?: TargetKind): void {
    const given = parts.slice(0, 5).map((p) => clean(p)).filter(Boolean);
    const family = clean(parts[5]);
    const full = clean([...given, family].join(' '));
    if (!full) return;
    const name: TargetName = { full, type, script: scriptOf(full) };
    // Parts for people only, and only when the name has given names: a lone Name 6 is often a whole
    // alias ("Umm Test", "Abu Ayyad AL-TUNISI" is split, "The Tester" is not) rather than a surname.
    if (kind === 'person' && given.length > 0) {
      name.given = given;
      if (family) name.family = family;
    }
    this.putName(name);
  }

  addNonLatinName(text: string | undefined, language?: string): void {
    const full = clean(text);
    if (!full) return;
    const name: TargetName = { full, type: 'variation', script: scriptOf(full) };
    const lang = clean(language);
    if (lang) name.lang = lang;
    if (!this.nameIndex.has(full.toLowerCase())) this.nonLatinKeys.add(full.toLowerCase());
    this.putName(name, true);
  }

  /** One entry per spelling (case-insensitive); a name listed under two types keeps the stronger one. */
  private putName(name: TargetName, nonLatin = false): void {
    const key = name.full.toLowerCase();
    const at = this.nameIndex.get(key);
    if (at === undefined) {
      this.nameIndex.set(key, this.names.length);
      this.names.push(name);
      return;
    }
    const existing = this.names[at]!;
    if (!nonLatin) this.nonLatinKeys.delete(key);
    if (NAME_TYPE_RANK[name.type] < NAME_TYPE_RANK[existing.type]) existing.type = name.type;
    if (!existing.lang && name.lang) existing.lang = name.lang;
    if (!existing.given && name.given) existing.given = name.given;
    if (!existing.family && name.family) existing.family = name.family;
  }

  get nameCount(): number {
    return this.names.length;
  }

  addAddress(parts: (string | undefined)[]): void {
    this.addresses.add(parts.map((p) => clean(p)).filter(Boolean).join(', '));
  }

  addBirthPlace(town: string | undefined, country: string | undefined): void {
    const townText = clean(town);
    this.birthPlaces.add([placeholder(townText) ? '' : townText, trimItem(country)].filter(Boolean).join(', '));
  }

  addPair(list: 'passports' | 'nationalIds', number: string | undefined, info: string | undefined): void {
    const infoText = clean(info);
    const pair = { number: trimItem(number), info: placeholder(infoText) ? '' : infoText };
    if (!pair.number && !pair.info) return;
    const key = `${list}\u0000${pair.number.toLowerCase()}\u0000${pair.info.toLowerCase()}`;
    if (this.pairKeys.has(key)) return;
    this.pairKeys.add(key);
    this[list].push(pair);
  }

  addDetail(label: string, value: string | undefined): void {
    const cleaned = clean(value);
    if (!cleaned) return;
    const key = `${label}\u0000${cleaned.toLowerCase()}`;
    if (this.detailKeys.has(key)) return;
    this.detailKeys.add(key);
    this.details.push([label, cleaned]);
  }

  addDate(which: 'lastUpdated' | 'dateDesignated', text: string | undefined): void {
    const iso = parseUkDate(text);
    if (iso && !this[which].includes(iso)) this[which].push(iso);
  }

  /** Makes the Target. `nativeId` is chosen by the reader (FCDO UniqueID, OFSI Group ID). */
  toTarget(source: SourceId, nativeId: string, crossRefs: CrossRef[]): Target {
    const kind = ukKind(this.kindText);
    if (!kind) {
      throw new ListFormatError(`Designation ${nativeId} does not say whether it is an individual, an entity or a ship.`);
    }
    if (this.names.length === 0) throw new ListFormatError(`Designation ${nativeId} has no name.`);
    // Name parts belong to people only: for entities and ships Name 6 is the whole name.
    // Listed names by type (primary, variations, aliases …, in list order within a type), then the
    // non-Latin names: the XML keeps them apart, the CSV interleaves them, and both must give one order.
    const ordered = this.names
      .map((name, i) => ({ name, i, rank: this.nonLatinKeys.has(name.full.toLowerCase()) ? 9 : NAME_TYPE_RANK[name.type] }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .map((entry) => entry.name);
    const names = ordered.map((name) => {
      if (kind === 'person' || (!name.given && !name.family)) return name;
      const { given: _given, family: _family, ...rest } = name;
      return rest;
    });
    const target: Target = { id: `${source}:${nativeId}`, source, nativeId, kind, names, regimes: this.regimes.values };

    if (this.titles.values.length) target.titles = this.titles.values;
    if (this.genders.values.length) target.gender = this.genders.values.join('; ');
    if (this.positions.values.length) target.positions = this.positions.values;
    const dobs = new UniqueList();
    dobs.addAll(this.dobs.values.map(dobValue));
    if (dobs.values.length) target.birthDates = dobs.values;
    if (this.birthPlaces.values.length) target.birthPlaces = this.birthPlaces.values;
    if (this.nationalities.values.length) target.nationalities = this.nationalities.values;
    if (this.addresses.values.length) target.addresses = this.addresses.values;

    const identifiers: Identifier[] = [];
    // A passport or id given without its number keeps its details in remarks.
    const numberless: Detail[] = [];
    for (const [list, type, label] of [
      [this.passports, 'passport', 'Passport'],
      [this.nationalIds, 'national-id', 'National identifier'],
    ] as const) {
      for (const p of list) {
        if (p.number) identifiers.push(p.info ? { type, value: p.number, note: p.info } : { type, value: p.number });
        else numberless.push([label, p.info]);
      }
    }
    for (const value of this.businessRegs.values) identifiers.push({ type: 'company-number', value });
    for (const value of this.imos.values) identifiers.push({ type: 'imo', value });
    for (const value of this.hins.values) identifiers.push({ type: 'other', value, note: 'Hull identification number (HIN)' });
    for (const value of this.emails.values) identifiers.push({ type: 'email', value });
    for (const value of this.phones.values) identifiers.push({ type: 'phone', value });
    for (const value of this.faxes.values) identifiers.push({ type: 'phone', value, note: 'Fax' });
    for (const value of this.websites.values) identifiers.push({ type: 'website', value });
    const cryptoSeen = new Set<string>();
    for (const text of [...this.otherInformation.values, ...this.reasons.values]) {
      for (const found of extractCryptoAddresses(text)) {
        const key = normalizeCryptoAddress(found.value, found.chain);
        if (cryptoSeen.has(key)) continue;
        cryptoSeen.add(key);
        identifiers.push(found);
      }
    }
    if (identifiers.length) target.identifiers = identifiers;

    if (this.sanctions.values.length) target.sanctions = this.sanctions.values;
    const designated = [...this.dateDesignated].sort()[0];
    if (designated) target.designated = designated;
    const updated = [...this.lastUpdated].sort().at(-1);
    if (updated) target.updated = updated;
    if (this.reasons.values.length) target.reasons = this.reasons.values.join('\n');

    const remarks: string[] = [...this.otherInformation.values];
    if (this.designationSource) remarks.push(`Designation source: ${this.designationSource}`);
    const byLabel = new Map<string, string[]>();
    for (const [label, value] of [...this.details, ...numberless]) {
      const values = byLabel.get(label) ?? [];
      values.push(value);
      byLabel.set(label, values);
    }
    for (const [label, values] of byLabel) remarks.push(`${label}: ${values.join('; ')}`);
    if (remarks.length) target.remarks = remarks.join('\n');
    if (crossRefs.length) target.crossRefs = crossRefs;
    return target;
  }
}

// ---------------------------------------------------------------------------------------------------------
// FCDO XML

const FCDO_NAME_TYPES: Record<string, NameType> = {
  'primary name': 'primary',
  'primary name variation': 'variation',
  alias: 'alias',
};

/** FCDO NameType + AliasStrength → NameType. */
export function fcdoNameType(nameType: string | undefined, aliasStrength: string | undefined): NameType {
  const type = FCDO_NAME_TYPES[clean(nameType).toLowerCase()] ?? 'alias';
  if (type === 'alias' && /^low/i.test(clean(aliasStrength))) return 'weak-alias';
  return type;
}

/**
 * FCDO ids: `uk-fcdo:<UniqueID>`. A designation without a UniqueID (the derived 2025 file has one: OFSI group
 * 15878, SAMOFAL, which OFSI listed without a UK Sanctions List Ref) falls back to `uk-fcdo:ofsi-<OFSIGroupID>`
 * so that it is kept rather than dropped; a real FCDO file always gives a UniqueID.
 */
export function fcdoNativeId(uniqueId: string, ofsiGroupId: string): string | undefined {
  if (uniqueId) return uniqueId;
  if (ofsiGroupId) return `ofsi-${ofsiGroupId}`;
  return undefined;
}

export function fcdoCrossRefs(builder: UkDesignationBuilder): CrossRef[] {
  const refs: CrossRef[] = [];
  if (builder.ofsiGroupId) refs.push({ kind: 'ofsi-group', value: builder.ofsiGroupId });
  for (const value of builder.unRefs.values) refs.push({ kind: 'un-ref', value });
  return refs;
}

const texts = (node: XmlNode | undefined, ...path: string[]): string[] =>
  descendants(node, ...path).map((n) => n.text);

function designationToTarget(record: XmlNode): Target {
  const b = new UkDesignationBuilder();
  b.uniqueId = childText(record, 'UniqueID');
  b.ofsiGroupId = childText(record, 'OFSIGroupID');
  b.kindText = childText(record, 'IndividualEntityShip');
  b.designationSource = childText(record, 'DesignationSource');
  const kind = ukKind(b.kindText);
  b.addDate('lastUpdated', childText(record, 'LastUpdated'));
  b.addDate('dateDesignated', childText(record, 'DateDesignated'));
  b.unRefs.add(childText(record, 'UNReferenceNumber'));

  for (const name of descendants(record, 'Names', 'Name')) {
    b.addName(
      ['Name1', 'Name2', 'Name3', 'Name4', 'Name5', 'Name6'].map((n) => childText(name, n)),
      fcdoNameType(childText(name, 'NameType'), childText(name, 'AliasStrength')),
      kind,
    );
  }
  for (const name of descendants(record, 'NonLatinNames', 'NonLatinName')) {
    b.addNonLatinName(childText(name, 'NameNonLatinScript'), childText(name, 'NonLatinScriptLanguage'));
  }
  b.titles.addAll(texts(record, 'Titles', 'Title'));
  b.regimes.add(childText(record, 'RegimeName'));

  // SanctionsImposed when it says something, else the indicators that are true.
  const imposed = clean(child(record, 'SanctionsImposed')?.text);
  if (imposed) b.sanctions.addAll(imposed.split('|'));
  else {
    for (const indicator of child(record, 'SanctionsImposedIndicators')?.children ?? []) {
      if (clean(indicator.text).toLowerCase() === 'true') b.sanctions.add(indicatorLabel(indicator.name));
    }
  }
  const other = cleanParagraphs(child(record, 'OtherInformation')?.text);
  if (other) b.otherInformation.add(other);
  const reasons = cleanParagraphs(child(record, 'UKStatementofReasons')?.text);
  if (reasons) b.reasons.add(reasons);

  for (const address of descendants(record, 'Addresses', 'Address')) {
    b.addAddress(
      ['AddressLine1', 'AddressLine2', 'AddressLine3', 'AddressLine4', 'AddressLine5', 'AddressLine6', 'AddressPostalCode', 'AddressCountry'].map(
        (n) => childText(address, n),
      ),
    );
  }
  b.phones.addAll(texts(record, 'PhoneNumbers', 'PhoneNumber'));
  b.emails.addAll(texts(record, 'EmailAddresses', 'EmailAddress'));
  b.websites.addAll(texts(record, 'Websites', 'Website'));

  for (const person of descendants(record, 'IndividualDetails', 'Individual')) {
    b.dobs.addAll(texts(person, 'DOBs', 'DOB'));
    b.nationalities.addAll(texts(person, 'Nationalities', 'Nationality'));
    for (const id of descendants(person, 'NationalIdentifierDetails', 'NationalIdentifier')) {
      b.addPair('nationalIds', childText(id, 'NationalIdentifierNumber'), childText(id, 'NationalIdentifierAdditionalInformation'));
    }
    for (const passport of descendants(person, 'PassportDetails', 'Passport')) {
      b.addPair('passports', childText(passport, 'PassportNumber'), childText(passport, 'PassportAdditionalInformation'));
    }
    b.positions.addAll(texts(person, 'Positions', 'Position'));
    b.genders.addAll(texts(person, 'Genders', 'Gender'));
    for (const place of descendants(person, 'BirthDetails', 'Location')) {
      b.addBirthPlace(childText(place, 'TownOfBirth'), childText(place, 'CountryOfBirth'));
    }
  }
  for (const entity of descendants(record, 'EntityDetails', 'Entity')) {
    for (const value of texts(entity, 'TypeOfEntities', 'TypeOfEntity')) b.addDetail('Type of entity', value);
    for (const value of texts(entity, 'Subsidiaries', 'Subsidiary')) b.addDetail('Subsidiaries', value);
    for (const value of texts(entity, 'ParentCompanies', 'ParentCompany')) b.addDetail('Parent company', value);
    // One element may hold several numbers, one a line ("UK Company number - …\nLegal Entity Identifier - …").
    for (const value of texts(entity, 'BusinessRegistrationNumbers', 'BusinessRegistrationNumber')) {
      b.businessRegs.addAll(value.split(/\r?\n/));
    }
  }
  for (const ship of descendants(record, 'ShipDetails', 'Ship')) {
    b.imos.addAll(texts(ship, 'IMONumbers', 'IMONumber'));
    b.hins.addAll(texts(ship, 'HullIdentificationNumbers', 'HullIdentificationNumber'));
    addShipDetails(b, (group, item) => texts(ship, group, item));
  }

  const nativeId = fcdoNativeId(b.uniqueId, b.ofsiGroupId);
  if (!nativeId) {
    const name = childText(descendants(record, 'Names', 'Name')[0], 'Name6');
    throw new ListFormatError(`A <Designation>${name ? ` (${name})` : ''} has neither a UniqueID nor an OFSIGroupID.`);
  }
  return b.toTarget('uk-fcdo', nativeId, fcdoCrossRefs(b));
}

/** Ship particulars other than IMO: into remarks, labelled as the CSV columns are. */
export const SHIP_DETAILS: [label: string, group: string, item: string][] = [
  ['Current owner/operator', 'CurrentOwnerOperators', 'CurrentOwnerOperator'],
  ['Previous owner/operator', 'PreviousOwnerOperators', 'PreviousOwnerOperator'],
  ['Current believed flag', 'CurrentBelievedFlagOfShips', 'CurrentBelievedFlagOfShip'],
  ['Previous flags', 'PreviousFlags', 'PreviousFlag'],
  ['Type of ship', 'TypeOfShipDetails', 'TypeOfShip'],
  ['Tonnage of ship', 'TonnageOfShipDetails', 'TonnageOfShip'],
  ['Length of ship', 'LengthOfShipDetails', 'LengthOfShip'],
  ['Year built', 'YearsBuilt', 'YearBuilt'],
];

function addShipDetails(b: UkDesignationBuilder, values: (group: string, item: string) => string[]): void {
  for (const [label, group, item] of SHIP_DETAILS) for (const value of values(group, item)) b.addDetail(label, value);
}

export function createFcdoXmlReader(): TextListReader {
  let listDate: string | null = null;
  let pending: Target[] = [];
  let records = 0;
  const stream = createXmlRecordStream({
    isRecord: (name, depth) => depth === 1 && name === 'Designation',
    onRecord(record) {
      records++;
      pending.push(designationToTarget(record));
    },
    onHeaderElement(name, _attrs, depth) {
      if (depth === 0 && name !== 'Designations') {
        throw new ListFormatError(
          `This XML's root element is <${name}>, not <Designations>: it is not the FCDO UK Sanctions List.`,
        );
      }
    },
    onHeaderText(path, text) {
      if (path.length === 2 && path[1] === 'DateGenerated') {
        const iso = parseDayFirstDate(text);
        if (!iso) throw new ListFormatError(`The list's <DateGenerated> "${text}" is not a dd/mm/yyyy date.`);
        listDate = iso;
      }
    },
  });
  const guard = stickyGuard((error) => `The FCDO XML cannot be read: ${String(error)}`);
  const take = (): Target[] => {
    const out = pending;
    pending = [];
    return out;
  };
  return {
    write(text: string): Target[] {
      return guard(() => {
        stream.write(text);
        return take();
      });
    },
    end(): Target[] {
      return guard(() => {
        stream.end();
        if (records === 0) throw new ListFormatError('The FCDO XML holds no <Designation> records.');
        return take();
      });
    },
    meta(): ListMeta {
      return {
        source: 'uk-fcdo',
        format: 'uk-fcdo-xml',
        listDate,
        listDateOrigin: listDate ? 'content' : null,
      };
    },
  };
}
