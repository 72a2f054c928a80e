import type { Identifier, IdentifierType, NameType, Script, SourceId, Target, TargetKind, TargetName } from '../model';
import { targetId } from '../model';
import { cryptoChainOf, extractCryptoAddresses, normalizeCryptoAddress } from './crypto';
import { parseNamedMonthDate } from './dates';
import { clean, scriptOf, unique } from './text';

/**
 * What the three OFAC formats (legacy CSV, SDN.XML, enhanced XML) share: OFAC keeps one database and
 * publishes the same "features" and "ID documents" in each. The legacy CSV prints them into the Remarks
 * text as `Label value (Country)` parts separated by `; ` (`DOB 12 Nov 1985; POB Jingzhou Municipality,
 * China; National ID No. 421003198511121539 (China).`), SDN.XML puts them into `idList/id` with the same
 * `idType` labels, and the enhanced XML into `features` and `identityDocuments`. One label table here
 * maps them onto the model, so the same entry reads the same from every format.
 */

export type OfacSource = Extract<SourceId, 'us-ofac-sdn' | 'us-ofac-cons'>;

// ---------------------------------------------------------------------------------------------------------
// Which list: SDN or the non-SDN consolidated list

/**
 * The non-SDN programmes (Consolidated list): Sectoral Sanctions Identifications (UKRAINE-EO13662),
 * Palestinian Legislative Council (NS-PLC), Chinese Military-Industrial Complex (CMIC-EO13959), Foreign
 * Sanctions Evaders (FSE-*), CAPTA (561-Related), Menu-Based Sanctions (NS-MBS …).
 */
const NON_SDN_PROGRAMME = /^(?:UKRAINE-EO13662|CMIC-EO13959|FSE-.+|561-RELATED|CAPTA.*|NS-.+|MBS.*)$/i;
/** Directive determinations: what puts a Russian / Ukrainian entity on the non-SDN list. */
const NON_SDN_FEATURE =
  /Directive Determination|Directive Information|Listing Date \(|CAATSA Section 235|Executive Order 13846 information|Executive Order 14059 information|PEESA Information|IFCA Determination/i;

/**
 * True when an entry carries a non-SDN marker: a non-SDN programme or a sectoral/menu-based directive.
 * In the real files every one of the 442 entries of cons_prim.csv (Dec 2025) has one, against 175 of the
 * 14,965 entries of sdn.csv (May 2024, 1.2 %: entries on both lists) and 33 of 7,379 in 2019.
 */
export function hasNonSdnMarker(programmes: readonly string[], nonSdnFeature: boolean): boolean {
  return nonSdnFeature || programmes.some((p) => NON_SDN_PROGRAMME.test(p.trim()));
}

/** The list an OFAC file is, from how many of its entries carry a non-SDN marker: half or more → non-SDN. */
export function sourceFromMarkers(marked: number, total: number): OfacSource {
  return total > 0 && marked * 2 >= total ? 'us-ofac-cons' : 'us-ofac-sdn';
}

// ---------------------------------------------------------------------------------------------------------
// Values

/** Whitespace that clean() would change; most cells have none, and testing is cheaper than replacing. */
const UNTIDY = /[^\S ]|[\u00a0\u200b\ufeff]| {2}|^ | $/;

/** clean(), skipping the copy when there is nothing to clean (15,000-entry files have 200,000 cells). */
export function tidy(value: string | undefined | null): string {
  if (value == null) return '';
  return UNTIDY.test(value) ? clean(value) : value;
}

/** OFAC's null marker is `-0- ` (with a space); the last cell of a file without a final newline may lose it. */
export function ofacValue(value: string | undefined | null): string {
  const cleaned = tidy(value);
  return cleaned === '-0-' || cleaned === '-0' ? '' : cleaned;
}

/** scriptOf() with a fast path for the plain ASCII names that make up nearly all of OFAC's lists. */
function scriptOfName(name: string): Script {
  if (/^[\x20-\x7e]*$/.test(name)) return /[A-Za-z]/.test(name) ? 'latin' : 'other';
  return scriptOf(name);
}

/** `12 Nov 1985` → `1985-11-12`, `Nov 1985` → `1985-11`, `1985` → `1985`; anything else (`circa 1951`, `1951 to 1953`) as written. */
export function ofacDate(text: string): string {
  const value = tidy(text);
  if (/^\d{4}$/.test(value)) return value;
  return parseNamedMonthDate(value) ?? value;
}

/** `UKRAINE-EO13662] [RUSSIA-EO14024` (the CSV's Program cell) → the programme names. */
export function splitProgrammes(cell: string): string[] {
  return unique(
    cell
      .split(/\]\s*\[/)
      .map((p) => ofacValue(p.replace(/^\s*\[|\]\s*$/g, '')))
      .filter(Boolean),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Labels

type LabelRule =
  | { field: 'dob' | 'pob' | 'nationality' | 'gender' }
  | { field: 'id'; type: IdentifierType }
  | { field: 'crypto' }
  | { field: 'sanction'; valueOnly?: boolean }
  | { field: 'linked' };

const id = (type: IdentifierType): LabelRule => ({ field: 'id', type });

/** Labels as OFAC writes them (CSV Remarks, SDN.XML idType, enhanced feature / document types). */
const LABELS: Record<string, LabelRule> = {
  DOB: { field: 'dob' },
  Birthdate: { field: 'dob' },
  POB: { field: 'pob' },
  'Place of Birth': { field: 'pob' },
  nationality: { field: 'nationality' },
  'Nationality Country': { field: 'nationality' },
  citizen: { field: 'nationality' },
  'Citizenship Country': { field: 'nationality' },
  'Nationality of Registration': { field: 'nationality' },
  Gender: { field: 'gender' },
  'Linked To:': { field: 'linked' },

  // passports and personal documents
  Passport: id('passport'),
  'Diplomatic Passport': id('passport'),
  'British National Overseas Passport': id('passport'),
  'Stateless Person Passport': id('passport'),
  'Travel Document Number': id('passport'),
  'National ID No.': id('national-id'),
  'Cedula No.': id('national-id'),
  'D.N.I.': id('national-id'),
  'Personal ID Card': id('national-id'),
  'Identification Number': id('national-id'),
  'Bosnian Personal ID No.': id('national-id'),
  'Kenyan ID No.': id('national-id'),
  'Moroccan Personal ID No.': id('national-id'),
  'Turkish Identification Number': id('national-id'),
  'Tazkira National ID Card': id('national-id'),
  'C.U.R.P.': id('national-id'),
  'CNP (Personal Numerical Code)': id('national-id'),
  'National Foreign ID Number': id('national-id'),
  'Numero de Identidad': id('national-id'),
  'UAE Identification': id('national-id'),
  "Citizen's Card Number": id('national-id'),
  'Credencial electoral': id('national-id'),
  'Electoral Registry No.': id('national-id'),
  'Stateless Person ID Card': id('national-id'),
  'Refugee ID Card': id('national-id'),
  'Residency Number': id('national-id'),
  'Romanian Permanent Resident': id('national-id'),
  'Immigration No.': id('national-id'),
  'Public Security and Immigration No.': id('national-id'),
  SSN: id('national-id'),
  'N.I.E.': id('national-id'),
  'I.F.E.': id('national-id'),
  'C.I.N.': id('national-id'),
  'C.U.I.P.': id('national-id'),
  'Birth Certificate Number': id('other'),
  "Driver's License No.": id('other'),
  'Pilot License Number': id('other'),
  VisaNumberID: id('other'),
  'Cartilla de Servicio Militar Nacional': id('other'),
  'Military Registration Number': id('other'),
  "Seafarer's Identification Document": id('other'),
  'SRE Permit No.': id('other'),
  'Permit Number': id('other'),

  // tax numbers
  'Tax ID No.': id('tax-id'),
  'NIT #': id('tax-id'),
  'RUC #': id('tax-id'),
  'R.F.C.': id('tax-id'),
  RFC: id('tax-id'),
  'RIF #': id('tax-id'),
  'C.U.I.T.': id('tax-id'),
  'C.I.F.': id('tax-id'),
  'N.I.F.': id('tax-id'),
  'C.U.I.': id('tax-id'),
  'V.A.T. Number': id('tax-id'),
  'US FEIN': id('tax-id'),
  'Italian Fiscal Code': id('tax-id'),
  'Fiscal Code': id('tax-id'),
  'Paraguayan tax identification number': id('tax-id'),
  'Numero Unico de Identificacao Tributaria (NUIT)': id('tax-id'),
  'Romanian Tax Registration': id('tax-id'),
  RTN: id('tax-id'),
  RSIN: id('tax-id'),

  // company and registration numbers
  'Registration Number': id('company-number'),
  'Registration ID': id('company-number'),
  'Company Number': id('company-number'),
  'UK Company Number': id('company-number'),
  'Commercial Registry Number': id('company-number'),
  'Business Registration Number': id('company-number'),
  'Business Registration Document #': id('company-number'),
  'Business Number': id('company-number'),
  'Unified Social Credit Code (USCC)': id('company-number'),
  'United Social Credit Code Certificate (USCCC)': id('company-number'),
  'Legal Entity Number': id('company-number'),
  'LE Number': id('company-number'),
  'Trade License No.': id('company-number'),
  License: id('company-number'),
  'C.R. No.': id('company-number'),
  'Romanian C.R.': id('company-number'),
  'Folio Mercantil No.': id('company-number'),
  'Matricula Mercantil No': id('company-number'),
  'Chamber of Commerce Number': id('company-number'),
  'Dubai Chamber of Commerce Membership No.': id('company-number'),
  'Istanbul Chamber of Comm. No.': id('company-number'),
  'Government Gazette Number': id('company-number'),
  'Economic Register Number (CBLS)': id('company-number'),
  'Central Registration System Number': id('company-number'),
  'D-U-N-S Number': id('company-number'),
  'Certificate of Incorporation Number': id('company-number'),
  'Registration Certificate Number (Dubai)': id('company-number'),
  'Registered Charity No.': id('company-number'),
  'Public Registration Number': id('company-number'),
  'Enterprise Number': id('company-number'),
  'Organization Code': id('company-number'),
  'Branch Unit Number': id('company-number'),
  'Chinese Commercial Code': id('company-number'),
  'MSB Registration Number': id('company-number'),
  'Tourism License No.': id('company-number'),
  'Afghan Money Service Provider License Number': id('company-number'),
  'Russian State Individual Business Registration Number Pattern (OGRNIP)': id('company-number'),
  'Global Intermediary Identification Number': id('company-number'),
  'File Number': id('company-number'),
  'Trademark number': id('other'),
  'Serial No.': id('other'),

  // banks, securities, contacts
  'SWIFT/BIC': id('swift-bic'),
  'BIK (RU)': id('other'),
  ISIN: id('other'),
  'Equity Ticker': id('other'),
  'Email Address': id('email'),
  Website: id('website'),
  'Phone Number': id('phone'),
  Telephone: id('phone'),
  Fax: id('phone'),
  'Fax:': id('phone'),
  'Telephone:': id('phone'),
  PHONE: id('phone'),

  // vessels and aircraft
  'Vessel Registration Identification': id('imo'),
  MMSI: id('mmsi'),
  'Vessel Call Sign': id('call-sign'),
  'Call Sign': id('call-sign'),
  'Vessel Flag': { field: 'nationality' },
  'Aircraft Tail Number': id('other'),
  'Previous Aircraft Tail Number': id('other'),
  "Aircraft Manufacturer's Serial Number (MSN)": id('other'),
  'Aircraft Construction Number (also called L/N or S/N or F/N)': id('other'),
  'Aircraft Mode S Transponder Code': id('other'),
  'Aircraft Serial Identification': id('other'),

  // sanctions information
  'Additional Sanctions Information -': { field: 'sanction', valueOnly: true },
  'Secondary sanctions risk:': { field: 'sanction' },
  'Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:': { field: 'sanction' },
  'CAATSA Section 235 Information:': { field: 'sanction' },
  'IFCA Determination -': { field: 'sanction' },
  'PEESA Information:': { field: 'sanction' },
};

/** Sanctions information labels not listed above (new executive orders keep adding them). */
const SANCTION_LABEL = /^Executive Order \d+ (?:Directive (?:Determination|Information)|information)\s*[-:]?$/i;

const CRYPTO_LABEL = /^Digital Currency Address - (\S+)$/;

function ruleOf(label: string): LabelRule | undefined {
  const rule = LABELS[label];
  if (rule) return rule;
  if (CRYPTO_LABEL.test(label)) return { field: 'crypto' };
  if (SANCTION_LABEL.test(label)) return { field: 'sanction' };
  return undefined;
}

/** True when the label is an identifier's (its value may end with the country in brackets). */
export function isIdentifierLabel(label: string): boolean {
  return ruleOf(label)?.field === 'id';
}

/** Labels that can start a CSV remark part, by first word, longest first. */
const LABELS_BY_WORD = new Map<string, string[]>();
for (const label of [
  ...Object.keys(LABELS),
  'Executive Order 13662 Directive Determination -',
  'Executive Order 13846 information:',
  'Executive Order 14014 Directive Information:',
  'Executive Order 14024 Directive Information -',
  'Executive Order 14024 Directive Information',
  'Executive Order 14059 information:',
]) {
  const word = label.split(' ', 1)[0]!;
  const list = LABELS_BY_WORD.get(word) ?? [];
  list.push(label);
  LABELS_BY_WORD.set(word, list);
}
for (const list of LABELS_BY_WORD.values()) list.sort((a, b) => b.length - a.length);

// ---------------------------------------------------------------------------------------------------------
// Crypto chains

/** Address families a native coin label accepts (chains as crypto.ts recognises them). */
const CHAIN_FAMILY: Record<string, string[]> = {
  XBT: ['XBT'],
  BTC: ['XBT'],
  ETH: ['ETH'],
  ETC: ['ETH'],
  ARB: ['ETH'],
  BSC: ['ETH'],
  MATIC: ['ETH'],
  POL: ['ETH'],
  AVAX: ['ETH'],
  OP: ['ETH'],
  BASE: ['ETH'],
  FTM: ['ETH'],
  TRX: ['TRX'],
  LTC: ['LTC', 'XBT'],
  BCH: ['BCH', 'XBT'],
  BSV: ['XBT', 'BCH'],
  XMR: ['XMR'],
  DASH: ['DASH'],
  ZEC: ['ZEC'],
  DOGE: ['DOGE'],
  BTG: ['BTG', 'XBT'],
  XRP: ['XRP'],
  ADA: ['ADA'],
};

/**
 * The chain of a labelled address: the label's asset (`XBT`, `USDT`, `ETH` …), unless the label names a
 * native coin whose addresses look otherwise and the address validates for another chain — OFAC labels
 * at least one Tron address `XBT` (Mingming WANG, 45404): that address gets chain `TRX`, the label stays
 * in the note. Token labels (USDT, USDC …) live on several chains and are kept.
 */
export function chainForLabelledAddress(asset: string, address: string): string {
  const family = CHAIN_FAMILY[asset.toUpperCase()];
  if (!family) return asset;
  const recognised = cryptoChainOf(address);
  return recognised && !family.includes(recognised) ? recognised : asset;
}

// ---------------------------------------------------------------------------------------------------------
// The target being built

export interface OfacIdDetails {
  country?: string;
  issued?: string;
  expires?: string;
  /** More of the source's words about this value (issuing authority, comments). */
  extra?: string;
}

/** Adds a value to an optional list once; returns the list (lists are made on first use: 15,000 entries). */
function addOnce<T>(list: T[] | undefined, value: T): T[] {
  if (!list) return [value];
  if (!list.includes(value)) list.push(value);
  return list;
}

/** Collects one entry's fields from whichever format, then makes the Target. */
export class OfacTargetBuilder {
  readonly names: TargetName[] = [];
  /** OFAC's Title: mostly a position (`Member of the State Duma …`, `Minister of Justice`), sometimes a rank. */
  positions: string[] | undefined;
  gender: string | undefined;
  birthDates: string[] | undefined;
  birthPlaces: string[] | undefined;
  nationalities: string[] | undefined;
  addresses: string[] | undefined;
  identifiers: Identifier[] | undefined;
  /** Comparison keys of the identifiers, in step with `identifiers`. */
  private identifierKeys: string[] | undefined;
  readonly regimes: string[] = [];
  sanctions: string[] | undefined;
  /** Remarks paragraphs (CSV: the whole Remarks text; XML: remarks and the details without a model field). */
  remarks: string[] | undefined;
  designated: string | undefined;
  /** Text searched for crypto addresses the labels missed. */
  private freeText: string[] | undefined;
  /** Whether a label or remark of the entry is a non-SDN marker (directive determinations …). */
  nonSdnFeature = false;

  constructor(
    readonly nativeId: string,
    readonly kind: TargetKind,
  ) {}

  addName(full: string, type: NameType, parts?: { given?: string; family?: string }): void {
    const name = tidy(full);
    if (!name) return;
    const key = name.toLowerCase();
    for (const existing of this.names) if (existing.full.toLowerCase() === key) return;
    const out: TargetName = { full: name, type, script: scriptOfName(name) };
    const given = tidy(parts?.given);
    const family = tidy(parts?.family);
    if (this.kind === 'person' && given && family) {
      out.given = given.split(' ');
      out.family = family;
    }
    this.names.push(out);
  }

  /** A name as OFAC writes it: individuals `FAMILY, Given Names`. */
  addWrittenName(full: string, type: NameType): void {
    const name = tidy(full);
    const comma = name.indexOf(', ');
    if (this.kind === 'person' && comma > 0) {
      this.addName(name, type, { family: name.slice(0, comma), given: name.slice(comma + 2) });
    } else {
      this.addName(name, type);
    }
  }

  addPosition(title: string): void {
    const value = ofacValue(title);
    if (value) this.positions = addOnce(this.positions, value);
  }

  addRegime(programme: string): void {
    const value = ofacValue(programme);
    if (value && !this.regimes.includes(value)) this.regimes.push(value);
  }

  addSanction(text: string): void {
    const value = tidy(text);
    if (value) this.sanctions = addOnce(this.sanctions, value);
  }

  addAddress(parts: (string | undefined)[]): void {
    let value = '';
    for (const part of parts) {
      const v = ofacValue(part);
      if (v) value = value ? `${value}, ${v}` : v;
    }
    if (value) this.addresses = addOnce(this.addresses, value);
  }

  addNationality(country: string): void {
    const value = ofacValue(country);
    if (value) this.nationalities = addOnce(this.nationalities, value);
  }

  addRemark(text: string): void {
    const value = tidy(text);
    if (value) this.remarks = addOnce(this.remarks, value);
  }

  addFreeText(text: string): void {
    if (text) this.freeText = addOnce(this.freeText, text);
  }

  addIdentifier(type: IdentifierType, value: string, label: string, details: OfacIdDetails = {}): void {
    let v = ofacValue(value);
    if (!v) return;
    if (type === 'imo' || v.startsWith('IMO')) {
      // `Vessel Registration Identification IMO 9187629`, `Company Number IMO 5055293`: the number is the value.
      const imo = /^IMO\s*(\d{7})$/.exec(v);
      if (imo) {
        type = 'imo';
        v = imo[1]!;
      }
    }
    const identifier: Identifier = { type, value: v };
    const country = ofacValue(details.country);
    if (country) identifier.country = country;
    identifier.note = noteOf(label, details);
    this.pushIdentifier(identifier);
  }

  addCrypto(value: string, label: string, asset: string): void {
    const v = ofacValue(value);
    if (!v) return;
    const chain = chainForLabelledAddress(asset, v);
    this.pushIdentifier({ type: 'crypto', value: v, chain, note: label });
  }

  private keyOf(identifier: Identifier): string {
    const value =
      identifier.type === 'crypto' ? normalizeCryptoAddress(identifier.value, identifier.chain) : identifier.value.toLowerCase();
    return `${identifier.type}\u0000${value}\u0000${identifier.chain ?? ''}\u0000${identifier.country ?? ''}`;
  }

  private pushIdentifier(identifier: Identifier): void {
    const key = this.keyOf(identifier);
    if (this.identifierKeys?.includes(key)) return;
    (this.identifierKeys ??= []).push(key);
    (this.identifiers ??= []).push(identifier);
  }

  /**
   * One labelled value (CSV remark part, SDN.XML id, enhanced feature or document) onto the model.
   * Returns false when the label has no model field (the caller keeps it in the remarks).
   */
  applyLabelled(label: string, value: string, details: OfacIdDetails = {}): boolean {
    const rule = ruleOf(label);
    const v = tidy(value);
    if (!this.nonSdnFeature && NON_SDN_FEATURE.test(label)) this.nonSdnFeature = true;
    if (!rule || !v) return false;
    switch (rule.field) {
      case 'dob':
        this.birthDates = addOnce(this.birthDates, ofacDate(v));
        return true;
      case 'pob':
        this.birthPlaces = addOnce(this.birthPlaces, v);
        return true;
      case 'nationality':
        this.addNationality(v);
        return true;
      case 'gender':
        this.gender ??= v;
        return true;
      case 'crypto':
        this.addCrypto(v, label, CRYPTO_LABEL.exec(label)![1]!);
        return true;
      case 'sanction':
        this.addSanction(rule.valueOnly ? v : `${label} ${v}`);
        return true;
      case 'linked':
        // A link to another designation: no model field (a crossRef would claim they are the same target).
        return false;
      case 'id':
        this.addIdentifier(rule.type, v, label, details);
        return true;
    }
  }

  build(source: OfacSource): Target {
    if (this.freeText) {
      const seen = new Set<string>();
      for (const identifier of this.identifiers ?? []) {
        if (identifier.type === 'crypto') seen.add(normalizeCryptoAddress(identifier.value, identifier.chain));
      }
      for (const text of this.freeText) {
        // Only text with a long enough word can hold an address (saves tokenising every remark).
        if (!LONG_WORD.test(text)) continue;
        for (const found of extractCryptoAddresses(text)) {
          const key = normalizeCryptoAddress(found.value, found.chain);
          if (seen.has(key)) continue;
          seen.add(key);
          (this.identifiers ??= []).push({ ...found, note: found.note ? `in remarks, ${found.note}` : 'in remarks' });
        }
      }
    }
    const target: Target = {
      id: targetId(source, this.nativeId),
      source,
      nativeId: this.nativeId,
      kind: this.kind,
      names: this.names,
      regimes: this.regimes,
    };
    if (this.positions) target.positions = this.positions;
    if (this.gender) target.gender = this.gender;
    if (this.birthDates) target.birthDates = this.birthDates;
    if (this.birthPlaces) target.birthPlaces = this.birthPlaces;
    if (this.nationalities) target.nationalities = this.nationalities;
    if (this.addresses) target.addresses = this.addresses;
    if (this.identifiers) target.identifiers = this.identifiers;
    if (this.sanctions) target.sanctions = this.sanctions;
    if (this.designated) target.designated = this.designated;
    if (this.remarks) target.remarks = this.remarks.join('\n');
    return target;
  }
}

/**
 * A run of 12+ address letters: the shortest piece extractCryptoAddresses() can join into an address
 * (two pieces of 25+ characters in all, split by a space or line break).
 */
const LONG_WORD = /[0-9A-Za-z\u0370-\u03ff\u0400-\u052f]{12}/;

function noteOf(label: string, details: OfacIdDetails): string {
  let note = label;
  const extra = clean(details.extra);
  if (extra) note += ` (${extra})`;
  if (details.issued) note += `, issued ${clean(details.issued)}`;
  if (details.expires) note += `, expires ${clean(details.expires)}`;
  return note;
}

// ---------------------------------------------------------------------------------------------------------
// The legacy Remarks text

const ALIAS_REMARK = /^([afn])\.k\.a\.,? '(.*)'$/s;

/** Splits a remark part into `[label, value]` when it starts with a known label. */
export function splitOfacLabel(part: string): [label: string, value: string] | undefined {
  const space = part.indexOf(' ');
  if (space < 0) return undefined;
  const word = part.slice(0, space);
  const candidates = LABELS_BY_WORD.get(word);
  if (candidates) {
    for (const label of candidates) {
      if (part.startsWith(label) && (part.length === label.length || part[label.length] === ' ')) {
        return [label, part.slice(label.length + 1)];
      }
    }
  }
  if (word === 'Digital') {
    const m = /^(Digital Currency Address - \S+) (.+)$/s.exec(part);
    if (m) return [m[1]!, m[2]!];
  }
  if (word === 'Executive') {
    const m = /^(Executive Order \d+ (?:Directive (?:Determination|Information)|information)\s*[-:]?) (.+)$/is.exec(part);
    if (m) return [m[1]!, m[2]!];
  }
  return undefined;
}

/**
 * A number with its country in brackets (`1026303117642 (Russia)`, as CONS_ENHANCED.XML has some document
 * numbers): the bracket is taken as the country when no other country is given or it is the same one.
 */
export function splitCountrySuffix(value: string, country?: string): { value: string; country?: string } {
  const v = tidy(value);
  if (!v.endsWith(')')) return { value: v, country };
  const open = v.lastIndexOf('(');
  const inBrackets = v.slice(open + 1, -1).trim();
  const rest = v.slice(0, open).trim();
  // A country has letters: `Telephone (98)(9121115315)` keeps its brackets.
  if (open <= 0 || !rest || !/[A-Za-z]{2}/.test(inBrackets) || inBrackets.includes('(')) return { value: v, country };
  if (country && country.toLowerCase() !== inBrackets.toLowerCase()) return { value: v, country };
  return { value: rest, country: country || inBrackets };
}

/** `109484100 (Korea, North) issued 01 Jan 2015 expires 24 Dec 2024` → value, country and dates. */
function splitIdValue(text: string): { value: string; details: OfacIdDetails } {
  let value = text;
  const details: OfacIdDetails = {};
  let at = value.lastIndexOf(' expires ');
  if (at > 0) {
    details.expires = value.slice(at + 9);
    value = value.slice(0, at);
  }
  at = value.lastIndexOf(' issued ');
  if (at > 0) {
    details.issued = value.slice(at + 8);
    value = value.slice(0, at);
  }
  // The last bracket is the country: `HRA 738077 (Stuttgart) (Germany)`.
  const split = splitCountrySuffix(value);
  if (split.country) details.country = split.country;
  return { value: split.value, details };
}

/**
 * The legacy Remarks text onto the model. Weak a.k.a.s live only here (`a.k.a. 'BNC'`; OFAC's SDN.XML
 * has the same names with `category weak`), so every alias in the Remarks is a weak alias, f.k.a. too.
 * The whole text is also kept as the remarks; the parts without a label are searched for crypto addresses.
 */
export function applyOfacRemarks(builder: OfacTargetBuilder, remarks: string): void {
  const text = tidy(remarks);
  if (!text) return;
  builder.addRemark(text);
  const body = text.endsWith('.') ? text.slice(0, -1) : text;
  for (const raw of body.split('; ')) {
    let part = raw.trim();
    if (part.startsWith('alt. ')) part = part.slice(5);
    if (!part) continue;
    if (part.charCodeAt(1) === 46 /* . */ && part.startsWith('.k.a.', 1)) {
      const alias = ALIAS_REMARK.exec(part);
      if (alias) {
        builder.addWrittenName(alias[2]!, 'weak-alias');
        continue;
      }
    }
    const labelled = splitOfacLabel(part);
    if (!labelled) {
      if (!builder.nonSdnFeature && NON_SDN_FEATURE.test(part)) builder.nonSdnFeature = true;
      builder.addFreeText(part);
      continue;
    }
    const [label, rest] = labelled;
    if (ruleOf(label)?.field === 'id') {
      const { value, details } = splitIdValue(rest);
      builder.applyLabelled(label, value, details);
    } else if (!builder.applyLabelled(label, rest)) {
      builder.addFreeText(part);
    }
  }
}
