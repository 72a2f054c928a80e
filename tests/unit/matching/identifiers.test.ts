import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Target } from '../../../utils/model';
import { createUnScXmlReader } from '../../../utils/formats/un-sc-xml';
import { readOfacCsvSet } from '../../../utils/formats/us-ofac-csv';
import { createOfacSdnXmlReader } from '../../../utils/formats/us-ofac-sdn-xml';
import {
  documentNumber,
  findIdentifiersInText,
  identifierKey,
  imoDigits,
  isValidBic,
  isValidImoCompanyNumber,
  isValidImoNumber,
  isValidImoShipNumber,
  normalizeBic,
  queryIdentifierKeys,
  targetIdentifierKeys,
} from '../../../utils/matching/identifiers';
import { HAS_SHARED_DATA, SHARED_DIR, SHARED_SKIP_MESSAGE, sharedFile } from '../../shared-data';

const titled = (title: string) => (HAS_SHARED_DATA ? title : `${title} (${SHARED_SKIP_MESSAGE})`);

/** What findIdentifiersInText gives, as [text as written, type, key]. */
function found(text: string): [string, string, string][] {
  return findIdentifiersInText(text).map((h) => [text.slice(h.start, h.end), h.type, h.key]);
}

// Valid ship numbers (weights 7..2): 9074729 (139 → 9), 9187629 (159 → 9), 9385233 (153 → 3).
// A valid IMO company number (weights 8,6,4,2,9,7; (11 − sum mod 11) mod 10): 5055293.
const TRON = 'TA3941uFAvmVibSkQ6fMJXxmaSNovX86mz'; // OFAC SDN 22985 (USDT on Tron)
const EIP55 = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'; // the EIP-55 specification's example
const BECH32 = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';

describe('IMO numbers', () => {
  it('checks ship and company check digits', () => {
    expect(isValidImoShipNumber('9074729')).toBe(true);
    expect(isValidImoShipNumber('9187629')).toBe(true);
    expect(isValidImoShipNumber('9074728')).toBe(false);
    expect(isValidImoShipNumber('9123456')).toBe(false); // 113 → 3, not 6
    expect(isValidImoCompanyNumber('5055293')).toBe(true);
    expect(isValidImoCompanyNumber('5055294')).toBe(false);
    expect(isValidImoShipNumber('5055293')).toBe(false);
    expect(isValidImoNumber('5055293')).toBe(true);
    expect(isValidImoNumber('907472')).toBe(false);
  });

  it('keys every written form to the seven digits, check digit or not', () => {
    for (const v of ['9074729', 'IMO 9074729', 'IMO9074729', 'IMO No. 9074729', 'IMO: 9074729', 'imo number 9074729', ' IMO n° 9074729 ']) {
      expect(identifierKey('imo', v), v).toBe('imo:9074729');
    }
    // Lists carry a few numbers that fail their check digit: they still match exactly.
    expect(identifierKey('imo', '9074728')).toBe('imo:9074728');
    expect(identifierKey('imo', '0000000')).toBeUndefined();
    // Not seven digits: OFAC files a few register numbers (`RS 150443`, `15411`) under "Vessel Registration
    // Identification"; they are keyed as numbers, exactly, but not as IMO numbers.
    expect(identifierKey('imo', 'RS 150443')).toBe('other:RS150443');
    expect(identifierKey('imo', '907472')).toBe('other:907472');
    expect(identifierKey('imo', '9074')).toBeUndefined();
    expect(imoDigits('IMO 12345678')).toBeUndefined();
  });

  it('finds labelled numbers in text, and lists of numbers after a label when they validate', () => {
    const text =
      'The tanker (IMO 9074729) met IMO No. 9187629; the IMO: 9385233, 9074729 and 5055293 fleet. ' +
      'Seized: IMO9123456. The IMO numbers of the vessels: 9187629.';
    expect(found(text)).toEqual([
      ['9074729', 'imo', 'imo:9074729'],
      ['9187629', 'imo', 'imo:9187629'],
      ['9385233', 'imo', 'imo:9385233'],
      ['9074729', 'imo', 'imo:9074729'],
      ['5055293', 'imo', 'imo:5055293'],
      ['9123456', 'imo', 'imo:9123456'], // labelled right before it: taken even with a wrong check digit
      ['9187629', 'imo', 'imo:9187629'],
    ]);
    // In a list after the label, or words away from it, the check digit must hold.
    expect(found('IMO 9074729, 9074728 and 9187629')).toEqual([['9074729', 'imo', 'imo:9074729']]);
    expect(found('IMO numbers of the vessels: 9123456')).toEqual([]);
    expect(found('Owerri, Imo State, office 9187629')).toEqual([]); // words away from a label only after "IMO"
    expect(found('https://www.marinetraffic.com/en/ais/details/ships/imo:9074729')).toEqual([['9074729', 'imo', 'imo:9074729']]);
  });

  it('never takes a bare seven-digit number, phone numbers included', () => {
    const text =
      'Call 555-1234 or 5551234, fax +44 20 7946 0958, order 9074729 (a valid IMO check digit but no label). ' +
      'IMO 2020 rules; the IMO said on 12 March that 2,345,678 tonnes… Tel. 9187629. Account 12345678901.';
    expect(found(text)).toEqual([]);
    expect(found('IMO headquarters: +44 20 7735 7611')).toEqual([]);
  });
});

describe('SWIFT / BIC', () => {
  it('normalises BIC8 and BIC11, folding branch XXX', () => {
    expect(identifierKey('swift-bic', 'DEUTDEFF')).toBe('bic:DEUTDEFF');
    expect(identifierKey('swift-bic', 'DEUTDEFFXXX')).toBe('bic:DEUTDEFF');
    expect(identifierKey('swift-bic', 'deutdeff xxx')).toBe('bic:DEUTDEFF');
    expect(identifierKey('swift-bic', 'DEUTDEFF500')).toBe('bic:DEUTDEFF500');
    expect(identifierKey('swift-bic', 'SOMRRUM1KST')).toBe('bic:SOMRRUM1KST');
    expect(identifierKey('swift-bic', 'DEUTDEF')).toBeUndefined();
    expect(identifierKey('swift-bic', 'DEUTDEFF5')).toBeUndefined();
    expect(identifierKey('swift-bic', '1EUTDEFF')).toBeUndefined();
    expect(normalizeBic('DEUT DE FF XXX')).toBe('DEUTDEFF');
    expect(isValidBic('BKMTAM22')).toBe(true);
    expect(isValidBic('ABCDZZ22')).toBe(false); // ZZ is no country
  });

  it('finds codes only after a SWIFT or BIC label', () => {
    const text =
      'SWIFT/BIC: DEUTDEFF. BIC code DEUTDEFFXXX, Swift codes: BKMTAM22 and SOMRRUM1KST; SWIFT DEUT DE FF 500. ' +
      'Unlabelled DEUTDEFF, SWIFT messages, a swift RESPONSE, SWIFT: ABCDZZ22, BIC deutdeff.';
    expect(found(text)).toEqual([
      ['DEUTDEFF', 'swift-bic', 'bic:DEUTDEFF'],
      ['DEUTDEFFXXX', 'swift-bic', 'bic:DEUTDEFF'],
      ['BKMTAM22', 'swift-bic', 'bic:BKMTAM22'],
      ['SOMRRUM1KST', 'swift-bic', 'bic:SOMRRUM1KST'],
      ['DEUT DE FF 500', 'swift-bic', 'bic:DEUTDEFF500'],
    ]);
    // Only a plural label starts a list: after a single code, capitals are a name (`EGHTESAD` is BIC-shaped).
    expect(found('SWIFT/BIC EXIRRUMM; BANK EGHTESAD NOVIN, SWIFT/BIC BEGNIRTH')).toEqual([
      ['EXIRRUMM', 'swift-bic', 'bic:EXIRRUMM'],
      ['BEGNIRTH', 'swift-bic', 'bic:BEGNIRTH'],
    ]);
    expect(found('BICs: EXIRRUMM, BEGNIRTH')).toEqual([
      ['EXIRRUMM', 'swift-bic', 'bic:EXIRRUMM'],
      ['BEGNIRTH', 'swift-bic', 'bic:BEGNIRTH'],
    ]);
  });
});

describe('crypto addresses', () => {
  it('compares EVM addresses case-insensitively, base58 (Tron) case-sensitively, bech32 in lower case', () => {
    expect(identifierKey('crypto', EIP55, 'ETH')).toBe(`crypto:${EIP55.toLowerCase()}`);
    expect(identifierKey('crypto', EIP55.toLowerCase(), 'USDT')).toBe(identifierKey('crypto', EIP55));
    expect(identifierKey('crypto', EIP55.slice(2), 'ETH')).toBe(identifierKey('crypto', EIP55)); // listed without 0x
    expect(identifierKey('crypto', TRON, 'USDT')).toBe(`crypto:${TRON}`);
    const swapped = TRON.replace('uFAv', 'ufAv');
    expect(identifierKey('crypto', swapped)).not.toBe(identifierKey('crypto', TRON));
    expect(identifierKey('crypto', BECH32.toUpperCase(), 'XBT')).toBe(`crypto:${BECH32}`);
    expect(identifierKey('crypto', '1Gq', 'XBT')).toBeUndefined(); // a cut-off value (OFAC's CSV remarks are cut at their limit)
  });

  it('finds valid addresses inside sentences, offsets on the address itself', () => {
    const text =
      `Funds went to (${TRON}), then "${EIP55}"; see https://etherscan.io/address/${EIP55.toLowerCase()}#code — ` +
      `and ${BECH32.toUpperCase()}.\nAlso: ${TRON.replace('uFAv', 'ufAv')}, 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD.`;
    expect(found(text)).toEqual([
      [TRON, 'crypto', `crypto:${TRON}`],
      [EIP55, 'crypto', `crypto:${EIP55.toLowerCase()}`],
      [EIP55.toLowerCase(), 'crypto', `crypto:${EIP55.toLowerCase()}`],
      [BECH32.toUpperCase(), 'crypto', `crypto:${BECH32}`],
      // The Tron address with one letter's case changed and the EVM address with a wrong EIP-55 case fail their checksums.
    ]);
  });

  it('joins an address broken over a line break, and folds look-alike letters', () => {
    const broken = `Wallet ${TRON.slice(0, 10)}\n${TRON.slice(10)} was used.`;
    const [hit] = findIdentifiersInText(broken);
    expect(hit).toMatchObject({ type: 'crypto', value: TRON, key: `crypto:${TRON}` });
    expect(broken.slice(hit!.start, hit!.end)).toBe(`${TRON.slice(0, 10)}\n${TRON.slice(10)}`);
    const lookalike = TRON.replace('A', '\u0410'); // Cyrillic А
    const glyphs = findIdentifiersInText(`address ${lookalike}.`);
    expect(glyphs).toEqual([{ start: 8, end: 8 + TRON.length, type: 'crypto', value: TRON, key: `crypto:${TRON}` }]);
  });

  it('takes nothing from ordinary prose, hashes and long words', () => {
    const text =
      'Internationalisation and counterrevolutionaries, getElementById, 75703329861022517346, ' +
      '0x' + 'ab'.repeat(32) + ' (a transaction hash), ' + 'Donaudampfschifffahrtsgesellschaftskapitän.';
    expect(found(text)).toEqual([]);
  });
});

describe('document and registration numbers', () => {
  it('compare exactly after removing spaces, dashes, dots and case', () => {
    expect(identifierKey('passport', 'OB 0243318')).toBe('passport:OB0243318');
    expect(identifierKey('passport', 'ob-0243318')).toBe('passport:OB0243318');
    expect(identifierKey('passport', '96 03 464086')).toBe('passport:9603464086');
    expect(identifierKey('passport', '381110042 (Expired 25 Jan. 2016)')).toBe('passport:381110042');
    expect(identifierKey('national-id', 'national identity card number 44103-5251752-5')).toBe('national-id:4410352517525');
    expect(identifierKey('company-number', 'HE 242159')).toBe('company:HE242159');
    expect(identifierKey('company-number', '91330301787738024Y')).toBe('company:91330301787738024Y');
    expect(identifierKey('tax-id', 'INN 7705445700')).toBe('tax-id:7705445700');
    expect(identifierKey('national-id', '523-33-8386')).toBe('national-id:523338386');
    expect(documentNumber('Russian passport number 8208 No. 555627')).toBe('555627');
  });

  it('gives no key to short, generic or out-of-scope values', () => {
    expect(identifierKey('passport', '4138')).toBeUndefined();
    expect(identifierKey('company-number', '44444')).toBeUndefined();
    expect(identifierKey('company-number', '1234567')).toBeUndefined();
    expect(identifierKey('passport', 'issued in Sarajevo, Bosnia-Herzegovina')).toBeUndefined();
    expect(identifierKey('call-sign', 'UBKK')).toBeUndefined();
    expect(identifierKey('phone', '+850-2-381-4432')).toBeUndefined();
    expect(identifierKey('email', 'Fdlr@fmx.de')).toBe('email:fdlr@fmx.de');
    expect(identifierKey('email', 'not an email')).toBeUndefined();
    expect(identifierKey('website', 'https://www.Razavi.ir/')).toBe('website:razavi.ir');
    expect(identifierKey('mmsi', '273 456 789')).toBe('mmsi:273456789');
  });

  it('keys a target once per distinct identifier', () => {
    const target: Target = {
      id: 'us-ofac-sdn:1',
      source: 'us-ofac-sdn',
      nativeId: '1',
      kind: 'vessel',
      names: [{ full: 'TEST', type: 'primary', script: 'latin' }],
      regimes: [],
      identifiers: [
        { type: 'imo', value: '9074729' },
        { type: 'imo', value: 'IMO 9074729' },
        { type: 'crypto', value: EIP55, chain: 'ETH' },
        { type: 'crypto', value: EIP55.toLowerCase(), chain: 'USDT' },
        { type: 'phone', value: '+1 555 123 4567' },
        { type: 'swift-bic', value: 'DEUTDEFFXXX' },
      ],
    };
    expect(targetIdentifierKeys(target)).toEqual([
      { key: 'imo:9074729', type: 'imo', value: '9074729' },
      { key: `crypto:${EIP55.toLowerCase()}`, type: 'crypto', value: EIP55 },
      { key: 'bic:DEUTDEFF', type: 'swift-bic', value: 'DEUTDEFFXXX' },
    ]);
  });
});

describe('search box queries', () => {
  const docs = (n: string) => [`passport:${n}`, `national-id:${n}`, `company:${n}`, `tax-id:${n}`, `other:${n}`];

  it('recognises addresses, IMO numbers, BICs, e-mails and document numbers', () => {
    expect(queryIdentifierKeys(` ${EIP55} `)).toEqual([`crypto:${EIP55.toLowerCase()}`]);
    expect(queryIdentifierKeys(TRON)).toEqual([`crypto:${TRON}`]);
    expect(queryIdentifierKeys('IMO 9074729')).toEqual(['imo:9074729']);
    expect(queryIdentifierKeys('IMO 9123456')).toEqual(['imo:9123456']); // labelled: taken as typed
    expect(queryIdentifierKeys('IMO9074729')).toEqual(['imo:9074729']);
    expect(queryIdentifierKeys('9074729')).toEqual(['imo:9074729', ...docs('9074729')]);
    expect(queryIdentifierKeys('9074728')).toEqual(docs('9074728')); // check digit fails: not an IMO number
    expect(queryIdentifierKeys('DEUTDEFFXXX')).toEqual(['bic:DEUTDEFF']);
    expect(queryIdentifierKeys('SWIFT: deutdeff')).toEqual(['bic:DEUTDEFF']);
    expect(queryIdentifierKeys('DEUT DE FF')).toEqual(['bic:DEUTDEFF']);
    expect(queryIdentifierKeys('business')).toEqual([]); // BIC-shaped (BUSI NE SS) but not written as one
    expect(queryIdentifierKeys('RA-82038')).toEqual(docs('RA82038')); // an aircraft tail number (OFAC files it as other)
    expect(queryIdentifierKeys('OB 0243318')).toEqual(docs('OB0243318'));
    expect(queryIdentifierKeys('passport AB123456')).toEqual(['passport:AB123456']);
    expect(queryIdentifierKeys('Passport No.: AB 123456')).toEqual(['passport:AB123456']);
    expect(queryIdentifierKeys('INN 7705445700')).toEqual(['tax-id:7705445700']);
    expect(queryIdentifierKeys('523-33-8386')).toEqual([...docs('523338386'), 'mmsi:523338386']);
    expect(queryIdentifierKeys('Info@Example.com')).toEqual(['email:info@example.com']);
  });

  it('gives names and generic numbers no keys', () => {
    expect(queryIdentifierKeys('Bank Melli Iran')).toEqual([]);
    expect(queryIdentifierKeys('ZHAO Guangzong')).toEqual([]);
    expect(queryIdentifierKeys('Innovation 123456')).toEqual([]);
    expect(queryIdentifierKeys('123456789')).toEqual([]);
    expect(queryIdentifierKeys('12345')).toEqual([]);
    expect(queryIdentifierKeys('')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Real lists

function readUn(): Target[] {
  const reader = createUnScXmlReader();
  return [...reader.write(readFileSync(sharedFile('un-sc-consolidated/consolidated.xml'), 'utf8')), ...reader.end()];
}

function readOfacSdn(): Target[] {
  const text = readFileSync(sharedFile('us-ofac-sdn/2024-05-03/sdn.csv'), 'latin1');
  return readOfacCsvSet([{ role: 'primary', name: 'sdn.csv', text }]).targets;
}

describe.skipIf(!HAS_SHARED_DATA)(titled('real lists: UN and OFAC SDN 2024-05-03'), () => {
  const lists = HAS_SHARED_DATA ? { un: readUn(), ofac: readOfacSdn() } : { un: [], ofac: [] };

  it('gives every IMO number a key, and their check digits validate', () => {
    const summary: Record<string, Record<string, number>> = {};
    for (const [name, targets] of Object.entries(lists)) {
      const c = { numbers: 0, keyed: 0, other: 0, vessels: 0, vesselsShipValid: 0, others: 0, othersCompanyValid: 0, failBoth: 0 };
      const failing: string[] = [];
      for (const target of targets) {
        for (const id of target.identifiers ?? []) {
          if (id.type !== 'imo') continue;
          c.numbers++;
          const key = identifierKey('imo', id.value);
          expect(key, `${target.id} ${id.value}`).toBeDefined();
          if (!key!.startsWith('imo:')) {
            c.other++;
            continue;
          }
          c.keyed++;
          const digits = key!.slice(4);
          // Ships carry ship numbers; companies (DPRK shipping firms, owners) carry IMO company numbers.
          if (target.kind === 'vessel') {
            c.vessels++;
            if (isValidImoShipNumber(digits)) c.vesselsShipValid++;
          } else {
            c.others++;
            if (isValidImoCompanyNumber(digits)) c.othersCompanyValid++;
          }
          if (!isValidImoNumber(digits)) {
            c.failBoth++;
            failing.push(`${target.id} ${id.value}`);
          }
        }
      }
      summary[name] = c;
      console.log(`${name}: ${JSON.stringify(c)}${failing.length ? ` failing: ${failing.join(', ')}` : ''}`);
    }
    expect(summary.un).toEqual({ numbers: 16, keyed: 16, other: 0, vessels: 0, vesselsShipValid: 0, others: 16, othersCompanyValid: 16, failBoth: 0 });
    // OFAC: 987 values, 3 of them not IMO numbers (`15411`, `RS 150443`, `RS 130280`, keyed other:).
    expect(summary.ofac).toEqual({
      numbers: 987,
      keyed: 984,
      other: 3,
      vessels: 846,
      vesselsShipValid: 846,
      others: 138,
      othersCompanyValid: 138,
      failBoth: 0,
    });
  });

  it('keys OFAC SWIFT/BIC codes, all with a known country', () => {
    const bics = lists.ofac.flatMap((t) => (t.identifiers ?? []).filter((i) => i.type === 'swift-bic'));
    expect(bics.length).toBe(162);
    expect(bics.filter((b) => identifierKey('swift-bic', b.value)?.startsWith('bic:')).length).toBe(162);
    expect(bics.filter((b) => !isValidBic(b.value)).map((b) => b.value)).toEqual([]);
  });

  it('finds labelled IMO numbers and BICs again in text made from the lists', () => {
    const vessels = lists.ofac.filter((t) => t.kind === 'vessel').slice(0, 200);
    const banks = lists.ofac.filter((t) => t.identifiers?.some((i) => i.type === 'swift-bic'));
    const expected: string[] = [];
    let text = '';
    for (const t of vessels) {
      const imo = t.identifiers?.find((i) => i.type === 'imo' && /^\d{7}$/.test(i.value));
      if (!imo) continue;
      text += `The vessel ${t.names[0]!.full} (IMO ${imo.value}) was sighted. `;
      expected.push(`imo:${imo.value}`);
    }
    for (const t of banks) {
      const bic = t.identifiers!.find((i) => i.type === 'swift-bic')!;
      text += `${t.names[0]!.full}, SWIFT/BIC ${bic.value}; `;
      expected.push(identifierKey('swift-bic', bic.value)!);
    }
    expect(findIdentifiersInText(text).map((h) => h.key)).toEqual(expected);
  });

  it('finds the 53 USDT addresses of OFAC entry 22985 in a paragraph', () => {
    const reader = createOfacSdnXmlReader();
    const xml = readFileSync(sharedFile('format-samples/us-ofac/SDN.sample.xml'), 'utf8');
    const target = [...reader.write(xml), ...reader.end()].find((t) => t.id === 'us-ofac-sdn:22985')!;
    const addresses = target.identifiers!.filter((i) => i.type === 'crypto');
    expect(addresses.length).toBe(53);
    expect(new Set(addresses.map((a) => a.chain))).toEqual(new Set(['USDT']));
    const separators = [', ', '; ', ' and ', ' (', ') ', '\n', '. ', ' — ', '"', ': '];
    let text = 'Investigators linked Cheil Credit Bank to the wallets ';
    addresses.forEach((a, i) => {
      text += a.value + separators[i % separators.length];
    });
    text += 'according to the designation notice.';
    const hits = findIdentifiersInText(text);
    expect(hits.map((h) => h.key)).toEqual(addresses.map((a) => identifierKey('crypto', a.value, a.chain)));
    for (const [i, hit] of hits.entries()) expect(text.slice(hit.start, hit.end)).toBe(addresses[i]!.value);
    // And each address typed into the search box finds its key.
    for (const a of addresses) expect(queryIdentifierKeys(a.value)).toEqual([identifierKey('crypto', a.value, a.chain)]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Speed and false positives on real pages

const PAGES = resolve(SHARED_DIR, 'corpus', 'pages');
const HAS_PAGES = existsSync(PAGES);

describe.skipIf(!HAS_PAGES)(HAS_PAGES ? 'real web pages' : `real web pages (${SHARED_SKIP_MESSAGE})`, () => {
  /** Page text, tags stripped crudely (scripts and styles dropped). */
  const texts = HAS_PAGES
    ? readdirSync(PAGES)
        .filter((f) => f.endsWith('.html'))
        .map((f) =>
          readFileSync(resolve(PAGES, f), 'utf8')
            .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
            .replace(/<[^>]*>/g, ' ')
            .replace(/&nbsp;/g, '\u00a0')
            .replace(/&amp;/g, '&'),
        )
    : [];

  it('finds nothing on 130 ordinary pages (speed is printed; npm run bench measures it)', () => {
    const chars = texts.reduce((n, t) => n + t.length, 0);
    const bytes = texts.reduce((n, t) => n + new TextEncoder().encode(t).length, 0);
    const hits = texts.flatMap((t) => findIdentifiersInText(t));
    expect(hits).toEqual([]);
    for (let i = 0; i < 2; i++) for (const t of texts) findIdentifiersInText(t); // warm up
    const rounds = 5;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) for (const t of texts) findIdentifiersInText(t);
    const seconds = (performance.now() - started) / 1000 / rounds;
    const mbPerSecond = bytes / 1e6 / seconds;
    console.log(
      `findIdentifiersInText: ${texts.length} pages, ${(chars / 1e6).toFixed(2)} M chars (${(bytes / 1e6).toFixed(2)} MB UTF-8) ` +
        `in ${(seconds * 1000).toFixed(1)} ms: ${mbPerSecond.toFixed(0)} MB/s`,
    );
  });
});
