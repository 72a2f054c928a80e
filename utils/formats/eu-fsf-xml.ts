import type { CrossRef, Identifier, IdentifierType, ListMeta, Target, TargetKind, TargetName } from '../model';
import { extractCryptoAddresses } from './crypto';
import { parseIsoDate } from './dates';
import { clean, cleanParagraphs, scriptOf, unique } from './text';
import { ListFormatError, type TextListReader } from './types';
import { child, children, createXmlRecordStream, type XmlNode } from './xml-records';
import { TargetOutbox } from './target-outbox';

/**
 * EU Financial Sanctions Files, XML 1.1 (`xmlFullSanctionsList_1_1`):
 * `<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate=… globalFileId=…>` holding one
 * `<sanctionEntity designationDate designationDetails unitedNationId euReferenceNumber logicalId>` per listing.
 * Nearly everything is in attributes; children are `remark`, `regulation` (+ `publicationUrl`), `subjectType`,
 * `nameAlias`, `citizenship`, `birthdate`, `identification` and `address` (+ `contactInfo`), each with a
 * `regulationSummary` naming the act that added it. The full file is tens of MB: streamed one entity at a time.
 */

const FORMAT = 'eu-fsf-xml';

// ---------------------------------------------------------------------------------------------------------
// Identifiers written only in free text (EU remarks, UN comments): shared with the UN reader.

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const WEBSITE = /\b(?:Website|Web site|Web|Site internet|URL)\s*:\s*((?:https?:\/\/)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:\/[^\s;,()]*)?)/gi;
const PHONE = /\b(?:Tel(?:ephone)?|Phone|T[ée]l[ée]phone|Fax)\.?\s*(?:no\.?|number)?\s*:?\s*(\+?\d[\d ().\/-]{5,}\d)/gi;
const IMO = /\bIMO\)?\s*(?:number|No\.?)?\s*:?\s*(\d{7})\b/gi;

/**
 * Identifiers a list writes only in prose: crypto addresses (validated, see crypto.ts), e-mail addresses,
 * and labelled websites, phone numbers and IMO numbers ("Website: …", "Tel.: …", "IMO number: …").
 */
export function identifiersInText(text: string): Identifier[] {
  if (!text) return [];
  const found: Identifier[] = [...extractCryptoAddresses(text)];
  if (text.includes('@')) {
    for (const m of text.matchAll(EMAIL)) found.push({ type: 'email', value: m[0].replace(/\.$/, '') });
  }
  if (/web|site|url/i.test(text)) {
    for (const m of text.matchAll(WEBSITE)) found.push({ type: 'website', value: m[1]!.replace(/[.]$/, '') });
  }
  if (/tel|phone|fax/i.test(text)) for (const m of text.matchAll(PHONE)) found.push({ type: 'phone', value: clean(m[1]) });
  if (text.includes('IMO')) for (const m of text.matchAll(IMO)) found.push({ type: 'imo', value: m[1]! });
  return found;
}

/** Drops repeated identifiers (same type and value, case-insensitively), keeping the first. */
export function uniqueIdentifiers(identifiers: Identifier[]): Identifier[] {
  const seen = new Set<string>();
  return identifiers.filter((id) => {
    const key = `${id.type}\u0000${id.value.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `M`/`F` (EU), `male` (FtM) → `Male`/`Female`; other values as written. */
export function genderLabel(value: string | undefined): string | undefined {
  const v = clean(value);
  if (!v) return undefined;
  if (/^(m|male)$/i.test(v)) return 'Male';
  if (/^(f|female)$/i.test(v)) return 'Female';
  return v;
}

/** Leaves out empty keys so targets compare equal whatever their source. */
export function compact(target: Target): Target {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(target)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value) && value.length === 0 && key !== 'regimes') continue;
    out[key] = value;
  }
  return out as unknown as Target;
}

// ---------------------------------------------------------------------------------------------------------

const UNKNOWN_COUNTRY = /^(unknown|00)?$/i;

function attr(node: XmlNode | undefined, name: string): string {
  return clean(node?.attrs[name]);
}

function country(node: XmlNode): string {
  const description = attr(node, 'countryDescription');
  return UNKNOWN_COUNTRY.test(description) ? '' : description;
}

function joinParts(parts: string[]): string {
  return parts.filter((p) => p !== '').join(', ');
}

/** `(a) Mullah, (b) Maulavi` → [`Mullah`, `Maulavi`]. */
function splitLettered(value: string): string[] {
  if (!/^\(a\)/i.test(value)) return value ? [value] : [];
  return value
    .split(/\s*\([a-z]\)\s*/i)
    .map((part) => clean(part).replace(/[,;]$/, '').trim())
    .filter(Boolean);
}

function remarkTexts(node: XmlNode): string[] {
  return children(node, 'remark')
    .map((r) => cleanParagraphs(r.text))
    .filter(Boolean);
}

const ID_TYPES: Record<string, IdentifierType> = {
  passport: 'passport',
  id: 'national-id',
  nationcert: 'national-id',
  ssn: 'national-id',
  nrn: 'national-id',
  taxid: 'tax-id',
  fiscalcode: 'tax-id',
  regnumber: 'company-number',
  swiftbic: 'swift-bic',
  imo: 'imo',
};

const ID_FLAGS: [string, string][] = [
  ['diplomatic', 'diplomatic'],
  ['knownExpired', 'known expired'],
  ['knownFalse', 'known false'],
  ['reportedLost', 'reported lost'],
  ['revokedByIssuer', 'revoked by issuer'],
];

function identification(node: XmlNode): Identifier[] {
  const code = attr(node, 'identificationTypeCode');
  const type = ID_TYPES[code.toLowerCase()] ?? 'other';
  const numbers = unique([attr(node, 'number'), attr(node, 'latinNumber')].filter(Boolean));
  if (numbers.length === 0) return [];
  const details = [
    attr(node, 'identificationTypeDescription') || code,
    attr(node, 'issuedBy') && `issued by ${attr(node, 'issuedBy')}`,
    attr(node, 'issueDate') && `issued ${attr(node, 'issueDate')}`,
    attr(node, 'region'),
    attr(node, 'nameOnDocument') && `name on document: ${attr(node, 'nameOnDocument')}`,
    ...ID_FLAGS.filter(([key]) => node.attrs[key] === 'true').map(([, label]) => label),
    ...remarkTexts(node).map((r) => r.replace(/\n/g, ' ')),
  ].filter(Boolean);
  const countryName = country(node);
  return numbers.map((value) => ({
    type,
    value: type === 'imo' ? value.replace(/^IMO\s*/i, '') : value,
    ...(countryName ? { country: countryName } : {}),
    ...(details.length ? { note: details.join('; ') } : {}),
  }));
}

const CONTACT_TYPES: Record<string, IdentifierType> = { PHONE: 'phone', FAX: 'phone', EMAIL: 'email', WEB: 'website' };

function contactInfo(node: XmlNode): Identifier[] {
  const type = CONTACT_TYPES[attr(node, 'key').toUpperCase()];
  const value = attr(node, 'value');
  if (!type || !value) return [];
  return value
    .split(/\s*[,;]\s*/)
    .filter(Boolean)
    .map((v) => ({ type, value: v, ...(attr(node, 'key') === 'FAX' ? { note: 'fax' } : {}) }));
}

function birthDate(node: XmlNode): string | undefined {
  const full = parseIsoDate(attr(node, 'birthdate'));
  if (full) return full;
  const year = Number(attr(node, 'year'));
  if (year > 0) {
    const month = Number(attr(node, 'monthOfYear'));
    const day = Number(attr(node, 'dayOfMonth'));
    const pad = (n: number) => String(n).padStart(2, '0');
    if (month > 0 && month <= 12) return day > 0 && day <= 31 ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`;
    return String(year);
  }
  const from = attr(node, 'yearRangeFrom');
  const to = attr(node, 'yearRangeTo');
  // A range stays a range (ISO 8601 interval): no single year is invented.
  if (from && to && from !== '0' && to !== '0') return from === to ? from : `${from}/${to}`;
  if (from && from !== '0') return from;
  if (to && to !== '0') return to;
  return undefined;
}

const COMPANY_WORDS =
  /\b(company|co|corp|corporation|inc|ltd|limited|llc|jsc|ojsc|pjsc|cjsc|ooo|oao|zao|gmbh|ag|sa|s\.a|bv|plc|group|shipping|trading|bank|management|holding|holdings|enterprise|organi[sz]ation|agency|ministry|institute|bureau|association|foundation)\b/i;

function kindOf(entry: XmlNode, primary: string, identifiers: Identifier[]): TargetKind {
  const subject = child(entry, 'subjectType');
  const code = attr(subject, 'code').toLowerCase();
  const classification = attr(subject, 'classificationCode').toUpperCase();
  if (code === 'person' || classification === 'P') return 'person';
  if (/vessel|ship/.test(code)) return 'vessel';
  if (/aircraft|airplane/.test(code)) return 'aircraft';
  // The EU lists ships as enterprises; one with an IMO number and no company word in its name is the ship.
  if (identifiers.some((id) => id.type === 'imo') && !COMPANY_WORDS.test(primary)) return 'vessel';
  return 'organisation';
}

interface Regulation {
  programme: string;
  date: string;
  url: string;
}

function newest<T extends { date: string }>(items: T[]): T | undefined {
  let best: T | undefined;
  for (const item of items) if (!best || item.date > best.date) best = item;
  return best;
}

/** One `<sanctionEntity>` (or the same tree rebuilt from the EU CSV rows) → Target. */
export function euEntityToTarget(entry: XmlNode): Target {
  const nativeId = attr(entry, 'logicalId');
  if (!nativeId) {
    throw new ListFormatError('A <sanctionEntity> has no logicalId attribute: this is not a complete EU sanctions file.');
  }
  const remarks: string[] = remarkTexts(entry);
  const freeText: string[] = [...remarks];
  const identifiers: Identifier[] = [];

  const regulations: Regulation[] = children(entry, 'regulation').map((r) => ({
    programme: attr(r, 'programme'),
    date: parseIsoDate(attr(r, 'publicationDate')) ?? parseIsoDate(attr(r, 'entryIntoForceDate')) ?? '',
    url: clean(child(r, 'publicationUrl')?.text),
  }));
  // Every name, address, id… carries the act that last touched it: the newest is the record's last update.
  const updates = [
    ...regulations.map((r) => r.date),
    ...entry.children.flatMap((c) => children(c, 'regulationSummary').map((s) => parseIsoDate(attr(s, 'publicationDate')) ?? '')),
  ].filter(Boolean);

  // Names
  const person =
    attr(child(entry, 'subjectType'), 'code').toLowerCase() === 'person' ||
    attr(child(entry, 'subjectType'), 'classificationCode').toUpperCase() === 'P';
  const titles: string[] = [];
  const positions: string[] = [];
  let gender: string | undefined;
  const named: { name: TargetName; strong: boolean }[] = [];
  for (const alias of children(entry, 'nameAlias')) {
    const given = [attr(alias, 'firstName'), attr(alias, 'middleName')].filter(Boolean);
    const family = attr(alias, 'lastName');
    const full = attr(alias, 'wholeName') || [...given, family].filter(Boolean).join(' ');
    let strong = alias.attrs.strong !== 'false';
    for (const remark of remarkTexts(alias)) {
      // "Low quality alias" remarks mark weak names; other quality remarks say nothing new.
      if (/\blo(w)? quality/i.test(remark)) strong = false;
      else if (!/\b(good|god|high) quality/i.test(remark)) {
        remarks.push(remark);
        freeText.push(remark);
      }
    }
    const fn = attr(alias, 'function');
    if (fn) {
      if (person) positions.push(...splitLettered(fn));
      else remarks.push(fn);
      freeText.push(fn);
    }
    titles.push(...splitLettered(attr(alias, 'title')));
    gender ??= genderLabel(attr(alias, 'gender'));
    if (!full) continue;
    const lang = attr(alias, 'nameLanguage').toLowerCase();
    const name: TargetName = {
      full,
      type: strong ? 'alias' : 'weak-alias',
      script: scriptOf(full),
      ...(given.length ? { given } : {}),
      ...(family ? { family } : {}),
      ...(lang ? { lang } : {}),
    };
    named.push({ name, strong });
  }
  // The file marks no name as the main one; the EU writes it first. Prefer the first strong name in Latin
  // letters (a Russian listing may start with its Cyrillic form), then any strong name, then the first.
  const primaryIndex = Math.max(
    0,
    [
      named.findIndex((n) => n.strong && n.name.script === 'latin'),
      named.findIndex((n) => n.strong),
    ].find((i) => i >= 0) ?? 0,
  );
  const names: TargetName[] = [];
  const seenNames = new Set<string>();
  const ordered = named.length ? [named[primaryIndex]!, ...named.filter((_, i) => i !== primaryIndex)] : [];
  ordered.forEach((n, i) => {
    const key = n.name.full.toLowerCase();
    if (seenNames.has(key)) return;
    seenNames.add(key);
    names.push(i === 0 ? { ...n.name, type: 'primary' } : n.name);
  });
  if (names.length === 0) {
    throw new ListFormatError(`The EU listing ${nativeId} has no name (no <nameAlias> with a name).`);
  }

  // Identifiers
  for (const node of children(entry, 'identification')) {
    identifiers.push(...identification(node));
    freeText.push(...remarkTexts(node));
  }

  // Addresses
  const addresses: string[] = [];
  for (const node of children(entry, 'address')) {
    const parts = joinParts([
      attr(node, 'street'),
      attr(node, 'poBox'),
      attr(node, 'place'),
      attr(node, 'city'),
      attr(node, 'region'),
      attr(node, 'zipCode'),
      country(node),
    ]);
    if (parts) addresses.push(parts);
    for (const info of children(node, 'contactInfo')) identifiers.push(...contactInfo(info));
    for (const remark of remarkTexts(node)) {
      remarks.push(remark);
      freeText.push(remark);
    }
  }

  // Birth and citizenship
  const birthDates: string[] = [];
  const birthPlaces: string[] = [];
  for (const node of children(entry, 'birthdate')) {
    const date = birthDate(node);
    if (date) birthDates.push(date);
    const place = joinParts([attr(node, 'place'), attr(node, 'city'), attr(node, 'region'), country(node)]);
    if (place) birthPlaces.push(place);
  }
  const nationalities = children(entry, 'citizenship')
    .map((node) => country(node) || attr(node, 'region'))
    .filter(Boolean);

  for (const text of freeText) identifiers.push(...identifiersInText(text));

  const crossRefs: CrossRef[] = [];
  if (attr(entry, 'euReferenceNumber')) crossRefs.push({ kind: 'eu-ref', value: attr(entry, 'euReferenceNumber') });
  if (attr(entry, 'unitedNationId')) crossRefs.push({ kind: 'un-ref', value: attr(entry, 'unitedNationId') });

  const uniqueIds = uniqueIdentifiers(identifiers);
  return compact({
    id: `eu-fsf:${nativeId}`,
    source: 'eu-fsf',
    nativeId,
    kind: kindOf(entry, names[0]!.full, uniqueIds),
    names,
    titles: unique(titles),
    gender,
    positions: unique(positions),
    birthDates: unique(birthDates),
    birthPlaces: unique(birthPlaces),
    nationalities: unique(nationalities),
    addresses: unique(addresses),
    identifiers: uniqueIds,
    regimes: unique(regulations.map((r) => r.programme).filter(Boolean)),
    designated: parseIsoDate(attr(entry, 'designationDate')),
    updated: updates.length ? updates.reduce((a, b) => (a > b ? a : b)) : undefined,
    reasons: cleanParagraphs(entry.attrs.designationDetails) || undefined,
    remarks: unique(remarks).join('\n') || undefined,
    crossRefs,
    noticeUrl: newest(regulations.filter((r) => r.url))?.url,
  });
}

export function createEuFsfXmlReader(): TextListReader {
  let listDate: string | null = null;
  const outbox = new TargetOutbox();
  const stream = createXmlRecordStream({
    isRecord: (name, depth) => depth === 1 && name === 'sanctionEntity',
    onRecord: (record) => outbox.push(euEntityToTarget(record)),
    onHeaderElement: (name, attrs, depth) => {
      if (depth !== 0) return;
      if (name !== 'export') {
        throw new ListFormatError(
          `This is not an EU Financial Sanctions File: its XML root is <${name}>, where the EU file has <export>.`,
        );
      }
      listDate = parseIsoDate(attrs.generationDate) ?? null;
    },
  });
  const guarded = (step: () => void): Target[] => outbox.run(step);
  return {
    write: (text) => guarded(() => stream.write(text)),
    end: () => guarded(() => stream.end()),
    meta: (): ListMeta => ({
      source: 'eu-fsf',
      format: FORMAT,
      listDate,
      listDateOrigin: listDate ? 'content' : null,
    }),
  };
}
