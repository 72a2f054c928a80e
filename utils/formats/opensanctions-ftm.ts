import type { CrossRef, Identifier, IdentifierType, ListMeta, Target, TargetKind, TargetName } from '../model';
import { extractCryptoAddresses } from './crypto';
import { parseIsoDate } from './dates';
import { compact, genderLabel, uniqueIdentifiers } from './eu-fsf-xml';
import { clean, cleanParagraphs, scriptOf, unique } from './text';
import { ListFormatError, type TextListReader } from './types';

/**
 * OpenSanctions FollowTheMoney exports: `entities.ftm.json` (one entity a line:
 * `{id, caption, schema, properties{prop: [values]}, datasets, referents, target, first_seen, last_seen, last_change}`)
 * and delta files (`{"op":"ADD"|"MOD"|"DEL","entity":{…}}` a line).
 *
 * Targets link to other entities (Sanction → entity, addressEntity → Address, Passport → holder), so the
 * joins need the whole file: entities are kept (only the schemas that matter) and targets are built at end().
 */

const FORMAT = 'opensanctions-ftm';

/** Schemas that can be a designated target when the file carries no `target` flags. */
const TARGET_SCHEMAS = new Set(['Person', 'Organization', 'Company', 'LegalEntity', 'Vessel', 'Airplane']);
/** Schemas joined onto targets. */
const JOINED_SCHEMAS = new Set(['Sanction', 'Address', 'Passport', 'Identification', 'CryptoWallet']);

export interface FtmEntity {
  id: string;
  schema: string;
  caption?: string;
  properties: Record<string, string[]>;
  datasets?: string[];
  referents?: string[];
  target?: boolean;
  first_seen?: string;
  last_seen?: string;
  last_change?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Helpers shared with the targets.simple.csv reader.

let regionNames: Intl.DisplayNames | null | undefined;

/** `ru` → `Russia` (OpenSanctions writes ISO 3166 codes); codes it does not know stay as written. */
const countryNames = new Map<string, string>();

export function countryName(code: string): string {
  const cached = countryNames.get(code);
  if (cached !== undefined) return cached;
  const name = lookUpCountry(code);
  countryNames.set(code, name);
  return name;
}

function lookUpCountry(code: string): string {
  const value = clean(code);
  if (!/^[a-z]{2}$/i.test(value)) return value;
  if (regionNames === undefined) {
    try {
      regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    } catch {
      regionNames = null;
    }
  }
  const name = regionNames?.of(value.toUpperCase());
  return name ?? value.toUpperCase();
}

export function kindOfSchema(schema: string): TargetKind {
  if (schema === 'Person') return 'person';
  if (schema === 'Vessel') return 'vessel';
  if (schema === 'Airplane' || schema === 'Aircraft') return 'aircraft';
  return 'organisation';
}

/** `IMO9253325` → `9253325`. */
export function imoNumber(value: string): string {
  return clean(value).replace(/^IMO[\s:-]*/i, '');
}

/** OpenSanctions referent ids that name another list's own record. */
export function crossRefsOfReferents(referents: readonly string[] | undefined): CrossRef[] {
  const out: CrossRef[] = [];
  for (const ref of referents ?? []) {
    let m: RegExpExecArray | null;
    if ((m = /^ofac-(\d+)$/.exec(ref))) out.push({ kind: 'ofac-uid', value: m[1]! });
    else if ((m = /^gb-fcdo-([a-z]{3}\d{4})$/i.exec(ref))) out.push({ kind: 'uk-unique-id', value: m[1]!.toUpperCase() });
    else if ((m = /^gb-hmt-(\d+)$/.exec(ref))) out.push({ kind: 'ofsi-group', value: m[1]! });
    else if ((m = /^eu-fsf-eu-(\d+)-(\d+)$/.exec(ref))) out.push({ kind: 'eu-ref', value: `EU.${m[1]}.${m[2]}` });
  }
  return out;
}

/** A Sanction's `authorityId` is the issuing list's own record id: recognised for the lists this app reads. */
function crossRefsOfSanction(sanction: FtmEntity): CrossRef[] {
  const datasets = new Set(sanction.datasets ?? []);
  const out: CrossRef[] = [];
  for (const id of props(sanction, 'authorityId')) {
    if (/^EU\.\d+\.\d+$/.test(id)) out.push({ kind: 'eu-ref', value: id });
    else if (datasets.has('gb_fcdo_sanctions') && /^[A-Z]{3}\d{4}$/.test(id)) out.push({ kind: 'uk-unique-id', value: id });
    else if (datasets.has('gb_fcdo_sanctions') && /^\d+$/.test(id)) out.push({ kind: 'ofsi-group', value: id });
    else if (datasets.has('us_ofac_sdn') && /^\d+$/.test(id)) out.push({ kind: 'ofac-uid', value: id });
    else if (datasets.has('un_sc_sanctions')) out.push({ kind: 'un-ref', value: id });
  }
  return out;
}

export function uniqueCrossRefs(refs: CrossRef[]): CrossRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.kind}\u0000${r.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function latest(values: Iterable<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const v of values) if (v && (!best || v > best)) best = v;
  return best;
}

function earliest(values: Iterable<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const v of values) if (v && (!best || v < best)) best = v;
  return best;
}

// ---------------------------------------------------------------------------------------------------------

/** Property → identifier type; `note` names the source property when the type alone would lose it. */
const IDENTIFIER_PROPS: [string, IdentifierType, string?][] = [
  ['imoNumber', 'imo'],
  ['mmsi', 'mmsi'],
  ['callSign', 'call-sign'],
  ['swiftBic', 'swift-bic'],
  ['registrationNumber', 'company-number', 'Registration number'],
  ['ogrnCode', 'company-number', 'OGRN'],
  ['innCode', 'tax-id', 'INN'],
  ['taxNumber', 'tax-id', 'Tax number'],
  ['vatCode', 'tax-id', 'VAT'],
  ['leiCode', 'other', 'LEI'],
  ['dunsCode', 'other', 'DUNS'],
  ['permId', 'other', 'PermID'],
  ['uniqueEntityId', 'other', 'Unique Entity ID (SAM)'],
  ['idNumber', 'national-id'],
  ['passportNumber', 'passport'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['website', 'website'],
];

function props(entity: FtmEntity | undefined, name: string): string[] {
  const values = entity?.properties[name];
  if (!Array.isArray(values)) return [];
  return values.map((v) => clean(String(v))).filter(Boolean);
}

function addressText(address: FtmEntity): string {
  const full = props(address, 'full')[0];
  if (full) return full;
  return [
    ...props(address, 'street'),
    ...props(address, 'postOfficeBox'),
    ...props(address, 'city'),
    ...props(address, 'region'),
    ...props(address, 'postalCode'),
    ...props(address, 'country').map(countryName),
  ].join(', ');
}

function documentIdentifiers(doc: FtmEntity): Identifier[] {
  const passport = doc.schema === 'Passport';
  const type: IdentifierType = passport ? 'passport' : /national|identity|id card/i.test(props(doc, 'type').join(' ')) ? 'national-id' : 'other';
  const country = props(doc, 'country').map(countryName)[0];
  const note = [...props(doc, 'type'), ...props(doc, 'authority'), ...props(doc, 'summary')].join('; ');
  return unique([...props(doc, 'number'), ...props(doc, 'passportNumber')]).map((value) => ({
    type,
    value,
    ...(country ? { country } : {}),
    ...(note ? { note } : {}),
  }));
}

interface Joined {
  sanctions: FtmEntity[];
  addresses: FtmEntity[];
  documents: FtmEntity[];
  wallets: FtmEntity[];
}

function toTarget(entity: FtmEntity, joined: Joined): Target {
  const kind = kindOfSchema(entity.schema);
  const names: TargetName[] = [];
  const add = (full: string, type: TargetName['type'], extra: Partial<TargetName> = {}) => {
    if (full) names.push({ full, type, script: scriptOf(full), ...extra });
  };
  const nameValues = props(entity, 'name');
  const caption = clean(entity.caption);
  let primary = nameValues.includes(caption) ? caption : nameValues[0];
  if (!primary) {
    const given = [...props(entity, 'firstName').slice(0, 1), ...props(entity, 'middleName').slice(0, 1)];
    const family = props(entity, 'lastName')[0];
    const composed = [...given, family].filter(Boolean).join(' ');
    if (composed) {
      add(composed, 'primary', { ...(given.length ? { given } : {}), ...(family ? { family } : {}) });
      primary = composed;
    } else if (caption) {
      add(caption, 'primary');
      primary = caption;
    }
  } else {
    add(primary, 'primary');
  }
  for (const n of nameValues) if (n !== primary) add(n, 'variation');
  for (const n of props(entity, 'alias')) add(n, 'alias');
  for (const n of props(entity, 'abbreviation')) add(n, 'alias');
  for (const n of props(entity, 'weakAlias')) add(n, 'weak-alias');
  for (const n of props(entity, 'previousName')) add(n, 'former');
  const seenNames = new Set<string>();
  const uniqueNames = names.filter((n) => {
    const key = n.full.toLowerCase();
    if (seenNames.has(key)) return false;
    seenNames.add(key);
    return true;
  });
  if (uniqueNames.length === 0) throw new ListFormatError(`The OpenSanctions entity ${entity.id} has no name.`);

  const identifiers: Identifier[] = [];
  for (const [prop, type, note] of IDENTIFIER_PROPS) {
    // A few sources put several phone numbers or e-mails in one value ("+7 …; +7 …").
    const values = prop === 'phone' || prop === 'email' ? props(entity, prop).flatMap((v) => v.split(/\s*;\s*/)) : props(entity, prop);
    for (const value of values) {
      if (!value) continue;
      const isVesselReg = prop === 'registrationNumber' && (kind === 'vessel' || kind === 'aircraft' || kind === 'person');
      identifiers.push({
        type: isVesselReg ? 'other' : type,
        value: type === 'imo' ? imoNumber(value) : value,
        ...(note ? { note } : {}),
      });
    }
  }
  for (const value of props(entity, 'cryptoWallets')) identifiers.push({ type: 'crypto', value });
  for (const doc of joined.documents) identifiers.push(...documentIdentifiers(doc));
  for (const wallet of joined.wallets) {
    const chain = props(wallet, 'currency')[0];
    for (const value of props(wallet, 'publicKey')) identifiers.push({ type: 'crypto', value, ...(chain ? { chain } : {}) });
  }

  const notes = unique(
    [...props(entity, 'notes'), ...props(entity, 'summary'), ...props(entity, 'description')]
      .map((n) => cleanParagraphs(n))
      .filter(Boolean),
  );
  for (const note of notes) identifiers.push(...extractCryptoAddresses(note));

  // Sanctions joined onto the target
  const sanctions = joined.sanctions;
  const programIds = new Set(sanctions.flatMap((s) => props(s, 'programId')));
  const regimes = unique([
    ...sanctions.flatMap((s) => (props(s, 'program').length ? props(s, 'program') : props(s, 'programId'))),
    ...props(entity, 'programId').filter((id) => !programIds.has(id)),
  ]);
  const authorities = unique(sanctions.flatMap((s) => props(s, 'authority')));
  const reasons = unique(sanctions.flatMap((s) => props(s, 'reason').map((r) => cleanParagraphs(r)))).join('\n');
  const crossRefs: CrossRef[] = [...crossRefsOfReferents(entity.referents)];
  for (const s of sanctions) {
    for (const id of props(s, 'unscId')) crossRefs.push({ kind: 'un-ref', value: id });
    crossRefs.push(...crossRefsOfSanction(s));
  }
  const remarks = [...notes];
  if (authorities.length) remarks.push(`Sanctioned by: ${authorities.join('; ')}`);
  const datasets = (entity.datasets ?? []).filter((d) => typeof d === 'string');
  if (datasets.length) remarks.push(`OpenSanctions datasets: ${datasets.join(', ')}`);

  const nationalities =
    kind === 'person'
      ? [...props(entity, 'nationality'), ...props(entity, 'citizenship')]
      : kind === 'vessel' || kind === 'aircraft'
        ? [...props(entity, 'flag'), ...props(entity, 'country')]
        : [...props(entity, 'jurisdiction'), ...props(entity, 'country')];

  return compact({
    id: `opensanctions:${entity.id}`,
    source: 'opensanctions',
    nativeId: entity.id,
    kind,
    names: uniqueNames,
    titles: unique(props(entity, 'title')),
    gender: genderLabel(props(entity, 'gender')[0]),
    positions: unique(props(entity, 'position')),
    birthDates: unique(props(entity, 'birthDate')),
    birthPlaces: unique(props(entity, 'birthPlace')),
    nationalities: unique(nationalities.map(countryName)),
    addresses: unique([...props(entity, 'address'), ...joined.addresses.map(addressText)].filter(Boolean)),
    identifiers: uniqueIdentifiers(identifiers),
    regimes,
    sanctions: unique(sanctions.flatMap((s) => props(s, 'provisions'))),
    designated: earliest(sanctions.flatMap((s) => props(s, 'startDate'))) ?? earliest(sanctions.flatMap((s) => props(s, 'listingDate'))),
    updated: parseIsoDate(entity.last_change),
    reasons: reasons || undefined,
    remarks: remarks.join('\n') || undefined,
    crossRefs: uniqueCrossRefs(crossRefs),
    noticeUrl: sanctions.flatMap((s) => props(s, 'sourceUrl'))[0] ?? props(entity, 'sourceUrl')[0],
  });
}

export interface FtmReader extends TextListReader {
  /** Ids that a delta file deletes (`"op":"DEL"`), for a store that applies deltas. */
  deletedIds(): string[];
}

export function createFtmReader(): FtmReader {
  const kept = new Map<string, FtmEntity>();
  const deleted = new Set<string>();
  let sawTargetFlag = false;
  let listDate: string | undefined;
  let pending = '';
  let line = 0;
  let failure: Error | undefined;

  const fail = (message: string): never => {
    failure = new ListFormatError(message);
    throw failure;
  };

  const take = (entity: unknown, where: string): void => {
    const e = entity as FtmEntity;
    if (!e || typeof e !== 'object' || typeof e.id !== 'string' || typeof e.schema !== 'string' || typeof e.properties !== 'object' || e.properties === null) {
      fail(`${where} is not a FollowTheMoney entity (it needs "id", "schema" and "properties"): this is not an OpenSanctions entities file.`);
    }
    if (typeof e.target === 'boolean') sawTargetFlag = true;
    listDate = latest([listDate, e.last_seen, e.last_change]);
    deleted.delete(e.id);
    if (e.target === true || TARGET_SCHEMAS.has(e.schema) || JOINED_SCHEMAS.has(e.schema)) kept.set(e.id, e);
    else kept.delete(e.id);
  };

  const handle = (text: string, final: boolean): void => {
    line++;
    const trimmed = text.trim();
    if (trimmed === '') return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      if (final) fail(`The file ends inside an entity on line ${line}: the file is incomplete, probably a cut-short download.`);
      fail(
        line === 1
          ? 'This is not an OpenSanctions FollowTheMoney file: its first line is not a JSON entity.'
          : `Line ${line} is not valid JSON: the file is damaged.`,
      );
    }
    const where = `Line ${line}`;
    if (value && typeof value === 'object' && 'op' in value) {
      const { op, entity } = value as { op: unknown; entity?: { id?: unknown } };
      if (op === 'ADD' || op === 'MOD') take(entity, where);
      else if (op === 'DEL') {
        if (!entity || typeof entity.id !== 'string') fail(`${where} deletes an entity without an id.`);
        const id = entity!.id as string;
        kept.delete(id);
        deleted.add(id);
      } else fail(`${where} has an unknown delta operation ${JSON.stringify(op)} (expected ADD, MOD or DEL).`);
    } else take(value, where);
  };

  const build = (): Target[] => {
    const canonical = new Map<string, string>();
    for (const e of kept.values()) for (const ref of e.referents ?? []) if (!kept.has(ref)) canonical.set(ref, e.id);
    const resolve = (id: string) => canonical.get(id) ?? id;
    const joins = new Map<string, Joined>();
    const joinOf = (id: string): Joined => {
      let j = joins.get(id);
      if (!j) joins.set(id, (j = { sanctions: [], addresses: [], documents: [], wallets: [] }));
      return j;
    };
    const sanctioned = new Set<string>();
    for (const e of kept.values()) {
      if (e.schema === 'Sanction') {
        for (const id of props(e, 'entity').map(resolve)) {
          joinOf(id).sanctions.push(e);
          sanctioned.add(id);
        }
      } else if (e.schema === 'Passport' || e.schema === 'Identification') {
        for (const id of props(e, 'holder').map(resolve)) joinOf(id).documents.push(e);
      } else if (e.schema === 'CryptoWallet') {
        for (const id of props(e, 'holder').map(resolve)) joinOf(id).wallets.push(e);
      }
    }
    const targets: Target[] = [];
    for (const e of kept.values()) {
      const isTarget = sawTargetFlag ? e.target === true : TARGET_SCHEMAS.has(e.schema) && sanctioned.has(e.id);
      if (!isTarget) continue;
      const j = joins.get(e.id) ?? { sanctions: [], addresses: [], documents: [], wallets: [] };
      const addresses = props(e, 'addressEntity')
        .map((id) => kept.get(resolve(id)))
        .filter((a): a is FtmEntity => a?.schema === 'Address');
      targets.push(toTarget(e, { ...j, addresses }));
    }
    return targets;
  };

  return {
    write(text: string): Target[] {
      if (failure) throw failure;
      pending += text;
      const last = pending.lastIndexOf('\n');
      if (last === -1) return [];
      const complete = pending.slice(0, last);
      pending = pending.slice(last + 1);
      for (const l of complete.split('\n')) handle(l, false);
      return [];
    },
    end(): Target[] {
      if (failure) throw failure;
      if (pending.trim() !== '') handle(pending, true);
      pending = '';
      if (line === 0 && kept.size === 0 && deleted.size === 0) fail('The file is empty.');
      try {
        return build();
      } catch (error) {
        failure = error instanceof ListFormatError ? error : new ListFormatError(String((error as Error)?.message ?? error));
        throw failure;
      }
    },
    meta: (): ListMeta => {
      const date = parseIsoDate(listDate) ?? null;
      return { source: 'opensanctions', format: FORMAT, listDate: date, listDateOrigin: date ? 'content' : null };
    },
    deletedIds: () => [...deleted],
  };
}
