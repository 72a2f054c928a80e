import type { ListMeta, Target } from '../model';
import { createCsvRowStream } from './csv-stream';
import { parseDayFirstDate, parseIsoDate } from './dates';
import { euEntityToTarget } from './eu-fsf-xml';
import { clean } from './text';
import { stickyGuard } from './target-outbox';
import { ListFormatError, type TextListReader } from './types';
import type { XmlNode } from './xml-records';

/**
 * EU Financial Sanctions Files, CSV 1.1 (`csvFullSanctionsList_1_1`): semicolon-delimited, UTF-8 with BOM,
 * header `fileGenerationDate;Entity_LogicalId;Entity_EU_ReferenceNumber;Entity_UnitedNationId;…`. The XML is
 * flattened: one row per combination of an entity with one of its names, addresses, birth dates,
 * identifications or citizenships, every entity column repeated. Columns are named `<Part>_<Attribute>` after
 * the XML attributes (`NameAlias_WholeName`, `Address_City`, `BirthDate_YearRangeFrom`…), so rows are
 * folded back into the XML's `<sanctionEntity>` tree and mapped by the XML reader: both formats give
 * the same targets.
 *
 * An entity's rows may not be contiguous, so entities are collected and handed over at end().
 * Layout known from public parser fixtures only; no full official CSV was available to check it against.
 */

const FORMAT = 'eu-fsf-csv';

/** CSV part prefix → XML child element. */
const PARTS: Record<string, string> = {
  NameAlias: 'nameAlias',
  Address: 'address',
  BirthDate: 'birthdate',
  Identification: 'identification',
  Citizenship: 'citizenship',
};

/** Columns whose XML attribute is not simply the column suffix with a lower-case first letter. */
const RENAMED: Record<string, string> = {
  Entity_EU_ReferenceNumber: 'euReferenceNumber',
  BirthDate_BirthDate: 'birthdate',
  BirthDate_Day: 'dayOfMonth',
  BirthDate_Month: 'monthOfYear',
  Identification_TypeCode: 'identificationTypeCode',
  Identification_TypeDescription: 'identificationTypeDescription',
  Identification_IssuedDate: 'issueDate',
};

const lcFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

type Column =
  | { kind: 'date' }
  | { kind: 'entity'; attr: string }
  | { kind: 'entity-remark' }
  | { kind: 'subject' }
  | { kind: 'regulation'; attr: string }
  | { kind: 'regulation-url' }
  | { kind: 'part'; element: string; attr: string }
  | { kind: 'part-remark'; element: string }
  | { kind: 'part-contact'; element: string }
  | { kind: 'part-regulation'; element: string; attr: string }
  | { kind: 'ignore' };

function classify(name: string): Column {
  if (name === 'fileGenerationDate') return { kind: 'date' };
  if (name === 'Entity_Remark') return { kind: 'entity-remark' };
  if (name.startsWith('Entity_SubjectType')) return { kind: 'subject' };
  if (name === 'Entity_Regulation_PublicationUrl') return { kind: 'regulation-url' };
  if (name.startsWith('Entity_Regulation_')) return { kind: 'regulation', attr: lcFirst(name.slice('Entity_Regulation_'.length)) };
  if (name.startsWith('Entity_')) return { kind: 'entity', attr: RENAMED[name] ?? lcFirst(name.slice('Entity_'.length)) };
  const underscore = name.indexOf('_');
  const element = PARTS[name.slice(0, underscore)];
  if (underscore < 0 || !element) return { kind: 'ignore' };
  const rest = name.slice(underscore + 1);
  if (rest === 'Remark') return { kind: 'part-remark', element };
  if (rest === 'ContactInfo') return { kind: 'part-contact', element };
  if (rest.startsWith('Regulation_')) return { kind: 'part-regulation', element, attr: lcFirst(rest.slice('Regulation_'.length)) };
  return { kind: 'part', element, attr: RENAMED[name] ?? lcFirst(rest) };
}

const node = (name: string, attrs: Record<string, string> = {}, text = '', kids: XmlNode[] = []): XmlNode => ({
  name,
  attrs,
  children: kids,
  text,
});

/** `EMAIL:a@b.c; PHONE:+7 …` or `EMAILa@b.cPHONE+7 …` → contactInfo nodes; anything else stays a remark. */
function contactNodes(value: string): XmlNode[] {
  const parts = [...value.matchAll(/(EMAIL|PHONE|FAX|WEB)\s*[:=]?\s*(.*?)(?=\s*[;,]?\s*(?:EMAIL|PHONE|FAX|WEB)\s*[:=]?|$)/g)];
  if (parts.length === 0) return [node('remark', {}, value)];
  return parts.map((m) => node('contactInfo', { key: m[1]!, value: clean(m[2]).replace(/[;,]$/, '') }));
}

interface EntityRows {
  attrs: Record<string, string>;
  subject: Record<string, string>;
  remarks: Set<string>;
  regulations: Map<string, XmlNode>;
  parts: Map<string, Map<string, XmlNode>>;
}

export function createEuFsfCsvReader(): TextListReader {
  let columns: Column[] | undefined;
  let listDate: string | undefined;
  const entities = new Map<string, EntityRows>();

  const onRow = (row: string[], index: number) => {
    if (!columns) {
      const names = row.map((h) => clean(h));
      if (!names.includes('Entity_LogicalId')) {
        throw new ListFormatError(
          'This is not an EU Financial Sanctions CSV file: its header has no "Entity_LogicalId" column (it should start "fileGenerationDate;Entity_LogicalId;…").',
        );
      }
      columns = names.map(classify);
      return;
    }
    if (row.length === 1 && clean(row[0]) === '') return;
    if (row.length < columns.length) {
      throw new ListFormatError(`Row ${index} has ${row.length} columns where the header has ${columns.length}: the file is damaged or cut short.`);
    }
    const entityAttrs: Record<string, string> = {};
    const subject: Record<string, string> = {};
    const regulation: Record<string, string> = {};
    let regulationUrl = '';
    let entityRemark = '';
    const parts = new Map<string, { attrs: Record<string, string>; remark: string; contact: string; summary: Record<string, string> }>();
    const part = (element: string) => {
      let p = parts.get(element);
      if (!p) parts.set(element, (p = { attrs: {}, remark: '', contact: '', summary: {} }));
      return p;
    };
    columns.forEach((column, i) => {
      const raw = row[i] ?? '';
      if (raw === '') return;
      switch (column.kind) {
        case 'date':
          listDate ??= parseDayFirstDate(clean(raw)) ?? parseIsoDate(clean(raw));
          break;
        case 'entity':
          entityAttrs[column.attr] = raw;
          break;
        case 'entity-remark':
          entityRemark = raw;
          break;
        case 'subject': {
          // Files disagree on which of the two columns holds `person` and which `P`.
          const v = clean(raw);
          if (v.length === 1) subject.classificationCode = v;
          else subject.code = v;
          break;
        }
        case 'regulation':
          regulation[column.attr] = raw;
          break;
        case 'regulation-url':
          regulationUrl = raw;
          break;
        case 'part':
          part(column.element).attrs[column.attr] = raw;
          break;
        case 'part-remark':
          part(column.element).remark = raw;
          break;
        case 'part-contact':
          part(column.element).contact = raw;
          break;
        case 'part-regulation':
          part(column.element).summary[column.attr] = raw;
          break;
      }
    });
    const id = clean(entityAttrs.logicalId);
    if (!id) throw new ListFormatError(`Row ${index} has no Entity_LogicalId: the file is damaged.`);
    let entity = entities.get(id);
    if (!entity) {
      entity = { attrs: entityAttrs, subject, remarks: new Set(), regulations: new Map(), parts: new Map() };
      entities.set(id, entity);
    }
    if (entityRemark) entity.remarks.add(entityRemark);
    if (Object.keys(regulation).length || regulationUrl) {
      const key = regulation.logicalId || `${regulation.numberTitle}|${regulation.programme}|${regulationUrl}`;
      if (!entity.regulations.has(key)) {
        entity.regulations.set(key, node('regulation', regulation, '', regulationUrl ? [node('publicationUrl', {}, regulationUrl)] : []));
      }
    }
    for (const [element, p] of parts) {
      const meaningful = Object.entries(p.attrs).some(([k, v]) => k !== 'logicalId' && k !== 'regulationLanguage' && clean(v) !== '');
      if (!meaningful && !p.remark && !p.contact) continue;
      const key = p.attrs.logicalId || JSON.stringify([p.attrs, p.remark, p.contact]);
      let byKey = entity.parts.get(element);
      if (!byKey) entity.parts.set(element, (byKey = new Map()));
      if (byKey.has(key)) continue;
      const kids: XmlNode[] = [];
      if (p.remark) kids.push(node('remark', {}, p.remark));
      if (p.contact) kids.push(...contactNodes(p.contact));
      if (Object.keys(p.summary).length) kids.push(node('regulationSummary', p.summary));
      byKey.set(key, node(element, p.attrs, '', kids));
    }
  };

  const rows = createCsvRowStream({ delimiter: ';', onRow });

  const build = (): Target[] => {
    const out: Target[] = [];
    for (const entity of entities.values()) {
      const kids: XmlNode[] = [
        ...[...entity.remarks].map((r) => node('remark', {}, r)),
        ...entity.regulations.values(),
        node('subjectType', entity.subject),
      ];
      for (const element of Object.values(PARTS)) kids.push(...(entity.parts.get(element)?.values() ?? []));
      out.push(euEntityToTarget(node('sanctionEntity', entity.attrs, '', kids)));
    }
    return out;
  };

  const guarded = stickyGuard();

  return {
    write: (text) =>
      guarded(() => {
        rows.write(text);
        return [];
      }),
    end: () =>
      guarded(() => {
        rows.end();
        if (!columns) throw new ListFormatError('The file is empty: it has no header row.');
        return build();
      }),
    meta: (): ListMeta => ({ source: 'eu-fsf', format: FORMAT, listDate: listDate ?? null, listDateOrigin: listDate ? 'content' : null }),
  };
}
