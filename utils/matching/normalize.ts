import anyAscii from 'any-ascii';

/**
 * Names to comparable tokens. Real lists and pages carry accents, curly quotes, "SURNAME, Given",
 * titles, company forms in many languages and names in other scripts; all of that is folded here
 * so that matching compares only what tells names apart.
 */

/** Letters that NFKD does not decompose. */
const FOLDS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', ı: 'i', þ: 'th', ħ: 'h', ŀ: 'l', ŧ: 't', ſ: 's',
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g');

/** Apostrophes and quote-like marks inside names (O'Brien, Naval'nyy, Ma’ruf) join, not split. */
const APOSTROPHES = /['’‘`´ʼʻ\u02bf\u02be]/g;

/** Honorifics and titles: never part of who someone is. */
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend',
  'sheikh', 'shaikh', 'sheik', 'shaykh', 'haji', 'hajji', 'hadji', 'mullah', 'mulla', 'maulana', 'maulvi', 'mawlawi',
  'qari', 'imam', 'emir', 'amir', 'general', 'gen', 'colonel', 'col', 'major', 'maj', 'captain', 'capt', 'lieutenant',
  'lt', 'brigadier', 'admiral', 'president', 'presidente', 'prasident', 'predsjednik', 'presedintele', 'presiden',
  'minister', 'senator', 'governor', 'judge', 'herr', 'frau', 'monsieur', 'madame', 'senor', 'senora', 'don', 'dona',
  'gospodin', 'excellency', 'his', 'her', 'hon', 'honourable', 'honorable', 'elnok', 'jr', 'sr',
]);

/**
 * Company legal forms in many languages. They are a class, not a discriminating word: "ACME LLC" is
 * "Acme Limited". Multi-token forms (s a, l l c, sdn bhd, co ltd) are joined first.
 */
export const COMPANY_FORMS = new Set([
  'ltd', 'limited', 'llc', 'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'plc', 'pjsc', 'ojsc',
  'cjsc', 'jsc', 'pao', 'oao', 'zao', 'ooo', 'ao', 'tov', 'pat', 'prat', 'gmbh', 'ag', 'kg', 'ug', 'se', 'sa', 'sas',
  'sarl', 'srl', 'spa', 'sl', 'bv', 'nv', 'ab', 'as', 'asa', 'aps', 'oy', 'oyj', 'kk', 'pte', 'pty', 'llp', 'lp',
  'fze', 'fzco', 'fzc', 'fzllc', 'dmcc', 'sdnbhd', 'bhd', 'tbk', 'pt', 'ltda', 'cia', 'sac', 'saa', 'cv', 'sc',
  'doo', 'dd', 'ad', 'ead', 'eood', 'ood', 'as', 'sro', 'spzoo', 'zrt', 'kft', 'nyrt', 'uab', 'sia', 'ou',
  'establishment', 'est', 'holding', 'holdings', 'group', 'groupe', 'gruppa', 'trading', 'enterprise', 'enterprises',
  'firm', 'partnership', 'lda', 'sae', 'wll', 'sal', 'spc', 'lc', 'gk', 'yk', 'youxian', 'gongsi', 'youxiangongsi',
  'zerengongsi', 'obshchestvo', 'ogranichennoy', 'otvetstvennostyu', 'tovarystvo', 'aktsionernoe', 'publichnoe',
]);

/**
 * Kinds of legal entity the forms stand for. One name under two kinds (a GmbH and an AG, a Ltd and
 * an Inc) is two legal entities, sisters in one group at most. Forms that say only "a company"
 * (co, company, group, holding, trading …) belong to no kind and never disagree.
 */
const FORM_KINDS: Record<string, string[]> = {
  // Private companies with limited liability, in many jurisdictions.
  limited: [
    'ltd', 'limited', 'llc', 'gmbh', 'ug', 'sarl', 'srl', 'sl', 'bv', 'ooo', 'tov', 'doo', 'sro', 'spzoo', 'kft',
    'ltda', 'lda', 'aps', 'pty', 'pte', 'sdnbhd', 'bhd', 'fzllc', 'fze', 'fzco', 'fzc', 'wll', 'eood', 'ood', 'lc',
    'spc', 'yk', 'uab', 'sia', 'ou', 'youxiangongsi', 'zerengongsi',
  ],
  // Stock corporations, public or closed.
  stock: [
    'ag', 'sa', 'spa', 'sas', 'nv', 'ab', 'asa', 'oyj', 'kk', 'plc', 'jsc', 'ojsc', 'cjsc', 'pjsc', 'pao', 'oao', 'zao',
    'ao', 'pat', 'prat', 'ad', 'ead', 'dd', 'zrt', 'nyrt', 'tbk', 'sae', 'sal', 'saa', 'sac', 'se',
  ],
  // North American corporations.
  corporation: ['inc', 'incorporated', 'corp', 'corporation'],
  partnership: ['lp', 'llp', 'kg', 'partnership'],
};
const FORM_KIND = new Map<string, string>();
for (const [kind, forms] of Object.entries(FORM_KINDS)) for (const form of forms) FORM_KIND.set(form, kind);

/** The kind of legal entity a form stands for; undefined for forms that say only "a company". */
export function legalFormKind(form: string): string | undefined {
  return FORM_KIND.get(form);
}

/** Edit distance with adjacent transpositions as one edit; max + 1 as soon as it exceeds max. */
export function levenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // One row, reused by every call (pages and queries compare words by the hundred thousand).
  if (levenshteinRow.length <= b.length) levenshteinRow = new Int32Array(b.length + 32);
  const prev = levenshteinRow;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    const caBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    let diag = prev[0]!;
    prev[0] = i;
    let left = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      const cb = b.charCodeAt(j - 1);
      let d = ca === cb ? diag : diag + 1;
      if (up + 1 < d) d = up + 1;
      if (left + 1 < d) d = left + 1;
      // Transposition ("Mohmamed"): one edit, not two.
      if (ca !== cb && j > 1 && ca === b.charCodeAt(j - 2) && caBefore === cb && diag < d) d = diag;
      prev[j] = d;
      left = d;
      diag = up;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
  }
  return prev[b.length]!;
}
let levenshteinRow = new Int32Array(64);

/**
 * The words legal forms are written out in. Company registers and lists truncate long names
 * ("JOINT STOCK COMPAN") and people misspell them ("Aktiengeselschaft", "Joynt"): such a word is
 * read as the form word before the forms are folded.
 */
const FORM_WORDS = [
  'aktiengesellschaft', 'gesellschaft', 'beschrankter', 'haftung', 'joint', 'stock', 'company', 'limited', 'liability',
  'partnership', 'public', 'closed', 'corporation', 'incorporated', 'societe', 'anonyme', 'sociedad', 'anonima',
  'societa', 'azioni', 'societatea', 'raspundere', 'limitata', 'obshchestvo', 'ogranichennoy', 'otvetstvennostyu',
  'aktsionernoe', 'publichnoe', 'sendirian', 'berhad', 'establishment', 'enterprise', 'enterprises', 'holding',
  'holdings',
];
const FORM_WORD_SET = new Set(FORM_WORDS);

/**
 * Word lengths that can be read as a form word, as bits, by the word's first letter (its character
 * code): within the edits asFormWord allows of a form word's length, and for a last word the lengths
 * of a truncated form word too. A word of another length stays itself without a look at the forms.
 */
const FORM_WORD_LENGTHS: number[] = [];
const LAST_FORM_WORD_LENGTHS: number[] = [];
for (const form of FORM_WORDS) {
  const first = form.charCodeAt(0);
  const allowed = form.length >= 10 ? 2 : 1;
  let inner = FORM_WORD_LENGTHS[first] ?? 0;
  for (let length = form.length - allowed; length <= form.length + allowed; length++) inner |= 1 << length;
  FORM_WORD_LENGTHS[first] = inner;
  let last = (LAST_FORM_WORD_LENGTHS[first] ?? 0) | inner;
  for (let length = Math.max(6, Math.ceil(0.75 * form.length)); length <= form.length; length++) last |= 1 << length;
  LAST_FORM_WORD_LENGTHS[first] = last;
}
/** Abbreviated organisation words as written in names ("First Bank Int'l"), to the whole word. */
// A Map, not an object: looking a fresh string up as a property name interns it first.
const ORGANISATION_ABBREVIATIONS = new Map<string, string>([
  ['intl', 'international'], ['natl', 'national'], ['mfg', 'manufacturing'], ['bros', 'brothers'], ['assn', 'association'],
  ['assoc', 'association'], ['dept', 'department'], ['govt', 'government'], ['univ', 'university'], ['inst', 'institute'],
]);
/** asFormWord of words of five letters or more without a digit, for a word inside a name and a last word. */
const formWordCache = new Map<string, string>();
const lastFormWordCache = new Map<string, string>();

/** A word read as the form word it misspells or truncates, or as itself. */
function asFormWord(word: string, last: boolean): string {
  const whole = ORGANISATION_ABBREVIATIONS.get(word);
  if (whole !== undefined) return whole;
  if (word.length < 5) return word;
  const lengths = (last ? LAST_FORM_WORD_LENGTHS : FORM_WORD_LENGTHS)[word.charCodeAt(0)];
  if (lengths === undefined || word.length > 30 || !((lengths >>> word.length) & 1)) return word;
  // Asked before the checks below: the caches hold only words that passed them.
  const cache = last ? lastFormWordCache : formWordCache;
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  if (FORM_WORD_SET.has(word) || hasDigit(word)) return word;
  let value = word;
  for (const form of FORM_WORDS) {
    if (form[0] !== word[0]) continue;
    // One edit in a word of five letters or more, two from ten (the longest forms).
    const allowed = form.length >= 10 ? 2 : 1;
    if (Math.abs(form.length - word.length) <= allowed && levenshtein(word, form, allowed) <= allowed) {
      value = form;
      break;
    }
    // A truncated last word: most of a form word, cut off.
    if (last && word.length >= 6 && word.length >= 0.75 * form.length && form.startsWith(word)) {
      value = form;
      break;
    }
  }
  if (cache.size > 100_000) cache.clear();
  cache.set(word, value);
  return value;
}

/**
 * A word of plain letters that nameTokens keeps as it is, for a name of the kind: not a number
 * word, nor (for organisations) a roman numeral, an abbreviation or a misspelt or cut-off legal
 * form word, which it rewrites.
 */
export function foldsAsItself(word: string, person: boolean): boolean {
  let known = foldsAsItselfCache.get(word);
  if (known === undefined) {
    const plain = /^[a-z]+$/.test(word) && !NUMBER_WORDS.has(word);
    const inOrganisation =
      plain && !/^[ivxlcdm]+$/.test(word) && !ORGANISATION_ABBREVIATIONS.has(word) && asFormWord(word, false) === word && asFormWord(word, true) === word;
    known = (plain ? 1 : 0) | (inOrganisation ? 2 : 0);
    // Bounded: pages bring endless new words.
    if (foldsAsItselfCache.size > 100_000) foldsAsItselfCache.clear();
    foldsAsItselfCache.set(word, known);
  }
  return (known & (person ? 1 : 2)) !== 0;
}
const foldsAsItselfCache = new Map<string, number>();

/** What asFormWords found: a word was read as a form word; JOINED_FORMS may match. */
const FORM_WORD_READ = 1;
const MAY_JOIN_FORM = 2;

/**
 * The words of a folded name read as form words (asFormWord), in place. Also whether a spaced legal
 * form may follow, from the words as read (see JOINED_FORM_PREFIXES).
 */
function asFormWords(words: string[]): number {
  let found = 0;
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    const form = asFormWord(word, k === words.length - 1);
    if (form !== word) {
      words[k] = form;
      found |= FORM_WORD_READ;
    }
  }
  for (let k = 0; k + 1 < words.length; k++) {
    const word = words[k]!;
    if (JOINED_FORM_PREFIXES.has(word) && JOINED_FORM_PREFIXES.has(word + words[k + 1]!)) found |= MAY_JOIN_FORM;
  }
  return found;
}

/** SPELLED_FORMS that may match the words, as bits (bit i: SPELLED_FORMS[i]): their first two words are there. */
function spelledFormsIn(words: readonly string[]): number {
  let found = 0;
  for (let k = 0; k < words.length; k++) {
    const starts = SPELLED_FORM_STARTS.get(words[k]!);
    if (!starts) continue;
    for (const { second, bit } of starts) if (second === '' || second === words[k + 1]) found |= bit;
  }
  return found;
}

/** Legal forms written out in words, to their short form. */
const SPELLED_FORMS: [RegExp, string][] = [
  [/\bpublic joint stock company\b/g, 'pjsc'],
  [/\bopen joint stock company\b/g, 'ojsc'],
  [/\bclosed joint stock company\b/g, 'cjsc'],
  [/\bjoint stock company\b/g, 'jsc'],
  [/\blimited liability company\b/g, 'llc'],
  [/\blimited liability partnership\b/g, 'llp'],
  [/\blimited partnership\b/g, 'lp'],
  [/\bpublic limited company\b/g, 'plc'],
  [/\bgesellschaft mit beschrankter haftung\b/g, 'gmbh'],
  [/\baktiengesellschaft\b/g, 'ag'],
  [/\bsocietatea cu raspundere limitata\b/g, 'srl'],
  [/\bsociedad anonima\b/g, 'sa'],
  [/\bsociete anonyme\b/g, 'sa'],
  [/\bsocieta per azioni\b/g, 'spa'],
  [/\bobshchestvo s ogranichennoy otvetstvennostyu\b/g, 'ooo'],
  [/\baktsionernoe obshchestvo\b/g, 'ao'],
  [/\bpublichnoe aktsionernoe obshchestvo\b/g, 'pao'],
  [/\byou xian ze ren gong si\b|\byou xian gong si\b/g, 'youxiangongsi'],
  [/\bsendirian berhad\b/g, 'sdnbhd'],
  [/\bg m b h\b/g, 'gmbh'],
  [/\bp l c\b/g, 'plc'],
];

const NUMBER_WORDS = new Map<string, number>(Object.entries({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
}));

/** Number words (a Map: a plain object's `in` would also see Object.prototype's "constructor"). */
const NUMBER_WORD_SET = new Set(NUMBER_WORDS.keys());
const TENS = new Set(['twenty', 'thirty', 'forty', 'fourty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']);

/** text.split(' '), without the runtime call (several times faster for a name's few words), in an array of its own length. */
function splitWords(text: string): string[] {
  let count = 1;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) count++;
  const words = new Array<string>(count);
  let start = 0;
  for (let k = 0; k < count - 1; k++) {
    const end = text.indexOf(' ', start);
    words[k] = text.slice(start, end);
    start = end + 1;
  }
  words[count - 1] = text.slice(start);
  return words;
}

/**
 * "forty four" → "44", "1st" → "1", "first" → "1": numbers compare as numbers. `words` are the words
 * of `folded` (one space between): each replacement is made only when the words can hold its
 * pattern (ordinals need a digit, "forty four" a tens word, "first" a number word; a replacement
 * makes no number word of another).
 */
function numbersAsDigits(folded: string, words: readonly string[]): string {
  let digits = false;
  let tens = false;
  let numberWords = false;
  for (const word of words) {
    if (NUMBER_WORD_SET.has(word)) {
      numberWords = true;
      if (TENS.has(word)) tens = true;
    } else if (!digits && hasDigit(word)) digits = true;
  }
  let out = folded;
  if (digits) out = out.replace(/\b(\d+)(?:st|nd|rd|th)\b/g, '$1');
  if (tens) {
    out = out
      .replace(/\b(twenty|thirty|fou?rty|fifty|sixty|seventy|eighty|ninety) (one|two|three|four|five|six|seven|eight|nine)\b/g, (_, t: string, u: string) => String(NUMBER_WORDS.get(t)! + NUMBER_WORDS.get(u)!))
      .replace(/\b(twenty|thirty|fou?rty|fifty|sixty|seventy|eighty|ninety) (\d)\b/g, (_, t: string, u: string) => String(NUMBER_WORDS.get(t)! + Number(u)));
  }
  if (numberWords) out = out.replace(/\b[a-z]+\b/g, (w) => (NUMBER_WORDS.has(w) && w !== 'second' ? String(NUMBER_WORDS.get(w)) : w));
  return out;
}

/** Look-alike digits inside words (Ig0r Sech1n): letters, where a word is mostly letters. */
function undoLeetspeak(token: string): string {
  if (!hasDigit(token) || !/[a-z]/.test(token)) return token;
  const letters = token.replace(/[0-9]/g, '').length;
  if (letters < token.length / 2) return token;
  return token.replace(/0/g, 'o').replace(/1/g, 'i').replace(/3/g, 'e').replace(/4/g, 'a').replace(/5/g, 's').replace(/7/g, 't').replace(/9/g, 'g');
}

/** Sequences written with dots or spaces that are one legal form. */
const JOINED_FORMS: [RegExp, string][] = [
  [/\bs\s?a\s?r\s?l\b/g, 'sarl'],
  [/\bs\s?p\s?a\b/g, 'spa'],
  [/\bs\s?a\s?s\b/g, 'sas'],
  [/\bl\s?l\s?c\b/g, 'llc'],
  [/\bl\s?l\s?p\b/g, 'llp'],
  [/\bl\s?p\b/g, 'lp'],
  [/\bs\s?a\b/g, 'sa'],
  [/\bb\s?v\b/g, 'bv'],
  [/\bn\s?v\b/g, 'nv'],
  [/\bs\s?r\s?l\b/g, 'srl'],
  [/\bs\s?r\s?o\b/g, 'sro'],
  [/\bd\s?o\s?o\b/g, 'doo'],
  [/\bsp\s?z\s?o\s?o\b/g, 'spzoo'],
  [/\bsdn\s?bhd\b/g, 'sdnbhd'],
  [/\bfz\s?llc\b/g, 'fzllc'],
  [/\bp\s?j\s?s\s?c\b/g, 'pjsc'],
  [/\bj\s?s\s?c\b/g, 'jsc'],
];

/** One test for a whole list of patterns: does any of them occur? */
function anyOf(patterns: [RegExp, string][]): RegExp {
  return new RegExp(patterns.map(([pattern]) => `(?:${pattern.source})`).join('|'));
}
const ANY_JOINED_FORM = anyOf(JOINED_FORMS);

/*
 * When SPELLED_FORMS and JOINED_FORMS can change a folded name (words of letters and digits, one space
 * between). A written-out form is its pattern's words in a row, so its first two words (or its one
 * word) are there; replacing one form never makes the words of another (the short forms are no
 * pattern's words), so a pattern whose words are not there from the start is never tried. A spaced
 * form ("s a r l", "sdn bhd", "sa rl") is two words or more that together make its joined letters,
 * so two neighbouring words together are a start of them (a form already joined is replaced by
 * itself). Without such words, the list is not tried.
 */
/** First word of each written-out form → its second word ('' for a one-word pattern) and the pattern's bit. */
const SPELLED_FORM_STARTS = new Map<string, { second: string; bit: number }[]>();
if (SPELLED_FORMS.length > 31) throw new Error('SPELLED_FORMS: more patterns than bits');
SPELLED_FORMS.forEach(([pattern], k) => {
  for (const alternative of pattern.source.split('|')) {
    const [first, second] = alternative.replace(/\\b/g, '').split(' ');
    let starts = SPELLED_FORM_STARTS.get(first!);
    if (!starts) SPELLED_FORM_STARTS.set(first!, (starts = []));
    starts.push({ second: second ?? '', bit: 1 << k });
  }
});
/** Every start of the letters of a spaced form ("s", "sa", "sar", "sarl" …). */
const JOINED_FORM_PREFIXES = new Set(JOINED_FORMS.flatMap(([, joined]) => [...joined].map((_, k) => joined.slice(0, k + 1))));

/** Articles, particles and connectors: weak evidence, kept so "Bank of X" still reads as such. */
export const PARTICLES = new Set([
  'of', 'the', 'and', 'for', 'de', 'del', 'della', 'di', 'da', 'das', 'do', 'dos', 'du', 'des', 'la', 'le', 'les',
  'el', 'al', 'bin', 'ibn', 'bint', 'ben', 'abu', 'abou', 'ould', 'van', 'von', 'der', 'den', 'ter', 'y', 'e', 'i',
  'und', 'et', 'a', 'an', 'in', 'on', 'at', 'to', 'na', 'im', 'fi',
]);

/** Splits an any-ascii transliteration of Han / Hangul text ("ZhaoGuangZong") into syllables. */
function splitCamel(text: string): string {
  return text.replace(/([a-z])([A-Z])/g, '$1 $2');
}

const NON_LATIN = /[^\u0000-\u024f\u1e00-\u1eff]/;

/** Lower-case ASCII letters and digits, one space between words. */
export function foldText(text: string): string {
  // Plain ASCII (most names and page windows): normalising and the letter folds change nothing.
  if (isAscii(text)) return foldAscii(text.toLowerCase());
  let value = text.normalize('NFKC');
  if (NON_LATIN.test(value)) {
    // Transliterate per word so Han/Hangul syllables stay separable.
    value = value
      .split(/(\s+)/)
      .map((part) => (NON_LATIN.test(part) ? ` ${splitCamel(anyAscii(part))} ` : part))
      .join('');
    // All transliterated (most such names): what is left is the ASCII path.
    if (isAscii(value)) return foldAscii(value.toLowerCase());
  }
  value = value.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(FOLD_RE, (c) => FOLDS[c] ?? c);
  value = value.replace(APOSTROPHES, '');
  return value.replace(/[^a-z0-9]+/g, ' ').trim();
}

function isAscii(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) > 127) return false;
  return true;
}

function isLetterOrDigit(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * foldText of lower-cased ASCII in one pass, as `.replace(APOSTROPHES, '').replace(/[^a-z0-9]+/g, ' ').trim()`:
 * apostrophes (' and `) dropped, any other run of characters but letters and digits one space.
 */
function foldAscii(lower: string): string {
  const length = lower.length;
  // Most names are already words of letters and digits with one space between: nothing to change.
  let k = 0;
  while (k < length) {
    const c = lower.charCodeAt(k);
    if (isLetterOrDigit(c)) k++;
    else if (c === 32 && k > 0 && k + 1 < length && isLetterOrDigit(lower.charCodeAt(k + 1))) k += 2;
    else break;
  }
  if (k === length) return lower;
  // From here on: each run of letters and digits copied, one space before it unless it starts the text.
  let out = lower.slice(0, k);
  let runStart = -1;
  let space = false;
  for (; k < length; k++) {
    const c = lower.charCodeAt(k);
    if (isLetterOrDigit(c)) {
      if (runStart < 0) {
        if (space && out !== '') out += ' ';
        space = false;
        runStart = k;
      }
      continue;
    }
    if (runStart >= 0) {
      out += lower.slice(runStart, k);
      runStart = -1;
    }
    if (c !== 39 && c !== 96) space = true;
  }
  if (runStart >= 0) out += lower.slice(runStart);
  return out;
}

function hasDigit(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Digits only (and at least one). */
function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export interface NameTokens {
  /** Tokens that tell the name apart, in order. */
  tokens: string[];
  /** Legal forms found (ltd, gmbh …): same class on both sides or absent is fine. */
  forms: string[];
  /** Numbers in the name: "Crystal Ord 1" is not "Crystal Ord 2". */
  digits: string[];
}

/** Roman numerals I to XXXIX, as series numbers of funds, trusts and vessels ("Fund XIII"). */
const ROMAN_NUMERAL = /^(x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_UNITS = new Map<string, number>(Object.entries({ '': 0, i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9 }));

function romanValue(token: string): number | undefined {
  if (token.length > 6) return undefined;
  // Most words are not numerals: only i, v and x can start one.
  const first = token.charCodeAt(0);
  if (first !== 105 && first !== 118 && first !== 120) return undefined;
  const m = ROMAN_NUMERAL.exec(token);
  if (!m || token === '') return undefined;
  return m[1]!.length * 10 + ROMAN_UNITS.get(m[2]!)!;
}

/** Ship-type prefixes: motor vessel / tanker / ship, steamship, fishing / research vessel, motor yacht. */
const VESSEL_PREFIX = /^(?:m ?v|m ?t|m ?s|s ?s|f ?v|r ?v|m ?y) (?=\S)/;

/** "A.B.C." and "L.X.C" are one word: a run of three or more single letters joins. */
function joinLetterRuns(folded: string): string {
  return folded.replace(/\b([a-z]) ([a-z])((?: [a-z])+)\b/g, (run) => run.replace(/ /g, ''));
}

/** Three words in a row that are single letters a–z: what joinLetterRuns joins. */
function hasLetterRun(words: readonly string[]): boolean {
  let run = 0;
  for (const word of words) {
    const c = word.charCodeAt(0);
    run = word.length === 1 && c >= 97 && c <= 122 ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

/**
 * "ZHAO, Guangzong" and "Guangzong Zhao" give the same tokens (order is not used to compare).
 * For people, legal-form words are kept: they are name parts there ("Ao", "Sa").
 */
export function nameTokens(name: string, kind?: string): NameTokens {
  const person = kind === 'person';
  let folded = foldText(name.includes('&') ? name.replace(/&/g, ' and ') : name);
  // "MV Hellenic Spirit", "M/T Testa": the ship-type prefix is no part of a vessel's name.
  if (kind === 'vessel') folded = folded.replace(VESSEL_PREFIX, '');
  // The words of `folded`: split once, and again only after a step that changes the text.
  let words = splitWords(folded);
  const numbers = numbersAsDigits(folded, words);
  if (numbers !== folded) words = splitWords((folded = numbers));
  // Legal forms first, so that "Fund V L.P." keeps its series number apart from its "lp".
  if (!person) {
    const read = asFormWords(words);
    if (read & FORM_WORD_READ) folded = words.join(' ');
    const before = folded;
    // Only patterns that can occur are tried: most names have none.
    const spelled = spelledFormsIn(words);
    if (spelled !== 0) SPELLED_FORMS.forEach(([pattern, form], k) => {
      if (spelled & (1 << k)) folded = folded.replace(pattern, form);
    });
    // (Written-out forms replaced: the words the guard saw are gone, the list's own test decides.)
    if ((read & MAY_JOIN_FORM || folded !== before) && ANY_JOINED_FORM.test(folded)) for (const [pattern, joined] of JOINED_FORMS) folded = folded.replace(pattern, joined);
    if (folded !== before) words = splitWords(folded);
  }
  if (hasLetterRun(words)) words = splitWords(joinLetterRuns(folded));
  // Most names' words are their tokens as they are: the words array is kept until one is not.
  let tokens: string[] | undefined;
  const forms: string[] = [];
  const digits: string[] = [];
  for (let k = 0; k < words.length; k++) {
    const raw = words[k]!;
    let token: string | undefined;
    if (raw !== '') {
      token = undoLeetspeak(raw);
      // Series numbers in company names: "Fund VIII" is not "Fund IX", "Solutions II" not "Solutions".
      const roman = !person && (tokens ? tokens.length : k) > 0 ? romanValue(token) : undefined;
      if (roman !== undefined) {
        token = String(roman);
        digits.push(token);
      } else if (isDigits(token)) {
        token = String(Number(token));
        digits.push(token);
      } else if (!person && COMPANY_FORMS.has(token)) {
        forms.push(token);
        token = undefined;
      }
      // Titles are dropped from people's names only: "General Trading", "President Hotel" are names.
      else if ((person || kind === undefined) && TITLES.has(token)) token = undefined;
    }
    if (!tokens && token === raw) continue;
    tokens ??= words.slice(0, k);
    if (token !== undefined) tokens.push(token);
  }
  tokens ??= words;
  // A name made only of "forms" (e.g. "Trading Company") keeps them as its tokens.
  if (tokens.length === 0 && forms.length > 0) return { tokens: forms, forms: [], digits };
  return { tokens, forms, digits };
}

/**
 * Transliteration variants to one spelling: Aleksei / Alexey / Alexei, Dmitri / Dmitry, -ov / -ow,
 * Mohammed / Muhammad (see vowelSkeleton), Yusuf / Jusuf, Khalid / Chalid.
 */
const phoneticCache = new Map<string, string>();

export function phoneticForm(token: string): string {
  const cached = phoneticCache.get(token);
  if (cached !== undefined) return cached;
  const value = computePhoneticForm(token);
  // Bounded: page text brings endless new words.
  if (phoneticCache.size > 200_000) phoneticCache.clear();
  phoneticCache.set(token, value);
  return value;
}

function computePhoneticForm(token: string): string {
  if (/\d/.test(token)) return token;
  // Each rule only where the letters it rewrites are present: a page brings thousands of new
  // words on first sight, and a regular expression that cannot match still costs a pass.
  let t = token;
  if (t.includes('ch')) t = t.replace(/tsch|tch/g, 'ch');
  if (t.includes('d')) t = t.replace(/dzh|dj/g, 'j');
  if (t.includes('h')) {
    t = t.replace(/sch|sh|ch/g, 's');
    if (t.includes('zh')) t = t.replace(/zh/g, 'j');
    t = t
      .replace(/kh|gh/g, 'h')
      .replace(/ph/g, 'f')
      .replace(/th/g, 't')
      .replace(/dh/g, 'd');
  }
  if (t.includes('c') || t.includes('q')) t = t.replace(/ck|q|c/g, 'k');
  if (t.includes('x')) t = t.replace(/x/g, 'ks');
  if (t.includes('w')) t = t.replace(/w/g, 'v');
  if (t.includes('o')) t = t.replace(/ou|oo/g, 'u');
  if (t.includes('e')) t = t.replace(/ee|ie$/g, 'i');
  if (t.includes('y') || t.includes('j')) t = t.replace(/[yj]/g, 'i');
  if (t.includes('ii')) t = t.replace(/ii+/g, 'i');
  if (hasDoubledCharacter(t)) t = t.replace(/(.)\1+/g, '$1');
  if (t.endsWith('h')) t = t.slice(0, -1);
  // German -e and similar unstressed endings: Schulze / Scholz.
  if (t.endsWith('e')) t = t.replace(/(?<=[^aeiou]{1}[a-z]{2,})e$/, '');
  return t;
}

function hasDoubledCharacter(text: string): boolean {
  for (let k = 1; k < text.length; k++) if (text.charCodeAt(k) === text.charCodeAt(k - 1)) return true;
  return false;
}

/** Vowels as one class: Mohammed and Muhammad, Usama and Osama share a skeleton. */
export function vowelSkeleton(token: string): string {
  return phoneticForm(token).replace(/[aeiou]+/g, 'a');
}

/** Chinese, Japanese and Korean characters. */
export const CJK_CHAR = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]/;
const CJK_ONLY = /^[\s\u00b7\u30fb\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+$/;

/** A name written only in Chinese, Japanese or Korean characters (and their separators). */
export function isCjkOnly(text: string): boolean {
  return CJK_ONLY.test(text);
}

/** Its characters without the separators (spaces, the middle dots of 贝拉克·奥巴马). */
export function cjkCharacters(text: string): string {
  return text.replace(/[\s\u00b7\u30fb]/g, '');
}

/** "Deutsche Bank (Schweiz) AG" → the name without its bracketed part, and that part. */
export function bracketParts(name: string): { outside: string; inside: string } | undefined {
  if (!name.includes('(')) return undefined;
  const m = /^(.*?)\s*\(([^()]+)\)\s*(.*)$/.exec(name);
  return m ? { outside: `${m[1]} ${m[3]}`.trim(), inside: m[2]!.trim() } : undefined;
}

/** Short case endings of inflected names (-a, -u, -om, -oy, -ym …). */
export const CASE_ENDING = /(?:om|em|oi|ym|oju|ei|ami)$|[aeiouy]$/;

/** A word without its case ending: "viktora" and "viktor" share "viktor"; never under four letters. */
export function caseStem(token: string): string {
  const stemmed = token.replace(CASE_ENDING, '');
  return stemmed.length >= 4 ? stemmed : token;
}

/** How many letters two words share at their start: "iran"/"iranian" 4, "syria"/"syrian" 5. */
export function sharedStart(a: string, b: string): number {
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common;
}
