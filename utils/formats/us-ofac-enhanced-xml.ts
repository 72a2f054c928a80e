import type { ListMeta, NameType, Target, TargetKind } from '../model';
import { parseIsoDate } from './dates';
import { TargetOutbox } from './target-outbox';
import { ListFormatError, type TextListReader } from './types';
import { OfacTargetBuilder, splitCountrySuffix, tidy, type OfacSource } from './us-ofac-common';
import { child, children, createXmlRecordStream, descendants, type XmlNode } from './xml-records';

/**
 * OFAC's "enhanced" XML (`SDN_ENHANCED.XML`, `CONS_ENHANCED.XML`; root `sanctionsData`, namespace
 * …/exports/ENHANCED_XML): `publicationInfo` (`dataAsOf`, the filter lists), `referenceValues` and
 * `featureTypes` (code lists that later elements point to by refId / featureTypeId; the elements also
 * carry the value as text), then `entities/entity` with generalInfo, sanctionsLists (with
 * datePublished), sanctionsPrograms, sanctionsTypes, legalAuthorities, names (each with translations
 * in one or more scripts), addresses, features (DOB, nationality, SWIFT/BIC, crypto addresses …, the
 * same labels as the legacy formats), identityDocuments and relationships.
 *
 * Source: the publication filter names the list (`Consolidated List` → non-SDN, `SDN List` → SDN).
 * Without one, every entity of SDN_ENHANCED is on the `SDN List`, while the non-SDN file holds mostly
 * entities that are not (366 of 443 in CONS_ENHANCED.XML of 2025-01-10); the first 50 entities decide.
 */

const DECIDE_AFTER = 50;
const CONSOLIDATED = 'Consolidated List';
const SDN_LIST = 'SDN List';

function kindOf(entityType: string): TargetKind | undefined {
  switch (entityType.toLowerCase()) {
    case 'individual':
      return 'person';
    case 'entity':
      return 'organisation';
    case 'vessel':
      return 'vessel';
    case 'aircraft':
      return 'aircraft';
    default:
      return undefined;
  }
}

function text(node: XmlNode | undefined): string {
  return node ? tidy(node.text) : '';
}

/** A datePeriodType (`fromDateBegin` … `toDateEnd`, `isApproximate`) as ISO text, partial when it spans a year or month. */
function periodText(node: XmlNode | undefined): string | undefined {
  if (!node) return undefined;
  const begin = parseIsoDate(text(child(node, 'fromDateBegin')));
  const end = parseIsoDate(text(child(node, 'toDateEnd'))) ?? parseIsoDate(text(child(node, 'fromDateEnd')));
  if (!begin) return undefined;
  let value = begin;
  if (end && end !== begin) {
    const [by, bm, bd] = begin.split('-');
    const [ey, em, ed] = end.split('-');
    const lastDay = new Date(Date.UTC(Number(ey), Number(em), 0)).getUTCDate();
    if (by === ey && bm === '01' && bd === '01' && em === '12' && ed === '31') value = by!;
    else if (by === ey && bm === em && bd === '01' && Number(ed) === lastDay) value = `${by}-${bm}`;
    else value = `${begin} to ${end}`;
  }
  return text(child(node, 'isApproximate')) === 'true' ? `circa ${value}` : value;
}

interface EntityRead {
  builder: OfacTargetBuilder;
  lists: string[];
}

export function createOfacEnhancedXmlReader(): TextListReader {
  const refs = new Map<string, string>();
  const featureTypes = new Map<string, string>();
  let dataAsOf: string | null = null;
  let source: OfacSource | undefined;
  let filterSource: OfacSource | undefined;
  let entities = 0;
  let pending: EntityRead[] = [];
  const outbox = new TargetOutbox();

  /** The text of a reference element, or the code list's value for its refId. */
  const ref = (node: XmlNode | undefined): string => {
    if (!node) return '';
    return text(node) || refs.get(node.attrs.refId ?? '') || '';
  };

  const readEntity = (entity: XmlNode): EntityRead => {
    const entityId = entity.attrs.id ?? '';
    if (!/^\d+$/.test(entityId)) {
      throw new ListFormatError(`An <entity> has no numeric id (“${entityId}”): the file is not a valid OFAC enhanced XML.`);
    }
    const info = child(entity, 'generalInfo');
    const entityType = ref(child(info, 'entityType'));
    const kind = kindOf(entityType);
    if (!kind) throw new ListFormatError(`Entity ${entityId} has the unknown entityType “${entityType}”.`);
    const b = new OfacTargetBuilder(entityId, kind);

    // Names: the primary name's other scripts are variations; an alias keeps its type in every script.
    for (const name of descendants(entity, 'names', 'name')) {
      const isPrimary = text(child(name, 'isPrimary')) === 'true';
      const lowQuality = text(child(name, 'isLowQuality')) === 'true';
      const alias = ref(child(name, 'aliasType')).toUpperCase();
      const type: NameType = isPrimary ? 'primary' : lowQuality ? 'weak-alias' : alias === 'F.K.A.' ? 'former' : 'alias';
      const translations = descendants(name, 'translations', 'translation');
      translations.sort((x, y) => Number(text(child(y, 'isPrimary')) === 'true') - Number(text(child(x, 'isPrimary')) === 'true'));
      for (const translation of translations) {
        const primaryScript = text(child(translation, 'isPrimary')) === 'true';
        b.addName(text(child(translation, 'formattedFullName')), isPrimary && !primaryScript ? 'variation' : type, {
          given: text(child(translation, 'formattedFirstName')),
          family: text(child(translation, 'formattedLastName')),
        });
      }
    }

    b.addPosition(text(child(info, 'title')));
    for (const programme of descendants(entity, 'sanctionsPrograms', 'sanctionsProgram')) b.addRegime(ref(programme));
    for (const type of descendants(entity, 'sanctionsTypes', 'sanctionsType')) b.addSanction(ref(type));

    const lists: string[] = [];
    let designated: string | undefined;
    let listed: string | undefined;
    for (const list of descendants(entity, 'sanctionsLists', 'sanctionsList')) {
      const name = ref(list);
      lists.push(name);
      const date = parseIsoDate(list.attrs.datePublished);
      if (!date) continue;
      // `Consolidated List` dates from when the non-SDN lists were merged (2014), not the designation.
      if (name === CONSOLIDATED) listed = listed && listed < date ? listed : date;
      else designated = designated && designated < date ? designated : date;
    }
    b.designated = designated ?? listed;

    for (const address of descendants(entity, 'addresses', 'address')) {
      const country = ref(child(address, 'country')) || ref(child(child(address, 'translations'), 'country'));
      const translations = descendants(address, 'translations', 'translation');
      let added = false;
      for (const translation of translations) {
        const parts = new Map<string, string>();
        for (const part of descendants(translation, 'addressParts', 'addressPart')) {
          const type = ref(child(part, 'type')).toUpperCase();
          const value = text(child(part, 'value'));
          if (value) parts.set(type, parts.has(type) ? `${parts.get(type)}, ${value}` : value);
        }
        if (parts.size === 0) continue;
        const city = [parts.get('CITY'), parts.get('STATE/PROVINCE')].filter(Boolean).join(', ');
        const postal = parts.get('POSTAL CODE');
        b.addAddress([
          parts.get('ADDRESS1'),
          parts.get('ADDRESS2'),
          parts.get('ADDRESS3'),
          // As the CSV writes it: `Richardson, TX 75081`.
          city && postal ? `${city} ${postal}` : city || postal,
          // The legacy CSV writes a region as `Region: Gaza` (in its country column).
          parts.has('REGION') ? `Region: ${parts.get('REGION')}` : undefined,
          country,
        ]);
        added = true;
      }
      if (!added) b.addAddress([country]);
    }

    const unmapped: string[] = [];
    for (const feature of descendants(entity, 'features', 'feature')) {
      const typeNode = child(feature, 'type');
      const label = text(typeNode) || featureTypes.get(typeNode?.attrs.featureTypeId ?? '') || '';
      const value = text(child(feature, 'value')) || periodText(child(feature, 'valueDate')) || '';
      const reliability = ref(child(feature, 'reliability'));
      const extra = [text(child(feature, 'comments')).replace(/^\((.*)\)$/, '$1'), reliability === 'False' ? 'reported false' : '']
        .filter(Boolean)
        .join('; ');
      if (!b.applyLabelled(label, value, { extra }) && value) unmapped.push(`${label} ${value}`);
    }

    for (const document of descendants(entity, 'identityDocuments', 'identityDocument')) {
      const label = ref(child(document, 'type'));
      const split = splitCountrySuffix(text(child(document, 'documentNumber')), ref(child(document, 'issuingCountry')));
      const number = split.value;
      if (!number) continue;
      const extra = [
        text(child(document, 'issuingAuthority')),
        text(child(document, 'issuingLocation')),
        text(child(document, 'comments')),
        text(child(document, 'isValid')) === 'false' ? 'not valid' : '',
      ]
        // An issuing location that only repeats the country says nothing more.
        .filter((v, i, all) => v && all.indexOf(v) === i && v.toLowerCase() !== (split.country ?? '').toLowerCase())
        .join('; ');
      const details = {
        country: split.country,
        issued: periodText(child(document, 'issueDate')),
        expires: periodText(child(document, 'expirationDate')),
        extra,
      };
      // An identity document is an identifier even when its type has no better slot than 'other'.
      if (!b.applyLabelled(label, number, details)) b.addIdentifier('other', number, label || 'Identity document', details);
    }

    const remarks = text(child(info, 'remarks'));
    if (remarks) {
      b.addRemark(remarks);
      b.addFreeText(remarks);
    }
    if (unmapped.length) b.addRemark(unmapped.join('; '));
    const links = descendants(entity, 'relationships', 'relationship')
      .map((relationship) => {
        const related = text(child(relationship, 'relatedEntity'));
        const type = ref(child(relationship, 'type'));
        return related ? `Linked To: ${related}${type ? ` (${type})` : ''}` : '';
      })
      .filter(Boolean);
    if (links.length) b.addRemark(links.join('; '));
    const authorities = children(child(entity, 'legalAuthorities'), 'legalAuthority').map(ref).filter(Boolean);
    if (authorities.length) b.addRemark(`Legal authorities: ${authorities.join('; ')}`);
    return { builder: b, lists };
  };

  const decide = () => {
    source = filterSource ?? (pending.every((e) => e.lists.includes(SDN_LIST)) ? 'us-ofac-sdn' : 'us-ofac-cons');
    for (const entity of pending) outbox.push(entity.builder.build(source));
    pending = [];
  };

  const stream = createXmlRecordStream({
    isRecord: (name, depth) =>
      depth === 2 && (name === 'entity' || name === 'referenceValue' || name === 'featureType'),
    onHeaderElement(name, _attrs, depth) {
      if (depth === 0 && name !== 'sanctionsData') {
        throw new ListFormatError(
          `This is not an OFAC enhanced XML file: its root element is <${name}>, not <sanctionsData>.`,
        );
      }
    },
    onHeaderText(path, value) {
      const name = path.at(-1);
      if (name === 'dataAsOf' && path.includes('publicationInfo')) {
        const date = parseIsoDate(value);
        if (!date) throw new ListFormatError(`The dataAsOf “${value}” is not a date.`);
        dataAsOf = date;
      } else if (name === 'sanctionsList' && path.includes('filters')) {
        if (value === CONSOLIDATED) filterSource = 'us-ofac-cons';
        else if (value === SDN_LIST) filterSource ??= 'us-ofac-sdn';
      }
    },
    onRecord(record) {
      if (record.name === 'referenceValue') {
        const refId = record.attrs.refId;
        const value = text(child(record, 'value'));
        if (refId && value) refs.set(refId, value);
        return;
      }
      if (record.name === 'featureType') {
        const typeId = record.attrs.featureTypeId;
        const value = text(child(record, 'type'));
        if (typeId && value) featureTypes.set(typeId, value);
        return;
      }
      const read = readEntity(record);
      entities++;
      if (source) outbox.push(read.builder.build(source));
      else {
        pending.push(read);
        if (filterSource || pending.length >= DECIDE_AFTER) decide();
      }
    },
  });

  return {
    write(chunk: string): Target[] {
      return outbox.run(() => stream.write(chunk));
    },
    end(): Target[] {
      return outbox.run(() => {
        stream.end();
        if (stream.rootName() !== 'sanctionsData') {
          throw new ListFormatError('This is not an OFAC enhanced XML file: no <sanctionsData> root element.');
        }
        if (entities === 0) throw new ListFormatError('The enhanced XML file holds no <entity> records.');
        if (!source) decide();
      });
    },
    meta(): ListMeta {
      return {
        source: source ?? filterSource ?? 'us-ofac-sdn',
        format: 'us-ofac-enhanced-xml',
        listDate: dataAsOf,
        listDateOrigin: dataAsOf ? 'content' : null,
      };
    },
  };
}
