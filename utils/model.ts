/**
 * The one model of a designated target that every list format is read into.
 * Pure data: no browser or Node APIs, so the same objects flow through the
 * parsers, the IndexedDB store, the matching engine and the CLI.
 */

/** Where a record comes from. Ids are `${SourceId}:${nativeId}`. */
export type SourceId =
  | 'uk-fcdo' // UK Sanctions List (FCDO), the only UK list since 28 Jan 2026
  | 'uk-ofsi' // OFSI Consolidated List (retired 28 Jan 2026; archived files)
  | 'us-ofac-sdn' // OFAC Specially Designated Nationals list
  | 'us-ofac-cons' // OFAC non-SDN consolidated list
  | 'eu-fsf' // EU Financial Sanctions Files
  | 'un-sc' // UN Security Council consolidated list
  | 'opensanctions'; // OpenSanctions exports (aggregator, not official)

export const SOURCE_IDS: readonly SourceId[] = [
  'uk-fcdo',
  'uk-ofsi',
  'us-ofac-sdn',
  'us-ofac-cons',
  'eu-fsf',
  'un-sc',
  'opensanctions',
];

export type TargetKind = 'person' | 'organisation' | 'vessel' | 'aircraft';

/**
 * primary: the listed name; variation: another spelling of it (FCDO "Primary Name Variation");
 * alias: a good-quality a.k.a.; weak-alias: low-quality a.k.a. (OFAC "weak", UN "Low",
 * FCDO "Low quality a.k.a"), never to alert on its own; former: f.k.a.
 */
export type NameType = 'primary' | 'variation' | 'alias' | 'weak-alias' | 'former';

/** Script of a name, by its letters (see utils/formats/script.ts). */
export type Script = 'latin' | 'cyrillic' | 'arabic' | 'han' | 'hangul' | 'kana' | 'greek' | 'hebrew' | 'thai' | 'other';

export interface TargetName {
  /** The whole name as the list writes it, whitespace collapsed. */
  full: string;
  type: NameType;
  script: Script;
  /** Name parts when the list gives them (people): given names in order, family name. */
  given?: string[];
  family?: string;
  /** Language when the list says it (e.g. FCDO "Non-latin script language"). */
  lang?: string;
}

export type IdentifierType =
  | 'passport'
  | 'national-id'
  | 'tax-id'
  | 'company-number'
  | 'imo'
  | 'mmsi'
  | 'swift-bic'
  | 'crypto'
  | 'email'
  | 'phone'
  | 'website'
  | 'call-sign'
  | 'other';

export interface Identifier {
  type: IdentifierType;
  value: string;
  /** Crypto: the chain or asset as the list labels it or as recognised (XBT, ETH, TRX, USDT…). */
  chain?: string;
  country?: string;
  /** The source's own label or details ("Passport Details", OFAC idType …). */
  note?: string;
}

/** A link from this record to another list's record of the same target. */
export interface CrossRef {
  kind: 'ofsi-group' | 'un-ref' | 'uk-unique-id' | 'eu-ref' | 'ofac-uid' | 'other';
  value: string;
}

export interface Target {
  /** Stable id: `${source}:${nativeId}`, e.g. `uk-fcdo:CYB0045`. */
  id: string;
  source: SourceId;
  nativeId: string;
  kind: TargetKind;
  names: TargetName[];
  titles?: string[];
  gender?: string;
  positions?: string[];
  /** ISO 8601: `yyyy-mm-dd`, `yyyy-mm` or `yyyy` when only part is known; otherwise the text as listed. */
  birthDates?: string[];
  birthPlaces?: string[];
  nationalities?: string[];
  addresses?: string[];
  identifiers?: Identifier[];
  /** Regime (UK/EU) or programme (OFAC/UN) names. */
  regimes: string[];
  /** Sanctions imposed (asset freeze, travel ban …) where the source states them. */
  sanctions?: string[];
  /** ISO date the target was designated / listed. */
  designated?: string;
  /** ISO date of the record's last update. */
  updated?: string;
  /** Statement of reasons / narrative summary. */
  reasons?: string;
  /** Other information / remarks as listed. */
  remarks?: string;
  crossRefs?: CrossRef[];
  /** Link to the official notice where the source gives one. */
  noticeUrl?: string;
}

/** Where the list date was read from, strongest first. */
export type ListDateOrigin = 'content' | 'http' | 'file-name' | 'file-time';

export interface ListMeta {
  source: SourceId;
  /** The format read, e.g. `uk-fcdo-xml` (see utils/formats/detect.ts). */
  format: string;
  /** ISO date (or date-time) of the list as published; null when nothing states it. */
  listDate: string | null;
  listDateOrigin: ListDateOrigin | null;
}

export interface KindCounts {
  persons: number;
  organisations: number;
  vessels: number;
  aircraft: number;
}

export function countKinds(targets: Iterable<Pick<Target, 'kind'>>): KindCounts {
  const counts: KindCounts = { persons: 0, organisations: 0, vessels: 0, aircraft: 0 };
  for (const target of targets) {
    if (target.kind === 'person') counts.persons++;
    else if (target.kind === 'organisation') counts.organisations++;
    else if (target.kind === 'vessel') counts.vessels++;
    else counts.aircraft++;
  }
  return counts;
}

export function targetId(source: SourceId, nativeId: string): string {
  return `${source}:${nativeId}`;
}

/** Human labels, used by the UI and error messages. */
export const SOURCE_LABELS: Record<SourceId, string> = {
  'uk-fcdo': 'UK Sanctions List (FCDO)',
  'uk-ofsi': 'OFSI Consolidated List (retired)',
  'us-ofac-sdn': 'OFAC SDN List',
  'us-ofac-cons': 'OFAC Consolidated (non-SDN) List',
  'eu-fsf': 'EU Financial Sanctions Files',
  'un-sc': 'UN Security Council Consolidated List',
  opensanctions: 'OpenSanctions',
};
