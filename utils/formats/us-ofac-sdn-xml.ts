import type { ListMeta, Target, TargetKind } from '../model';
import { parseMonthFirstDate } from './dates';
import { TargetOutbox } from './target-outbox';
import { ListFormatError, type TextListReader } from './types';
import {
  hasNonSdnMarker,
  isIdentifierLabel,
  OfacTargetBuilder,
  ofacValue,
  sourceFromMarkers,
  splitCountrySuffix,
  tidy,
  type OfacSource,
} from './us-ofac-common';
import { child, childText, createXmlRecordStream, descendants, type XmlNode } from './xml-records';

/**
 * OFAC's `SDN.XML` (root `sdnList`, namespace …/exports/XML): `publshInformation` (sic) with
 * `Publish_Date` (mm/dd/yyyy) and `Record_Count`, then one `sdnEntry` per designation with uid,
 * firstName, lastName, title, sdnType, remarks, programList, idList (the same labelled values as the
 * legacy CSV's Remarks: `idType` `Passport`, `Digital Currency Address - XBT` …), akaList (`category`
 * strong|weak), addressList, nationalityList, citizenshipList, dateOfBirthList, placeOfBirthList, vesselInfo.
 * The mapping is shared with the CSV reader (us-ofac-common.ts), so an entry reads the same from both.
 *
 * OFAC's non-SDN list is published in the same layout (consolidated.xml); which list a file is comes
 * from its entries' programmes and directive labels (see `hasNonSdnMarker`), decided over the first
 * 50 entries: those are held back until then, so the output never mixes two sources.
 */

/** Entries held back until the source is decided. */
const DECIDE_AFTER = 50;

function kindOf(sdnType: string): TargetKind | undefined {
  switch (sdnType.toLowerCase()) {
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

function fullName(node: XmlNode): { full: string; first: string; last: string } {
  const last = childText(node, 'lastName');
  const first = childText(node, 'firstName');
  return { full: first && last ? `${last}, ${first}` : last || first, first, last };
}

/** One `sdnEntry` onto the builder (source decided later). */
function readEntry(entry: XmlNode): OfacTargetBuilder {
  const uid = childText(entry, 'uid');
  if (!/^\d+$/.test(uid)) {
    throw new ListFormatError(`An <sdnEntry> has no numeric <uid> (“${uid}”): the file is not a valid SDN.XML.`);
  }
  const sdnType = childText(entry, 'sdnType');
  const kind = kindOf(sdnType);
  if (!kind) throw new ListFormatError(`Entry ${uid} has the unknown sdnType “${sdnType}”.`);
  const b = new OfacTargetBuilder(uid, kind);

  const primary = fullName(entry);
  b.addName(primary.full, 'primary', { given: primary.first, family: primary.last });
  for (const aka of descendants(entry, 'akaList', 'aka')) {
    const name = fullName(aka);
    const category = childText(aka, 'category').toLowerCase();
    const type = childText(aka, 'type').toLowerCase();
    b.addName(name.full, category === 'weak' ? 'weak-alias' : type === 'f.k.a.' ? 'former' : 'alias', {
      given: name.first,
      family: name.last,
    });
  }

  for (const program of descendants(entry, 'programList', 'program')) b.addRegime(program.text);
  b.addPosition(childText(entry, 'title'));

  const unmapped: string[] = [];
  for (const id of descendants(entry, 'idList', 'id')) {
    const label = childText(id, 'idType');
    const number = childText(id, 'idNumber');
    const { value, country } = isIdentifierLabel(label)
      ? splitCountrySuffix(number, childText(id, 'idCountry'))
      : { value: number, country: childText(id, 'idCountry') };
    const done = b.applyLabelled(label, value, {
      country,
      issued: childText(id, 'issueDate') || undefined,
      expires: childText(id, 'expirationDate') || undefined,
    });
    if (!done && value) unmapped.push(`${label} ${value}`);
  }
  for (const item of descendants(entry, 'dateOfBirthList', 'dateOfBirthItem')) b.applyLabelled('DOB', childText(item, 'dateOfBirth'));
  for (const item of descendants(entry, 'placeOfBirthList', 'placeOfBirthItem')) b.applyLabelled('POB', childText(item, 'placeOfBirth'));
  for (const item of descendants(entry, 'nationalityList', 'nationality')) b.addNationality(childText(item, 'country'));
  for (const item of descendants(entry, 'citizenshipList', 'citizenship')) b.addNationality(childText(item, 'country'));

  for (const address of descendants(entry, 'addressList', 'address')) {
    const city = [childText(address, 'city'), childText(address, 'stateOrProvince')].filter(Boolean).join(', ');
    const postal = childText(address, 'postalCode');
    b.addAddress([
      childText(address, 'address1'),
      childText(address, 'address2'),
      childText(address, 'address3'),
      // As the CSV writes it: `Richardson, TX 75081`.
      city && postal ? `${city} ${postal}` : city || postal,
      childText(address, 'region') ? `Region: ${childText(address, 'region')}` : undefined,
      childText(address, 'country'),
    ]);
  }

  const vessel = child(entry, 'vesselInfo');
  const vesselDetails: string[] = [];
  if (vessel) {
    const callSign = childText(vessel, 'callSign');
    if (callSign) b.addIdentifier('call-sign', callSign, 'Call Sign');
    const flag = childText(vessel, 'vesselFlag');
    if (flag) b.addNationality(flag);
    for (const [element, label] of [
      ['vesselType', 'Vessel Type'],
      ['tonnage', 'Vessel Tonnage'],
      ['grossRegisteredTonnage', 'Vessel Gross Registered Tonnage'],
      ['vesselFlag', 'Vessel Flag'],
      ['vesselOwner', 'Vessel Owner'],
    ] as const) {
      const value = ofacValue(childText(vessel, element));
      if (value) vesselDetails.push(`${label} ${value}`);
    }
  }

  const remarks = tidy(childText(entry, 'remarks'));
  if (remarks) {
    b.addRemark(remarks);
    b.addFreeText(remarks);
  }
  if (unmapped.length) b.addRemark(unmapped.join('; '));
  if (vesselDetails.length) b.addRemark(vesselDetails.join('; '));
  return b;
}

export function createOfacSdnXmlReader(): TextListReader {
  let publishDate: string | null = null;
  let recordCount: number | undefined;
  let source: OfacSource | undefined;
  let entries = 0;
  let marked = 0;
  let pending: OfacTargetBuilder[] = [];
  const outbox = new TargetOutbox();

  const decide = () => {
    source = sourceFromMarkers(marked, entries);
    for (const builder of pending) outbox.push(builder.build(source));
    pending = [];
  };

  const stream = createXmlRecordStream({
    isRecord: (name, depth) => name === 'sdnEntry' && depth === 1,
    onHeaderElement(name, _attrs, depth) {
      if (depth === 0 && name !== 'sdnList') {
        throw new ListFormatError(`This is not an OFAC SDN.XML file: its root element is <${name}>, not <sdnList>.`);
      }
    },
    onHeaderText(path, text) {
      const name = path.at(-1);
      if (name === 'Publish_Date') {
        const date = parseMonthFirstDate(text);
        if (!date) throw new ListFormatError(`The Publish_Date “${text}” is not a date (mm/dd/yyyy expected).`);
        publishDate = date;
      } else if (name === 'Record_Count') {
        if (!/^\d+$/.test(text)) throw new ListFormatError(`The Record_Count “${text}” is not a number.`);
        recordCount = Number(text);
      }
    },
    onRecord(record) {
      const builder = readEntry(record);
      entries++;
      if (hasNonSdnMarker(builder.regimes, builder.nonSdnFeature)) marked++;
      if (source) outbox.push(builder.build(source));
      else {
        pending.push(builder);
        if (pending.length >= DECIDE_AFTER) decide();
      }
    },
  });

  return {
    write(text: string): Target[] {
      return outbox.run(() => stream.write(text));
    },
    end(): Target[] {
      return outbox.run(() => {
        stream.end();
        if (stream.rootName() !== 'sdnList') {
          throw new ListFormatError('This is not an OFAC SDN.XML file: no <sdnList> root element.');
        }
        if (entries === 0) throw new ListFormatError('The SDN.XML file holds no <sdnEntry> records.');
        if (recordCount !== undefined && recordCount !== entries) {
          throw new ListFormatError(
            `The file says it holds ${recordCount} entries (Record_Count) but ${entries} were read: it is cut short or was edited.`,
          );
        }
        if (!source) decide();
      });
    },
    meta(): ListMeta {
      return {
        source: source ?? 'us-ofac-sdn',
        format: 'us-ofac-sdn-xml',
        listDate: publishDate,
        listDateOrigin: publishDate ? 'content' : null,
      };
    },
  };
}
