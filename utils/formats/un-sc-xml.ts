import type { Identifier, IdentifierType, ListMeta, NameType, Target, TargetName } from '../model';
import { parseIsoDate, parseNamedMonthDate } from './dates';
import { compact, genderLabel, identifiersInText, uniqueIdentifiers } from './eu-fsf-xml';
import { clean, cleanParagraphs, scriptOf, unique } from './text';
import { ListFormatError, type TextListReader } from './types';
import { child, children, childText, createXmlRecordStream, descendants, type XmlNode } from './xml-records';
import { TargetOutbox } from './target-outbox';

/**
 * UN Security Council Consolidated List, XML (`consolidated.xml`, schema sc-sanctions.xsd):
 * `<CONSOLIDATED_LIST dateGenerated=…>` with `INDIVIDUALS/INDIVIDUAL` and `ENTITIES/ENTITY` records,
 * all values in child elements. Records are streamed one at a time.
 */

const FORMAT = 'un-sc-xml';

function text(node: XmlNode | undefined, name: string): string {
  return childText(node, name);
}

/** Values of `<NAME><VALUE>…</VALUE>…</NAME>` groups, cleaned, empties dropped. */
function values(record: XmlNode, name: string): string[] {
  return descendants(record, name, 'VALUE')
    .map((v) => clean(v.text))
    .filter(Boolean);
}

function joinParts(parts: string[]): string {
  return parts.filter((p) => p !== '').join(', ');
}

/** Alias quality → name type: `Good`/`a.k.a.` → alias, `Low` → weak-alias, `f.k.a.` → former. */
function aliasType(quality: string): NameType {
  const q = quality.toLowerCase().replace(/\s+/g, '');
  if (q === 'low') return 'weak-alias';
  if (q === 'f.k.a.' || q === 'fka') return 'former';
  return 'alias';
}

/**
 * A name as written. `Jin Tiesan (金铁三)` or `أبو بكر … (Abu Bakr …; Abu Bakr al-Baghdadi)` hold one name in
 * two scripts: each part is kept as a name of its own, with its script.
 */
function nameForms(full: string, type: NameType): TargetName[] {
  const m = /^(.+?)\s*\(([^()]+)\)$/.exec(full);
  if (m && scriptOf(m[1]!) !== scriptOf(m[2]!)) {
    return [m[1]!, ...m[2]!.split(/\s*;\s*/)]
      .map((part) => clean(part))
      .filter(Boolean)
      .map((part) => ({ full: part, type, script: scriptOf(part) }));
  }
  return [{ full, type, script: scriptOf(full) }];
}

/** `name in Arabic script: سالم …` in notes: another form of the listed name. */
function scriptNamesInNote(note: string): TargetName[] {
  const out: TargetName[] = [];
  for (const m of note.matchAll(/in [A-Za-z]+ script:\s*([^;]+)/gi)) {
    const full = clean(m[1]);
    if (full) out.push({ full, type: 'variation', script: scriptOf(full) });
  }
  return out;
}

const PASSPORT = /passport|passeport|pasaporte/i;
const NATIONAL_ID = /national identi|identity card|identification (no|number|card)|\bid card/i;

function documentOf(node: XmlNode, remarks: string[], names: TargetName[]): Identifier | undefined {
  const type1 = text(node, 'TYPE_OF_DOCUMENT');
  const type2 = text(node, 'TYPE_OF_DOCUMENT2');
  const note = text(node, 'NOTE');
  const number = text(node, 'NUMBER');
  names.push(...scriptNamesInNote(note));
  let type: IdentifierType = 'other';
  if (PASSPORT.test(type1) || (!type1 && PASSPORT.test(type2))) type = 'passport';
  else if (NATIONAL_ID.test(type1) || (!type1 && NATIONAL_ID.test(type2))) type = 'national-id';
  const issued = [text(node, 'CITY_OF_ISSUE'), text(node, 'COUNTRY_OF_ISSUE')].filter(Boolean).join(', ');
  const details = [
    type1,
    type2,
    text(node, 'DATE_OF_ISSUE') && `issued ${text(node, 'DATE_OF_ISSUE')}`,
    issued && `issued in ${issued}`,
    note,
  ].filter(Boolean);
  if (!number) {
    if (details.length) remarks.push(`Document: ${details.join('; ')}`);
    return undefined;
  }
  const country = text(node, 'ISSUING_COUNTRY') || text(node, 'COUNTRY_OF_ISSUE');
  return {
    type,
    value: number,
    ...(country ? { country } : {}),
    ...(details.length ? { note: details.join('; ') } : {}),
  };
}

/** DATE → ISO; YEAR (+ a month in NOTE) → partial ISO; FROM_YEAR/TO_YEAR → `1973/1974`; else the note as written. */
function birthDateOf(node: XmlNode, remarks: string[]): string | undefined {
  const date = parseIsoDate(text(node, 'DATE'));
  const year = text(node, 'YEAR');
  const from = text(node, 'FROM_YEAR');
  const to = text(node, 'TO_YEAR');
  const note = text(node, 'NOTE');
  let value: string | undefined;
  let noteUsed = false;
  if (date) value = date;
  else if (year) {
    const withMonth = note ? parseNamedMonthDate(`${note.replace(/\.$/, '')} ${year}`) : undefined;
    value = withMonth ?? year;
    noteUsed = withMonth !== undefined;
  } else if (from || to) {
    value = from && to && from !== to ? `${from}/${to}` : from || to;
  } else if (note) {
    value = parseNamedMonthDate(note) ?? note;
    noteUsed = true;
  }
  if (value && note && !noteUsed && !/^approximately$/i.test(note)) remarks.push(`Date of birth ${value}: ${note}`);
  return value;
}

interface Common {
  nativeId: string;
  names: TargetName[];
  remarks: string[];
  identifiers: Identifier[];
  addresses: string[];
}

function common(record: XmlNode, aliasElement: string, addressElement: string): Common {
  const nativeId = text(record, 'REFERENCE_NUMBER') || text(record, 'DATAID');
  if (!nativeId) {
    throw new ListFormatError(`A UN <${record.name}> has neither REFERENCE_NUMBER nor DATAID: the file is not a complete UN list.`);
  }
  const names: TargetName[] = [];
  const remarks: string[] = [];
  const identifiers: Identifier[] = [];
  const comments = cleanParagraphs(child(record, 'COMMENTS1')?.text);
  if (comments) remarks.push(comments);

  const original = text(record, 'NAME_ORIGINAL_SCRIPT');
  if (original) names.push({ full: original, type: 'variation', script: scriptOf(original) });

  for (const alias of children(record, aliasElement)) {
    const full = text(alias, 'ALIAS_NAME');
    const note = text(alias, 'NOTE');
    if (full) names.push(...nameForms(full, aliasType(text(alias, 'QUALITY'))));
    if (note) {
      const inScript = scriptNamesInNote(note);
      names.push(...inScript);
      if (inScript.length === 0) remarks.push(full ? `${full}: ${note}` : note);
    }
  }

  const addresses: string[] = [];
  for (const node of children(record, addressElement)) {
    const parts = joinParts(['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY'].map((n) => text(node, n)));
    const note = text(node, 'NOTE');
    if (parts) addresses.push(note ? `${parts} (${note})` : parts);
    else if (note) addresses.push(note);
    if (note) identifiers.push(...identifiersInText(note));
  }
  identifiers.push(...identifiersInText(comments));
  return { nativeId, names, remarks, identifiers, addresses };
}

function base(record: XmlNode, c: Common): Pick<Target, 'id' | 'source' | 'nativeId' | 'regimes' | 'designated' | 'updated'> {
  const updates = values(record, 'LAST_DAY_UPDATED')
    .map((v) => parseIsoDate(v))
    .filter((v): v is string => v !== undefined);
  return {
    id: `un-sc:${c.nativeId}`,
    source: 'un-sc',
    nativeId: c.nativeId,
    regimes: unique([text(record, 'UN_LIST_TYPE')].filter(Boolean)),
    designated: parseIsoDate(text(record, 'LISTED_ON')),
    updated: updates.length ? updates.reduce((a, b) => (a > b ? a : b)) : undefined,
  };
}

function dedupeNames(names: TargetName[]): TargetName[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.full.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function individual(record: XmlNode): Target {
  const c = common(record, 'INDIVIDUAL_ALIAS', 'INDIVIDUAL_ADDRESS');
  const parts = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((n) => text(record, n)).filter(Boolean);
  const primary = parts.join(' ');
  const birthDates: string[] = [];
  const birthPlaces: string[] = [];
  for (const node of children(record, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    const date = birthDateOf(node, c.remarks);
    if (date) birthDates.push(date);
  }
  for (const node of children(record, 'INDIVIDUAL_PLACE_OF_BIRTH')) {
    const place = joinParts(['STREET', 'CITY', 'STATE_PROVINCE', 'COUNTRY', 'NOTE'].map((n) => text(node, n)));
    if (place) birthPlaces.push(place);
  }
  // Aliases may carry the date and place of birth used under that name.
  for (const alias of children(record, 'INDIVIDUAL_ALIAS')) {
    const date = parseIsoDate(text(alias, 'DATE_OF_BIRTH')) ?? (text(alias, 'DATE_OF_BIRTH') || undefined);
    if (date) birthDates.push(date);
    const place = joinParts([text(alias, 'CITY_OF_BIRTH'), text(alias, 'COUNTRY_OF_BIRTH')]);
    if (place) birthPlaces.push(place);
  }
  for (const node of children(record, 'INDIVIDUAL_DOCUMENT')) {
    const doc = documentOf(node, c.remarks, c.names);
    if (doc) c.identifiers.push(doc);
  }
  const names = dedupeNames([
    ...(primary ? [{ full: primary, type: 'primary' as const, script: scriptOf(primary) }] : []),
    ...c.names,
  ]);
  if (!primary && names[0]) names[0] = { ...names[0], type: 'primary' };
  if (names.length === 0) throw new ListFormatError(`The UN record ${c.nativeId} has no name.`);
  return compact({
    ...base(record, c),
    kind: 'person',
    names,
    titles: unique(values(record, 'TITLE')),
    gender: genderLabel(text(record, 'GENDER')),
    positions: unique(values(record, 'DESIGNATION')),
    birthDates: unique(birthDates),
    birthPlaces: unique(birthPlaces),
    nationalities: unique(values(record, 'NATIONALITY')),
    addresses: unique(c.addresses),
    identifiers: uniqueIdentifiers(c.identifiers),
    remarks: unique(c.remarks).join('\n') || undefined,
    crossRefs: [{ kind: 'un-ref', value: c.nativeId }],
  });
}

function entity(record: XmlNode): Target {
  const c = common(record, 'ENTITY_ALIAS', 'ENTITY_ADDRESS');
  const primary = text(record, 'FIRST_NAME');
  // `COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)`: two names in one.
  const split = primary.includes(';') ? primary.split(/\s*;\s*/).filter(Boolean) : [];
  const names = dedupeNames([
    ...(primary ? [{ full: primary, type: 'primary' as const, script: scriptOf(primary) }] : []),
    ...split.map((full) => ({ full, type: 'variation' as const, script: scriptOf(full) })),
    ...c.names,
  ]);
  if (!primary && names[0]) names[0] = { ...names[0], type: 'primary' };
  if (names.length === 0) throw new ListFormatError(`The UN record ${c.nativeId} has no name.`);
  return compact({
    ...base(record, c),
    kind: 'organisation',
    names,
    addresses: unique(c.addresses),
    identifiers: uniqueIdentifiers(c.identifiers),
    remarks: unique(c.remarks).join('\n') || undefined,
    crossRefs: [{ kind: 'un-ref', value: c.nativeId }],
  });
}

export function createUnScXmlReader(): TextListReader {
  let listDate: string | null = null;
  const outbox = new TargetOutbox();
  const stream = createXmlRecordStream({
    isRecord: (name, depth) => depth === 2 && (name === 'INDIVIDUAL' || name === 'ENTITY'),
    onRecord: (record) => outbox.push(record.name === 'INDIVIDUAL' ? individual(record) : entity(record)),
    onHeaderElement: (name, attrs, depth) => {
      if (depth !== 0) return;
      if (name !== 'CONSOLIDATED_LIST') {
        throw new ListFormatError(
          `This is not the UN Security Council Consolidated List: its XML root is <${name}>, where the UN file has <CONSOLIDATED_LIST>.`,
        );
      }
      listDate = parseIsoDate(attrs.dateGenerated) ?? null;
    },
  });
  const guarded = (step: () => void): Target[] => outbox.run(step);
  return {
    write: (chunk) => guarded(() => stream.write(chunk)),
    end: () => guarded(() => stream.end()),
    meta: (): ListMeta => ({ source: 'un-sc', format: FORMAT, listDate, listDateOrigin: listDate ? 'content' : null }),
  };
}
