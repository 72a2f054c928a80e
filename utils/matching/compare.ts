import type { TargetKind } from '../model';
import {
  bracketParts,
  caseStem,
  cjkCharacters,
  CJK_CHAR,
  isCjkOnly,
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
const PLACES = new Set([
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

/** Weights without list statistics: particles weigh little, common names and words less than others. */
export const builtinWeight: TokenWeight = (token) => {
  if (PARTICLES.has(token)) return 0.15;
  if (/^\d+$/.test(token)) return 0.6;
  if (COMMON.has(token) || PLACES.has(token)) return 0.45;
  if (token.length <= 2) return 0.4;
  return 1;
};

function levenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    let rowMin = prev[0];
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + cost);
      // Transposition ("Mohmamed"): one edit, not two.
      if (i > 1 && j > 1 && cost && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) prev[j] = Math.min(prev[j]!, diag);
      diag = up;
      if (prev[j]! < rowMin) rowMin = prev[j]!;
    }
    if (rowMin > max) return max + 1;
  }
  return prev[b.length]!;
}

export interface TokenMatch {
  similarity: number;
  how: TokenAlignment['how'];
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
];
const NICKNAMES = new Map<string, Set<string>>();
for (const group of NICKNAME_GROUPS) {
  for (const name of group) {
    const set = NICKNAMES.get(name) ?? new Set<string>();
    for (const other of group) if (other !== name) set.add(other);
    NICKNAMES.set(name, set);
  }
}

/** Shortest token length for typo tolerance: "Tim" and "Tom" are different names, "Cooney" and "Carney" may not be. */
const MIN_TYPO_LENGTH = 4;

/** Similarity of two tokens with the reason; 0 when they should not be taken as the same. */
const EXACT: TokenMatch = { similarity: 1, how: 'exact' };
const NONE: TokenMatch = { similarity: 0, how: 'missing' };
/** Smaller token → larger token → match: two lookups by the tokens themselves, no key string built per call. */
const tokenCache = new Map<string, Map<string, TokenMatch>>();
let tokenCacheSize = 0;

export function compareTokens(a: string, b: string): TokenMatch {
  if (a === b) return EXACT;
  const low = a < b ? a : b;
  const high = a < b ? b : a;
  let cachedForLow = tokenCache.get(low);
  const cached = cachedForLow?.get(high);
  if (cached) return cached;
  const result = computeTokenMatch(a, b);
  // Bounded: queries and pages bring endless new words.
  if (tokenCacheSize > 300_000) {
    tokenCache.clear();
    tokenCacheSize = 0;
    cachedForLow = undefined;
  }
  if (!cachedForLow) tokenCache.set(low, (cachedForLow = new Map()));
  cachedForLow.set(high, result);
  tokenCacheSize++;
  return result;
}

function computeTokenMatch(a: string, b: string): TokenMatch {
  if (NICKNAMES.get(a)?.has(b)) return { similarity: 0.85, how: 'phonetic' };
  // Words of very different lengths are different words (and Levenshtein would say so slowly).
  if (Math.abs(a.length - b.length) > Math.max(a.length, b.length) / 2 + 1) return NONE;
  if (/\d/.test(a) || /\d/.test(b)) return { similarity: 0, how: 'missing' };
  const pa = phoneticForm(a);
  const pb = phoneticForm(b);
  if (pa === pb) return { similarity: 0.96, how: 'phonetic' };
  const shorter = Math.min(a.length, b.length);
  // Inflected forms in running text (Russian "Виктора Вексельберга", "Олега Дерипаски"): the
  // same stem with a case ending.
  if (shorter >= 4 && caseStem(pa) === caseStem(pb)) return { similarity: 0.94, how: 'phonetic' };
  // Vowels as one class only for longer words, where the consonants carry the name
  // (Mohammed / Muhammad); "Grund" / "Grand" and "Feng" / "Fujing" are other words.
  if (shorter >= 6 && vowelSkeleton(a) === vowelSkeleton(b)) return { similarity: 0.9, how: 'phonetic' };
  if (Math.min(pa.length, pb.length) < MIN_TYPO_LENGTH) return { similarity: 0, how: 'missing' };
  const longest = Math.max(pa.length, pb.length);
  const max = Math.floor(longest / 2);
  const d = Math.min(levenshtein(pa, pb, max), levenshtein(a, b, max));
  if (d > max) return { similarity: 0, how: 'missing' };
  // The first letter is rarely mistyped: an edit there costs more.
  const firstDiffers = a[0] !== b[0] && pa[0] !== pb[0];
  const similarity = 1 - d / longest - (firstDiffers ? 0.1 : 0);
  return similarity >= 0.67 ? { similarity, how: 'typo' } : { similarity: 0, how: 'missing' };
}

function spanLength(tokens: string[], start: number, span: number): number {
  let n = 0;
  for (let k = start; k < start + span; k++) n += tokens[k]!.length;
  return n;
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

/** Candidate pairings, including one token against two adjacent ones joined. */
function candidatePairs(a: Side, b: Side): Pair[] {
  const pairs: Pair[] = [];
  for (let i = 0; i < a.tokens.length; i++) {
    for (let j = 0; j < b.tokens.length; j++) {
      const match = compareTokens(a.tokens[i]!, b.tokens[j]!);
      if (match.similarity > 0) pairs.push({ i, j, spanA: 1, spanB: 1, match });
      // Joined / split tokens: "Guangzong" against "Guang Zong", "Vanderbilt" against "Van der Bilt".
      for (let span = 2; span <= 3; span++) {
        if (j + span <= b.tokens.length && Math.abs(spanLength(b.tokens, j, span) - a.tokens[i]!.length) <= 2) {
          const joined = b.tokens.slice(j, j + span).join('');
          const m = compareTokens(a.tokens[i]!, joined);
          if (m.similarity >= 0.9) pairs.push({ i, j, spanA: 1, spanB: span, match: { similarity: m.similarity * 0.98, how: 'joined' } });
        }
        if (i + span <= a.tokens.length && Math.abs(spanLength(a.tokens, i, span) - b.tokens[j]!.length) <= 2) {
          const joined = a.tokens.slice(i, i + span).join('');
          const m = compareTokens(joined, b.tokens[j]!);
          if (m.similarity >= 0.9) pairs.push({ i, j, spanA: span, spanB: 1, match: { similarity: m.similarity * 0.98, how: 'joined' } });
        }
      }
      // Initials: "G. Zhao" against "Guangzong Zhao".
      const ta = a.tokens[i]!;
      const tb = b.tokens[j]!;
      if ((ta.length === 1 && tb.length > 1 && tb[0] === ta) || (tb.length === 1 && ta.length > 1 && ta[0] === tb)) {
        pairs.push({ i, j, spanA: 1, spanB: 1, match: { similarity: 0.75, how: 'initial' } });
      }
    }
  }
  return pairs;
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
}

/** Greedy best-first alignment of two token lists: each token is used once. */
export function alignTokens(a: Side, b: Side): ComparedSides {
  const pairs = candidatePairs(a, b).sort((x, y) => {
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
}

/** Scores two tokenised names; the core shared by compareNames and the index. */
export function scoreTokens(a: NameTokens, b: NameTokens, options: CompareOptions = {}): NameComparison {
  const weight = options.weight ?? builtinWeight;
  const sideA: Side = { tokens: a.tokens, weights: a.tokens.map(weight) };
  const sideB: Side = { tokens: b.tokens, weights: b.tokens.map(weight) };
  const penalties: string[] = [];
  const aligned = alignTokens(sideA, sideB);
  const person = options.kind === 'person';

  // Numbers must agree: "Crystal Ord 1" is a sister of "Crystal Ord 2", not the same.
  const digitsA = a.digits.join(' ');
  const digitsB = b.digits.join(' ');
  if (digitsA !== digitsB && (a.digits.length > 0 || b.digits.length > 0)) {
    penalties.push(`different numbers (${digitsA || 'none'} / ${digitsB || 'none'})`);
    return { score: 0, match: false, explanation: { tokens: aligned.alignment, penalties } };
  }

  // Both sides' coverage counts; for people a shorter name wholly inside a longer one (a missing
  // middle name or patronymic) costs a little per extra token rather than its whole weight.
  const short = Math.min(aligned.coverageA, aligned.coverageB);
  const long = Math.max(aligned.coverageA, aligned.coverageB);
  // The less covered side counts most: half of a listed name is not the listed name.
  let score = 0.7 * short + 0.3 * long;
  // Unknown kind (a bare name typed or compared): people are the common case, so the same allowance.
  if ((person || options.kind === undefined) && long >= 0.85 && aligned.matchedTokens >= 2) {
    const extra = aligned.alignment.filter((t) => t.how === 'extra' || t.how === 'missing').length;
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
      score *= person ? 0.88 : 0.85;
      penalties.push('a name part differs on both sides');
    }
  }
  // "SALMAN BIN MUHAMMAD" is Salman, son of Muhammad: not "MUHAMMAD BIN SALMAN". The name before
  // bin / ibn / ben / ould is the person's own.
  if (person) {
    const ownA = ownNameBeforeConnector(a.tokens);
    const ownB = ownNameBeforeConnector(b.tokens);
    if (ownA && ownB && compareTokens(ownA, ownB).similarity < 0.8) {
      score *= 0.8;
      penalties.push(`different own names before “bin” (${ownA} / ${ownB})`);
    }
  }
  // An organisation named without its most distinctive word is another organisation, or a
  // description ("Transnational Criminal Organization" for BARAKAT TRANSNATIONAL …).
  if (!person && unmatchedRareB > 0 && unmatchedRareA === 0 && aligned.matchedTokens > 0) {
    score *= 0.9;
    penalties.push('a distinctive word of the listed name is missing');
  }
  // Different legal forms are a weak sign of a different company, never a veto.
  if (a.forms.length > 0 && b.forms.length > 0 && !a.forms.some((f) => b.forms.includes(f))) score -= 0.01;

  score = Math.max(0, Math.min(1, score));
  const strength = strengthOf(score);
  return { score: round(score), match: strength !== undefined, strength, explanation: { tokens: aligned.alignment, penalties } };
}

const CONNECTORS = new Set(['bin', 'ibn', 'ben', 'bint', 'ould', 'walad']);

function ownNameBeforeConnector(tokens: string[]): string | undefined {
  const k = tokens.findIndex((t) => CONNECTORS.has(t));
  return k > 0 ? tokens[k - 1] : undefined;
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
