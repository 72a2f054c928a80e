import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countKinds, type ListMeta, type Target } from '../../../utils/model';
import { ListFormatError, type TextListReader } from '../../../utils/formats/types';
import { createUnScXmlReader } from '../../../utils/formats/un-sc-xml';
import { HAS_SHARED_DATA, SHARED_SKIP_MESSAGE, sharedFile } from '../../shared-data';

function read(create: () => TextListReader, bytes: Uint8Array, chunk = bytes.length): { targets: Target[]; meta: ListMeta } {
  const reader = create();
  const decoder = new TextDecoder('utf-8');
  const targets: Target[] = [];
  for (let i = 0; i < bytes.length; i += chunk) {
    targets.push(...reader.write(decoder.decode(bytes.subarray(i, i + chunk), { stream: true })));
  }
  targets.push(...reader.write(decoder.decode()));
  targets.push(...reader.end());
  return { targets, meta: reader.meta() };
}

function randomBytes(n: number, seed = 11): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const titled = (title: string) => (HAS_SHARED_DATA ? title : `${title} (${SHARED_SKIP_MESSAGE})`);

describe('UN SC consolidated XML: small shapes', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-03-01T10:00:00.000Z">
  <INDIVIDUALS><INDIVIDUAL>
    <DATAID>1</DATAID><FIRST_NAME>ABC</FIRST_NAME><SECOND_NAME>DEF</SECOND_NAME><UN_LIST_TYPE>Test</UN_LIST_TYPE>
    <REFERENCE_NUMBER> TSi.001 </REFERENCE_NUMBER><LISTED_ON>2020-01-02</LISTED_ON>
    <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1958</YEAR><NOTE>Sep.</NOTE></INDIVIDUAL_DATE_OF_BIRTH>
    <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><NOTE>Nov. 1973 </NOTE></INDIVIDUAL_DATE_OF_BIRTH>
    <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><NOTE>30-35 years old</NOTE></INDIVIDUAL_DATE_OF_BIRTH>
    <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1979-03-03</DATE><NOTE>from false passport</NOTE></INDIVIDUAL_DATE_OF_BIRTH>
    <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT2>Service passport</TYPE_OF_DOCUMENT2><NUMBER>S123</NUMBER></INDIVIDUAL_DOCUMENT>
    <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NOTE>name in Arabic script: عبد</NOTE></INDIVIDUAL_DOCUMENT>
  </INDIVIDUAL></INDIVIDUALS>
  <ENTITIES/>
</CONSOLIDATED_LIST>`;
  const { targets, meta } = read(createUnScXmlReader, utf8(xml));

  it('reads partial dates from YEAR + a month note, a month-year note, and keeps other notes as written', () => {
    expect(meta).toEqual({ source: 'un-sc', format: 'un-sc-xml', listDate: '2026-03-01', listDateOrigin: 'content' });
    expect(targets).toHaveLength(1);
    const t = targets[0]!;
    expect(t.id).toBe('un-sc:TSi.001');
    expect(t.birthDates).toEqual(['1958-09', '1973-11', '30-35 years old', '1979-03-03']);
    expect(t.remarks).toContain('Date of birth 1979-03-03: from false passport');
  });

  it('reads TYPE_OF_DOCUMENT2, a document without number, and a name in another script from a note', () => {
    const t = targets[0]!;
    expect(t.identifiers).toEqual([{ type: 'passport', value: 'S123', note: 'Service passport' }]);
    expect(t.remarks).toContain('Document: Passport; name in Arabic script: عبد');
    expect(t.names).toContainEqual({ full: 'عبد', type: 'variation', script: 'arabic' });
  });
});

describe.skipIf(!HAS_SHARED_DATA)(titled('UN SC consolidated XML: the real list of 2026-02-27'), () => {
  const bytes = HAS_SHARED_DATA ? readFileSync(sharedFile('un-sc-consolidated/consolidated.xml')) : new Uint8Array();
  const started = performance.now();
  const { targets, meta } = read(createUnScXmlReader, bytes);
  const elapsed = performance.now() - started;
  const byId = new Map(targets.map((t) => [t.id, t]));
  const get = (id: string) => {
    const t = byId.get(id);
    if (!t) throw new Error(`${id} not read`);
    return t;
  };

  it('reads 1,003 targets (730 individuals, 273 entities), unique ids, and the list date', () => {
    expect(targets).toHaveLength(1003);
    expect(byId.size).toBe(1003);
    expect(countKinds(targets)).toEqual({ persons: 730, organisations: 273, vessels: 0, aircraft: 0 });
    expect(meta).toEqual({ source: 'un-sc', format: 'un-sc-xml', listDate: '2026-02-27', listDateOrigin: 'content' });
    console.info(`UN consolidated.xml (2.0 MB): ${elapsed.toFixed(0)} ms`);
  });

  it('keeps all 378 NAME_ORIGINAL_SCRIPT names: 377 as variations in their script, one equal to its primary', () => {
    const text = new TextDecoder().decode(bytes);
    const originals = [...text.matchAll(/<(INDIVIDUAL|ENTITY)>([\s\S]*?)<\/\1>/g)]
      .map((m) => [/<REFERENCE_NUMBER>([^<]*)</.exec(m[2]!)?.[1], /<NAME_ORIGINAL_SCRIPT>([^<]*)</.exec(m[2]!)?.[1]] as const)
      .filter(([, original]) => original !== undefined);
    expect(originals).toHaveLength(378);
    const found = originals.map(([ref, original]) =>
      get(`un-sc:${ref!.trim()}`).names.find((n) => n.full === original!.replace(/\s+/g, ' ').trim()),
    );
    expect(found.filter((n) => n?.type === 'variation' && n.script !== 'latin')).toHaveLength(377);
    // QDe.164 JAMAAH ANSHARUT DAULAH gives its Latin name again as "original script".
    expect(found.filter((n) => n?.type === 'primary')).toEqual([{ full: 'JAMAAH ANSHARUT DAULAH', type: 'primary', script: 'latin' }]);
    const scripts = targets.flatMap((t) => t.names.filter((n) => n.type === 'variation' && n.script !== 'latin').map((n) => n.script));
    expect(new Set(scripts)).toEqual(new Set(['arabic', 'cyrillic']));
  });

  it('every target has a primary name first, a regime and a designation date', () => {
    for (const t of targets) {
      expect(t.names[0]!.type).toBe('primary');
      expect(t.names.filter((n) => n.type === 'primary')).toHaveLength(1);
      expect(t.regimes).toHaveLength(1);
      expect(t.designated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(t.crossRefs).toEqual([{ kind: 'un-ref', value: t.nativeId }]);
      expect(t.noticeUrl).toBeUndefined();
    }
  });

  it('CDi.002 FRANK KAKOLELE BWAMBALE: aliases, position, nationality, address with its note, latest update', () => {
    const t = get('un-sc:CDi.002');
    expect(t.kind).toBe('person');
    expect(t.names.map((n) => [n.full, n.type])).toEqual([
      ['FRANK KAKOLELE BWAMBALE', 'primary'],
      ['FRANK KAKORERE', 'alias'],
      ['FRANK KAKORERE BWAMBALE', 'alias'],
      ['AIGLE BLANC', 'alias'],
    ]);
    expect(t.regimes).toEqual(['DRC']);
    expect(t.designated).toBe('2005-11-01');
    expect(t.updated).toBe('2016-10-13');
    expect(t.gender).toBe('Male');
    expect(t.positions).toEqual(['FARDC General']);
    expect(t.nationalities).toEqual(['Democratic Republic of the Congo']);
    expect(t.addresses).toEqual(['Kinshasa, Democratic Republic of the Congo (as of June 2016)']);
    expect(t.remarks).toMatch(/^Left the CNDP in January 2008\./);
  });

  it('IQi.001 SADDAM HUSSEIN AL-TIKRITI: Arabic original script, Low alias, date and place of birth', () => {
    const t = get('un-sc:IQi.001');
    expect(t.names).toEqual([
      { full: 'SADDAM HUSSEIN AL-TIKRITI', type: 'primary', script: 'latin' },
      { full: 'صدام حسين التكريتي', type: 'variation', script: 'arabic' },
      { full: 'Abu Ali', type: 'weak-alias', script: 'latin' },
    ]);
    expect(t.birthDates).toEqual(['1937-04-28']);
    expect(t.birthPlaces).toEqual(['al-Awja, near Tikrit, Iraq']);
    expect(t.nationalities).toEqual(['Iraq']);
    expect(t.regimes).toEqual(['Iraq']);
    expect(t.designated).toBe('2003-06-27');
  });

  it('LYi.023 Ahmad Oumar Imhamad al-Fitouri: passport and national id, two updates, place-of-birth note', () => {
    const t = get('un-sc:LYi.023');
    expect(t.names[0]).toEqual({ full: 'Ahmad Oumar Imhamad al-Fitouri', type: 'primary', script: 'latin' });
    expect(t.names[1]).toEqual({ full: 'احمد عمر امحمد الفيتوري', type: 'variation', script: 'arabic' });
    expect(t.names.filter((n) => n.type === 'weak-alias').map((n) => n.full)).toEqual([
      'Al-Dabachi',
      'Al Ammu',
      'The Uncle',
      'Al-Ahwal',
      'Al Dabbashi',
    ]);
    expect(t.identifiers).toEqual([
      { type: 'passport', value: 'LY53FP76', country: 'Libya', note: 'Passport; issued 2015-09-29; issued in Tripoli' },
      { type: 'national-id', value: '119880387067', note: 'National Identification Number' },
    ]);
    expect(t.updated).toBe('2020-02-25');
    expect(t.birthDates).toEqual(['1988-05-07']);
    expect(t.birthPlaces).toEqual(['possibly Sabratha, Talil neighbourhood']);
    expect(t.addresses).toEqual(['Garabulli, Libya', 'Zawiya, Libya']);
    expect(t.positions).toEqual(['Commander of the Anas al-Dabbashi militia, Leader of a transnational trafficking network']);
  });

  it('CDi.030 BOSCO TAGANDA: a FROM_YEAR–TO_YEAR birth range stays a range; alias notes are kept', () => {
    const t = get('un-sc:CDi.030');
    expect(t.birthDates).toEqual(['1973/1974']);
    expect(t.names.filter((n) => n.type === 'weak-alias').map((n) => n.full)).toEqual(['Lydia', 'Terminator', 'Tango Romeo', 'Romeo', 'Major']);
    expect(t.remarks).toContain('Tango Romeo: Call sign');
  });

  it('KPi.035 KIM CHOL SAM: an alias written in two scripts becomes two names', () => {
    const t = get('un-sc:KPi.035');
    expect(t.names).toEqual([
      { full: 'KIM CHOL SAM', type: 'primary', script: 'latin' },
      { full: 'Jin Tiesan', type: 'alias', script: 'latin' },
      { full: '金铁三', type: 'alias', script: 'han' },
    ]);
    expect(t.identifiers).toEqual([
      { type: 'passport', value: '645120378', country: "Democratic People's Republic of Korea", note: 'Passport' },
    ]);
  });

  it('entities: f.k.a. names are former (CDe.001), a name holding two names is split (CDe.003)', () => {
    const adf = get('un-sc:CDe.001');
    expect(adf.kind).toBe('organisation');
    expect(adf.names.map((n) => [n.full, n.type])).toEqual([
      ['ADF', 'primary'],
      ['Allied Democratic Forces', 'alias'],
      ['Forces Démocratiques Alliées-Armée Nationale de Libération de l’Ouganda', 'former'],
      ['ADF/NALU', 'former'],
      ['NALU', 'former'],
    ]);
    const cagl = get('un-sc:CDe.003');
    expect(cagl.names.map((n) => [n.full, n.type])).toEqual([
      ['COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)', 'primary'],
      ['COMPAGNIE AERIENNE DES GRANDS LACS (CAGL)', 'variation'],
      ['GREAT LAKES BUSINESS COMPANY (GLBC)', 'variation'],
      ['CAGL', 'alias'],
    ]);
    expect(cagl.addresses).toEqual([
      'Avenue Président Mobutu, Goma, Democratic Republic of the Congo',
      'Gisenyi, Rwanda',
      'PO BOX 315, Goma, Democratic Republic of the Congo',
    ]);
  });

  it('identifiers written in comments: e-mails (CDe.005), company IMO numbers (KPe.056)', () => {
    expect(get('un-sc:CDe.005').identifiers).toEqual([
      { type: 'email', value: 'Fdlr@fmx.de' },
      { type: 'email', value: 'fldrrse@yahoo.fr' },
      { type: 'email', value: 'fdlr@gmx.net' },
      { type: 'email', value: 'fdlrsrt@gmail.com' },
      { type: 'email', value: 'humura2020@gmail.com' },
    ]);
    const chonmyong = get('un-sc:KPe.056');
    expect(chonmyong.names[0]!.full).toBe('CHONMYONG SHIPPING CO');
    expect(chonmyong.identifiers).toEqual([{ type: 'imo', value: '5571322' }]);
    expect(chonmyong.updated).toBe('2022-07-26');
  });

  it('gives the same targets in 4 KiB and 1 MiB chunks', () => {
    expect(read(createUnScXmlReader, bytes, 4096).targets).toEqual(targets);
    expect(read(createUnScXmlReader, bytes, 1 << 20).targets).toEqual(targets);
  });

  it('rejects a copy cut at 60% of its bytes', () => {
    expect(() => read(createUnScXmlReader, bytes.subarray(0, Math.floor(bytes.length * 0.6)))).toThrow(
      /XML ends inside <\w+>.*incomplete/,
    );
  });

  it('rejects another list format by its root element', () => {
    const eu = readFileSync(sharedFile('format-samples/eu-fsf/xmlFullSanctionsList_1_1.sample.xml'));
    expect(() => read(createUnScXmlReader, eu)).toThrow(/not the UN Security Council Consolidated List: its XML root is <export>/);
  });
});

describe('UN SC consolidated XML: bad input', () => {
  it('rejects random bytes, a CSV file and an empty file with a ListFormatError', () => {
    expect(() => read(createUnScXmlReader, randomBytes(5000))).toThrow(ListFormatError);
    expect(() => read(createUnScXmlReader, utf8('id,schema,name\n"a","Person","B"\n'))).toThrow(ListFormatError);
    expect(() => read(createUnScXmlReader, new Uint8Array())).toThrow(ListFormatError);
  });

  it('rejects a record without reference number or DATAID', () => {
    const xml = '<CONSOLIDATED_LIST dateGenerated="2026-01-01"><ENTITIES><ENTITY><FIRST_NAME>X</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>';
    expect(() => read(createUnScXmlReader, utf8(xml))).toThrow(/neither REFERENCE_NUMBER nor DATAID/);
  });
});
