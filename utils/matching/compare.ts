import type { TargetKind } from '../model';
import {
  bracketParts,
  caseStem,
  cjkCharacters,
  CJK_CHAR,
  isCjkOnly,
  levenshtein,
  legalFormKind,
  nameTokens,
  PARTICLES,
  phoneticForm,
  vowelSkeleton,
  type NameTokens,
} from './normalize';
import { STRONG, WEAK, type NameComparison, type Strength, type TokenAlignment } from './types';

/**
 * Name against name, 0 to 1, with the reasons. Order-free (any token order), tolerant of
 * transliteration and typing errors in longer tokens, strict about numbers and about the
 * rare words that tell two companies apart ("Bank of Armenia" is not "Bank of America").
 */

/** How much a token says about who is named (1 = rare, 0 = says nothing). */
export type TokenWeight = (token: string) => number;

/** Given names, family names and words so common that on their own they never identify anyone. */
const COMMON = new Set([
  // Given names and name elements common across the lists and the world.
  'muhammad', 'mohammad', 'mohammed', 'mohamed', 'muhammed', 'mohamad', 'ahmad', 'ahmed', 'ali', 'abdul', 'abd',
  'abdullah', 'abdallah', 'hassan', 'hasan', 'hussein', 'husain', 'hussain', 'husayn', 'omar', 'umar', 'ibrahim',
  'mahmoud', 'mahmud', 'khalid', 'khaled', 'yusuf', 'youssef', 'said', 'saeed', 'salah', 'mustafa', 'musa', 'isa',
  'rahman', 'abdel', 'abdelrahman', 'abdulrahman', 'aziz', 'karim', 'jamal', 'nasser', 'nasir', 'khan', 'shah',
  'john', 'james', 'david', 'michael', 'robert', 'william', 'richard', 'thomas', 'mary', 'maria', 'jose', 'juan',
  'carlos', 'luis', 'jorge', 'ana', 'anna', 'elena', 'olga', 'tatiana', 'natalia', 'irina', 'svetlana', 'sergey',
  'sergei', 'alexander', 'aleksandr', 'alexandr', 'andrey', 'andrei', 'dmitry', 'dmitriy', 'dmitri', 'vladimir',
  'igor', 'oleg', 'yuri', 'yury', 'nikolai', 'nikolay', 'mikhail', 'ivan', 'pavel', 'viktor', 'victor', 'alexey',
  'aleksey', 'aleksei', 'evgeny', 'yevgeny', 'evgeniy', 'anatoly', 'valery', 'boris', 'roman', 'denis', 'maxim',
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo',
  'he', 'lin', 'luo', 'gao', 'kim', 'lee', 'park', 'choi', 'jung', 'kang', 'cho', 'yoon', 'jang', 'lim', 'han',
  'nguyen', 'tran', 'le', 'pham', 'smith', 'johnson', 'brown', 'jones', 'garcia', 'martinez', 'rodriguez', 'lopez',
  'gonzalez', 'hernandez', 'perez', 'sanchez', 'ramirez', 'singh', 'kumar', 'ivanov', 'petrov', 'sidorov',
  'smirnov', 'kuznetsov', 'popov', 'sokolov', 'volkov', 'novikov', 'morozov',
  // Organisation words.
  'bank', 'international', 'national', 'global', 'general', 'industrial', 'industries', 'industry', 'services',
  'service', 'investment', 'investments', 'capital', 'finance', 'financial', 'import', 'export', 'shipping',
  'logistics', 'marine', 'maritime', 'oil', 'gas', 'energy', 'petroleum', 'petrochemical', 'technology',
  'technologies', 'tech', 'engineering', 'construction', 'development', 'management', 'foundation', 'association',
  'organization', 'organisation', 'center', 'centre', 'institute', 'university', 'ministry', 'state', 'federal',
  'central', 'commercial', 'economic', 'research', 'production', 'plant', 'factory', 'science', 'scientific',
  'united', 'new', 'first', 'east', 'west', 'north', 'south', 'middle', 'asia', 'europe', 'world', 'line', 'lines',
  'air', 'airlines', 'aviation', 'transport', 'electronics', 'systems', 'solutions', 'resources', 'mining', 'metal',
  'metals', 'steel', 'chemical', 'chemicals', 'pharmaceutical', 'medical', 'agency', 'office', 'department',
  'committee', 'council', 'party', 'front', 'movement', 'army', 'forces', 'brigade', 'battalion', 'network',
]);

/** Countries and big cities: companies are named after them, and on a page they are places. */
export const PLACES = new Set([
  'china', 'chinese', 'russia', 'russian', 'iran', 'iranian', 'syria', 'syrian', 'iraq', 'korea', 'korean', 'america',
  'american', 'american', 'usa', 'britain', 'british', 'england', 'france', 'french', 'germany', 'german', 'india',
  'pakistan', 'afghanistan', 'turkey', 'ukraine', 'belarus', 'venezuela', 'cuba', 'libya', 'sudan', 'yemen', 'lebanon',
  'israel', 'palestine', 'egypt', 'saudi', 'arabia', 'arabian', 'emirates', 'dubai', 'qatar', 'kuwait', 'oman', 'japan',
  'hong', 'kong', 'singapore', 'malaysia', 'indonesia', 'thailand', 'vietnam', 'africa', 'african', 'europe',
  'european', 'asia', 'asian', 'pacific', 'atlantic', 'gulf', 'caspian', 'baltic', 'washington', 'london', 'moscow',
  'beijing', 'shanghai', 'tehran', 'damascus', 'baghdad', 'kabul', 'kyiv', 'kiev', 'minsk', 'caracas', 'havana',
  'pyongyang', 'beirut', 'cairo', 'istanbul', 'ankara', 'paris', 'berlin', 'brussels', 'geneva', 'zurich', 'vienna',
  'new', 'york', 'texas', 'california', 'florida', 'panama', 'cyprus', 'malta', 'switzerland', 'swiss', 'canada',
  'mexico', 'brazil', 'argentina', 'colombia', 'nigeria', 'somalia', 'ethiopia', 'kenya', 'congo', 'mali',
]);

function isCommonWord(token: string): boolean {
  return COMMON.has(token) || PLACES.has(token) || PARTICLES.has(token);
}

/** Weights without list statistics: particles weigh little, common names and words less than others. */
export const builtinWeight: TokenWeight = (token) => {
  if (PARTICLES.has(token)) return 0.15;
  if (/^\d+$/.test(token)) return 0.6;
  if (COMMON.has(token) || PLACES.has(token)) return 0.45;
  if (token.length <= 2) return 0.4;
  return 1;
};

export interface TokenMatch {
  similarity: number;
  how: TokenAlignment['how'];
  /** Only a letter or two apart in a short word: a possible, never a sure, match. */
  near?: boolean;
}

/** Short forms of given names that stand for the full name in the press and in aliases. */
const NICKNAME_GROUPS: string[][] = [
  ['william', 'bill', 'billy', 'will', 'willy'], ['robert', 'bob', 'bobby', 'rob', 'robbie'], ['richard', 'dick', 'rick', 'richie'],
  ['james', 'jim', 'jimmy', 'jamie'], ['michael', 'mike', 'mick', 'mickey'], ['benjamin', 'ben', 'benny'],
  ['theodore', 'ted', 'teddy', 'theo'], ['edward', 'ed', 'eddie', 'ted', 'ned'], ['thomas', 'tom', 'tommy'],
  ['joseph', 'joe', 'joey'], ['charles', 'charlie', 'chuck'], ['anthony', 'tony'], ['christopher', 'chris'],
  ['daniel', 'dan', 'danny'], ['david', 'dave'], ['steven', 'steve'], ['stephen', 'steve'], ['andrew', 'andy', 'drew'],
  ['alexander', 'alex', 'sasha', 'sandy'], ['aleksandr', 'sasha', 'sanya', 'alex'], ['elizabeth', 'liz', 'beth', 'betty'],
  ['margaret', 'maggie', 'meg', 'peggy'], ['katherine', 'kate', 'katie', 'kathy'], ['nicholas', 'nick', 'nicky'],
  ['dmitry', 'dima'], ['vladimir', 'volodya', 'vova'], ['nikolai', 'kolya'], ['mikhail', 'misha'], ['sergei', 'seryozha'],
  ['yevgeny', 'zhenya'], ['ivan', 'vanya'], ['pavel', 'pasha'], ['alexei', 'alyosha', 'lyosha'], ['john', 'johnny', 'jack'],
  // More English diminutives.
  ['jonathan', 'jon', 'jonny'], ['matthew', 'matt'], ['patrick', 'paddy'], ['peter', 'pete'], ['frederick', 'fred', 'freddie'],
  ['gregory', 'greg'], ['kenneth', 'ken', 'kenny'], ['ronald', 'ronnie'], ['donald', 'donnie'], ['timothy', 'tim', 'timmy'],
  ['lawrence', 'larry'], ['harold', 'harry'], ['henry', 'harry', 'hank'], ['gerald', 'gerry', 'jerry'], ['abraham', 'abe'],
  ['douglas', 'doug'], ['jeffrey', 'jeff'], ['leonard', 'lenny'], ['vincent', 'vince', 'vinny'], ['walter', 'walt'],
  ['zachary', 'zach'], ['eugene', 'gene'], ['francis', 'frank'], ['franklin', 'frank'], ['gabriel', 'gabe'],
  ['philip', 'phil'], ['phillip', 'phil'], ['stanley', 'stan'], ['terence', 'terry'], ['samuel', 'sammy'],
  ['jennifer', 'jenny'], ['patricia', 'patty', 'trish'], ['susan', 'susie'], ['deborah', 'debbie'], ['rebecca', 'becky'],
  ['victoria', 'vicky'], ['catherine', 'cathy', 'kate'], ['judith', 'judy'], ['pamela', 'pammy'], ['abigail', 'abby'],
  // Hebrew, German and other European diminutives.
  ['benjamin', 'bibi'], ['michael', 'michi'], ['michaela', 'michi'], ['wolfgang', 'wolf'], ['johannes', 'hannes'],
  ['giuseppe', 'beppe', 'peppe'], ['francesco', 'franco'], ['francisco', 'paco', 'pancho'], ['jose', 'pepe'],
  // More Russian diminutives.
  ['yekaterina', 'katya'], ['ekaterina', 'katya'], ['anastasia', 'nastya'], ['tatiana', 'tanya'], ['natalia', 'natasha'],
  ['maria', 'masha'], ['yelena', 'lena'], ['elena', 'lena'], ['svetlana', 'sveta'], ['olga', 'olya'], ['grigory', 'grisha'],
  ['konstantin', 'kostya'], ['anatoly', 'tolya'], ['boris', 'borya'], ['yuri', 'yura'], ['viktor', 'vitya'],
  ['vyacheslav', 'slava'], ['vladislav', 'slava'], ['stanislav', 'stas'], ['alexander', 'shura'], ['aleksandr', 'shura'],
];
const NICKNAMES = new Map<string, Set<string>>();
for (const group of NICKNAME_GROUPS) {
  for (const name of group) {
    const set = NICKNAMES.get(name) ?? new Set<string>();
    for (const other of group) if (other !== name) set.add(other);
    NICKNAMES.set(name, set);
  }
}

/** Short and full forms of the given name (both ways: "slava" and "vyacheslav"); undefined: none. */
export function nicknamesOf(token: string): ReadonlySet<string> | undefined {
  return NICKNAMES.get(token);
}

function closeVowelForm(phonetic: string): string {
  return phonetic.replace(/o/g, 'u').replace(/e/g, 'i');
}

/**
 * Least similarity for a spelling variant of a longer word. Below it, a word sharing most of its
 * letters is most often another real name (Castro / Castillo, Albanese / Albano); one or two
 * letters off still make a near match (see nearMatch).
 */
const TYPO_MIN_SIMILARITY = 0.72;

/** Shortest token length for typo tolerance: "Tim" and "Tom" are different names, "Cooney" and "Carney" may not be. */
const MIN_TYPO_LENGTH = 4;

/** Similarity of two tokens with the reason; 0 when they should not be taken as the same. */
const EXACT: TokenMatch = { similarity: 1, how: 'exact' };
const NONE: TokenMatch = { similarity: 0, how: 'missing' };
const NICKNAME: TokenMatch = { similarity: 0.85, how: 'phonetic' };
const SAME_SOUND: TokenMatch = { similarity: 0.96, how: 'phonetic' };
const SAME_STEM: TokenMatch = { similarity: 0.94, how: 'phonetic' };
const WITH_ENDING_S: TokenMatch = { similarity: 0.92, how: 'phonetic' };
const CLOSE_VOWELS: TokenMatch = { similarity: 0.92, how: 'phonetic' };
const SAME_SKELETON: TokenMatch = { similarity: 0.9, how: 'phonetic' };

export function compareTokens(a: string, b: string): TokenMatch {
  if (a === b) return EXACT;
  return matchOfForms(formsOf(a), formsOf(b));
}

/**
 * compareTokens for a caller that keeps the answer itself (a page word against the listed words it
 * may misspell, once per word): the pair is not remembered here too. With `least` above a near
 * match's similarity, only whether the pair reaches it is asked: a pairing under it may come back
 * as none, and edit distances stop as soon as they are too far for it (most candidates are).
 */
export function compareTokensOnce(a: string, b: string, least = 0): TokenMatch {
  if (a === b) return EXACT;
  return matchOfForms(formsOf(a), formsOf(b), false, least);
}

/** What compareTokens works out of a token, to keep by those who compare it again and again. */
export type TokenFormsOf = TokenForms;

export function tokenForms(token: string): TokenFormsOf {
  return formsOf(token);
}

/** compareTokens of two tokens by their forms (tokenForms): the same result. */
export function compareForms(a: TokenFormsOf, b: TokenFormsOf): TokenMatch {
  return a.token === b.token ? EXACT : matchOfForms(a, b);
}

/** "Son of" in Arabic names, as transliterated: bin, ibn and (Maghreb) ben are one word. */
const SON_OF = new Set(['bin', 'ibn', 'ben']);

/**
 * compareTokens of two tokens by their forms. Most pairs are told by the forms alone (the same
 * sound, stem or skeleton; or too far apart for a typo); only the rest need edit distances.
 */
function matchOfForms(fa: TokenForms, fb: TokenForms, remember = true, least = 0): TokenMatch {
  const a = fa.token;
  const b = fb.token;
  if (a === b) return EXACT;
  if (fa.nicknames?.has(b)) return NICKNAME;
  if (fa.sonOf && fb.sonOf) return SAME_SOUND;
  // Words of very different lengths are different words (and Levenshtein would say so slowly).
  if (Math.abs(a.length - b.length) > Math.max(a.length, b.length) / 2 + 1) return NONE;
  if (fa.hasDigit || fb.hasDigit) return NONE;
  const pa = fa.phonetic;
  const pb = fb.phonetic;
  if (pa === pb) return SAME_SOUND;
  const shorter = Math.min(a.length, b.length);
  // The sound rules below allow the phonetic forms to differ in vowels only, and in an ending (a
  // case ending's m, j or y; an added s): a pair whose consonants differ otherwise skips them, and
  // its stems, close-vowel forms and skeletons are never made.
  const otherConsonants = fa.consonants ^ fb.consonants;
  // Inflected forms in running text (Russian "Виктора Вексельберга", "Олега Дерипаски"): the
  // same stem with a case ending.
  if (shorter >= 4 && (otherConsonants & ~CASE_ENDING_CONSONANTS) === 0 && stemOf(fa) === stemOf(fb)) return SAME_STEM;
  // Latvian and Lithuanian add a nominative -s to names (Sergejs Lavrovs, Andrius): the same
  // name with that ending.
  if (shorter >= 4 && (otherConsonants & ~ENDING_S) === 0 && (isWithEndingS(pa, pb) || isWithEndingS(pb, pa))) return WITH_ENDING_S;
  // Close vowels (o/u, e/i) are one sound in transliterations from Arabic, Persian and Russian
  // (Usama / Osama, Ladin / Laden); five letters and up, so that short words stay apart.
  if (shorter >= 5 && otherConsonants === 0 && closeVowelsOf(fa) === closeVowelsOf(fb)) return CLOSE_VOWELS;
  // Vowels as one class only for longer words, where the consonants carry the name
  // (Mohammed / Muhammad); "Grund" / "Grand" and "Feng" / "Fujing" are other words.
  if (shorter >= 6 && otherConsonants === 0 && skeletonOf(fa) === skeletonOf(fb)) return SAME_SKELETON;
  if (!mayBeTypo(fa, fb)) return NONE;
  return remember ? distanceMatch(fa, fb) : typoOrNearMatch(fa, fb, least);
}

/**
 * Whether distanceMatch can find a typo or a near match, from lower bounds of the edit distances
 * (editsAtLeast): false for most pairs, words with little in common, with no Levenshtein run.
 */
function mayBeTypo(fa: TokenForms, fb: TokenForms): boolean {
  const a = fa.token;
  const b = fb.token;
  const pa = fa.phonetic;
  const pb = fb.phonetic;
  const leastEditsRaw = editsAtLeast(a.length, fa.letters, b.length, fb.letters);
  // A near match is two edits at most, in words of three letters or more.
  const mayBeNear = leastEditsRaw <= 2 && Math.min(a.length, b.length) >= 3;
  if (Math.min(pa.length, pb.length) < MIN_TYPO_LENGTH || mayBeNear) return mayBeNear;
  // The best similarity the bounds allow, as distanceMatch computes it; levenshtein says max + 1
  // for any distance beyond max, so the bounds are capped there.
  const longest = Math.max(pa.length, pb.length);
  const longestRaw = Math.max(a.length, b.length);
  const leastPhonetic = Math.min(Math.floor(longest / 2) + 1, editsAtLeast(pa.length, fa.phoneticLetters, pb.length, fb.phoneticLetters));
  const leastRaw = Math.min(Math.floor(longestRaw / 2) + 1, leastEditsRaw);
  const firstDiffers = a[0] !== b[0] && pa[0] !== pb[0];
  return Math.max(1 - leastPhonetic / longest, 1 - leastRaw / longestRaw) - (firstDiffers ? 0.1 : 0) >= TYPO_MIN_SIMILARITY;
}

/** Smaller token → larger token → match: two lookups by the tokens themselves, no key string built per call. */
const distanceCache = new Map<string, Map<string, TokenMatch>>();
let distanceCacheSize = 0;

/** A typo or a near match by edit distances, the last resort of matchOfForms; remembered per pair. */
function distanceMatch(fa: TokenForms, fb: TokenForms): TokenMatch {
  const a = fa.token;
  const b = fb.token;
  const low = a < b ? a : b;
  const high = a < b ? b : a;
  let cachedForLow = distanceCache.get(low);
  const cached = cachedForLow?.get(high);
  if (cached) return cached;
  const result = typoOrNearMatch(fa, fb);
  // Bounded: queries and pages bring endless new words.
  if (distanceCacheSize > 300_000) {
    distanceCache.clear();
    distanceCacheSize = 0;
    cachedForLow = undefined;
  }
  if (!cachedForLow) distanceCache.set(low, (cachedForLow = new Map()));
  cachedForLow.set(high, result);
  distanceCacheSize++;
  return result;
}

/** `least` (see compareTokensOnce): above NEAR_ONE's, no near match is looked for, and distances stop past it. */
function typoOrNearMatch(fa: TokenForms, fb: TokenForms, least = 0): TokenMatch {
  const a = fa.token;
  const b = fb.token;
  const pa = fa.phonetic;
  const pb = fb.phonetic;
  const nearEnough = least <= NEAR_ONE.similarity;
  if (Math.min(pa.length, pb.length) < MIN_TYPO_LENGTH) return nearEnough ? nearMatch(a, b) : NONE;
  // The first letter is rarely mistyped: an edit there costs more.
  const firstDiffers = a[0] !== b[0] && pa[0] !== pb[0];
  const penalty = firstDiffers ? 0.1 : 0;
  const longest = Math.max(pa.length, pb.length);
  const longestRaw = Math.max(a.length, b.length);
  const max = Math.floor(longest / 2);
  const maxRaw = Math.floor(longestRaw / 2);
  const dPhonetic = levenshtein(pa, pb, nearEnough ? max : distanceCap(longest, max, least, penalty));
  const dRaw = levenshtein(a, b, nearEnough ? maxRaw : distanceCap(longestRaw, maxRaw, least, penalty));
  if (dPhonetic > max && dRaw > maxRaw) return NONE;
  // Each distance against its own length: folding shortens words ("apel" for "appel"), and one
  // swap in the five letters of "Appel" / "Apple" is not one in four.
  const similarity = Math.max(1 - dPhonetic / longest, 1 - dRaw / longestRaw) - penalty;
  if (similarity >= TYPO_MIN_SIMILARITY && similarity >= least) return { similarity, how: 'typo' };
  return nearEnough ? nearMatch(a, b) : NONE;
}

/**
 * The most edits worth counting in words of `length` for a typo similarity of `least` (at most
 * `most`): one past the most that can reach it, since any distance beyond scores under it all the same.
 */
function distanceCap(length: number, most: number, least: number, penalty: number): number {
  return Math.min(most, Math.floor((1 - penalty - least) * length) + 1);
}

/** `longer` is `shorter` with an -s added. */
function isWithEndingS(longer: string, shorter: string): boolean {
  return longer.length === shorter.length + 1 && longer.endsWith('s') && longer.startsWith(shorter);
}

/** What matchOfForms reads of a token: worked out once per token, not once per pair. */
interface TokenForms {
  token: string;
  nicknames: Set<string> | undefined;
  sonOf: boolean;
  hasDigit: boolean;
  phonetic: string;
  /** Letter masks of the token and of its phonetic form, for editsAtLeast. */
  letters: number;
  phoneticLetters: number;
  /** The phonetic form's letter mask without its vowels. */
  consonants: number;
  /** caseStem of the phonetic form, closeVowelForm of it, vowelSkeleton of the token: made when first needed. */
  stem?: string;
  closeVowels?: string;
  skeleton?: string;
}

const VOWELS = letterMask('aeiou');
/** Consonants of the case endings caseStem takes off (CASE_ENDING). */
const CASE_ENDING_CONSONANTS = letterMask('mjy');
const ENDING_S = letterMask('s');

const formsCache = new Map<string, TokenForms>();

function formsOf(token: string): TokenForms {
  let forms = formsCache.get(token);
  if (forms) return forms;
  const phonetic = phoneticForm(token);
  const phoneticLetters = letterMask(phonetic);
  forms = {
    token,
    nicknames: NICKNAMES.get(token),
    sonOf: SON_OF.has(token),
    hasDigit: /\d/.test(token),
    phonetic,
    letters: letterMask(token),
    phoneticLetters,
    consonants: phoneticLetters & ~VOWELS,
  };
  // Bounded: queries and pages bring endless new words.
  if (formsCache.size > 100_000) formsCache.clear();
  formsCache.set(token, forms);
  return forms;
}

function stemOf(forms: TokenForms): string {
  return (forms.stem ??= caseStem(forms.phonetic));
}

function closeVowelsOf(forms: TokenForms): string {
  return (forms.closeVowels ??= closeVowelForm(forms.phonetic));
}

function skeletonOf(forms: TokenForms): string {
  return (forms.skeleton ??= vowelSkeleton(forms.token));
}

/** One bit per character (its code modulo 32): characters with different bits are different. */
function letterMask(word: string): number {
  let mask = 0;
  for (let k = 0; k < word.length; k++) mask |= 1 << (word.charCodeAt(k) & 31);
  return mask;
}

/**
 * A lower bound of the edit distance (transpositions included) from lengths and letter masks:
 * each letter of one word that the other lacks takes an edit of its own, and so does each
 * letter the longer word has more.
 */
function editsAtLeast(lengthA: number, lettersA: number, lengthB: number, lettersB: number): number {
  return Math.max(Math.abs(lengthA - lengthB), bitCount(lettersA & ~lettersB), bitCount(lettersB & ~lettersA));
}

function bitCount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * One or two letters off in a short word ("Cook" / "Cock", "Harry" / "Larry", "Merkel" /
 * "Merkur"): too little to call the same word, enough to ask. Two edits need the first letter to
 * agree and a word of five letters ("Pol" / "Pouv" are other names). Such a pairing keeps the
 * whole name in the weak band (see NEAR_CAP).
 */
function nearMatch(a: string, b: string): TokenMatch {
  if (Math.min(a.length, b.length) < 3) return NONE;
  const d = levenshtein(a, b, 2);
  if (d === 1) return NEAR_ONE;
  if (d === 2 && a[0] === b[0] && Math.max(a.length, b.length) >= 5) return NEAR_TWO;
  return NONE;
}
const NEAR_ONE: TokenMatch = { similarity: 0.7, how: 'typo', near: true };
const NEAR_TWO: TokenMatch = { similarity: 0.65, how: 'typo', near: true };
/** A name that matches only through a near word is a possible match, never a strong one. */
const NEAR_CAP = STRONG - 0.01;
const NEAR_PENALTY = 'a short name part differs by a letter or two';

/**
 * Runs of two or three adjacent tokens of one side joined ("guang zong" → "guangzong"), by start
 * and span: the same for every token of the other side, so a run is joined (with its forms) only
 * when first compared, and once.
 */
class JoinedRuns {
  /** Forms of the run at start + (span - 2) * tokens.length, once joined. */
  private forms?: (TokenForms | undefined)[];

  constructor(private readonly tokens: string[]) {}

  /** Letters of the run; -1 past the end, or with an initial in it. */
  length(start: number, span: number): number {
    if (start + span > this.tokens.length) return -1;
    let letters = 0;
    for (let k = start; k < start + span; k++) {
      const length = this.tokens[k]!.length;
      // An initial stays its own word: "Hans O Friedrich" is not "Hanso Friedrich".
      if (length === 1) return -1;
      letters += length;
    }
    return letters;
  }

  formsOf(start: number, span: number): TokenForms {
    const forms = (this.forms ??= new Array<TokenForms | undefined>(2 * this.tokens.length));
    const at = start + (span - 2) * this.tokens.length;
    return (forms[at] ??= formsOf(this.tokens.slice(start, start + span).join('')));
  }
}

interface Side {
  tokens: string[];
  weights: number[];
}

interface Pair {
  i: number;
  j: number;
  /** Tokens of side B joined to match token i of A ("Guang Zong" = "Guangzong"), or vice versa. */
  spanA: number;
  spanB: number;
  match: TokenMatch;
}

/**
 * Candidate pairings, including one token against two adjacent ones joined. When screening
 * text against lists, a common word a letter or two off is another common word ("News Media"
 * is not "New Media"), so such near pairings are left out there.
 */
function candidatePairs(a: Side, b: Side, screening: boolean): Pair[] {
  const pairs: Pair[] = [];
  const formsA = a.tokens.map(formsOf);
  const formsB = b.tokens.map(formsOf);
  const joinedA = new JoinedRuns(a.tokens);
  const joinedB = new JoinedRuns(b.tokens);
  for (let i = 0; i < a.tokens.length; i++) {
    for (let j = 0; j < b.tokens.length; j++) {
      const match = matchOfForms(formsA[i]!, formsB[j]!);
      const commonNear = screening && match.near === true && (isCommonWord(a.tokens[i]!) || isCommonWord(b.tokens[j]!));
      if (match.similarity > 0 && !commonNear) pairs.push({ i, j, spanA: 1, spanB: 1, match });
      // Joined / split tokens: "Guangzong" against "Guang Zong", "Vanderbilt" against "Van der Bilt".
      for (let span = 2; span <= 3; span++) {
        const lengthB = joinedB.length(j, span);
        if (lengthB >= 0 && Math.abs(lengthB - a.tokens[i]!.length) <= 2) {
          const m = matchOfForms(formsA[i]!, joinedB.formsOf(j, span));
          // Joining must explain the word better than its first part alone: "Gaobin" is GAOBIN, not "GAOBIN NI" run together.
          if (m.similarity >= 0.9 && m.similarity > match.similarity) pairs.push({ i, j, spanA: 1, spanB: span, match: { similarity: m.similarity * 0.98, how: 'joined' } });
        }
        const lengthA = joinedA.length(i, span);
        if (lengthA >= 0 && Math.abs(lengthA - b.tokens[j]!.length) <= 2) {
          const m = matchOfForms(joinedA.formsOf(i, span), formsB[j]!);
          if (m.similarity >= 0.9 && m.similarity > match.similarity) pairs.push({ i, j, spanA: span, spanB: 1, match: { similarity: m.similarity * 0.98, how: 'joined' } });
        }
      }
      // Initials: "G. Zhao" against "Guangzong Zhao".
      const ta = a.tokens[i]!;
      const tb = b.tokens[j]!;
      if ((ta.length === 1 && tb.length > 1 && tb[0] === ta) || (tb.length === 1 && ta.length > 1 && ta[0] === tb)) {
        pairs.push({ i, j, spanA: 1, spanB: 1, match: { similarity: 0.75, how: 'initial' } });
      }
      // Initials written together: "JC Juncker" against "Jean-Claude Juncker".
      if (areInitialsOf(ta, b.tokens, j)) pairs.push({ i, j, spanA: 1, spanB: ta.length, match: INITIALS });
      if (areInitialsOf(tb, a.tokens, i)) pairs.push({ i, j, spanA: tb.length, spanB: 1, match: INITIALS });
    }
  }
  return pairs;
}

const INITIALS: TokenMatch = { similarity: 0.75, how: 'initial' };

/** A two- or three-letter token made of the first letters of the words from `start` on. */
function areInitialsOf(token: string, tokens: string[], start: number): boolean {
  const n = token.length;
  if (n < 2 || n > 3 || start + n > tokens.length || PARTICLES.has(token)) return false;
  for (let k = 0; k < n; k++) {
    const word = tokens[start + k]!;
    if (word.length < 2 || word[0] !== token[k]) return false;
  }
  return true;
}

export interface ComparedSides {
  alignment: TokenAlignment[];
  /** Weighted share of A's tokens that found a partner (0..1). */
  coverageA: number;
  coverageB: number;
  /** Sum of the weights of matched tokens, for "enough evidence" checks. */
  matchedWeight: number;
  /** Matched tokens that are rare (weight ≥ 0.9). */
  rareMatched: number;
  matchedTokens: number;
  /** Pairings only a letter or two apart in short words. */
  nearMatched: number;
}

/** Greedy best-first alignment of two token lists: each token is used once. */
export function alignTokens(a: Side, b: Side, screening = false): ComparedSides {
  return alignPairs(a, b, candidatePairs(a, b, screening));
}

function alignPairs(a: Side, b: Side, candidates: Pair[]): ComparedSides {
  const pairs = candidates.sort((x, y) => {
    const wx = x.match.similarity * (weightSpan(a, x.i, x.spanA) + weightSpan(b, x.j, x.spanB));
    const wy = y.match.similarity * (weightSpan(a, y.i, y.spanA) + weightSpan(b, y.j, y.spanB));
    return wy - wx;
  });
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const alignment: TokenAlignment[] = [];
  let matchedA = 0;
  let matchedB = 0;
  let matchedWeight = 0;
  let rareMatched = 0;
  let matchedTokens = 0;
  let nearMatched = 0;
  for (const p of pairs) {
    const as = range(p.i, p.spanA);
    const bs = range(p.j, p.spanB);
    if (as.some((k) => usedA.has(k)) || bs.some((k) => usedB.has(k))) continue;
    as.forEach((k) => usedA.add(k));
    bs.forEach((k) => usedB.add(k));
    const wa = weightSpan(a, p.i, p.spanA);
    const wb = weightSpan(b, p.j, p.spanB);
    // An initial carries little of its full name's weight.
    const factor = p.match.how === 'initial' ? 0.8 : 1;
    matchedA += wa * p.match.similarity * factor;
    matchedB += wb * p.match.similarity * factor;
    const w = Math.min(wa, wb) * factor;
    matchedWeight += w;
    // Evidence: a rare word, or a number ("Brigade 44"), that really matches.
    const numeric = /^\d+$/.test(a.tokens[p.i]!) && p.match.how === 'exact';
    if ((w >= 0.9 && p.match.similarity >= 0.75) || numeric) rareMatched++;
    matchedTokens += Math.max(p.spanA, p.spanB);
    if (p.match.near) nearMatched++;
    alignment.push({
      query: as.map((k) => a.tokens[k]).join(' '),
      listed: bs.map((k) => b.tokens[k]).join(' '),
      how: p.match.how,
      similarity: round(p.match.similarity),
      weight: round(w),
    });
  }
  a.tokens.forEach((t, k) => {
    if (!usedA.has(k)) alignment.push({ query: t, listed: '', how: 'extra', similarity: 0, weight: round(a.weights[k]!) });
  });
  b.tokens.forEach((t, k) => {
    if (!usedB.has(k)) alignment.push({ query: '', listed: t, how: 'missing', similarity: 0, weight: round(b.weights[k]!) });
  });
  const totalA = sum(a.weights);
  const totalB = sum(b.weights);
  return {
    alignment,
    coverageA: totalA ? matchedA / totalA : 0,
    coverageB: totalB ? matchedB / totalB : 0,
    matchedWeight,
    rareMatched,
    matchedTokens,
    nearMatched,
  };
}

/** The weight a pairing covers: joined tokens cover all their parts ("Pricewaterhouse Coopers"). */
function weightSpan(side: Side, start: number, span: number): number {
  let w = 0;
  for (let k = start; k < start + span; k++) w += side.weights[k] ?? 0;
  return w;
}

function range(start: number, span: number): number[] {
  return span === 1 ? [start] : Array.from({ length: span }, (_, k) => start + k);
}

function sum(values: number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export function strengthOf(score: number): Strength | undefined {
  if (score >= STRONG) return 'strong';
  if (score >= WEAK) return 'weak';
  return undefined;
}

export interface CompareOptions {
  kind?: TargetKind;
  weight?: TokenWeight;
  /**
   * Screening against lists (index, page scan): names made only of common parts never alert.
   * Comparing two given names (the compare command) only refuses a single common word.
   */
  requireEvidence?: boolean;
  /**
   * Page scan: whether a token is a given name or surname common in many countries. A person
   * named by only part of the listed name ("Javier Diaz" for "DIAZ MEDINA, Javier", "Mahmoud
   * Abbas" for "Ali Mahmoud ABBAS") is not taken for that person when every part named is common:
   * thousands of people have that name. A lookup asks about one person on purpose, so it keeps them.
   */
  isCommonPersonName?: (token: string) => boolean;
}

/** Scores two tokenised names; the core shared by compareNames and the index. */
export function scoreTokens(a: NameTokens, b: NameTokens, options: CompareOptions = {}): NameComparison {
  return scoreTokensAtLeast(a, b, options, -Infinity)!;
}

/**
 * scoreTokens, or undefined when the score is sure to be under `least`: the best the token pairs
 * allow (see scoreBound) is under it. Saves aligning and weighing names that cannot be a result.
 */
export function scoreTokensAtLeast(a: NameTokens, b: NameTokens, options: CompareOptions, least: number): NameComparison | undefined {
  const weight = options.weight ?? builtinWeight;
  const penalties: string[] = [];
  // Numbers must agree for the same name: "Crystal Ord 1" and "Crystal Ord 2", "Fund VII" and
  // "Fund VIII" are sister vessels or series members of one sponsor. The rest of the name is
  // compared without its numbers, and a match is at most weak: worth a review, never the same.
  const digitsDiffer = a.digits.join(' ') !== b.digits.join(' ');
  const tokensA = digitsDiffer ? withoutNumbers(a.tokens) : a.tokens;
  const tokensB = digitsDiffer ? withoutNumbers(b.tokens) : b.tokens;
  const sideA: Side = { tokens: tokensA, weights: tokensA.map(weight) };
  const sideB: Side = { tokens: tokensB, weights: tokensB.map(weight) };
  const pairs = candidatePairs(sideA, sideB, options.requireEvidence === true);
  if (least > 0 && scoreBound(sideA, sideB, pairs) < least) return undefined;
  const aligned = alignPairs(sideA, sideB, pairs);
  const person = options.kind === 'person';
  // A one-word name with a number ("Division 39", "Victory 3") is told apart by its number alone.
  if (digitsDiffer && (tokensA.length < 2 || tokensB.length < 2)) {
    penalties.push(`different numbers (${a.digits.join(' ') || 'none'} / ${b.digits.join(' ') || 'none'})`);
    return { score: 0, match: false, explanation: { tokens: aligned.alignment, penalties } };
  }

  // Both sides' coverage counts; for people a shorter name wholly inside a longer one (a missing
  // middle name or patronymic) costs a little per extra token rather than its whole weight.
  const short = Math.min(aligned.coverageA, aligned.coverageB);
  const long = Math.max(aligned.coverageA, aligned.coverageB);
  // The less covered side counts most: half of a listed name is not the listed name.
  let score = 0.7 * short + 0.3 * long;
  // Unknown kind (a bare name typed or compared): people are the common case, so the same allowance.
  // Only when one name lies wholly inside the other: a part on each side unmatched is a
  // different part (a father's name for another), not a missing one.
  const extraA = aligned.alignment.filter((t) => t.how === 'extra').length;
  const extraB = aligned.alignment.filter((t) => t.how === 'missing').length;
  const partOnlyA = aligned.alignment.some((t) => t.how === 'extra' && !PARTICLES.has(t.query));
  const partOnlyB = aligned.alignment.some((t) => t.how === 'missing' && !PARTICLES.has(t.listed));
  const whollyInside = !partOnlyA || !partOnlyB;
  const commonPartOnly =
    person &&
    extraB > 0 &&
    options.isCommonPersonName !== undefined &&
    aligned.alignment.every((t) => t.how === 'missing' || t.how === 'extra' || t.listed.split(' ').every(options.isCommonPersonName!));
  if (commonPartOnly) {
    score = Math.min(score, WEAK - 0.01);
    penalties.push('only part of the listed name, and only common names');
  } else if ((person || options.kind === undefined) && whollyInside && long >= 0.85 && aligned.matchedTokens >= 2) {
    const extra = extraA + extraB;
    score = Math.max(score, long - 0.04 * extra - (1 - short) * 0.15);
    if (extra > 0) penalties.push(`${extra} name part${extra > 1 ? 's' : ''} on one side only`);
  }

  // Enough evidence? Names of only common tokens ("Muhammad Ali", "Bank Group") never alert alone.
  const evidenceRule = options.requireEvidence || aligned.matchedTokens < 2 || short < 0.85;
  if (evidenceRule && aligned.rareMatched === 0 && score > WEAK - 0.01) {
    const cap = aligned.matchedWeight >= 1.2 ? WEAK + 0.05 : WEAK - 0.01;
    if (score > cap) {
      score = cap;
      penalties.push('only common name parts match');
    }
  }
  // A single matched token is thin evidence for people (a shared surname).
  if (person && aligned.matchedTokens < 2 && Math.max(a.tokens.length, b.tokens.length) > 1) {
    if (score > WEAK - 0.01) {
      score = WEAK - 0.01;
      penalties.push('only one name part matches');
    }
  }
  // Rare tokens left unmatched on both sides mean different names ("Armenia" / "America").
  const unmatchedRareA = aligned.alignment.filter((t) => t.how === 'extra' && t.weight >= 0.9).length;
  const unmatchedRareB = aligned.alignment.filter((t) => t.how === 'missing' && t.weight >= 0.9).length;
  if (unmatchedRareA > 0 && unmatchedRareB > 0) {
    score *= 0.85;
    penalties.push('distinctive words differ on both sides');
  } else {
    // One given name swapped for another (a father's or grandfather's name in Arabic naming), or
    // one place for another ("Bank of China (Hong Kong)" / "(Singapore)"): another person or company.
    const swappedA = aligned.alignment.some((t) => t.how === 'extra' && t.weight >= 0.4);
    const swappedB = aligned.alignment.some((t) => t.how === 'missing' && t.weight >= 0.4);
    if (swappedA && swappedB) {
      score *= 0.85;
      penalties.push('a name part differs on both sides');
    }
  }
  // "SALMAN BIN MUHAMMAD" is Salman, son of Muhammad: not "MUHAMMAD BIN SALMAN". The name before
  // bin / ibn / ben / ould is the person's own.
  if (person) {
    const sonOfA = sonOfIndex(a.tokens);
    const sonOfB = sonOfIndex(b.tokens);
    const ownA = sonOfA > 0 ? a.tokens[sonOfA - 1] : undefined;
    const ownB = sonOfB > 0 ? b.tokens[sonOfB - 1] : undefined;
    if (ownA && ownB && compareTokens(ownA, ownB).similarity < 0.8) {
      // Father and son swapped ("SALMAN BIN MUHAMMAD" / "MUHAMMAD BIN SALMAN") share every
      // word: only this says they are two people, so it weighs enough to leave the bands.
      score *= 0.7;
      penalties.push(`different own names before “bin” (${ownA} / ${ownB})`);
    } else if (ownA && ownB) {
      // The same own name, sons of two fathers ("X BEN MOHAMED BEN Y" / "X BEN ALI BEN Y").
      const fatherA = a.tokens[sonOfA + 1];
      const fatherB = b.tokens[sonOfB + 1];
      if (fatherA && fatherB && !PARTICLES.has(fatherA) && !PARTICLES.has(fatherB) && compareTokens(fatherA, fatherB).similarity === 0) {
        score *= 0.8;
        penalties.push(`different fathers' names after “bin” (${fatherA} / ${fatherB})`);
      }
    }
  }
  // An organisation named with a word the other lacks is another organisation: a sister or a
  // subsidiary ("Acme Systems Ltd" / "Acme Ltd", "Banco X México S.A." / "Banco X S.A."). But a
  // brand or short name, written without a legal form, often leaves out what the full legal name
  // adds ("Acme" for "ACME EUROPE GMBH"). Particles and single letters do not count.
  if (!person && aligned.matchedTokens > 0) {
    const wordOnlyA = aligned.alignment.some((t) => t.how === 'extra' && isOrganisationWord(t.query, t.weight));
    const wordOnlyB = aligned.alignment.some((t) => t.how === 'missing' && isOrganisationWord(t.listed, t.weight));
    const [longer, shorter] = wordOnlyA ? [a, b] : [b, a];
    const brandOfLegalName = longer.forms.length > 0 && shorter.forms.length === 0;
    if (wordOnlyA !== wordOnlyB && !brandOfLegalName) {
      score *= ONE_SIDED_WORD_FACTOR;
      penalties.push('a word of one name is missing from the other');
    }
  }
  if (aligned.nearMatched > 0) {
    score = Math.min(score, NEAR_CAP);
    penalties.push(NEAR_PENALTY);
  }
  if (digitsDiffer) {
    score = Math.min(score * SERIES_FACTOR, STRONG - 0.01);
    penalties.push(`different numbers (${a.digits.join(' ') || 'none'} / ${b.digits.join(' ') || 'none'})`);
  }
  if (!person && legalFormsDisagree(a.forms, b.forms)) {
    score *= OTHER_LEGAL_FORM_FACTOR;
    penalties.push(`different legal forms (${a.forms.join(' ')} / ${b.forms.join(' ')})`);
  }

  score = Math.max(0, Math.min(1, score));
  const strength = strengthOf(score);
  return { score: round(score), match: strength !== undefined, strength, explanation: { tokens: aligned.alignment, penalties } };
}

/**
 * The most scoreTokensAtLeast can give for these pairs: each token matched by its best pairing
 * (the alignment uses a token once, in one pairing at most), scored as covered, with the allowance
 * for a name wholly inside the other; every later rule only lowers a score.
 */
function scoreBound(a: Side, b: Side, pairs: Pair[]): number {
  const bestA = new Array<number>(a.tokens.length).fill(0);
  const bestB = new Array<number>(b.tokens.length).fill(0);
  for (const p of pairs) {
    // As alignPairs counts it: an initial carries little of its full name's weight.
    const value = p.match.similarity * (p.match.how === 'initial' ? 0.8 : 1);
    for (let k = p.i; k < p.i + p.spanA; k++) if (value > bestA[k]!) bestA[k] = value;
    for (let k = p.j; k < p.j + p.spanB; k++) if (value > bestB[k]!) bestB[k] = value;
  }
  const coverageA = coverageBound(a.weights, bestA);
  const coverageB = coverageBound(b.weights, bestB);
  const short = Math.min(coverageA, coverageB);
  const long = Math.max(coverageA, coverageB);
  return Math.max(0.7 * short + 0.3 * long, long - (1 - short) * 0.15);
}

function coverageBound(weights: number[], best: number[]): number {
  let matched = 0;
  let total = 0;
  for (let k = 0; k < weights.length; k++) {
    matched += weights[k]! * best[k]!;
    total += weights[k]!;
  }
  return total ? matched / total : 0;
}

/**
 * One name under two kinds of legal entity (a GmbH and an AG of one group, a Ltd and an Inc in two
 * countries) names two companies: even all words agreeing stays under the weak band.
 */
const OTHER_LEGAL_FORM_FACTOR = 0.72;

/** Both names carry a form of a known kind, and no kind is shared. */
function legalFormsDisagree(formsA: string[], formsB: string[]): boolean {
  const kindsA = formsA.map(legalFormKind).filter((k) => k !== undefined);
  if (kindsA.length === 0) return false;
  const kindsB = formsB.map(legalFormKind).filter((k) => k !== undefined);
  return kindsB.length > 0 && !kindsA.some((k) => kindsB.includes(k));
}

/** An organisation with a word more than another is, most often, a sister or a subsidiary. */
const ONE_SIDED_WORD_FACTOR = 0.85;

function isOrganisationWord(token: string, weight: number): boolean {
  return token.length > 1 && weight >= 0.3 && !PARTICLES.has(token);
}

/** What a same name with another number keeps: a sister or series member, weak at best. */
const SERIES_FACTOR = 0.92;

const NUMBER_TOKEN = /^\d+$/;

function withoutNumbers(tokens: string[]): string[] {
  return tokens.some((t) => NUMBER_TOKEN.test(t)) ? tokens.filter((t) => !NUMBER_TOKEN.test(t)) : tokens;
}

const CONNECTORS = new Set(['bin', 'ibn', 'ben', 'bint', 'ould', 'walad']);

/**
 * Where the first bin / ibn … stands after the person's own name; -1 when there is none, or an
 * article or particle stands before it ("Al Bin Ali" is a family name).
 */
function sonOfIndex(tokens: string[]): number {
  const k = tokens.findIndex((t) => CONNECTORS.has(t));
  return k > 0 && !PARTICLES.has(tokens[k - 1]!) ? k : -1;
}

/** FtM / list schema words to our kinds. */
export function kindOfSchema(schema: string | undefined): TargetKind | undefined {
  switch ((schema ?? '').toLowerCase()) {
    case 'person':
    case 'individual':
      return 'person';
    case 'vessel':
      return 'vessel';
    case 'airplane':
    case 'aircraft':
      return 'aircraft';
    case '':
      return undefined;
    default:
      return 'organisation';
  }
}

/**
 * Names written in Chinese, Japanese or Korean characters are compared character by character:
 * each is a syllable, and one different character (习近平 / 习近朋) is a different name.
 */
function compareCjk(a: string, b: string): NameComparison | undefined {
  if (!isCjkOnly(a) || !isCjkOnly(b)) return undefined;
  const ca = [...cjkCharacters(a)];
  const cb = [...cjkCharacters(b)];
  if (ca.length === 0 || cb.length === 0) return undefined;
  const pool = [...cb];
  let common = 0;
  for (const c of ca) {
    const k = pool.indexOf(c);
    if (k >= 0) {
      common++;
      pool.splice(k, 1);
    }
  }
  const score = round((2 * common) / (ca.length + cb.length));
  const strength = common === ca.length && common === cb.length ? strengthOf(score) : score >= STRONG ? 'weak' : undefined;
  return {
    score: strength ? score : Math.min(score, WEAK - 0.01),
    match: strength !== undefined,
    strength,
    explanation: { tokens: [{ query: a, listed: b, how: common === ca.length ? 'exact' : 'typo', similarity: score, weight: 1 }], penalties: common < Math.max(ca.length, cb.length) ? ['different characters'] : [] },
  };
}

/**
 * "Al-Qa'ida/Islamic Army": a slash or semicolon separates alternative names; "Deutsche Bank
 * (Schweiz) AG" is also read without its bracketed part, and the bracketed part alone.
 */
function alternatives(name: string): string[] {
  const out = new Set([name, ...name.split(/\s*[/;]\s*/).filter((p) => p.trim() !== '')]);
  for (const part of [...out]) {
    const brackets = bracketParts(part);
    if (!brackets) continue;
    if (brackets.outside) out.add(brackets.outside);
    if (brackets.inside) out.add(brackets.inside);
  }
  return [...out];
}

const ARABIC = /[\u0600-\u06ff]/;

/**
 * Arabic script writes few vowels: فرناندو بيريز transliterates to "frnndw byryz". Against a
 * Latin name both sides are compared as consonant skeletons (p and v do not exist in Arabic).
 */
function abjad(tokens: NameTokens, latin: boolean): NameTokens {
  const skeleton = (t: string) =>
    (latin ? t.replace(/p/g, 'b').replace(/v/g, 'f').replace(/[aeiouyw]/g, '') : t.replace(/[aeiouwy]/g, '')).replace(/(.)\1+/g, '$1');
  return { ...tokens, tokens: tokens.tokens.map(skeleton).filter((t) => t.length > 0) };
}

/** Compares two names as written. */
export function compareNames(a: string, b: string, options: CompareOptions = {}): NameComparison {
  const arabicA = ARABIC.test(a);
  const arabicB = ARABIC.test(b);
  if (arabicA !== arabicB) {
    const plain = compareNamesAs(a, b, options);
    const skeletal = scoreTokens(abjad(nameTokens(a, options.kind), !arabicA), abjad(nameTokens(b, options.kind), !arabicB), options);
    // Consonant skeletons have already lost letters: a letter or two more apart is another name.
    if (skeletal.explanation.penalties.includes(NEAR_PENALTY)) return plain;
    // A skeleton match is weaker evidence than a spelled one.
    const adjusted = { ...skeletal, score: round(skeletal.score * 0.97) };
    adjusted.strength = strengthOf(adjusted.score);
    adjusted.match = adjusted.strength !== undefined;
    return adjusted.score > plain.score ? adjusted : plain;
  }
  return compareNamesAs(a, b, options);
}

function compareNamesAs(a: string, b: string, options: CompareOptions): NameComparison {
  if (CJK_CHAR.test(a) && CJK_CHAR.test(b)) {
    const cjk = compareCjk(a.trim(), b.trim());
    if (cjk) return cjk;
  }
  let best: NameComparison | undefined;
  const altsA = alternatives(a);
  const altsB = alternatives(b);
  for (const x of altsA) {
    for (const y of altsB) {
      // Both shorn of their brackets would make "(Hong Kong)" and "(Singapore)" branches one company.
      if (x !== a && y !== b && /\(/.test(a) && /\(/.test(b) && !/[/;]/.test(a + b)) continue;
      const result = scoreTokens(nameTokens(x, options.kind), nameTokens(y, options.kind), options);
      if (!best || result.score > best.score) best = result;
    }
  }
  return best!;
}
