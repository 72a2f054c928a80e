import { cryptoChainOf, extractCryptoAddresses, normalizeCryptoAddress } from '../formats/crypto';
import type { IdentifierType, Target } from '../model';

/**
 * Identifiers for the matching engine: exact keys, never fuzzy.
 *
 * Every identifier a list gives becomes one key, `<kind>:<normal form>`, and the same key is computed for what
 * is found in a page or typed into the search box, so matching is a Map lookup:
 *
 * - `crypto:` the address as `normalizeCryptoAddress` gives it (utils/formats/crypto.ts): EVM hex lower-case
 *   (EIP-55 case is only a checksum), bech32 / CashAddr lower-case, base58 (BTC legacy, Tron, XRP …) as
 *   written, since its case is significant. The chain is not part of the key: one EVM address is the same on
 *   every EVM chain, and lists disagree on labels (ETH, USDT, USDC …).
 * - `imo:` seven digits. Ship numbers carry a check digit (weights 7..2, sum mod 10); IMO company and
 *   registered-owner numbers, which lists also label "IMO", carry another (weights 8,6,4,2,9,7;
 *   (11 − sum mod 11) mod 10). Keys do not require either: lists have a few numbers that fail, and a page
 *   quoting the list must still match.
 * - `mmsi:` nine digits.
 * - `bic:` SWIFT/BIC upper-case, a BIC11 with branch `XXX` folded to its BIC8.
 * - `passport:`, `national-id:`, `tax-id:`, `company:`, `call-sign:`, `other:` the number upper-case with
 *   spaces, dashes, dots and slashes removed; at least 5 characters with a digit, and not all one character or
 *   a plain run like 1234567.
 * - `email:` lower-case; `website:` host (without `www.`) and path, lower-case. Phone numbers get no key.
 *
 * Pure TypeScript, no browser or Node APIs.
 */

export interface IdentifierKey {
  key: string;
  type: IdentifierType;
  value: string;
}

export interface IdentifierHit {
  /** Offsets in the JavaScript string: `text.slice(start, end)` is the identifier as written. */
  start: number;
  end: number;
  type: IdentifierType;
  /** The identifier: as written, except a split address joined and look-alike letters folded to Latin. */
  value: string;
  key: string;
}

const PREFIX: Record<IdentifierType, string> = {
  passport: 'passport',
  'national-id': 'national-id',
  'tax-id': 'tax-id',
  'company-number': 'company',
  imo: 'imo',
  mmsi: 'mmsi',
  'swift-bic': 'bic',
  crypto: 'crypto',
  email: 'email',
  phone: 'phone',
  website: 'website',
  'call-sign': 'call-sign',
  other: 'other',
};

/** Types whose values are document or registration numbers, compared by `documentNumber`. */
const DOCUMENT_TYPES: readonly IdentifierType[] = ['passport', 'national-id', 'tax-id', 'company-number', 'call-sign', 'other'];

/** The keys a bare number typed into the search box may stand for. */
const QUERY_DOCUMENT_TYPES: readonly IdentifierType[] = ['passport', 'national-id', 'company-number', 'tax-id', 'other'];

// ---------------------------------------------------------------------------------------------------------
// IMO numbers

/** True when seven digits carry a valid IMO ship number check digit (weights 7..2, sum mod 10). */
export function isValidImoShipNumber(digits: string): boolean {
  if (!/^\d{7}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += (digits.charCodeAt(i) - 48) * (7 - i);
  return sum % 10 === digits.charCodeAt(6) - 48;
}

/**
 * True when seven digits carry a valid IMO company / registered-owner number check digit
 * (weights 8,6,4,2,9,7; check = (11 − sum mod 11) mod 10). Found to hold for all 122 distinct
 * non-ship "IMO" numbers of the UN and OFAC SDN lists.
 */
export function isValidImoCompanyNumber(digits: string): boolean {
  if (!/^\d{7}$/.test(digits)) return false;
  const weights = [8, 6, 4, 2, 9, 7];
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += (digits.charCodeAt(i) - 48) * weights[i]!;
  return (11 - (sum % 11)) % 10 === digits.charCodeAt(6) - 48;
}

/** Either check digit holds. */
export function isValidImoNumber(digits: string): boolean {
  return isValidImoShipNumber(digits) || isValidImoCompanyNumber(digits);
}

/** `IMO 9123456`, `IMO No. 9123456`, `IMO: 9123456`, `IMO9123456`, `9123456` → `9123456`. */
export function imoDigits(value: string): string | undefined {
  const m = /^\s*(?:\(?IMO\)?[\s.:#-]*(?:(?:number|num|no|nr|n°|nº)(?![a-z])\.?[\s.:#-]*)?)?(\d{7})\s*$/i.exec(value);
  if (!m) return undefined;
  const digits = m[1]!;
  return /^(\d)\1{6}$/.test(digits) ? undefined : digits;
}

// ---------------------------------------------------------------------------------------------------------
// SWIFT / BIC

/** ISO 3166-1 alpha-2 codes, plus XK (Kosovo, used by SWIFT) and AN (Netherlands Antilles, in older lists). */
const COUNTRIES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO ' +
    'FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE ' +
    'JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO ' +
    'MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW ' +
    'PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM ' +
    'TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK AN'
  ).split(' '),
);

const BIC_SHAPE = /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;

/** A BIC upper-case without spaces, BIC11 `…XXX` folded to BIC8; undefined when not BIC-shaped. */
export function normalizeBic(value: string): string | undefined {
  const bic = value.replace(/[\s.-]+/g, '').toUpperCase();
  if (!BIC_SHAPE.test(bic)) return undefined;
  return bic.length === 11 && bic.endsWith('XXX') ? bic.slice(0, 8) : bic;
}

/** A well-formed BIC: 4 bank letters, an ISO country, 2 location characters, optional 3-character branch. */
export function isValidBic(value: string): boolean {
  const bic = normalizeBic(value);
  return !!bic && COUNTRIES.has(bic.slice(4, 6));
}

// ---------------------------------------------------------------------------------------------------------
// Document and registration numbers

/** Upper-case tokens that label a number rather than belong to it (`ID 12345`, `INN 7705445700`). */
const LABEL_TOKENS = new Set(['ID', 'NO', 'NR', 'N', 'NUM', 'INN', 'TIN', 'VAT', 'NIT', 'RUC', 'KPP', 'REG', 'PIN', 'NIF', 'CIF', 'RFC', 'SSN']);

/**
 * The number in a document value, upper-case with separators removed: `OB 0243318` → `OB0243318`,
 * `96 03 464086` → `9603464086`, `381110042 (Expired 25 Jan. 2016)` → `381110042`,
 * `national identity card number 44103-5251752-5` → `4410352517525`, `HRB 12345` → `HRB12345`.
 * The first group of tokens that makes a safe key wins (`8208 No. 555627` → `555627`). Undefined when
 * nothing safe remains.
 */
export function documentNumber(value: string): string | undefined {
  const text = value.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  for (const part of text.split(/[,;]/)) {
    if (!/\d/.test(part)) continue;
    const tokens = part.split(/\s+/).filter(Boolean);
    for (let first = 0; first < tokens.length; first++) {
      if (!/\d/.test(tokens[first]!)) continue;
      let start = first;
      // Letters before the digits that belong to the number (`OB 0243318`, `HE 242159`, `HRB 12345`).
      while (start > 0 && /^[A-Z]{1,3}[.-]?$/.test(tokens[start - 1]!) && !LABEL_TOKENS.has(tokens[start - 1]!.replace(/[.-]$/, ''))) {
        start--;
      }
      let end = first + 1;
      // Further groups of the same number: digits, or upper-case letters with digits (`96 03 464086`).
      while (end < tokens.length && /\d/.test(tokens[end]!) && !/\p{Ll}/u.test(tokens[end]!)) end++;
      const joined = tokens
        .slice(start, end)
        .join('')
        .replace(/^(?:No|no|NO|Nr|nr|Number|number|NUMBER)[.:#]+(?=\d)/, '')
        .replace(/[^\p{L}\p{N}]+/gu, '')
        .toUpperCase();
      if (joined.length >= 5 && joined.length <= 40 && /\d/.test(joined) && !isGeneric(joined)) return joined;
      first = end - 1;
    }
  }
  return undefined;
}

/** All one character (`0000000`) or a plain ascending or descending run of digits (`1234567`). */
function isGeneric(value: string): boolean {
  if (/^(.)\1*$/u.test(value)) return true;
  if (!/^\d+$/.test(value)) return false;
  const step = value.charCodeAt(1) - value.charCodeAt(0);
  if (step !== 1 && step !== -1) return false;
  for (let i = 2; i < value.length; i++) {
    const d = value.charCodeAt(i) - value.charCodeAt(i - 1);
    if (d !== step && !(step === 1 && value[i - 1] === '9' && value[i] === '0')) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Keys

const EVM_CHAINS = new Set(['ETH', 'ETC', 'BSC', 'BNB', 'ARB', 'MATIC', 'POL', 'AVAX', 'OP', 'BASE', 'USDC', 'USDT', 'FTM']);
const ADDRESS_SHAPE = /^[0-9A-Za-z]{20,130}$/;

function cryptoKey(value: string, chain?: string): string | undefined {
  let text = value.trim();
  if (/^bitcoincash:/i.test(text)) text = text.slice('bitcoincash:'.length);
  if (!/^[0-9A-Za-z]+$/.test(text)) {
    // Look-alike Cyrillic/Greek letters or an address broken by a space: keep it only when it validates.
    const found = extractCryptoAddresses(value);
    if (found.length !== 1) return undefined;
    text = found[0]!.value;
    if (/^bitcoincash:/i.test(text)) text = text.slice('bitcoincash:'.length);
  }
  if (!ADDRESS_SHAPE.test(text)) return undefined;
  // An EVM address listed without its 0x: the same key as with it.
  if (/^[0-9a-f]{40}$/i.test(text) && (!chain || EVM_CHAINS.has(chain.toUpperCase()))) text = `0x${text}`;
  return `crypto:${normalizeCryptoAddress(text, chain)}`;
}

function websiteKey(value: string): string | undefined {
  const m = /^\s*(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\d?\.)?([^\s/?#:]+)(?::\d+)?(\/[^\s?#]*)?/i.exec(value);
  if (!m) return undefined;
  const host = m[1]!.toLowerCase().replace(/\.$/, '');
  if (!/^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u.test(host)) return undefined;
  const path = (m[2] ?? '').replace(/\/+$/, '').toLowerCase();
  return `website:${host}${path}`;
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

/**
 * The exact-match key of an identifier, or undefined when the value is too short or too generic to match
 * safely (or is a phone number, out of scope). An IMO-typed value that is not seven digits (OFAC lists a few
 * Russian register numbers as "Vessel Registration Identification") is keyed as `other:`.
 */
export function identifierKey(type: IdentifierType, value: string, chain?: string): string | undefined {
  if (!value) return undefined;
  switch (type) {
    case 'crypto':
      return cryptoKey(value, chain);
    case 'imo': {
      const digits = imoDigits(value);
      if (digits) return `imo:${digits}`;
      if (/^\s*\d{7}\s*$/.test(value)) return undefined; // all one digit
      const other = documentNumber(value.replace(/^\s*IMO\b[\s.:#-]*/i, ''));
      return other ? `other:${other}` : undefined;
    }
    case 'mmsi': {
      const digits = value.replace(/[\s.-]+/g, '');
      return /^\d{9}$/.test(digits) && !isGeneric(digits) ? `mmsi:${digits}` : undefined;
    }
    case 'swift-bic': {
      const bic = normalizeBic(value.replace(/^\s*(?:SWIFT|BIC)[\s/:]*(?:BIC|SWIFT)?[\s:]*/i, ''));
      return bic ? `bic:${bic}` : undefined;
    }
    case 'email': {
      const email = value.trim().replace(/^mailto:/i, '').toLowerCase();
      return EMAIL.test(email) ? `email:${email}` : undefined;
    }
    case 'website':
      return websiteKey(value);
    case 'phone':
      return undefined;
    default: {
      if (!DOCUMENT_TYPES.includes(type)) return undefined;
      const number = documentNumber(value);
      return number ? `${PREFIX[type]}:${number}` : undefined;
    }
  }
}

/** Every distinct key of a target's identifiers, with the identifier it came from. */
export function targetIdentifierKeys(target: Target): IdentifierKey[] {
  const out: IdentifierKey[] = [];
  const seen = new Set<string>();
  for (const identifier of target.identifiers ?? []) {
    const key = identifierKey(identifier.type, identifier.value, identifier.chain);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push({ key, type: identifier.type, value: identifier.value });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Finding identifiers in text

/**
 * One scan finds every candidate: a run of 13+ letters/digits not preceded by one (an address or one half of
 * an address broken over two lines; Greek and Cyrillic letters included for look-alike folding), or an
 * IMO / SWIFT / BIC label. Ordinary prose has few of either, so the rest of the work is rare.
 */
const SCAN = /(?<![0-9A-Za-z\u0370-\u03ff\u0400-\u052f])(?:(?:bitcoincash:)?[0-9A-Za-z\u0370-\u03ff\u0400-\u052f]{13,}|(?:IMO|SWIFT|BIC)s?(?![A-Za-z]))/gi;

const MAX_ADDRESS = 130;

/**
 * Characters SCAN reads as letters that are no letters, digits or marks (a page reader's words
 * then do not hold every match): Greek and Cyrillic punctuation and signs in SCAN's ranges. (The
 * codes outside them the case-blind class takes in — µ, U+0345, U+1C80–U+1C88, U+1FBE — are letters
 * or marks: see the unit tests.) A page with one is searched whole.
 */
export function breaksScanWords(c: number): boolean {
  return c >= 0x370 && c <= 0x52f;
}
const ASCII_RUN = /^[0-9A-Za-z]+$/;

/** The next run of 6+ characters after a token, across a short gap of spaces or a line break. */
const NEXT_FRAGMENT = /[ \t\r\n\u00a0]{1,8}([0-9A-Za-z]{6,})(?![0-9A-Za-z\u0370-\u03ff\u0400-\u052f])/y;
const HAS_DIGIT = /\d/;

function isGap(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * The run of 6+ ASCII letters/digits before `at` across a short gap of spaces or a line break (1–8
 * characters), not reaching back before `floor`. Reads backwards from `at` only (a few characters).
 */
function fragmentBefore(text: string, at: number, floor: number): { start: number; value: string } | undefined {
  let i = at;
  while (i > floor && at - i < 8 && isGap(text.charCodeAt(i - 1))) i--;
  if (i === at || (i > floor && isGap(text.charCodeAt(i - 1)))) return undefined;
  const runEnd = i;
  while (i > floor && runEnd - i <= MAX_ADDRESS && isAsciiAlnum(text.charCodeAt(i - 1))) i--;
  if (runEnd - i < 6 || runEnd - i > MAX_ADDRESS) return undefined;
  // The run must begin there, not continue with a letter of another script.
  if (i > 0 && /[\u0370-\u03ff\u0400-\u052f]/.test(text[i - 1]!)) return undefined;
  return { start: i, value: text.slice(i, runEnd) };
}

// After "IMO": `9123456`, `: 9123456`, ` No. 9123456`, ` number: 9123456`, `) number 9123456`, `#9123456`.
const IMO_LABELLED = /\)?[ \t\u00a0]*(?:[.:#-][ \t\u00a0]*)?(?:(?:[Nn]umbers?|NUMBERS?|[Nn][Oo]s?|[Nn][Rr]|[Nn][°º])\.?[ \t\u00a0]*(?:[.:#-][ \t\u00a0]*)?)?(\d{7})(?![0-9])/y;
// After "IMO" and some words (`IMO numbers of the vessels: 9123456`): the check digit must hold.
const IMO_NEAR = /[^0-9.;\n]{1,40}?(?<![0-9])(\d{7})(?![0-9])/y;
// A list after a labelled number: `, 9234567`, ` and 9345678`, `; 9456789`, ` / 9567890`.
const IMO_MORE = /[ \t\u00a0]*(?:[,;/&]|and|or|AND|OR)[ \t\u00a0]*(\d{7})(?![0-9])/y;

// After "SWIFT" / "BIC": `/BIC`, ` code`, `:` then the code, upper-case (compact or spaced in its groups).
// The label's last word is captured: only a plural label (`SWIFT codes:`, `BICs`) introduces a list.
const BIC_CODE = '([A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?|[A-Z]{4} [A-Z]{2} [A-Z0-9]{2}(?: [A-Z0-9]{3})?)(?![0-9A-Za-z])';
const BIC_LABELLED = new RegExp(
  '(?:[ \\t\\u00a0]*[/-]?[ \\t\\u00a0]*(BICs?|SWIFTs?|[Bb]ics?|[Ss]wifts?))?' +
    '(?:[ \\t\\u00a0]+([Cc]odes?|CODES?|[Aa]ddress(?:es)?|ADDRESS(?:ES)?|[Nn]os?\\.?|NOS?\\.?|[Nn]umbers?|NUMBERS?|IDs?|[Ii]ds?))?' +
    '[ \\t\\u00a0]*(?:[:#=-][ \\t\\u00a0]*)?\\(?' +
    BIC_CODE,
  'y',
);
const BIC_MORE = new RegExp('[ \\t\\u00a0]*(?:[,;/&]|and|or)[ \\t\\u00a0]*' + BIC_CODE, 'y');

function isAsciiRun(value: string): boolean {
  return ASCII_RUN.test(value);
}

/**
 * Where SCAN can match in a text, as its reader found (tokenizeText): the starts, in order, of
 * every word that may hold a match (13 characters or more, or a label in it). A match of SCAN lies
 * inside a word of letters, digits and marks, so the text between these words is not searched.
 */
export interface IdentifierCandidates {
  starts: number[];
  ends: number[];
  count: number;
}

/**
 * Crypto addresses, labelled IMO numbers and labelled SWIFT/BIC codes in a text, in order. With
 * `candidates`, SCAN is run only from each candidate word on (the same matches: none lies between).
 */
export function findIdentifiersInText(text: string, candidates?: IdentifierCandidates): IdentifierHit[] {
  const out: IdentifierHit[] = [];
  // The shortest thing found is a label and a number: `IMO9123456`, `BIC ABCDEFGH`.
  if (text.length < 10) return out;
  const scan = SCAN;
  scan.lastIndex = 0;
  /** Text before this offset was already taken (a fragment joined to the token before it). */
  let taken = 0;
  let next = 0;
  const nextMatch = (): RegExpExecArray | null => {
    if (!candidates) return scan.exec(text);
    while (next < candidates.count && candidates.ends[next]! <= scan.lastIndex) next++;
    if (next >= candidates.count) return null;
    // (Past a candidate word that holds no match, exec goes on to the next match anyway.)
    if (candidates.starts[next]! > scan.lastIndex) scan.lastIndex = candidates.starts[next]!;
    return scan.exec(text);
  };
  for (let m = nextMatch(); m; m = nextMatch()) {
    const token = m[0];
    const start = m.index;
    const end = start + token.length;
    if (token.length <= 6) {
      const label = token.toUpperCase();
      const stop = label.startsWith('IMO')
        ? findImo(text, end, out, token.startsWith('IMO'))
        : findBic(text, end, out, label.endsWith('S'));
      // Past what the label took (`SWIFT/BIC: …` must not be read again from `BIC`).
      if (stop > scan.lastIndex) scan.lastIndex = stop;
      continue;
    }
    if (token.length > MAX_ADDRESS + 12) continue;
    const ascii = isAsciiRun(token);
    if (ascii || /^bitcoincash:[0-9a-z]+$/i.test(token)) {
      const chain = token.length >= 25 ? cryptoChainOf(token) : undefined;
      if (chain) {
        out.push({ start, end, type: 'crypto', value: token, key: `crypto:${normalizeCryptoAddress(token, chain)}` });
        continue;
      }
      if (!ascii) continue;
      // One half of an address broken over two lines: try the run before, then the run after. Every
      // address has a digit in its prefix (0x, bc1, ltc1, addr1, Monero 4/8) or, base58, almost surely
      // (all but 0.4%) somewhere: joins without one are not tried, which keeps long prose words cheap.
      const tokenHasDigit = HAS_DIGIT.test(token);
      if (start > taken) {
        const before = fragmentBefore(text, start, taken);
        if (before && (tokenHasDigit || HAS_DIGIT.test(before.value)) && before.value.length + token.length <= MAX_ADDRESS) {
          const joined = before.value + token;
          const chain = joined.length >= 25 ? cryptoChainOf(joined) : undefined;
          if (chain && !(before.value.length >= 25 && cryptoChainOf(before.value))) {
            out.push({ start: before.start, end, type: 'crypto', value: joined, key: `crypto:${normalizeCryptoAddress(joined, chain)}` });
            taken = end;
            continue;
          }
        }
      }
      NEXT_FRAGMENT.lastIndex = end;
      const after = NEXT_FRAGMENT.exec(text);
      if (after && (tokenHasDigit || HAS_DIGIT.test(after[1]!)) && token.length + after[1]!.length <= MAX_ADDRESS) {
        const joined = token + after[1]!;
        const chain = cryptoChainOf(joined);
        if (chain && !(after[1]!.length >= 25 && cryptoChainOf(after[1]!))) {
          const stop = end + after[0].length;
          out.push({ start, end: stop, type: 'crypto', value: joined, key: `crypto:${normalizeCryptoAddress(joined, chain)}` });
          taken = stop;
          scan.lastIndex = stop;
        }
      }
      continue;
    }
    // Cyrillic or Greek letters among Latin ones: an address typed (or copied) with look-alikes.
    if (token.length < 25 || token.length > MAX_ADDRESS || !/[0-9A-Za-z]/.test(token)) continue;
    const found = extractCryptoAddresses(token);
    if (found.length === 1 && found[0]!.note === 'homoglyph') {
      const value = found[0]!.value;
      out.push({ start, end, type: 'crypto', value, key: `crypto:${normalizeCryptoAddress(value, found[0]!.chain)}` });
    }
  }
  if (out.length > 1) out.sort((a, b) => a.start - b.start);
  return out;
}

function pushImo(out: IdentifierHit[], digits: string, start: number): void {
  if (/^(\d)\1{6}$/.test(digits)) return;
  out.push({ start, end: start + 7, type: 'imo', value: digits, key: `imo:${digits}` });
}

/**
 * After an "IMO" label ending at `at`: the labelled number and any list of numbers following it.
 * Returns where the reading stopped.
 */
function findImo(text: string, at: number, out: IdentifierHit[], capitals: boolean): number {
  IMO_LABELLED.lastIndex = at;
  let m = IMO_LABELLED.exec(text);
  let next: number;
  if (m) {
    // Labelled right before it: taken whatever its check digit (lists have a few numbers that fail).
    pushImo(out, m[1]!, IMO_LABELLED.lastIndex - 7);
    next = IMO_LABELLED.lastIndex;
  } else {
    // Words away from the label only after "IMO" in capitals ("Imo State" is in Nigeria).
    if (!capitals) return at;
    IMO_NEAR.lastIndex = at;
    m = IMO_NEAR.exec(text);
    if (!m || !isValidImoNumber(m[1]!)) return at;
    pushImo(out, m[1]!, IMO_NEAR.lastIndex - 7);
    next = IMO_NEAR.lastIndex;
  }
  for (;;) {
    IMO_MORE.lastIndex = next;
    const more = IMO_MORE.exec(text);
    if (!more || !isValidImoNumber(more[1]!)) return next;
    pushImo(out, more[1]!, IMO_MORE.lastIndex - 7);
    next = IMO_MORE.lastIndex;
  }
}

function pushBic(out: IdentifierHit[], written: string, end: number): boolean {
  const bic = normalizeBic(written);
  if (!bic || !COUNTRIES.has(bic.slice(4, 6))) return false;
  out.push({ start: end - written.length, end, type: 'swift-bic', value: written.replace(/ /g, ''), key: `bic:${bic}` });
  return true;
}

/**
 * After a "SWIFT" or "BIC" label ending at `at`: the code, and the codes listed after it when the label
 * is plural. Returns where the reading stopped.
 */
function findBic(text: string, at: number, out: IdentifierHit[], plural: boolean): number {
  BIC_LABELLED.lastIndex = at;
  const m = BIC_LABELLED.exec(text);
  if (!m || !pushBic(out, m[3]!, BIC_LABELLED.lastIndex)) return at;
  let next = BIC_LABELLED.lastIndex;
  // `SWIFT: DEUTDEFF; SBERBANK …` is one code and a name in capitals; `SWIFT codes: A, B` is a list.
  const lastWord = m[2] ?? m[1] ?? '';
  if (!(lastWord ? /[sS]\.?$/.test(lastWord) && !/^address$/i.test(lastWord) : plural)) return next;
  for (;;) {
    BIC_MORE.lastIndex = next;
    const more = BIC_MORE.exec(text);
    if (!more || !pushBic(out, more[1]!, BIC_MORE.lastIndex)) return next;
    next = BIC_MORE.lastIndex;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Search box

/** A label typed before a number, and the only types it may then be. */
const QUERY_LABELS: [RegExp, IdentifierType[]][] = [
  [/^passport(?![a-z])/i, ['passport']],
  [/^(?:national\s+id(?:entity|entification)?(?:\s+card)?|id\s+card|identity\s+card)(?![a-z])/i, ['national-id']],
  [/^(?:company|registration|reg\.|business\s+registration|ogrn)(?![a-z])/i, ['company-number']],
  [/^(?:tax(?:\s+id)?|tin|inn|vat|nit|ruc)(?![a-z])/i, ['tax-id']],
  [/^mmsi(?![a-z])/i, ['mmsi']],
  [/^call[\s-]*sign(?![a-z])/i, ['call-sign']],
];
const QUERY_LABEL_TAIL = /^(?:\s*(?:number|no\.?|nr\.?|#))?\s*[:#]?\s*/i;

/**
 * The keys to look up for what a user typed: an address, `IMO 9123456` (or seven digits whose IMO check
 * digit holds), a BIC (`SWIFT: DEUTDEFF`), an e-mail, a website, or a document number (`AB 123456`, with
 * or without a label such as "passport"). A bare number gets its passport, national id, company, tax id and
 * other keys, since lists file the same number under different labels. Names give no keys.
 */
export function queryIdentifierKeys(query: string): string[] {
  const keys = new Set<string>();
  const add = (key: string | undefined) => {
    if (key) keys.add(key);
  };
  const text = query.trim().replace(/\s+/g, ' ');
  if (!text || text.length > 200) return [];

  // An address (validated, or at least shaped like one: lists have a few that fail their checksum).
  const compact = text.replace(/^bitcoincash:/i, '');
  if ((/^(?:0x)?[0-9A-Za-z]{25,130}$/.test(compact) && /[A-Za-z]/.test(compact.slice(2))) || (!/^[\x20-\x7e]*$/.test(text) && !/\s/.test(text))) {
    add(identifierKey('crypto', text));
  } else if (/\s/.test(text) && text.length >= 25) {
    const found = extractCryptoAddresses(text);
    for (const address of found) add(identifierKey('crypto', address.value, address.chain));
    if (found.length) return [...keys];
  }
  if (keys.size) return [...keys];

  if (text.includes('@') && !/\s/.test(text)) {
    add(identifierKey('email', text));
    return [...keys];
  }
  if (/^(?:https?:\/\/|www\.)/i.test(text)) {
    add(identifierKey('website', text));
    return [...keys];
  }

  // IMO, labelled or not.
  const labelledImo = /^\(?IMO\)?(?![a-z])/i.test(text);
  const imo = imoDigits(text);
  if (labelledImo) {
    if (imo) add(`imo:${imo}`);
    return [...keys];
  }
  if (imo && isValidImoNumber(imo)) add(`imo:${imo}`);

  // SWIFT/BIC, labelled or shaped like one.
  const labelledBic = /^(?:SWIFT|BIC)(?![a-z])/i.exec(text);
  if (labelledBic) {
    const bic = normalizeBic(text.replace(/^(?:SWIFT|BIC)(?:\s*[/-]\s*(?:BIC|SWIFT))?(?:\s+code)?\s*:?\s*/i, ''));
    if (bic) add(`bic:${bic}`);
    return [...keys];
  }
  // Unlabelled, a BIC is taken as BICs are written, in capitals (`business` is BIC-shaped: BUSI NE SS).
  if (/^[A-Z]{4} ?[A-Z]{2} ?[A-Z0-9]{2}(?: ?[A-Z0-9]{3})?$/.test(text) && isValidBic(text)) {
    add(identifierKey('swift-bic', text));
  }

  // Document and registration numbers.
  for (const [label, types] of QUERY_LABELS) {
    const m = label.exec(text);
    if (m) {
      const afterLabel = text.slice(m[0].length);
      const rest = afterLabel.slice(QUERY_LABEL_TAIL.exec(afterLabel)![0].length);
      if (!rest) return [];
      for (const type of types) add(identifierKey(type, rest));
      return [...keys];
    }
  }
  const bare = text.replace(/[\s.\-/]+/g, '');
  if (/^[\p{L}\p{N}]{6,20}$/u.test(bare) && /\d/.test(bare) && bare.length <= 20) {
    const number = documentNumber(text);
    if (number) for (const type of QUERY_DOCUMENT_TYPES) keys.add(`${PREFIX[type]}:${number}`);
    if (/^\d{9}$/.test(bare)) add(identifierKey('mmsi', bare));
  }
  return [...keys];
}

/** The key prefix of each identifier type (`company-number` → `company`, `swift-bic` → `bic`). */
export function identifierKeyPrefix(type: IdentifierType): string {
  return PREFIX[type];
}
