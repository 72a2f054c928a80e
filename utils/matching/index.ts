import type { NameType, Target } from '../model';
import { isCommonPersonName } from './common-names';
import { DeletionKeys } from './deletion-keys';
import { builtinWeight, compareForms, compareNames, compareTokens, compareTokensOnce, nicknamesOf, PLACES, tokenForms, type TokenFormsOf, scoreTokens, scoreTokensAtLeast, strengthOf, type TokenWeight } from './compare';
import { breaksScanWords, findIdentifiersInText, queryIdentifierKeys, targetIdentifierKeys, type IdentifierCandidates } from './identifiers';
import {
  bracketParts,
  caseStem,
  CASE_ENDING,
  cjkCharacters,
  CJK_CHAR,
  COMPANY_FORMS,
  foldsAsItself,
  foldText,
  isCjkOnly,
  nameTokens,
  PARTICLES,
  phoneticForm,
  sharedStart,
  TITLES,
  type NameTokens,
} from './normalize';
import { IntColumn, IntList, IntListTable, KeyTable, lowerBound, Postings, PostingsBuilder, sortedByHash, StringListColumn, StringPool } from './postings';
import { STRONG, WEAK, type NameComparison, type NameExplanation, type QueryMatch, type ScanMatch, type SearchOptions, type Strength } from './types';

/**
 * The compact index over every active list: names tokenised once, an inverted index from
 * token keys (exact and phonetic) to names, token rarity from the lists themselves, and
 * targets grouped across sources (a person listed by the UK, the US and the UN is one result).
 */

interface IndexedName {
  target: number;
  full: string;
  type: NameType;
  tokens: NameTokens;
  /** Names of the same kind with the same tokens, forms and digits share it: they score the same. */
  scoreKey: number;
  /** Han / Hangul / Kana names are also matched by their characters. */
  cjk?: string;
  /** Family-name tokens where the list says which part is the family name. */
  family?: string[];
}

/** Capitalised at the start of sentences all the time, and never a name on their own. */
const FUNCTION_WORDS = new Set([
  'it', 'is', 'we', 'me', 'my', 'by', 'so', 'no', 'us', 'do', 'go', 'or', 'if', 'be', 'as', 'up', 'this', 'that', 'these',
  'those', 'there', 'then', 'they', 'their', 'what', 'when', 'where', 'which', 'while', 'who', 'why', 'how', 'but', 'not',
  'our', 'you', 'your', 'was', 'were', 'has', 'have', 'had', 'with', 'from', 'after', 'before', 'also', 'all', 'some',
  'more', 'most', 'many', 'one', 'two', 'its', 'his', 'her', 'she', 'him', 'are', 'can', 'will', 'would', 'should', 'may',
]);

/** Key prefix (a character code) in the query key table: `~` phonetic form (one-edit keys are in DeletionKeys). */
const PHONETIC_KEY = 0x7e;

/** At most this many candidate names are scored for one query. */
const MAX_SCORED = 200;

/** Scan keys shared by more names than this are not looked up on pages. */
const SCAN_POSTING_CAP = 300;

const CJK_RUN = new RegExp(`${CJK_CHAR.source}{2,}`, 'g');

/** Scan: particles may be lower-case inside a name ("Osama bin Laden", "Bank of Kunlun"). */
const LOWER_OK = PARTICLES;

/**
 * A distinct name text (per kind class) while the index is built: what its names share. (A plain
 * object of one shape: tens of thousands are made per build.)
 */
interface NameText {
  /** Its tokenisation, until a name of the text is indexed (its tokens are in the columns then). */
  tokens: NameTokens | undefined;
  tokenCount: number;
  /** The first name of the text (its rows in the token, form and digit columns); -1: none yet. */
  row: number;
  /** A token appears twice. */
  repeats: boolean;
  /** Only legal forms: looked up on pages by none of its words. */
  onlyForms: boolean;
  /** Its characters when written only in Han / Hangul / Kana; null when not; undefined: not looked at. */
  cjk: string | null | undefined;
  /** scoreKey of the text's names of one kind (-1: none yet). */
  scoreKind: Target['kind'] | undefined;
  scoreKey: number;
  /** As a primary name: sortedWords of its tokens. */
  sortedWords: string | undefined;
  /** As a family name: its tokens but particles, and (once a name has them) their pool ids. */
  familyTokens: string[] | undefined;
  familyIds: number[] | undefined;
}

function nameText(tokens: NameTokens): NameText {
  return {
    tokens,
    tokenCount: tokens.tokens.length,
    row: -1,
    repeats: false,
    onlyForms: false,
    cjk: undefined,
    scoreKind: undefined,
    scoreKey: -1,
    sortedWords: undefined,
    familyTokens: undefined,
    familyIds: undefined,
  };
}

const NO_IDS: readonly number[] = [];

/** Kinds as numbers, for score-key signatures. */
const KIND_INDEX: Record<Target['kind'], number> = { person: 0, organisation: 1, vessel: 2, aircraft: 3 };

/** tokenUse flags: a word of five letters or more (one-edit keys); a word looked up on pages. */
const TYPO_WORD = 1;
const SCAN_WORD = 2;

export interface IndexStats {
  targets: number;
  names: number;
  /** Query keys: exact and phonetic forms, and one-edit keys. */
  keys: number;
  clusters: number;
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[rb] = ra;
  }
}

function birthYears(target: Target): Set<string> {
  return new Set((target.birthDates ?? []).map((d) => /\d{4}/.exec(d)?.[0]).filter((y): y is string => Boolean(y)));
}

function primaryOf(names: Target['names']): Target['names'][number] | undefined {
  for (let k = 0; k < names.length; k++) if (names[k]!.type === 'primary') return names[k];
  return undefined;
}

/** The words in sorted order, one space between (as `[...words].sort().join(' ')`). */
function sortedWords(words: readonly string[]): string {
  if (words.length < 2) return words.length === 1 ? words[0]! : '';
  // Names have a few words: an insertion sort, without the work arrays of Array#sort.
  const sorted = words.slice();
  for (let k = 1; k < sorted.length; k++) {
    const word = sorted[k]!;
    let at = k;
    while (at > 0 && sorted[at - 1]! > word) {
      sorted[at] = sorted[at - 1]!;
      at--;
    }
    sorted[at] = word;
  }
  return sorted.join(' ');
}

/** Keys under which a record is known to other lists, to group one target across sources. */
function linkKeys(target: Target): string[] {
  const keys = [target.id];
  if (target.source === 'un-sc') keys.push(`un:${target.nativeId.replace(/\s+/g, '').toUpperCase()}`);
  for (const ref of target.crossRefs ?? []) {
    if (ref.kind === 'ofsi-group') keys.push(`uk-ofsi:${ref.value}`);
    else if (ref.kind === 'uk-unique-id') keys.push(`uk-fcdo:${ref.value}`);
    else if (ref.kind === 'un-ref') keys.push(`un:${ref.value.replace(/\s+/g, '').toUpperCase()}`);
    else if (ref.kind === 'ofac-uid') keys.push(`us-ofac-sdn:${ref.value}`);
  }
  return keys;
}

export class MatchIndex {
  readonly targets: Target[];
  /** Names in columns rather than an object each (90k names): see entry(n). */
  private nameCount = 0;
  private readonly nameTarget: Int32Array;
  private readonly nameFull: string[] = [];
  private readonly nameType: NameType[] = [];
  private readonly strings = new StringPool();
  private readonly nameTokens = new StringListColumn(this.strings);
  private readonly nameForms = new StringListColumn(this.strings);
  private readonly nameDigits = new StringListColumn(this.strings);
  /** Family-name tokens (people whose list says which part is the family name); empty: none. */
  private readonly nameFamily = new StringListColumn(this.strings);
  private readonly nameCjk = new Map<number, string>();
  /** See IndexedName.scoreKey. */
  private readonly nameScoreKey: Int32Array;
  /** Query keys (exact token, `~` phonetic form) → names. */
  private readonly keys: KeyTable;
  private readonly postings: Postings;
  /**
   * One-edit keys of listed words → the words' exact keys: a word's names are its exact key's
   * list, so each word's keys are stored once rather than once per name.
   */
  private readonly deletionKeys: DeletionKeys;
  /** Target index → group index; group → ids of every target in it. */
  private readonly group: number[];
  private readonly groupIds: string[][];
  private readonly cjkByPrefix = new Map<string, number[]>();
  private readonly weightCache = new Map<string, number>();
  /** weight() of each pooled string, filled when first needed (NaN: not yet). */
  private stringWeights?: Float64Array;
  /** Scan keys of name tokens (exact, phonetic, stem) → name index × 64 + token position. */
  private readonly scanKeyTable = new KeyTable();
  private readonly scanPostings: Postings;
  /** Per name: how many of its words must be found close together before a window is scored. */
  private scanNeeded: Uint8Array = new Uint8Array(0);
  /**
   * Per name: how many words of a run of capitalised words it takes at the least. A page word hits
   * one listed word, and no name of two or more words (but particles) is accepted from one word
   * (a person needs the family name and another, an organisation all its words), so a hit in a run
   * of one word cannot name it: such groups (a capitalised "The" at a sentence start) are not scored.
   */
  private scanMinWords: Uint8Array = new Uint8Array(0);
  /** Per name: how far apart (in words) its words may be found. */
  private scanSpan: Uint8Array = new Uint8Array(0);
  /** Identifier key (`crypto:…`, `imo:…`, `bic:…`, `passport:…`) → targets. */
  private readonly identifiers = new Map<string, number[]>();

  private constructor(targets: Target[]) {
    this.targets = targets;
    // About two exact and phonetic keys per target on the real lists (61k for 32k targets).
    this.keys = new KeyTable(targets.length * 2);
    const uf = new UnionFind(targets.length);
    // (token pool id, name) of words of five letters or more, for one-edit keys.
    const typoTokens = new IntList();
    const byKey = new Map<string, number>();
    const postings = new PostingsBuilder();
    const scanPostings = new PostingsBuilder();
    // Per distinct token (by pool id): a token is in many names, its keys are found once.
    const tokenKey = new IntColumn();
    /** Query key of the token's phonetic form; -1 when that is the token itself. */
    const tokenPhoneticKey = new IntColumn();
    const tokenPhonetic: string[] = [];
    /** Names with the token (the length of its exact key's list once built). */
    const tokenDf = new IntColumn();
    /** TYPO_WORD and SCAN_WORD of the token. */
    const tokenUse = new IntColumn();
    /** The token's scan keys: scanKeyIds[tokenScanKeys[id] …] (-1: not found yet), tokenScanKeyCount[id] of them. */
    const tokenScanKeys = new IntColumn();
    const tokenScanKeyCount = new IntColumn();
    const scanKeyIds = new IntList();
    // The same name is listed by several sources: tokenised once per kind class.
    const tokensOfName = new Map<string, NameText>();
    const tokensOfPersonName = new Map<string, NameText>();
    const tokenise = (name: string, kind: Target['kind']): NameText => {
      const cache = kind === 'person' ? tokensOfPersonName : tokensOfName;
      let text = cache.get(name);
      if (!text) {
        text = nameText(nameTokens(name, kind));
        cache.set(name, text);
      }
      return text;
    };
    /**
     * Name n's tokens, forms and digits into the columns. The first name of a text pools its
     * strings and keys its new tokens (pool ids and keys are handed out in the order names are
     * indexed); later names of the text copy its rows.
     */
    const addTokenRows = (n: number, text: NameText): void => {
      if (text.row >= 0) {
        this.nameTokens.pushCopyOf(text.row);
        this.nameForms.pushCopyOf(text.row);
        this.nameDigits.pushCopyOf(text.row);
        return;
      }
      const tokens = text.tokens!;
      text.row = n;
      text.onlyForms = tokens.tokens.every((token) => COMPANY_FORMS.has(token));
      // From here on the columns hold them: the tokenisation is not kept (most texts are indexed at once).
      text.tokens = undefined;
      this.nameTokens.push(tokens.tokens);
      const start = this.nameTokens.start(n);
      const end = this.nameTokens.end(n);
      for (let k = start; k < end; k++) {
        const id = this.nameTokens.idAt(k);
        if (tokenKey.get(id) >= 0) {
          if (!text.repeats && this.nameTokens.indexIn(id, start, k) >= 0) text.repeats = true;
          continue;
        }
        const token = this.strings.strings[id]!;
        const p = phoneticForm(token);
        tokenKey.set(id, this.keys.add(token));
        tokenPhoneticKey.set(id, p !== token ? this.keys.add(p, PHONETIC_KEY) : -1);
        tokenPhonetic[id] = p;
        tokenDf.set(id, 0);
        tokenUse.set(id, (token.length >= 5 ? TYPO_WORD : 0) | (token.length >= 2 && !PARTICLES.has(token) ? SCAN_WORD : 0));
      }
      this.nameForms.push(tokens.forms);
      this.nameDigits.push(tokens.digits);
    };
    /** A text's tokens, from its tokenisation or, once indexed, from its row. */
    const tokensOf = (text: NameText): readonly string[] => text.tokens?.tokens ?? this.nameTokens.strings(text.row);
    const nameTarget = new IntList(targets.length * 3);
    // Score keys by signature: the kind, then the pool ids of tokens, forms and digits (-1, -2 between).
    const scoreKeys = new IntListTable();
    const signature: number[] = [];
    const nameScoreKey = new IntList(targets.length * 3);
    /** Per target, sortedWords of its primary name's tokens. */
    const primaryWords: (string | undefined)[] = new Array(targets.length);
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t]!;
      // Read once: targets of many lists have many shapes.
      const kind = target.kind;
      const links = linkKeys(target);
      for (let k = 0; k < links.length; k++) {
        const other = byKey.get(links[k]!);
        if (other === undefined) byKey.set(links[k]!, t);
        else uf.union(other, t);
      }
      const identifiers = targetIdentifierKeys(target);
      for (let k = 0; k < identifiers.length; k++) addTo(this.identifiers, identifiers[k]!.key, t);
      const names = withAlternatives(target.names);
      const primary = primaryOf(target.names);
      for (let i = 0; i < names.length; i++) {
        const name = names[i]!;
        const text = tokenise(name.full, kind);
        // Kept for grouping by primary name below (the same tokens as nameTokens(primary.full, kind)).
        // An acronym after the name ("… GUARD CORPS (IRGC)") is not part of it: another list may leave it out.
        if (name === primary) {
          const outside = trailingAcronym(name.full)?.outside;
          const primaryText = outside === undefined ? text : tokenise(outside, kind);
          primaryWords[t] = primaryText.sortedWords ??= sortedWords(tokensOf(primaryText));
        }
        let familyText: NameText | undefined;
        if (kind === 'person' && name.family) {
          familyText = tokenise(name.family, 'person');
          const familyTokens = (familyText.familyTokens ??= tokensOf(familyText).filter((f) => !PARTICLES.has(f)));
          if (!(familyTokens.length > 0 && familyTokens.length < text.tokenCount)) familyText = undefined;
        }
        const n = this.nameCount++;
        nameTarget.push(t);
        this.nameFull.push(name.full);
        this.nameType.push(name.type);
        addTokenRows(n, text);
        let scoreKey = text.scoreKind === kind ? text.scoreKey : -1;
        if (scoreKey < 0) {
          // (Written over, not emptied: `length = 0` would give up the array's storage each time.)
          signature[0] = KIND_INDEX[kind];
          let size = this.nameTokens.copyRow(n, signature, 1);
          signature[size++] = -1;
          size = this.nameForms.copyRow(n, signature, size);
          signature[size++] = -2;
          size = this.nameDigits.copyRow(n, signature, size);
          scoreKey = scoreKeys.add(signature, size);
          // Remembered for the text's first kind (organisations, vessels and aircraft share texts).
          if (text.scoreKind === undefined) {
            text.scoreKind = kind;
            text.scoreKey = scoreKey;
          }
        }
        nameScoreKey.push(scoreKey);
        // Family tokens are pooled at the first name that has them, after its tokens, forms and digits.
        if (!familyText) this.nameFamily.pushIds(NO_IDS);
        else if (familyText.familyIds) this.nameFamily.pushIds(familyText.familyIds);
        else {
          this.nameFamily.push(familyText.familyTokens!);
          this.nameFamily.appendRow(n, (familyText.familyIds = []));
        }
        if (text.cjk === undefined) text.cjk = isCjkOnly(name.full) ? cjkCharacters(name.full) : null;
        const cjk = text.cjk;
        if (cjk !== null) this.nameCjk.set(n, cjk);
        const start = this.nameTokens.start(n);
        const end = this.nameTokens.end(n);
        for (let k = start; k < end; k++) {
          const id = this.nameTokens.idAt(k);
          // A token twice in one name counts once.
          if (text.repeats && this.nameTokens.indexIn(id, start, k) >= 0) continue;
          tokenDf.set(id, tokenDf.get(id) + 1);
          postings.add(tokenKey.get(id), n);
          const phoneticKey = tokenPhoneticKey.get(id);
          if (phoneticKey >= 0) postings.add(phoneticKey, n);
          // One-edit keys: a typo in a query word of five letters or more still finds the name.
          // Added after the counts are known (below), for distinctive words only.
          if (tokenUse.get(id) & TYPO_WORD) {
            typoTokens.push(id);
            typoTokens.push(n);
          }
        }
        if (cjk) {
          const prefix = cjk.slice(0, 2);
          const list = this.cjkByPrefix.get(prefix) ?? [];
          list.push(n);
          this.cjkByPrefix.set(prefix, list);
        }
        // Scan keys: every word of every name (but weak aliases and particles), by exact, phonetic
        // and stem form ("Assad" finds AL-ASAD, "Abramowitsch" ABRAMOVICH, "Вексельберга" VEKSELBERG).
        // A name made only of legal forms (records named just "Company") names no one on a page.
        if (name.type !== 'weak-alias' && !text.onlyForms) {
          const scanned = Math.min(end - start, 64);
          for (let position = 0; position < scanned; position++) {
            const id = this.nameTokens.idAt(start + position);
            if (!(tokenUse.get(id) & SCAN_WORD)) continue;
            let first = tokenScanKeys.get(id);
            if (first < 0) {
              first = scanKeyIds.length;
              tokenScanKeys.set(id, first);
              const keys = scanKeys(this.strings.strings[id]!);
              for (let j = 0; j < keys.length; j++) scanKeyIds.push(this.scanKeyTable.add(keys[j]!));
              tokenScanKeyCount.set(id, keys.length);
            }
            const keysEnd = first + tokenScanKeyCount.get(id);
            for (let j = first; j < keysEnd; j++) scanPostings.add(scanKeyIds.at(j), n * 64 + position);
          }
        }
      }
    }
    this.deletionKeys = deletionKeysOf(typoTokens, tokenDf, tokenPhonetic, tokenKey);
    this.keys.trim();
    this.postings = postings.finish(this.keys.size);
    this.nameTarget = nameTarget.toInt32Array();
    this.nameScoreKey = nameScoreKey.toInt32Array();
    for (const column of [this.nameTokens, this.nameForms, this.nameDigits, this.nameFamily]) column.pack();
    this.strings.seal();
    // The same person or company listed by several sources under the same primary name and kind,
    // unless both give birth years and they differ (namesakes).
    // By kind, then primary name's words: the first target, or all of them once there are two.
    const byPrimary = new Map<Target['kind'], Map<string, number | number[]>>();
    targets.forEach((target, t) => {
      const primary = primaryWords[t];
      if (primary === undefined) return;
      let byWords = byPrimary.get(target.kind);
      if (!byWords) byPrimary.set(target.kind, (byWords = new Map()));
      const first = byWords.get(primary);
      if (first === undefined) {
        byWords.set(primary, t);
        return;
      }
      let bucket: number[];
      if (typeof first === 'number') byWords.set(primary, (bucket = [first]));
      else bucket = first;
      let years: Set<string> | undefined;
      const partner = bucket.find((other) => {
        // Two records of one list are two targets (OFAC's DPRK and Russian MINISTRY OF STATE SECURITY).
        if (targets[other]!.source === target.source) return false;
        years ??= birthYears(target);
        const theirs = birthYears(targets[other]!);
        return years.size === 0 || theirs.size === 0 || [...years].some((y) => theirs.has(y));
      });
      if (partner !== undefined) uf.union(partner, t);
      bucket.push(t);
    });
    // Groups numbered in the order of their first target; each group's ids in an array of its own length.
    const groupOfRoot = new Map<number, number>();
    const groupSize: number[] = [];
    this.group = targets.map((_, t) => {
      const root = uf.find(t);
      let g = groupOfRoot.get(root);
      if (g === undefined) {
        g = groupSize.push(0) - 1;
        groupOfRoot.set(root, g);
      }
      groupSize[g]!++;
      return g;
    });
    this.groupIds = groupSize.map((size) => new Array<string>(size));
    const filled = new Array<number>(groupSize.length).fill(0);
    for (let t = 0; t < targets.length; t++) {
      const g = this.group[t]!;
      this.groupIds[g]![filled[g]!++] = targets[t]!.id;
    }
    // Words in hundreds of names ("Bank", "International", "Muhammad") are not looked up on pages:
    // the rarer words of a name find it, and the window around them is scored in full.
    this.scanKeyTable.trim();
    this.scanPostings = scanPostings.finish(this.scanKeyTable.size, SCAN_POSTING_CAP);
    // Per name, the positions that still have a key: a 64-bit mask as two 32-bit halves.
    const low = new Uint32Array(this.nameCount);
    const high = new Uint32Array(this.nameCount);
    const codes = this.scanPostings.values;
    for (let k = 0; k < codes.length; k++) {
      const code = codes[k]!;
      const n = code >>> 6;
      const position = code & 63;
      if (position < 32) low[n]! |= 1 << position;
      else high[n]! |= 1 << (position - 32);
    }
    this.scanNeeded = new Uint8Array(this.nameCount);
    this.scanSpan = new Uint8Array(this.nameCount);
    this.scanMinWords = new Uint8Array(this.nameCount);
    const isParticle = Uint8Array.from(this.strings.strings, (token) => (PARTICLES.has(token) ? 1 : 0));
    for (let n = 0; n < this.nameCount; n++) {
      const length = this.nameTokens.end(n) - this.nameTokens.start(n);
      let meaningful = 0;
      for (let k = this.nameTokens.start(n); k < this.nameTokens.end(n); k++) if (!isParticle[this.nameTokens.idAt(k)]) meaningful++;
      this.scanMinWords[n] = meaningful >= 2 ? 2 : 1;
      const kind = this.targets[this.nameTarget[n]!]!.kind;
      // People are often named by two of their listed names ("Jihad Yaghmour" for YAGHMOUR, Jihad
      // Muhammad Shaker); organisations by all but one of their words at most. Words too common to
      // look up ("Oleg" in "Олега Дерипаски") cannot be found: one fewer is needed then.
      const byKind = kind === 'person' ? Math.min(2, length) : Math.max(1, length - 1);
      const lookedUp = popcount(low[n]!) + popcount(high[n]!);
      this.scanNeeded[n] = lookedUp === 0 ? 255 : Math.max(1, Math.min(byKind, lookedUp) - (lookedUp < length ? 1 : 0));
      this.scanSpan[n] = Math.min(255, length + (this.nameForms.end(n) - this.nameForms.start(n)));
    }
  }

  /** Name n as one object, for scoring and results (built when asked: most names never are). */
  private entry(n: number): IndexedName {
    const entry: IndexedName = {
      target: this.nameTarget[n]!,
      full: this.nameFull[n]!,
      type: this.nameType[n]!,
      tokens: { tokens: this.nameTokens.strings(n), forms: this.nameForms.strings(n), digits: this.nameDigits.strings(n) },
      scoreKey: this.nameScoreKey[n]!,
    };
    const cjk = this.nameCjk.get(n);
    if (cjk !== undefined) entry.cjk = cjk;
    if (this.nameFamily.end(n) > this.nameFamily.start(n)) entry.family = this.nameFamily.strings(n);
    return entry;
  }

  /** weight() of a pooled string (a name's token), remembered by its pool id. */
  private weightOfString(id: number): number {
    let weights = this.stringWeights;
    if (!weights) weights = this.stringWeights = new Float64Array(this.strings.strings.length).fill(NaN);
    let w = weights[id]!;
    if (Number.isNaN(w)) w = weights[id] = this.weight(this.strings.strings[id]!);
    return w;
  }

  static build(targets: Target[]): MatchIndex {
    return new MatchIndex(targets);
  }

  stats(): IndexStats {
    return { targets: this.targets.length, names: this.nameCount, keys: this.keys.size + this.deletionKeys.size, clusters: this.groupIds.length };
  }

  /** Rarity from the lists (a token in many names says little), never above the built-in weight. */
  readonly weight: TokenWeight = (token) => {
    const cached = this.weightCache.get(token);
    if (cached !== undefined) return cached;
    // Names with the token: the length of its exact key's list.
    const df = this.postings.lengthOf(this.keys.idOf(token));
    const total = Math.max(1, this.nameCount);
    // In 1 name of 40,000: 1; in 1 of 100: about 0.3.
    const idf = df === 0 ? 1 : Math.min(1, Math.max(0.1, Math.log(total / df) / Math.log(total / 2)));
    const w = Math.min(builtinWeight(token), idf < 0.55 ? idf : 1);
    this.weightCache.set(token, w);
    return w;
  };

  private idsOf(target: number): string[] {
    return this.groupIds[this.group[target]!]!;
  }

  /**
   * Candidate names for a query that share at least `minShared` of its words, in the order found,
   * with how many each shares. Exact and phonetic keys for every word; one-edit keys (deletions of
   * the phonetic form) for words of five letters or more, so "Guangzhong" finds "Guangzong".
   */
  private candidates(tokens: string[], minShared: number): { names: number[]; shared: number[] } {
    // Per name, in arrays kept between queries (the lists of common words are long): how many
    // words it shares, and the last word that found it (each word counts once per name); and the
    // names found, in order.
    const n = this.nameCount;
    const scratch = (this.candidateScratch ??= { sharedWords: new Int32Array(n), foundBy: new Int32Array(n), found: new Int32Array(n), word: 0 });
    const { sharedWords, foundBy, found } = scratch;
    let foundCount = 0;
    const keys: number[] = [];
    for (const token of tokens) {
      if (scratch.word === 0x7fffffff) {
        foundBy.fill(0);
        scratch.word = 0;
      }
      const word = ++scratch.word;
      const p = phoneticForm(token);
      keys.length = 0;
      keys.push(this.keys.idOf(token), this.keys.idOf(p, PHONETIC_KEY));
      // Then deletions(p): the word itself, then the word with each letter left out in turn.
      const deletions = token.length >= 5 ? p.length + 1 : 0;
      for (let at = 0; at < keys.length + deletions; at++) {
        let names: Int32Array;
        if (at < keys.length) {
          const key = keys[at]!;
          if (key < 0) continue;
          names = this.postings.of(key);
        } else names = this.namesOfDeletionKey(p, at - keys.length - 1);
        // A very common word alone would list thousands of names: the rarer words find those.
        if (names.length > 2000 && tokens.length > 1) continue;
        for (let k = 0; k < names.length; k++) {
          const name = names[k]!;
          if (foundBy[name] === word) continue;
          foundBy[name] = word;
          if (sharedWords[name] === 0) found[foundCount++] = name;
          sharedWords[name]!++;
        }
      }
    }
    const names: number[] = [];
    const shared: number[] = [];
    for (let k = 0; k < foundCount; k++) {
      const name = found[k]!;
      if (sharedWords[name]! >= minShared) {
        names.push(name);
        shared.push(sharedWords[name]!);
      }
      sharedWords[name] = 0;
    }
    return { names, shared };
  }

  /** See candidates(); made on the first query. */
  private candidateScratch?: { sharedWords: Int32Array; foundBy: Int32Array; found: Int32Array; word: number };

  /** The names of the listed words with the one-edit key `form` without the letter at `skip`, each once, in name order. */
  private namesOfDeletionKey(form: string, skip: number): Int32Array {
    const words = (this.deletionWords ??= []);
    words.length = 0;
    this.deletionKeys.wordsOf(form, skip, words);
    if (words.length === 0) return EMPTY_CODES;
    const postings = this.postings;
    if (words.length === 1) return postings.of(words[0]!);
    const names: number[] = [];
    for (const exact of words) names.push(...postings.of(exact));
    const sorted = Int32Array.from(names).sort();
    // (Two listed words of one name, or one word with a key twice, as "aab" without either a.)
    let kept = 0;
    for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[kept++] = sorted[k]!;
    return sorted.subarray(0, kept);
  }

  private deletionWords?: number[];

  /** Name n's tokens, forms and digits: what scoring reads of it (entry(n) makes the whole name). */
  private tokensOfName(n: number): NameTokens {
    return { tokens: this.nameTokens.strings(n), forms: this.nameForms.strings(n), digits: this.nameDigits.strings(n) };
  }

  /** Ranked targets for a name typed by a user: best first, one per target group. */
  query(text: string, options: SearchOptions = {}): QueryMatch[] {
    const limit = options.limit ?? 10;
    const floor = options.minStrength === 'strong' ? STRONG : WEAK;
    const best = new Map<number, QueryMatch>();
    const consider = (n: number, score: number, explanation: QueryMatch['explanation']) => {
      const entry = { target: this.nameTarget[n]!, full: this.nameFull[n]!, type: this.nameType[n]! };
      const target = this.targets[entry.target]!;
      // Weak aliases never alert on their own: at most a weak result.
      if (entry.type === 'weak-alias') score = Math.min(score, STRONG - 0.01);
      const strength = strengthOf(score);
      if (!strength || score < floor) return;
      const g = this.group[entry.target]!;
      const current = best.get(g);
      if (current && current.score >= score) return;
      best.set(g, {
        ids: [...this.idsOf(entry.target)],
        name: primaryName(target, target.names[0]?.full ?? entry.full),
        matched: entry.full,
        matchedType: entry.type,
        kind: target.kind,
        score,
        strength,
        explanation,
      });
    };
    const trimmed = text.trim();
    // An identifier typed into the search box (an address, "IMO 9123456", a BIC) matches exactly.
    for (const key of queryIdentifierKeys(trimmed)) {
      for (const t of this.identifiers.get(key) ?? []) {
        const target = this.targets[t]!;
        const g = this.group[t]!;
        best.set(g, {
          ids: [...this.idsOf(t)],
          name: primaryName(target, target.names[0]?.full ?? key),
          matched: key.slice(key.indexOf(':') + 1),
          matchedType: 'primary',
          kind: target.kind,
          score: 1,
          strength: 'strong',
          explanation: { tokens: [], penalties: [], identifier: key },
        });
      }
    }
    if (isCjkOnly(trimmed)) {
      const chars = cjkCharacters(trimmed);
      for (const n of this.cjkByPrefix.get(chars.slice(0, 2)) ?? []) {
        const result = compareNames(chars, this.nameCjk.get(n)!, { kind: this.targets[this.nameTarget[n]!]!.kind });
        consider(n, result.score, result.explanation);
      }
    }
    const query = nameTokens(trimmed);
    let personQuery: NameTokens | undefined;
    let otherQuery: NameTokens | undefined;
    // Names sharing one word of a several-word query are scored only when that word is rare.
    const rareQueryWords = query.tokens.filter((t) => this.weight(t) >= 0.9).length;
    // A name that shares under half of a query's words cannot reach the weak band (typos of one
    // edit share a key too), nor one word of a query made only of common words.
    const minShared = Math.max(rareQueryWords === 0 && query.tokens.length > 1 ? 2 : 1, Math.ceil(query.tokens.length / 2));
    const found = this.candidates(query.tokens, minShared);
    let candidates = found.names;
    // Scoring is the cost: beyond a few hundred, the names sharing the most words are enough.
    if (candidates.length > MAX_SCORED) {
      const mostShared = candidates.map((_, k) => k).sort((x, y) => found.shared[y]! - found.shared[x]!);
      candidates = mostShared.slice(0, MAX_SCORED).map((k) => found.names[k]!);
    }
    // One person on three lists is three names with the same tokens: scored once per query.
    // null: the score is sure to be under the floor (consider would pass it over), left unscored.
    const scored = new Map<number, NameComparison | null>();
    // Scores are rounded to three decimals: a little under the floor may round up to it.
    const least = floor - 0.001;
    for (const n of candidates) {
      const kind = this.targets[this.nameTarget[n]!]!.kind;
      const q = kind === 'person' ? (personQuery ??= nameTokens(trimmed, 'person')) : (otherQuery ??= nameTokens(trimmed, 'organisation'));
      const scoreKey = this.nameScoreKey[n]!;
      let result = scored.get(scoreKey);
      if (result === null) continue;
      if (result) result = { ...result, explanation: copyExplanation(result.explanation) };
      else {
        result = scoreTokensAtLeast(q, this.tokensOfName(n), { kind, weight: this.weight, requireEvidence: true }, least);
        scored.set(scoreKey, result ?? null);
        if (!result) continue;
      }
      consider(n, result.score, result.explanation);
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /**
   * Designated targets named in a text. Names in running text are capitalised (Latin scripts),
   * so a match must start at a capitalised word; windows around a rare anchor word are scored
   * against the names that contain it.
   */
  scan(text: string, options: SearchOptions = {}): ScanMatch[] {
    const floor = options.minStrength === 'strong' ? STRONG : WEAK;
    const runs = (this.lowerRuns ??= new LowerRuns());
    runs.reset(text.length);
    const identifierWords = (this.identifierWords ??= new IdentifierWords());
    identifierWords.reset();
    const words = tokenizeText(text, runs, identifierWords);
    const lowerWords = lowerCaseWords(text, runs);
    this.windowTokens.clear();
    this.personWindowTokens.clear();
    this.windowScores.clear();
    const found: ScanMatch[] = [];
    const bounds = this.boundsOfGroups();
    const anchorMask = bounds.anchorMask;
    // Words of listed names found on the page, one run of capitalised words at a time: a group of
    // hits never outlives its run.
    const stamps = (this.anchorStamps ??= new Int32Array(this.nameCount));
    const scanSpan = this.scanSpan;
    const scanNeeded = this.scanNeeded;
    const scope: ScanScope = { text, words, lowerWords, found, floor, misspeltWords: [], misspeltEntries: [], misspeltCount: 0 };
    // Names with an anchor in the current run, in the order found, and the positions the run's
    // only word found (when it has one word with hits).
    const candidates: number[] = [];
    const candidateMasks: number[] = [];
    const entries: (WordEntry | undefined)[] = [];
    const hitWords: number[] = [];
    for (let runStart = 0; runStart < words.length; ) {
      const segment = words[runStart]!.segment;
      let runEnd = runStart + 1;
      while (runEnd < words.length && words[runEnd]!.segment === segment) runEnd++;
      const alone = runEnd - runStart === 1;
      // First the names the run may name: a group is worth a look only with one of the name's
      // anchors in it (see anchorMask), found by a key or misspelt nearby. A run of common words
      // alone ("New", "The", "United") is only looked up.
      if (++this.stamp === 0x7fffffff) {
        stamps.fill(0);
        this.stamp = 1;
      }
      const stamp = this.stamp;
      // (Counts, not lengths set to 0: arrays kept for the scan.)
      let candidateCount = 0;
      let hitCount = 0;
      for (let i = runStart; i < runEnd; i++) {
        const word = words[i]!;
        if (!word.capital || word.folded.length < 2 || FUNCTION_WORDS.has(word.folded)) {
          entries[i - runStart] = undefined;
          continue;
        }
        const entry = this.entryOf(word);
        entries[i - runStart] = entry;
        const codes = alone ? (entry.aloneCodes ??= this.aloneCodesOf(entry.codes)) : entry.codes;
        if (codes.length === 0) continue;
        hitWords[hitCount++] = i;
        const anchors = alone ? (entry.aloneAnchors ??= anchorsOf(codes, anchorMask)) : (entry.anchors ??= anchorsOf(codes, anchorMask));
        for (let k = 0; k < anchors.length; k += 2) {
          const n = anchors[k]!;
          if (stamps[n] === stamp) continue;
          stamps[n] = stamp;
          candidates[candidateCount] = n;
          candidateMasks[candidateCount++] = anchors[k + 1]!;
        }
      }
      if (hitCount === 0) {
        runStart = runEnd;
        continue;
      }
      // Rare words of listed names misspelt in the run (see misspeltCodesOf): anchors too, and
      // what misspeltWeight adds.
      scope.misspeltCount = 0;
      for (let i = runStart; i < runEnd; i++) {
        const word = words[i]!;
        if (!word.capital || word.folded.length < 5) continue;
        const entry = entries[i - runStart] ?? this.entryOf(word);
        if (entry.misspelt === undefined) this.findMisspelt(word.folded, entry, anchorMask);
        if (entry.misspelt!.length === 0) continue;
        scope.misspeltWords[scope.misspeltCount] = i;
        scope.misspeltEntries[scope.misspeltCount++] = entry;
        const anchors = entry.misspeltAnchors!;
        for (let k = 0; k < anchors.length; k++) {
          const n = anchors[k]!;
          if (stamps[n] === stamp) continue;
          stamps[n] = stamp;
          candidates[candidateCount] = n;
          candidateMasks[candidateCount++] = -1;
        }
      }
      if (hitCount === 1) {
        // One word: one group per name, of the positions it found; of its anchors, only those it
        // finds enough positions of (ready), and names misspelt nearby.
        const i = hitWords[0]!;
        const entry = entries[i - runStart]!;
        const ready = alone ? (entry.aloneReady ??= this.readyOf(entry.aloneAnchors!)) : (entry.ready ??= this.readyOf(entry.anchors!));
        // (Those whose words found weigh enough; then those a misspelt word nearby could complete.)
        const end = scope.misspeltCount > 0 ? ready.length : ready[0]!;
        for (let k = 1; k < end; k += 2) this.evaluateGroup(scope, ready[k]!, i, i, ready[k + 1]!);
        for (let c = 0; c < candidateCount; c++) {
          if (candidateMasks[c] !== -1) continue;
          const n = candidates[c]!;
          const mask = maskOf(alone ? entry.aloneCodes! : entry.codes, n);
          if (mask !== 0 && popcount(mask) >= scanNeeded[n]!) this.evaluateGroup(scope, n, i, i, mask);
        }
        runStart = runEnd;
        continue;
      }
      // Otherwise each such name's groups of nearby hits in the run, evaluated as each closes: for a
      // few names, their codes found by a binary search in each word's (sorted) codes; for many
      // (a long run of names, as a list of countries), every code of the run's words once.
      let codeCount = 0;
      for (let h = 0; h < hitCount; h++) {
        const entry = entries[hitWords[h]! - runStart]!;
        codeCount += (alone ? entry.aloneCodes! : entry.codes).length;
      }
      if (candidateCount * hitCount * 8 > codeCount) this.groupsByCodes(scope, entries, runStart, hitWords, hitCount, stamp);
      else {
        for (let c = 0; c < candidateCount; c++) {
          const n = candidates[c]!;
          const low = n * 64;
          const span = scanSpan[n]!;
          const needed = scanNeeded[n]!;
          let first = -1;
          let last = -1;
          let mask = 0;
          for (let h = 0; h < hitCount; h++) {
            const i = hitWords[h]!;
            const codes = entries[i - runStart]!.codes;
            let k = lowerBound(codes, low);
            if (k >= codes.length || codes[k]! >>> 6 !== n) continue;
            if (first >= 0 && i - first > span) {
              if (popcount(mask) >= needed) this.evaluateGroup(scope, n, first, last, mask);
              first = -1;
              mask = 0;
            }
            if (first < 0) first = i;
            last = i;
            for (; k < codes.length && codes[k]! >>> 6 === n; k++) mask |= 1 << (codes[k]! & 31);
          }
          if (first >= 0 && popcount(mask) >= needed) this.evaluateGroup(scope, n, first, last, mask);
        }
      }
      runStart = runEnd;
    }
    this.windowTokens.clear();
    this.personWindowTokens.clear();
    this.windowScores.clear();
    this.scanCjk(text, found);
    this.scanIdentifiers(text, found, identifierWords.whole ? undefined : identifierWords);
    // In page order, then by target, whatever order the names were visited in: which of two
    // namesakes' matches of the same words is kept, and the order of their ids, stay the same.
    found.sort(byPlaceThenTarget);
    return resolveOverlaps(text, found);
  }

  /** Tokens of the page windows scored during one scan: many names score the same window. */
  private readonly windowTokens = new Map<string, NameTokens>();
  private readonly personWindowTokens = new Map<string, NameTokens>();

  /**
   * Scores of (window, name) pairs during one scan, by kind, then window tokens (one object per
   * window text, see windowTokensOf), then the listed name's scoreKey: all that scoreTokens reads.
   */
  private readonly windowScores = new Map<Target['kind'], Map<NameTokens, Map<number, NameComparison | null>>>();

  /** scoreTokens of a page window against a listed name, once per scan for the same window and name. */
  private scoreWindow(windowTokens: NameTokens, entry: IndexedName, kind: Target['kind'], floor: number): NameComparison | undefined {
    let byWindow = this.windowScores.get(kind);
    if (!byWindow) this.windowScores.set(kind, (byWindow = new Map()));
    let byName = byWindow.get(windowTokens);
    if (!byName) byWindow.set(windowTokens, (byName = new Map()));
    let result = byName.get(entry.scoreKey);
    if (result === undefined) {
      // Not aligned and weighed when the best its pairs allow is under the floor (scores are
      // rounded to three decimals: a little under it may round up to it). null: under it.
      result = scoreTokensAtLeast(windowTokens, entry.tokens, { kind, weight: this.weight, requireEvidence: true, isCommonPersonName }, floor - 0.001) ?? null;
      byName.set(entry.scoreKey, result);
    }
    return result ?? undefined;
  }

  /** nameTokens of a window of the page being scanned, once per window text (only `person` changes them). */
  private windowTokensOf(windowText: string, kind: Target['kind']): NameTokens {
    const cache = kind === 'person' ? this.personWindowTokens : this.windowTokens;
    let tokens = cache.get(windowText);
    if (!tokens) {
      tokens = nameTokens(windowText, kind);
      cache.set(windowText, tokens);
    }
    return tokens;
  }

  private lowerRuns?: LowerRuns;
  private identifierWords?: IdentifierWords;

  /** tokenForms of pooled strings (names' tokens), by pool id, as first needed. */
  private readonly stringForms: (TokenFormsOf | undefined)[] = [];

  private formsOfString(id: number): TokenFormsOf {
    return (this.stringForms[id] ??= tokenForms(this.strings.strings[id]!));
  }

  /** tokenForms of a page word, kept with its entry (particles: looked up). */
  private formsOfWord(word: TextWord): TokenFormsOf {
    if (word.slot < 0) return tokenForms(word.folded);
    const entry = this.entryOf(word);
    return (entry.forms ??= tokenForms(word.folded));
  }

  /** Stamp per name: the run in which an anchor of it was found (see scan). */
  private anchorStamps?: Int32Array;
  private stamp = 0;

  /** Per name: first word, last word and positions found of its open group (first -1: none). */
  private groupState?: Int32Array;

  /**
   * The groups of a run of several words with hits, for the names stamped: the run's codes in word
   * order, each name's open group in groupState, closed when the next hit is too far or the run ends.
   */
  private groupsByCodes(scope: ScanScope, entries: (WordEntry | undefined)[], runStart: number, hitWords: number[], hitCount: number, stamp: number): void {
    let group = this.groupState;
    if (!group) {
      group = this.groupState = new Int32Array(this.nameCount * 3);
      for (let at = 0; at < group.length; at += 3) group[at] = -1;
    }
    const stamps = this.anchorStamps!;
    const scanSpan = this.scanSpan;
    const open = this.openGroups;
    for (let h = 0; h < hitCount; h++) {
      const i = hitWords[h]!;
      const codes = entries[i - runStart]!.codes;
      for (let k = 0; k < codes.length; k++) {
        const code = codes[k]!;
        const n = code >>> 6;
        if (stamps[n] !== stamp) continue;
        const at = n * 3;
        let first = group[at]!;
        if (first >= 0 && i - first > scanSpan[n]!) {
          this.closeGroup(scope, n);
          first = -1;
        }
        if (first < 0) {
          group[at] = i;
          open.push(n);
        }
        group[at + 1] = i;
        group[at + 2] = group[at + 2]! | (1 << (code & 31));
      }
    }
    for (let k = 0; k < open.length; k++) this.closeGroup(scope, open[k]!);
    open.length = 0;
  }

  private readonly openGroups: number[] = [];

  private closeGroup(scope: ScanScope, n: number): void {
    const group = this.groupState!;
    const at = n * 3;
    const first = group[at]!;
    if (first < 0) return;
    const mask = group[at + 2]!;
    group[at] = -1;
    group[at + 2] = 0;
    if (popcount(mask) >= this.scanNeeded[n]!) this.evaluateGroup(scope, n, first, group[at + 1]!, mask);
  }

  /**
   * Per page word: the (name, position) codes it hits (its scan keys' lists one after the other),
   * those of names of one word (for a word alone in its run: sentence-initial "However", "Share"
   * can only be such a name), the names it is an anchor of, and the listed rare words it spells
   * with a typo. Kept across scans, up to a bound: pages share most of their words ("New", "United").
   */
  private readonly wordEntries = new Map<string, WordEntry>();
  /** wordEntry by the word's slot in FOLDED (a slot may since hold another string: checked). */
  private slotEntries?: (WordEntry | undefined)[];

  private entryOf(word: TextWord): WordEntry {
    const slot = word.slot;
    if (slot < 0) return this.wordEntry(word.folded);
    const slots = (this.slotEntries ??= new Array<WordEntry | undefined>(FOLDED_SLOTS).fill(undefined));
    const known = slots[slot];
    if (known !== undefined && known.folded === word.folded) return known;
    return (slots[slot] = this.wordEntry(word.folded));
  }

  private wordEntry(folded: string): WordEntry {
    let entry = this.wordEntries.get(folded);
    if (entry) return entry;
    const lists: Int32Array[] = [];
    for (const key of scanKeys(folded)) {
      const id = this.scanKeyTable.idOf(key);
      if (id >= 0 && this.scanPostings.lengthOf(id) > 0) lists.push(this.scanPostings.of(id));
    }
    // (Lists of a word's keys overlap: a code seen twice only extends its group to the same word.)
    // Sorted, so that a name's codes are found by a binary search (one key's list is in name order).
    const codes = lists.length === 0 ? EMPTY_CODES : lists.length === 1 ? lists[0]! : concatenated(lists).sort();
    entry = { folded, forms: undefined, codes, aloneCodes: undefined, anchors: undefined, aloneAnchors: undefined, ready: undefined, aloneReady: undefined, misspelt: undefined, misspeltAnchors: undefined };
    if (this.wordEntries.size >= WORD_HITS_KEPT) this.wordEntries.clear();
    this.wordEntries.set(folded, entry);
    return entry;
  }

  /**
   * Of a word's anchors (name, mask …), those whose group the word alone makes could pass
   * evaluateGroup's first bounds (enough positions found, scanNeeded; enough weight found, or
   * misspellable): [count of the first kind × 2 + 1, then name, mask … of those whose words found
   * weigh enough, then of those that need a misspelt word].
   */
  private readyOf(anchors: Int32Array): Int32Array {
    const sure: number[] = [];
    const maybe: number[] = [];
    for (let k = 0; k < anchors.length; k += 2) {
      const n = anchors[k]!;
      const mask = anchors[k + 1]!;
      if (popcount(mask) < this.scanNeeded[n]!) continue;
      const bound = this.boundOf(n, mask);
      if (bound === 2) sure.push(n, mask);
      else if (bound === 1) maybe.push(n, mask);
    }
    return Int32Array.from([sure.length + 1, ...sure, ...maybe]);
  }

  /**
   * evaluateGroup's first bound for name n with these positions found: 0 the words found and the
   * rare words that might be misspelt weigh too little; 1 enough only with a misspelt word; 2 enough.
   */
  private boundOf(n: number, mask: number): number {
    const bounds = this.groupBounds!;
    const tokensStart = this.nameTokens.start(n);
    const tokenCount = this.nameTokens.end(n) - tokensStart;
    let hitWeight = 0;
    let misspellable = 0;
    const within = tokenCount >= 32 ? -1 : (1 << tokenCount) - 1;
    for (let bits = mask & within; bits !== 0; bits &= bits - 1) hitWeight += bounds.tokenWeight[tokensStart + 31 - Math.clz32(bits & -bits)]!;
    for (let bits = bounds.misspellable[n]! & ~mask & within; bits !== 0; bits &= bits - 1) misspellable += bounds.tokenWeight[tokensStart + 31 - Math.clz32(bits & -bits)]!;
    const needed = bounds.needed[n]!;
    return hitWeight + misspellable < needed ? 0 : hitWeight < needed ? 1 : 2;
  }

  /** The codes of names that one word can name (scanMinWords 1). */
  private aloneCodesOf(all: Int32Array): Int32Array {
    const scanMinWords = this.scanMinWords;
    let kept = 0;
    for (let k = 0; k < all.length; k++) if (scanMinWords[all[k]! >>> 6] === 1) kept++;
    if (kept === all.length) return all;
    const codes = new Int32Array(kept);
    kept = 0;
    for (let k = 0; k < all.length; k++) if (scanMinWords[all[k]! >>> 6] === 1) codes[kept++] = all[k]!;
    return codes;
  }

  /**
   * Listed rare words of five letters or more (misspellable in groupBounds) that a page word spells
   * with a typo, as sorted codes (name × 64 + position): those that share a key with it (the
   * close-vowel phonetic form, or it with one letter left out, the vowel skeleton, a nickname's form;
   * see MisspeltIndex) and that compareTokens finds at least 0.8 alike. Also the names of which such
   * a word is an anchor, but for those the page word finds by a key (already among its anchors).
   */
  private findMisspelt(folded: string, entry: WordEntry, anchorMask: Int32Array): void {
    const index = this.misspeltIndex();
    const candidates = index.candidates(folded);
    let out: number[] | undefined;
    for (let k = 0; k < candidates.length; k++) {
      const rare = candidates[k]!;
      if (compareTokensOnce(folded, index.tokens[rare]!, MISSPELT_SIMILARITY).similarity < MISSPELT_SIMILARITY) continue;
      out ??= [];
      for (let j = index.codesStart[rare]!; j < index.codesStart[rare + 1]!; j++) out.push(index.codes[j]!);
    }
    if (!out) {
      entry.misspelt = entry.misspeltAnchors = EMPTY_CODES;
      return;
    }
    const codes = Int32Array.from(out).sort();
    const hits = entry.codes;
    const anchors: number[] = [];
    for (let k = 0; k < codes.length; k++) {
      const code = codes[k]!;
      const n = code >>> 6;
      if (!(anchorMask[n]! & (1 << (code & 31))) || anchors.at(-1) === n) continue;
      const at = lowerBound(hits, code);
      if (at < hits.length && hits[at] === code) continue;
      anchors.push(n);
    }
    entry.misspelt = codes;
    entry.misspeltAnchors = anchors.length === 0 ? EMPTY_CODES : Int32Array.from(anchors);
  }

  private misspelt?: MisspeltIndex;

  /** Built on the first scan that needs it (from groupBounds' misspellable words). */
  private misspeltIndex(): MisspeltIndex {
    if (this.misspelt) return this.misspelt;
    const { misspellable } = this.boundsOfGroups();
    const rareOfString = new Map<number, number>();
    const tokens: string[] = [];
    const counts: number[] = [];
    const pairs = new IntList();
    for (let n = 0; n < this.nameCount; n++) {
      const mask = misspellable[n]!;
      if (mask === 0) continue;
      const start = this.nameTokens.start(n);
      for (let position = 0; position < 32; position++) {
        if (!(mask & (1 << position))) continue;
        const id = this.nameTokens.idAt(start + position);
        let rare = rareOfString.get(id);
        if (rare === undefined) {
          rare = tokens.push(this.strings.strings[id]!) - 1;
          rareOfString.set(id, rare);
          counts.push(0);
        }
        counts[rare]!++;
        pairs.push(rare);
        pairs.push(n * 64 + position);
      }
    }
    const codesStart = new Int32Array(tokens.length + 1);
    for (let r = 0; r < tokens.length; r++) codesStart[r + 1] = codesStart[r]! + counts[r]!;
    const codes = new Int32Array(codesStart[tokens.length]!);
    const filled = codesStart.slice(0, tokens.length);
    for (let k = 0; k < pairs.length; k += 2) codes[filled[pairs.at(k)]!++] = pairs.at(k + 1);
    return (this.misspelt = new MisspeltIndex(tokens, codesStart, codes));
  }

  /**
   * Per name, what the bound in evaluateGroup reads, computed on the first scan: the weight of each
   * token (by its index in nameTokens), the name's total weight, and which of its first 32 tokens are
   * rare and long enough to be found misspelt (see misspeltWeight).
   */
  private groupBounds?: { tokenWeight: Float64Array; totalWeight: Float64Array; needed: Float64Array; misspellable: Int32Array; anchorMask: Int32Array; oneWord: Int8Array };

  private boundsOfGroups() {
    if (this.groupBounds) return this.groupBounds;
    const tokenWeight = new Float64Array(this.nameTokens.end(this.nameCount - 1));
    const totalWeight = new Float64Array(this.nameCount);
    const misspellable = new Int32Array(this.nameCount);
    const anchorMask = new Int32Array(this.nameCount);
    const neededOf = new Float64Array(this.nameCount);
    const oneWord = new Int8Array(this.nameCount).fill(-1);
    const order = new Int32Array(32);
    const strings = this.strings.strings;
    const isParticle = new Uint8Array(strings.length);
    for (let id = 0; id < strings.length; id++) if (PARTICLES.has(strings[id]!)) isParticle[id] = 1;
    for (let n = 0; n < this.nameCount; n++) {
      const start = this.nameTokens.start(n);
      const count = this.nameTokens.end(n) - start;
      let total = 0;
      let mask = 0;
      for (let position = 0; position < count; position++) {
        const id = this.nameTokens.idAt(start + position);
        const w = this.weightOfString(id);
        tokenWeight[start + position] = w;
        total += w;
        if (position < 32 && w >= 0.9 && this.strings.strings[id]!.length >= 5) mask |= 1 << position;
      }
      totalWeight[n] = total;
      misspellable[n] = mask;
      // Anchors: all but the lightest words that together (with a margin for rounding) weigh less
      // than evaluateGroup's bound needs. A group with no anchor found or misspelt cannot reach it.
      const kind = this.targets[this.nameTarget[n]!]!.kind;
      const needed = total * (kind === 'person' ? 0.5 : 0.6);
      neededOf[n] = needed;
      const positions = Math.min(count, 32);
      // Positions by weight, lightest first (a stable insertion sort: names have a few words).
      for (let position = 0; position < positions; position++) {
        const w = tokenWeight[start + position]!;
        let at = position;
        while (at > 0 && tokenWeight[start + order[at - 1]!]! > w) {
          order[at] = order[at - 1]!;
          at--;
        }
        order[at] = position;
      }
      let light = 0;
      let anchors = positions === 32 ? -1 : (1 << positions) - 1;
      for (let k = 0; k < positions; k++) {
        const position = order[k]!;
        const w = tokenWeight[start + position]!;
        if (light + w >= needed - 1e-9) break;
        light += w;
        anchors &= ~(1 << position);
      }
      // A name that no page window can score into the weak band has no anchor at all.
      anchorMask[n] = this.mayReachWeak(n, tokenWeight, total) ? anchors : 0;
      // Names of one word (but particles; for people, of one word): see mayBeOneWordName.
      let meaningful = 0;
      let at = -1;
      for (let position = 0; position < count; position++) {
        if (!isParticle[this.nameTokens.idAt(start + position)]) {
          meaningful++;
          at = position;
        }
      }
      if (meaningful === 1 && (kind !== 'person' || count === 1) && at < 128) oneWord[n] = at;
    }
    return (this.groupBounds = { tokenWeight, totalWeight, needed: neededOf, misspellable, anchorMask, oneWord });
  }

  /**
   * Whether any window can score name n into the weak band. In a scan (requireEvidence) a window
   * without a rare pairing (both words weighing 0.9 or more: a rare listed word, or listed words
   * joined, whose weights add up) or an exact number stays under it unless the words paired weigh
   * 1.2 together (scoreTokensAtLeast); no pairing weighs more than the listed words it takes.
   */
  private mayReachWeak(n: number, tokenWeight: Float64Array, total: number): boolean {
    const start = this.nameTokens.start(n);
    const count = this.nameTokens.end(n) - start;
    if (this.nameDigits.end(n) > this.nameDigits.start(n) || total >= 1.2 - 1e-9) return true;
    for (let position = 0; position < count; position++) {
      let joined = 0;
      for (let span = 1; span <= 3 && position + span <= count; span++) {
        // (Joined runs have no initial in them: see compare.ts, JoinedRuns.)
        if (span > 1 && this.strings.strings[this.nameTokens.idAt(start + position + span - 1)]!.length < 2) break;
        if (span === 2 && this.strings.strings[this.nameTokens.idAt(start + position)]!.length < 2) break;
        joined += tokenWeight[start + position + span - 1]!;
        if (joined >= 0.9 - 1e-9) return true;
      }
    }
    return false;
  }

  /** A group of a name's words close together on the page: worth scoring? then score it. */
  private evaluateGroup(scope: ScanScope, n: number, first: number, last: number, mask: number): void {
    const { text, words, lowerWords, found, floor } = scope;
    const bounds = this.groupBounds!;
    const tokensStart = this.nameTokens.start(n);
    const tokenCount = this.nameTokens.end(n) - tokensStart;
    // Cheap bound before scoring: the words found must carry enough of the name's weight, with
    // what misspelt rare words (misspeltWeight) could add at most.
    // (Positions past the name's tokens count nothing; set bits taken in order, lowest first.)
    let hitWeight = 0;
    let misspellable = 0;
    const rare = bounds.misspellable[n]!;
    const within = tokenCount >= 32 ? -1 : (1 << tokenCount) - 1;
    for (let bits = mask & within; bits !== 0; bits &= bits - 1) hitWeight += bounds.tokenWeight[tokensStart + 31 - Math.clz32(bits & -bits)]!;
    for (let bits = rare & ~mask & within; bits !== 0; bits &= bits - 1) misspellable += bounds.tokenWeight[tokensStart + 31 - Math.clz32(bits & -bits)]!;
    // People may be named by part of their names; organisations need most of their words.
    const needed = bounds.needed[n]!;
    if (hitWeight + misspellable < needed) return;
    const wordCount = tokenCount + this.nameForms.end(n) - this.nameForms.start(n);
    if (hitWeight < needed && hitWeight + this.misspeltWeight(scope, n, rare & ~mask, first, last, wordCount) < needed) return;
    const target = this.targets[this.nameTarget[n]!]!;
    const oneWord = bounds.oneWord[n]!;
    if (oneWord >= 0 && !this.mayBeOneWordName(scope, n, oneWord, target.kind, first, last, wordCount)) return;
    if (!this.mayBeNamed(words, n, target, first, last, mask, wordCount)) return;
    const match = this.bestWindow(text, words, lowerWords, first, last, wordCount, this.entry(n), target, floor);
    if (match) found.push(match);
  }

  /**
   * Whether the words around a group could name a listed name of one word (its word at `position`;
   * other words of it particles, none for a person) in some window bestWindow scores (reaching one
   * word further right): a window with one word but particles names it only when that word is the
   * listed one (and long and rare enough, not an ordinary word of the page), never a person or a
   * ship; a window with more words only when they join into the listed word ("Sea Star" for
   * SEASTAR), or pair with its particles. Words that fold in other ways than plain letters are taken
   * as able to be anything.
   */
  private mayBeOneWordName(scope: ScanScope, n: number, position: number, kind: Target['kind'], first: number, last: number, wordCount: number): boolean {
    const { words, lowerWords } = scope;
    const person = kind === 'person';
    const slack = Math.max(0, wordCount - (last - first + 1));
    const from = reachStart(words, first, slack);
    const to = reachEnd(words, first, last, slack);
    if (!allFoldAsTyped(words, from, to, person)) return true;
    const tokensStart = this.nameTokens.start(n);
    const tokensEnd = this.nameTokens.end(n);
    const listed = this.strings.strings[this.nameTokens.idAt(tokensStart + position)]!;
    if (!person && kind !== 'vessel') {
      const formed = this.nameForms.end(n) > this.nameForms.start(n);
      const weight = this.groupBounds!.tokenWeight[tokensStart + position]!;
      if (formed ? listed.length >= 3 && weight >= 0.5 : listed.length >= 4 && weight >= 0.8 && !lowerWords.has(listed)) {
        for (let k = from; k <= to; k++) if (words[k]!.folded === listed) return true;
      }
    }
    for (let k = from; k <= to; k++) {
      const word = words[k]!.folded;
      // Page words joined.
      let joined = word;
      for (let span = 2; span <= 3 && k + span - 1 <= to; span++) {
        joined += words[k + span - 1]!.folded;
        if (Math.abs(joined.length - listed.length) <= 2 && compareTokens(joined, listed).similarity >= 0.9) return true;
      }
      // A word of the page (not a particle) pairing with a listed particle.
      if (!PARTICLES.has(word)) {
        for (let j = tokensStart; j < tokensEnd; j++) {
          if (j !== tokensStart + position && compareTokens(word, this.strings.strings[this.nameTokens.idAt(j)]!).similarity > 0) return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the words around a group could name the listed name at all, before any window is
   * scored: an organisation is named by all its words, a person by the family name and another
   * name (see bestWindow). A listed word no key found must then pair with a word nearby in some
   * way the scoring pairs words (spelt alike, joined or split, an initial); "Share on Pinterest"
   * names no AL-SHAAR, Muhammad. Words that fold in other ways than plain letters are taken as able
   * to pair with anything.
   */
  private mayBeNamed(words: TextWord[], n: number, target: Target, first: number, last: number, mask: number, wordCount: number): boolean {
    const tokensStart = this.nameTokens.start(n);
    const count = this.nameTokens.end(n) - tokensStart;
    const person = target.kind === 'person';
    const familyStart = this.nameFamily.start(n);
    const familyEnd = this.nameFamily.end(n);
    if (count > 32 || (person && familyEnd === familyStart)) return true;
    const slack = Math.max(0, wordCount - (last - first + 1));
    const from = reachStart(words, first, slack);
    const to = reachEnd(words, first, last, slack);
    if (!allFoldAsTyped(words, from, to, person)) return true;
    const strings = this.strings.strings;
    let familyCovered = false;
    let otherCovered = false;
    for (let position = 0; position < count; position++) {
      const token = strings[this.nameTokens.idAt(tokensStart + position)]!;
      if (PARTICLES.has(token)) continue;
      const coverable = (mask & (1 << position)) !== 0 || this.mayPair(words, from, to, token, this.formsOfString(this.nameTokens.idAt(tokensStart + position)), tokensStart, position, count);
      if (!person) {
        if (!coverable) return false;
      } else if (coverable) {
        let family = false;
        for (let f = familyStart; f < familyEnd && !family; f++) if (strings[this.nameFamily.idAt(f)] === token) family = true;
        if (family) familyCovered = true;
        else otherCovered = true;
        if (familyCovered && otherCovered) return true;
      }
    }
    return !person || (familyCovered && otherCovered);
  }

  /**
   * Some word from `from` to `to` may pair with the listed token (at `position` of the name's
   * tokens from `tokensStart`), in one of the ways candidatePairs pairs tokens.
   */
  private mayPair(words: TextWord[], from: number, to: number, token: string, forms: TokenFormsOf, tokensStart: number, position: number, count: number): boolean {
    const strings = this.strings.strings;
    const tokens = this.nameTokens;
    // Runs of listed tokens with this one (JOINED_…), when first needed; -1: not yet.
    let joinedCount = -1;
    for (let k = from; k <= to; k++) {
      const word = words[k]!.folded;
      if (compareForms(this.formsOfWord(words[k]!), forms).similarity > 0) return true;
      // An initial ("G. Zhao"), and initials written together ("JC Juncker"), either side.
      if ((word.length === 1 && token[0] === word) || (token.length === 1 && word[0] === token)) return true;
      if (word.length <= 3 && !PARTICLES.has(word)) {
        for (let start = Math.max(0, position - word.length + 1); start <= position && start + word.length <= count; start++) {
          let initials = true;
          for (let j = 0; j < word.length && initials; j++) {
            const listed = strings[tokens.idAt(tokensStart + start + j)]!;
            initials = listed.length >= 2 && listed[0] === word[j];
          }
          if (initials) return true;
        }
      }
      if (token.length <= 3 && k + token.length - 1 <= to) {
        let initials = true;
        for (let j = 0; j < token.length && initials; j++) {
          const folded = words[k + j]!.folded;
          initials = folded.length >= 2 && folded[0] === token[j];
        }
        if (initials) return true;
      }
      // The page's words joined ("Guang Zong" for GUANGZONG): joined only when the lengths allow.
      let joinedLength = word.length;
      for (let span = 2; span <= 3 && k + span - 1 <= to; span++) {
        joinedLength += words[k + span - 1]!.folded.length;
        if (Math.abs(joinedLength - token.length) > 2) continue;
        let joined = word;
        for (let j = 1; j < span; j++) joined += words[k + j]!.folded;
        if (compareTokens(joined, token).similarity >= 0.9) return true;
      }
      // The listed tokens joined ("Guangzong" for GUANG ZONG): runs of two or three with the token
      // (their lengths worked out once), joined only when the lengths allow a pairing.
      if (joinedCount < 0) {
        joinedCount = 0;
        for (let span = 2; span <= 3; span++) {
          for (let start = Math.max(0, position - span + 1); start <= position && start + span <= count; start++) {
            let listedLength = 0;
            for (let j = start; j < start + span; j++) listedLength += strings[tokens.idAt(tokensStart + j)]!.length;
            JOINED_STARTS[joinedCount] = start;
            JOINED_SPANS[joinedCount] = span;
            JOINED_LENGTHS[joinedCount] = listedLength;
            JOINED_TEXTS[joinedCount++] = undefined;
          }
        }
      }
      for (let r = 0; r < joinedCount; r++) {
        if (Math.abs(JOINED_LENGTHS[r]! - word.length) > 2) continue;
        let listed = JOINED_TEXTS[r];
        if (listed === undefined) {
          listed = '';
          for (let j = JOINED_STARTS[r]!; j < JOINED_STARTS[r]! + JOINED_SPANS[r]!; j++) listed += strings[tokens.idAt(tokensStart + j)]!;
          JOINED_TEXTS[r] = listed;
        }
        if (compareTokens(word, listed).similarity >= 0.9) return true;
      }
    }
    return false;
  }

  /**
   * The weight of a name's rare words that no key found but that a nearby capitalised word spells
   * with a typo ("Andrey Nikolavyevich Ivanov" for IVANOV, Andrey Nikolayevich): page words are not
   * looked up by one-edit keys, so a misspelt rare word would otherwise leave only the common ones
   * found. The run's misspellings were found once per word (misspeltCodesOf).
   */
  private misspeltWeight(scope: ScanScope, n: number, unfound: number, first: number, last: number, wordCount: number): number {
    const { tokenWeight } = this.groupBounds!;
    const tokensStart = this.nameTokens.start(n);
    const slack = Math.max(0, wordCount - (last - first + 1));
    const from = first - slack;
    const to = last + slack;
    const { misspeltWords, misspeltEntries, misspeltCount } = scope;
    // (The run's misspelling words are in page order: the first at `from` or after by a binary search.)
    let low = 0;
    let high = misspeltCount;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (misspeltWords[mid]! < from) low = mid + 1;
      else high = mid;
    }
    let found = 0;
    for (let w = low; w < misspeltCount && misspeltWords[w]! <= to; w++) found |= maskOf(misspeltEntries[w]!.misspelt!, n);
    found &= unfound;
    let extra = 0;
    for (let position = 0; found >>> position !== 0 && position < 32; position++) if (found & (1 << position)) extra += tokenWeight[tokensStart + position]!;
    return extra;
  }

  /**
   * Scores the words that hit a name, widened by up to the name's missing words on either side.
   * Of a few hundred thousand windows a page of names yields, almost none are a match: the rules
   * that need no score are tried first, and only windows that pass them are scored.
   */
  private bestWindow(
    text: string,
    words: TextWord[],
    lowerWords: { has(word: string): boolean },
    first: number,
    last: number,
    wordCount: number,
    entry: IndexedName,
    target: Target,
    floor: number,
  ): ScanMatch | undefined {
    const slack = Math.max(0, wordCount - (last - first + 1));
    const listedMeaningful = entry.tokens.tokens.filter((t) => !PARTICLES.has(t));
    const listedDigits = entry.tokens.digits.join(' ');
    const person = target.kind === 'person';
    let best: { score: number; start: number; end: number; result: ReturnType<typeof scoreTokens> } | undefined;
    for (let left = 0; left <= slack; left++) {
      const startWord = first - left;
      if (startWord < 0 || words[startWord]!.segment !== words[first]!.segment) break;
      // The place or nationality word just before the window (for organisations, below).
      const qualifier = person ? undefined : wordJustBefore(text, words, startWord);
      const qualifiesAsOwnPlace = qualifier !== undefined && PLACES.has(qualifier) && this.isPlaceOf(entry.target, qualifier);
      // "the Chinese Ministry of State Security" is China's ministry, not the North Korean one of
      // that name: a place or nationality just before an organisation's name that neither the
      // name nor the target's addresses give names another organisation.
      if (qualifier !== undefined && PLACES.has(qualifier) && !qualifiesAsOwnPlace) continue;
      // A name made only of generic words ("Ministry of National Defence", "Interior Ministry")
      // is every country's: it names the listed one only with that country's name just before it.
      if (!person && isGenericName(entry.tokens.tokens) && !qualifiesAsOwnPlace) continue;
      for (let right = 0; left + right <= slack + 1; right++) {
        const stopWord = last + right;
        if (stopWord >= words.length || words[stopWord]!.segment !== words[first]!.segment) break;
        if (!words[startWord]!.capital || !words[stopWord]!.capital) continue;
        const lastWord = words[stopWord]!;
        // A trailing possessive ("Hamas’s") is not part of the match.
        const end = lastWord.possessive ? lastWord.end - 2 : lastWord.end;
        // The run of capitalised words goes on with more name words: "Media of New Zealand" is not
        // NEW MEDIA, "Aung San Suu Kyi" not TIN AUNG SAN (for people, only where the match is
        // partial: see below). A whole organisation's name at the head of a hyphenated compound
        // stays: "IRGC-QF" is the IRGC's Quds Force, and names the IRGC too.
        const next = words[stopWord + 1];
        const nameGoesOn = !lastWord.possessive && next !== undefined && next.segment === lastWord.segment && next.capital && isNameWord(next.folded, lowerWords);
        const hyphenatedOn = next !== undefined && text.charCodeAt(lastWord.end) === 45 && next.start === lastWord.end + 1;
        if (nameGoesOn && !person && !hyphenatedOn) continue;
        // Ships are named after places and words ("Coral Sea", "Sao Paulo"): a ship's name without a
        // number is taken as the ship only where the text around it speaks of ships.
        if (target.kind === 'vessel' && listedDigits === '' && !MARITIME_CONTEXT.test(text.slice(Math.max(0, words[startWord]!.start - 120), end + 120))) continue;
        const windowText = windowWithoutNicknames(text, words, startWord, stopWord, end);
        const windowTokens = this.windowTokensOf(windowText, target.kind);
        // A listed name with a number is named with that number: "San Francisco" is not the ship
        // SAN FRANCISCO II, "Division" not OFFICE 39 (comparing two names lets a sister through as weak).
        if (listedDigits !== windowTokens.digits.join(' ')) continue;
        // One word names someone only when the listed name is that one rare word, spelt the
        // same, and not a person or a ship ("… funded by Hamas", "Evil Corp"). A legal form
        // beside it on both sides ("Evil Corp") is evidence enough for a shorter word.
        const meaningful = windowTokens.tokens.filter((t) => !PARTICLES.has(t));
        if (meaningful.length === 1) {
          const formed = windowTokens.forms.length > 0 && entry.tokens.forms.length > 0;
          const only = meaningful[0]!;
          if (
            person ||
            target.kind === 'vessel' ||
            listedMeaningful.length !== 1 ||
            only !== listedMeaningful[0] ||
            // Acronyms in capitals ("IRGC") are names; short words otherwise are not.
            only.length < (formed || (only.length >= 4 && /^[A-Z0-9]+$/.test(text.slice(words[startWord]!.start, end).replace(/\W/g, ''))) ? 3 : 5) ||
            this.weight(only) < (formed ? 0.5 : 0.8) ||
            // The same word in lower case elsewhere on the page is an ordinary word here
            // ("Start", "Forum", "Stars"), not the name of the company called that.
            (!formed && lowerWords.has(only))
          ) {
            continue;
          }
        }
        // A one-word name known only with its legal form (LLC "SEPTEMBER", ATLAS HOLDING) needs the
        // form on the page too: alone it is an ordinary word.
        if (!person && listedMeaningful.length === 1 && entry.tokens.forms.length > 0 && windowTokens.forms.length === 0) continue;
        const result = this.scoreWindow(windowTokens, entry, target.kind, floor);
        // On a tie the wider window wins: the extra words were legal forms ("… COMPANY LIMITED").
        if (!result || result.score < floor || (best && best.score > result.score)) continue;
        const tokensOf = result.explanation.tokens;
        if (!person) {
          // (So only a whole name stays at the head of a hyphenated compound, above.)
          // An organisation is named by all its words (but particles and legal forms), and by nothing
          // else: "Real Estate" is not REAL ESTATE BANK, "New York City" not NEW CITY LLC.
          if (tokensOf.some((t) => (t.how === 'missing' && !PARTICLES.has(t.listed)) || (t.how === 'extra' && !PARTICLES.has(t.query)))) continue;
          // Its words are words, not initials ("Lady Macbeth" is not the ship LADY M), and spelt
          // nearly as listed ("Interior Minister" is not MINISTERIO DEL INTERIOR).
          if (tokensOf.some((t) => t.how === 'initial' || (t.how === 'typo' && t.similarity < 0.85))) continue;
          // A particle the listed name does not have changes the name: "Progress For Shipping" is not
          // PROGRESS SHIPPING COMPANY.
          if (tokensOf.some((t) => t.how === 'extra' && PARTICLES.has(t.query) && t.query !== 'the')) continue;
        } else {
          if (entry.family) {
            // A person is named by the family name and at least one other name ("Jihad Yaghmour"),
            // not by given names alone ("Jean-Marie") or a family name alone.
            const covered = new Set(tokensOf.filter((t) => t.listed && t.how !== 'missing').flatMap((t) => t.listed.split(' ')));
            // One of two family names is enough (Spanish "Maduro" for MADURO MOROS).
            const familyCovered = entry.family.some((f) => covered.has(f));
            const otherCovered = [...covered].some((c) => !entry.family!.includes(c) && !PARTICLES.has(c));
            if (!familyCovered || !otherCovered) continue;
          }
          // "Kim Yong-hyun" is not KIM, Yong Su: a person named by part of the listed names, where the
          // last word goes on after a hyphen, is someone else. (Words before a name are often roles, in
          // any language: "il ministro degli Interni Yuri Karayev".)
          const missingPart = tokensOf.some((t) => t.how === 'missing' && !PARTICLES.has(t.listed));
          if (missingPart && /^-\p{L}/u.test(text.slice(lastWord.end, lastWord.end + 2))) continue;
          const partial = tokensOf.some((t) => (t.how === 'missing' || t.how === 'extra') && !PARTICLES.has(t.listed || t.query));
          if (partial && nameGoesOn) continue;
        }
        best = { score: result.score, start: words[startWord]!.start, end, result };
      }
    }
    if (!best) return undefined;
    return {
      start: best.start,
      end: best.end,
      text: text.slice(best.start, best.end),
      ids: [...this.idsOf(entry.target)],
      name: primaryName(target, entry.full),
      matched: entry.full,
      kind: target.kind,
      score: best.score,
      strength: strengthOf(best.score)!,
      explanation: best.result.explanation,
    };
  }

  private readonly placeWords = new Map<number, string[]>();

  /** Whether a place or nationality word ("Chinese", "Korea") is the target's, by its addresses and nationalities. */
  private isPlaceOf(t: number, word: string): boolean {
    let words = this.placeWords.get(t);
    if (!words) {
      const target = this.targets[t]!;
      // Remarks and regimes too: OFAC's sdn.csv alone gives no address ("North Korea Sanctions Regulations").
      const text = [...(target.addresses ?? []), ...(target.nationalities ?? []), ...(target.birthPlaces ?? []), ...target.regimes, target.remarks ?? ''].join(' ');
      words = [...new Set(foldText(text).split(' ').filter((w) => w.length >= 4))];
      this.placeWords.set(t, words);
    }
    return words.some((w) => samePlace(w, word));
  }

  private scanIdentifiers(text: string, found: ScanMatch[], candidates: IdentifierCandidates | undefined): void {
    if (this.identifiers.size === 0) return;
    for (const hit of findIdentifiersInText(text, candidates)) {
      for (const t of this.identifiers.get(hit.key) ?? []) {
        const target = this.targets[t]!;
        found.push({
          start: hit.start,
          end: hit.end,
          text: text.slice(hit.start, hit.end),
          ids: [...this.idsOf(t)],
          name: primaryName(target, target.names[0]?.full ?? hit.value),
          matched: hit.value,
          kind: target.kind,
          score: 1,
          strength: 'strong',
          identifier: { type: hit.type, value: hit.value },
          explanation: { tokens: [], penalties: [], identifier: hit.key },
        });
      }
    }
  }

  private scanCjk(text: string, found: ScanMatch[]): void {
    if (this.cjkByPrefix.size === 0) return;
    for (const run of text.matchAll(CJK_RUN)) {
      const chars = run[0];
      for (let k = 0; k + 1 < chars.length; k++) {
        for (const n of this.cjkByPrefix.get(chars.slice(k, k + 2)) ?? []) {
          const entry = this.entry(n);
          if (entry.type === 'weak-alias' || !chars.startsWith(entry.cjk!, k)) continue;
          // Two characters are too short to be sure of a name inside running Chinese text.
          if (entry.cjk!.length < 3) continue;
          const target = this.targets[entry.target]!;
          found.push({
            start: run.index + k,
            end: run.index + k + entry.cjk!.length,
            text: entry.cjk!,
            ids: [...this.idsOf(entry.target)],
            name: primaryName(target, entry.full),
            matched: entry.full,
            kind: target.kind,
            score: 1,
            strength: 'strong' as Strength,
            explanation: { tokens: [{ query: entry.cjk!, listed: entry.full, how: 'exact', similarity: 1, weight: 1 }], penalties: [] },
          });
        }
      }
    }
  }
}

interface TextWord {
  start: number;
  end: number;
  /** Folded form; only for capitalised words and particles (others never take part in a match). */
  folded: string;
  capital: boolean;
  /** Words of one run of capitalised words (and particles) without punctuation between share it. */
  segment: number;
  /** Ends in 's / ’s. */
  possessive: boolean;
  /** A word in quotes between two names ("Maksim “Aqua” Yakubets"): inside the run, not part of the name. */
  nickname: boolean;
  /** ASCII letters and digits, perhaps with an apostrophe (no dot): folded as nameTokens folds it. */
  plain: boolean;
  /** foldsAsItself of the folded word in a person's / another name (asked again and again): 1 yes, 2 no. */
  asItself: number;
  /** Its slot in FOLDED (the folded form's table), -1: none; see MatchIndex.entryOf. */
  slot: number;
}

/** How alike a page word must be to a listed rare word to be taken as its misspelling (findMisspelt). */
const MISSPELT_SIMILARITY = 0.8;

/** What one scan's group evaluation reads: the page, its words, and the current run's misspellings. */
interface ScanScope {
  text: string;
  words: TextWord[];
  lowerWords: { has(word: string): boolean };
  found: ScanMatch[];
  floor: number;
  /** Words of the current run that misspell listed words: their indexes and entries (see findMisspelt). */
  misspeltWords: number[];
  misspeltEntries: WordEntry[];
  misspeltCount: number;
}

/** See MatchIndex.wordEntry; the rest is filled in when first needed. */
interface WordEntry {
  folded: string;
  /** tokenForms of the word, once compared. */
  forms: TokenFormsOf | undefined;
  codes: Int32Array;
  aloneCodes: Int32Array | undefined;
  /** Names of which the word is an anchor, each with the positions it finds (of codes, of aloneCodes): see anchorsOf. */
  anchors: Int32Array | undefined;
  aloneAnchors: Int32Array | undefined;
  /** Of anchors (aloneAnchors), those whose group of this word alone may pass: see readyOf. */
  ready: Int32Array | undefined;
  aloneReady: Int32Array | undefined;
  misspelt: Int32Array | undefined;
  misspeltAnchors: Int32Array | undefined;
}

/**
 * The names among a word's (sorted) codes for which the word is an anchor (anchorMask), each with
 * the positions the word finds of it: name, mask, name, mask …
 */
function anchorsOf(codes: Int32Array, anchorMask: Int32Array): Int32Array {
  const out: number[] = [];
  for (let k = 0; k < codes.length; ) {
    const n = codes[k]! >>> 6;
    let mask = 0;
    for (; k < codes.length && codes[k]! >>> 6 === n; k++) mask |= 1 << (codes[k]! & 31);
    if (anchorMask[n]! & mask) out.push(n, mask);
  }
  return out.length === 0 ? EMPTY_CODES : Int32Array.from(out);
}

/** The positions found of name n among a word's (sorted) codes. */
function maskOf(codes: Int32Array, n: number): number {
  let mask = 0;
  for (let k = lowerBound(codes, n * 64); k < codes.length && codes[k]! >>> 6 === n; k++) mask |= 1 << (codes[k]! & 31);
  return mask;
}

/**
 * Keys of the listed rare words that may be found misspelt (symmetric deletion, as SymSpell): a
 * word's close-vowel phonetic form (o as u, e as i), that form with each letter left out in turn,
 * and its vowel skeleton, each as a 32-bit hash in one sorted array (collisions only add
 * candidates: compareTokens decides). Two words one edit apart in those forms share a key.
 */
class MisspeltIndex {
  private readonly hashes: Uint32Array;
  private readonly rareOf: Int32Array;
  private seen: Int32Array;
  private visit = 0;
  private readonly found: number[] = [];

  constructor(
    readonly tokens: string[],
    readonly codesStart: Int32Array,
    readonly codes: Int32Array,
  ) {
    let size = 0;
    for (const token of tokens) size += phoneticForm(token).length + 2;
    const hashOf = new Uint32Array(size);
    const wordOf = new Int32Array(size);
    let at = 0;
    for (let r = 0; r < tokens.length; r++) {
      const p = phoneticForm(tokens[r]!);
      hashOf[at] = formHash(p, -1);
      wordOf[at++] = r;
      for (let skip = 0; skip < p.length; skip++) {
        hashOf[at] = formHash(p, skip);
        wordOf[at++] = r;
      }
      hashOf[at] = skeletonHash(p);
      wordOf[at++] = r;
    }
    const order = sortedByHash(hashOf);
    this.hashes = new Uint32Array(size);
    this.rareOf = new Int32Array(size);
    for (let k = 0; k < size; k++) {
      this.hashes[k] = hashOf[order[k]!]!;
      this.rareOf[k] = wordOf[order[k]!]!;
    }
    this.seen = new Int32Array(tokens.length);
  }

  /** Listed rare words (indexes into tokens) that share a key with the page word, each once. */
  candidates(word: string): readonly number[] {
    const found = this.found;
    found.length = 0;
    if (++this.visit === 0x7fffffff) {
      this.seen.fill(0);
      this.visit = 1;
    }
    const p = phoneticForm(word);
    this.collect(formHash(p, -1));
    for (let skip = 0; skip < p.length; skip++) this.collect(formHash(p, skip));
    this.collect(skeletonHash(p));
    const nicknames = nicknamesOf(word);
    if (nicknames) for (const nickname of nicknames) this.collect(formHash(phoneticForm(nickname), -1));
    return found;
  }

  private collect(hash: number): void {
    const hashes = this.hashes;
    for (let k = lowerBound(hashes, hash); k < hashes.length && hashes[k] === hash; k++) {
      const r = this.rareOf[k]!;
      if (this.seen[r] === this.visit) continue;
      this.seen[r] = this.visit;
      this.found.push(r);
    }
  }
}

/** FNV-1a of the close-vowel form of a phonetic form (o as u, e as i), without the letter at `skip`. */
function formHash(p: string, skip: number): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < p.length; k++) {
    if (k === skip) continue;
    let c = p.charCodeAt(k);
    if (c === 111) c = 117;
    else if (c === 101) c = 105;
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  return hash >>> 0;
}

/** The hash of vowelSkeleton (runs of vowels as one "a") of a phonetic form, apart from formHash's. */
function skeletonHash(p: string): number {
  let hash = 0x2b9a4f1d;
  let vowels = false;
  for (let k = 0; k < p.length; k++) {
    const c = p.charCodeAt(k);
    const vowel = c === 97 || c === 101 || c === 105 || c === 111 || c === 117;
    if (vowel && vowels) continue;
    vowels = vowel;
    hash = Math.imul(hash ^ (vowel ? 97 : c), 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Words of a text with their offsets, for whole pages: only the words that can be part of a name
 * are kept (capitalised words, and the particles that may sit inside names, in a run with a
 * capitalised word). Every other word just ends a run, and is dropped: most words of a page are
 * lower case.
 *
 * One pass over the character codes with a class table (codeClass), no regular expression for
 * ASCII; lower-case words make no string at all (a particle is found by its letters packed in a
 * number), and capitalised words seen before reuse their folded string (FOLDED).
 */
export function tokenizeText(text: string, lowerRuns?: LowerRuns, identifiers?: IdentifierWords): TextWord[] {
  const words: TextWord[] = [];
  let segment = 0;
  let open = false;
  // The current run has a capitalised word; its particles before the first one (PENDING_…).
  let capitalInRun = false;
  let pendingCount = 0;
  const length = text.length;
  const classes = CODE_CLASS;
  let k = 0;
  // Whether anything but spaces, hyphens and apostrophes lies between the previous word and this
  // one: only those keep a run of capitalised words going.
  let gap = false;
  while (k < length) {
    // Find the next word: letters and digits, joined by an apostrophe or a dot between them.
    let c = 0;
    for (; k < length; k++) {
      c = text.charCodeAt(k);
      if (c === 32) continue;
      let bits = classes[c]!;
      if (bits === 0) bits = codeClass(c);
      if (bits & WORD_BIT) break;
      if (c !== 45 && c !== 39 && c !== 0x2019 && c !== 0xa0) gap = true;
      if (identifiers && breaksScanWords(c)) identifiers.whole = true;
    }
    if (k >= length) break;
    const start = k;
    const capital = (classes[c]! & CAPITAL_BIT) !== 0;
    // Plain: ASCII letters and digits only. Lower: no capital letter (A–Z) in it. Packed: its
    // letters five bits each (while they are a–z; particles are, in five letters at most).
    let ascii = true;
    let dotted = false;
    let marks = false;
    let lower = true;
    let onlyLetters = true;
    let packed = 0;
    // The current run of a–z letters, for lowerRuns.
    let runHash = FNV_START;
    let runLength = 0;
    while (k < length) {
      c = text.charCodeAt(k);
      if (c >= 97 && c <= 122) {
        packed = (packed << 5) | (c - 96);
        runHash = Math.imul(runHash ^ c, FNV_PRIME);
        runLength++;
        k++;
        continue;
      }
      if (runLength >= 4 && lowerRuns) lowerRuns.add(runHash);
      runHash = FNV_START;
      runLength = 0;
      let bits = classes[c]!;
      if (bits === 0) bits = codeClass(c);
      if (bits & WORD_BIT) {
        if (c > 127) ascii = false;
        else if (c <= 90 && c >= 65) lower = false;
        onlyLetters = false;
        k++;
      } else if ((c === 39 || c === 0x2019 || c === 46) && k + 1 < length && isWordCode(text.charCodeAt(k + 1))) {
        if (c > 127) ascii = false;
        if (c === 46) dotted = true;
        marks = true;
        onlyLetters = false;
        k++;
      } else break;
    }
    if (runLength >= 4 && lowerRuns) lowerRuns.add(runHash);
    const gapBefore = gap;
    gap = false;
    const size = k - start;
    if (identifiers && (size >= 13 || mayHoldLabel(text, start, k, marks || !ascii))) identifiers.add(start, k);
    if (!capital) {
      // A lower-case word longer than any particle is no part of a name (the common case); nor one
      // that is not a particle. (A particle is plain lower-case letters: nothing to fold.)
      const particle = onlyLetters && size <= 5 ? PACKED_PARTICLES.get(packed) : undefined;
      if (particle === undefined) {
        segment++;
        open = false;
        capitalInRun = false;
        pendingCount = 0;
        continue;
      }
      if (gapBefore || !open) {
        segment++;
        capitalInRun = false;
        pendingCount = 0;
      }
      open = true;
      // Particles only: a run with no capitalised word names no one, and is left out. Until one
      // comes, the run's particles wait (no word object made).
      if (capitalInRun) words.push(textWord(start, k, particle, false, segment, false, true, -1));
      else {
        PENDING_STARTS[pendingCount] = start;
        PENDING_ENDS[pendingCount] = k;
        PENDING_WORDS[pendingCount++] = particle;
      }
      continue;
    }
    // Ends in 's or ’s (either case).
    const last = text.charCodeAt(k - 1);
    const beforeLast = text.charCodeAt(k - 2);
    const possessive = size > 2 && (last === 115 || last === 83) && (beforeLast === 39 || beforeLast === 0x2019);
    const bareEnd = possessive ? k - 2 : k;
    let folded: string;
    let slot = -1;
    if (ascii && !marks) {
      folded = foldedPlain(text, start, bareEnd, lower);
      slot = foldedSlot;
    } else if (ascii) folded = foldAsciiWord(text.slice(start, bareEnd));
    else folded = foldedOther(text.slice(start, bareEnd));
    if (gapBefore || !open) {
      segment++;
      pendingCount = 0;
    }
    for (let p = 0; p < pendingCount; p++) words.push(textWord(PENDING_STARTS[p]!, PENDING_ENDS[p]!, PENDING_WORDS[p]!, false, segment, false, true, -1));
    pendingCount = 0;
    capitalInRun = true;
    open = !possessive;
    words.push(textWord(start, k, folded, true, segment, possessive, ascii && !dotted, slot));
  }
  joinQuotedNicknames(text, words);
  return words;
}

/**
 * The words of a page that may hold a match of the identifiers' SCAN (see IdentifierCandidates):
 * 13 characters or more, or a label (IMO, BIC, SWIFT; `bitcoincash` before a colon). `whole`: the
 * page has a character that breaks SCAN's words otherwise (breaksScanWords): searched whole.
 */
export class IdentifierWords implements IdentifierCandidates {
  starts: number[] = [];
  ends: number[] = [];
  count = 0;
  whole = false;

  reset(): void {
    this.count = 0;
    this.whole = false;
  }

  add(start: number, end: number): void {
    this.starts[this.count] = start;
    this.ends[this.count++] = end;
  }
}

/** A label may start a run of SCAN's characters in the word (at its start; anywhere, when `inside` there may be runs beyond the first). */
function mayHoldLabel(text: string, start: number, end: number, inside: boolean): boolean {
  if (inside) return LABEL_INSIDE.test(text.slice(start, end));
  const first = text.charCodeAt(start) | 32;
  if (first === 105) return end - start >= 3 && (text.charCodeAt(start + 1) | 32) === 109 && (text.charCodeAt(start + 2) | 32) === 111;
  if (first === 98) return (end - start === 11 && text.charCodeAt(end) === 58) || (end - start >= 3 && (text.charCodeAt(start + 1) | 32) === 105 && (text.charCodeAt(start + 2) | 32) === 99);
  if (first === 115) return end - start >= 5 && /^swift/i.test(text.slice(start, start + 5));
  return false;
}
const LABEL_INSIDE = /imo|bic|swift|bitcoincash/i;

/** mayPair's runs of listed tokens (start, span, letters, text once joined): five at most. */
const JOINED_STARTS: number[] = [];
const JOINED_SPANS: number[] = [];
const JOINED_LENGTHS: number[] = [];
const JOINED_TEXTS: (string | undefined)[] = [];

/** Particles of a run waiting for its first capitalised word (a run has a few at most). */
const PENDING_STARTS: number[] = [];
const PENDING_ENDS: number[] = [];
const PENDING_WORDS: string[] = [];

const FNV_START = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/**
 * Hashes of the runs of four or more a–z letters of a page (as tokenizeText met them): every
 * whole lower-case word of the page is such a run, so a word whose hash is not here is not on the
 * page (lowerCaseWords looks no further). Open addressing; when half full, it stops telling.
 */
export class LowerRuns {
  private table = new Int32Array(1024);
  /** Slots in use (a power of two, at most table.length): the table is kept across pages. */
  private size = 1024;
  private count = 0;
  private full = false;

  reset(textLength: number): void {
    let size = 1024;
    while (size < textLength >> 2 && size < 1 << 20) size <<= 1;
    if (size > this.table.length) this.table = new Int32Array(size);
    else this.table.fill(0, 0, size);
    this.size = size;
    this.count = 0;
    this.full = false;
  }

  add(hash: number): void {
    if (this.full) return;
    const table = this.table;
    const mask = this.size - 1;
    const value = hash | 1;
    let slot = value & mask;
    for (let known = table[slot]!; known !== 0; known = table[slot]!) {
      if (known === value) return;
      slot = (slot + 1) & mask;
    }
    table[slot] = value;
    if (++this.count > this.size >> 1) this.full = true;
  }

  /** Whether a word of a–z letters may be one of the runs (always, once the table is full). */
  mayHave(word: string): boolean {
    if (this.full) return true;
    let hash = FNV_START;
    for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ word.charCodeAt(k), FNV_PRIME);
    const table = this.table;
    const mask = this.size - 1;
    const value = hash | 1;
    for (let slot = value & mask, known = table[slot]!; known !== 0; slot = (slot + 1) & mask, known = table[slot]!) if (known === value) return true;
    return false;
  }
}

function textWord(start: number, end: number, folded: string, capital: boolean, segment: number, possessive: boolean, plain: boolean, slot: number): TextWord {
  // Every field set, in one order: one shape for all words.
  return { start, end, folded, capital, segment, possessive, nickname: false, plain, asItself: 0, slot };
}

/** Particles by their letters packed five bits each (a = 1): lower-case words are told without a string. */
const PACKED_PARTICLES = new Map<number, string>();
for (const particle of LOWER_OK) {
  let packed = 0;
  for (let k = 0; k < particle.length; k++) packed = packed * 32 + (particle.charCodeAt(k) - 96);
  if (/^[a-z]{1,5}$/.test(particle)) PACKED_PARTICLES.set(packed, particle);
}

/**
 * Folded forms of plain capitalised words (ASCII letters and digits) met on pages, by a hash of
 * their lower-case letters: a page repeats its names and words, and pages share most of theirs, so
 * most words are a look-up here rather than two new strings. Open addressing, emptied when full.
 */
const FOLDED_SLOTS = 1 << 15;
const FOLDED = new Array<string | undefined>(FOLDED_SLOTS).fill(undefined);
let foldedCount = 0;
/** The slot of the string foldedPlain returned last. */
let foldedSlot = -1;

function foldedPlain(text: string, start: number, end: number, lower: boolean): string {
  let hash = 0x811c9dc5;
  for (let k = start; k < end; k++) {
    let c = text.charCodeAt(k);
    if (c <= 90 && c >= 65) c += 32;
    hash = Math.imul(hash ^ c, 0x01000193);
  }
  const size = end - start;
  let slot = (hash >>> 0) & (FOLDED_SLOTS - 1);
  for (;;) {
    const known = FOLDED[slot];
    if (known === undefined) break;
    if (known.length === size) {
      let same = true;
      for (let j = 0; j < size && same; j++) {
        let c = text.charCodeAt(start + j);
        if (c <= 90 && c >= 65) c += 32;
        same = known.charCodeAt(j) === c;
      }
      if (same) {
        foldedSlot = slot;
        return known;
      }
    }
    slot = (slot + 1) & (FOLDED_SLOTS - 1);
  }
  const raw = text.slice(start, end);
  const folded = lower ? raw : raw.toLowerCase();
  if (foldedCount >= FOLDED_SLOTS / 2) {
    FOLDED.fill(undefined);
    foldedCount = 0;
    slot = (hash >>> 0) & (FOLDED_SLOTS - 1);
  }
  FOLDED[slot] = folded;
  foldedCount++;
  foldedSlot = slot;
  return folded;
}

/** foldText of a capitalised word in another script (or with other letters), run together; remembered (bounded). */
function foldedOther(raw: string): string {
  let folded = FOLDED_OTHER.get(raw);
  if (folded === undefined) {
    folded = foldText(raw).replace(/ /g, '');
    if (FOLDED_OTHER.size >= 20_000) FOLDED_OTHER.clear();
    FOLDED_OTHER.set(raw, folded);
  }
  return folded;
}
const FOLDED_OTHER = new Map<string, string>();

/** Lower case, without the apostrophes and dots inside ("O'Neil", "J.R."). */
function foldAsciiWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes("'") || lower.includes('.') || lower.includes('’') ? lower.replace(/['’.]/g, '') : lower;
}

/**
 * Per UTF-16 code unit: known (bit 1), a letter, digit or mark (WORD_BIT), and whether a word
 * starting with it counts as capitalised (CAPITAL_BIT). ASCII is filled in at once; other codes as
 * met, so a page in any script asks the regular expressions once per character, not once per occurrence.
 */
const CODE_CLASS = new Uint8Array(65536);
const KNOWN_BIT = 1;
const WORD_BIT = 2;
const CAPITAL_BIT = 4;

function codeClass(c: number): number {
  let bits = CODE_CLASS[c]!;
  if (bits !== 0) return bits;
  if (c < 128) {
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    const capital = (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    bits = KNOWN_BIT | (letter ? WORD_BIT : 0) | (capital ? CAPITAL_BIT : 0);
  } else {
    // Surrogates are no word characters: the old reading of one code unit at a time.
    const ch = String.fromCharCode(c);
    const letter = !(c >= 0xd800 && c <= 0xdfff) && LETTER_OR_DIGIT.test(ch);
    // Caseless scripts (Arabic, Hebrew…) count as capitalised; Chinese, Japanese and Korean are
    // matched by their characters instead (scanCjk).
    const capital = !CJK_CHAR.test(ch) && (ch !== ch.toLowerCase() || ch === ch.toUpperCase());
    bits = KNOWN_BIT | (letter ? WORD_BIT : 0) | (capital ? CAPITAL_BIT : 0);
  }
  CODE_CLASS[c] = bits;
  return bits;
}

function isWordCode(c: number): boolean {
  let bits = CODE_CLASS[c]!;
  if (bits === 0) bits = codeClass(c);
  return (bits & WORD_BIT) !== 0;
}

const OPENING_QUOTE = /^\s*[“"‘«„]\s*$/;
const CLOSING_QUOTE = /^\s*[”"’»“]\s*$/;

/** "Maksim “Aqua” Yakubets": a quoted word between two capitalised words keeps one run of them. */
function joinQuotedNicknames(text: string, words: TextWord[]): void {
  for (let i = 1; i + 1 < words.length; i++) {
    const before = words[i - 1]!;
    const word = words[i]!;
    const after = words[i + 1]!;
    if (!before.capital || !word.capital || !after.capital || before.possessive) continue;
    // Most capitalised words follow each other with one space: no quote there.
    if ((word.start - before.end === 1 && text.charCodeAt(before.end) === 32) || (after.start - word.end === 1 && text.charCodeAt(word.end) === 32)) continue;
    if (!OPENING_QUOTE.test(text.slice(before.end, word.start)) || !CLOSING_QUOTE.test(text.slice(word.end, after.start))) continue;
    word.nickname = true;
    const from = after.segment;
    for (let k = i; k < words.length && (k === i || words[k]!.segment === from); k++) words[k]!.segment = before.segment;
  }
}

/** The window's text for scoring, without quoted nicknames inside it. */
function windowWithoutNicknames(text: string, words: TextWord[], startWord: number, stopWord: number, end: number): string {
  let nicknames = false;
  for (let k = startWord; k <= stopWord; k++) if (words[k]!.nickname) nicknames = true;
  if (!nicknames) return text.slice(words[startWord]!.start, end);
  const parts: string[] = [];
  for (let k = startWord; k <= stopWord; k++) {
    const word = words[k]!;
    if (!word.nickname) parts.push(text.slice(word.start, k === stopWord ? end : word.end));
  }
  return parts.join(' ');
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** Letters and digits of any script; plain ASCII is decided without a regular expression. */
function isWordChar(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return LETTER_OR_DIGIT.test(text[k]!);
}

function isAscii(word: string): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) > 127) return false;
  return true;
}

/** The word itself and the word with one letter left out: two words one edit apart share one. */
function deletions(word: string): string[] {
  const out = [word];
  for (let k = 0; k < word.length; k++) out.push(word.slice(0, k) + word.slice(k + 1));
  return out;
}

/** Words of the names of state bodies that every country has. */
const GENERIC_ORGANISATION_WORDS = new Set([
  'ministry', 'interior', 'defence', 'defense', 'national', 'state', 'security', 'intelligence', 'affairs', 'foreign',
  'internal', 'home', 'police', 'army', 'navy', 'air', 'force', 'forces', 'general', 'staff', 'directorate', 'department',
  'office', 'bureau', 'committee', 'council', 'service', 'services', 'guard', 'border', 'justice', 'finance', 'economy',
  'industry', 'trade', 'energy', 'health', 'information', 'communications', 'public', 'central', 'military', 'armed',
  'people', 'peoples', 'supreme', 'court', 'prosecutor', 'prison', 'prisons', 'administration', 'agency', 'federal',
]);

/** Every word of the name (but particles) is a generic one: "MINISTRY OF STATE SECURITY". */
function isGenericName(tokens: readonly string[]): boolean {
  const meaningful = tokens.filter((t) => !PARTICLES.has(t));
  return meaningful.length > 0 && meaningful.every((t) => GENERIC_ORGANISATION_WORDS.has(t));
}

/** Words that say a text speaks of ships, near a ship's name. */
const MARITIME_CONTEXT = /\b(?:vessels?|ships?|tankers?|freighters?|carriers?|cargo|imo|m\/?v|mt|yachts?|superyachts?|boats?|flag(?:ged)?|ports?|crew|captain|sail(?:ed|ing)?|shipping|maritime|navy|moored|docked|anchored)\b/i;

/** "chinese" and "china", "korean" and "korea", "iranian" and "iran": the same place (a shared start). */
function samePlace(a: string, b: string): boolean {
  const common = sharedStart(a, b);
  return common >= 4 && common >= Math.min(a.length, b.length) - 1;
}

/** The capitalised word just before a word, with only a space between (or a possessive: "China’s"). */
function wordJustBefore(text: string, words: TextWord[], k: number): string | undefined {
  const before = words[k - 1];
  if (!before || !before.capital || !/^\s+$/.test(text.slice(before.end, words[k]!.start))) return undefined;
  return before.folded;
}

/** Capitalised in running text for other reasons than being a name. */
const CALENDAR_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

/** A capitalised word that can be part of a name: not a function word, a title, a date or an ordinary word of the page. */
function isNameWord(folded: string, lowerWords: { has(word: string): boolean }): boolean {
  return folded.length > 0 && !/^\d+$/.test(folded) && !FUNCTION_WORDS.has(folded) && !TITLES.has(folded) && !CALENDAR_WORDS.has(folded) && !lowerWords.has(folded);
}

/** Lower-case words of four letters or more on a page: ordinary words of its language. */
function lowerCaseWords(text: string, runs: LowerRuns): { has(word: string): boolean } {
  // Asked for a few hundred distinct words a page at most: each is looked for in the text (a fast
  // native search) once, rather than every word of a long page collected first.
  const known = new Map<string, boolean>();
  return {
    has(word: string) {
      if (word.length < 4 || !/^[a-z]+$/.test(word)) return false;
      let found = known.get(word);
      if (found === undefined) {
        found = false;
        // Not a run of the page's letters: not on the page (a search of the whole page spared).
        for (let at = runs.mayHave(word) ? text.indexOf(word) : -1; at >= 0 && !found; at = text.indexOf(word, at + 1)) {
          // A whole word: no letter or number of any script on either side (a mark beside it does not join it).
          found = !letterOrNumberBefore(text, at) && !letterOrNumberAt(text, at + word.length);
        }
        known.set(word, found);
      }
      return found;
    },
  };
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** The code point ending just before `k` (a surrogate pair read whole) is a letter or number. */
function letterOrNumberBefore(text: string, k: number): boolean {
  if (k === 0) return false;
  const low = text.charCodeAt(k - 1);
  if (low < 128) return (low >= 48 && low <= 57) || (low >= 65 && low <= 90) || (low >= 97 && low <= 122);
  if (low >= 0xdc00 && low <= 0xdfff && k >= 2) {
    const high = text.charCodeAt(k - 2);
    if (high >= 0xd800 && high <= 0xdbff) return LETTER_OR_NUMBER.test(text.slice(k - 2, k));
  }
  return LETTER_OR_NUMBER.test(text[k - 1]!);
}

/** The code point starting at `k` (a surrogate pair read whole) is a letter or number. */
function letterOrNumberAt(text: string, k: number): boolean {
  if (k >= text.length) return false;
  const c = text.charCodeAt(k);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_NUMBER.test(String.fromCodePoint(text.codePointAt(k)!));
}

/**
 * The first and last words a window around the group `first … last` can reach, within the group's
 * run: up to `slack` (the name's missing words) on either side, and one more on the right, as
 * bestWindow widens windows.
 */
function reachStart(words: TextWord[], first: number, slack: number): number {
  const segment = words[first]!.segment;
  let from = Math.max(0, first - slack);
  while (words[from]!.segment !== segment) from++;
  return from;
}

function reachEnd(words: TextWord[], first: number, last: number, slack: number): number {
  const segment = words[first]!.segment;
  let to = Math.min(words.length - 1, last + slack + 1);
  while (words[to]!.segment !== segment) to--;
  return to;
}

/** Whether every word of `from … to` is one token of a window as the page has it (foldsAsTyped). */
function allFoldAsTyped(words: TextWord[], from: number, to: number, person: boolean): boolean {
  for (let k = from; k <= to; k++) if (!foldsAsTyped(words[k]!, person)) return false;
  return true;
}

/** A word that is one token of a window, as the page has it (see mayBeNamed). */
function foldsAsTyped(word: TextWord, person: boolean): boolean {
  if (!word.plain) return false;
  const shift = person ? 0 : 2;
  let known = ((word.asItself ?? 0) >> shift) & 3;
  if (known === 0) {
    known = foldsAsItself(word.folded, person) ? 1 : 2;
    word.asItself = (word.asItself ?? 0) | (known << shift);
  }
  return known === 1;
}

const EMPTY_CODES = new Int32Array(0);

/** Page words whose hits are kept between scans (a few megabytes at most). */
const WORD_HITS_KEPT = 50_000;

function concatenated(lists: Int32Array[]): Int32Array {
  const all = new Int32Array(lists.reduce((n, list) => n + list.length, 0));
  let length = 0;
  for (const list of lists) {
    all.set(list, length);
    length += list.length;
  }
  return all;
}

function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * One-edit keys: a typo in a query word of five letters or more still finds the name. For each
 * listed word of `typoTokens` (token id, name; a word once per name), the keys of deletions(p) of
 * its phonetic form p, once: the word itself, then the word with each letter left out in turn.
 * Words in more than 50 names are found exactly anyway.
 */
function deletionKeysOf(typoTokens: IntList, tokenDf: IntColumn, tokenPhonetic: readonly string[], tokenKey: IntColumn): DeletionKeys {
  const done = new Uint8Array(tokenPhonetic.length);
  const forms: string[] = [];
  const exactKeys: number[] = [];
  for (let k = 0; k < typoTokens.length; k += 2) {
    const id = typoTokens.at(k);
    if (done[id] || tokenDf.get(id) > 50) continue;
    done[id] = 1;
    forms.push(tokenPhonetic[id]!);
    exactKeys.push(tokenKey.get(id));
  }
  return new DeletionKeys(forms, exactKeys);
}

/** Keys a word is found by on a page: itself, its phonetic form, its stem ("Vekselberga"). */
export function scanKeysForTest(token: string): string[] {
  return scanKeys(token);
}
function scanKeys(token: string): string[] {
  if (/^\d+$/.test(token)) return [token];
  const p = phoneticForm(token);
  const keys = [token];
  if (p !== token) keys.push(`~${p}`);
  if (p.length >= 5) {
    // Both sides meet at the stem: a word with no case ending is its own stem.
    const stemmed = caseStem(p);
    if (stemmed !== p || !CASE_ENDING.test(p)) keys.push(`~${stemmed}`);
  }
  // A name token is also keyed by its stem, so both sides meet at the stem.
  return [...new Set(keys)];
}

/**
 * "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)": the part in brackets and the part outside are
 * names of their own as well.
 */
function withAlternatives(names: Target['names']): Target['names'] {
  // Most targets have no name in brackets: their list as it is.
  let out: Target['names'] | undefined;
  for (const name of names) {
    const brackets = bracketParts(name.full);
    if (!brackets) continue;
    out ??= [...names];
    if (brackets.outside) out.push({ ...name, full: brackets.outside });
    const acronym = trailingAcronym(name.full);
    if (acronym) out.push({ ...name, full: acronym.acronym, type: name.type === 'primary' ? 'variation' : name.type });
  }
  return out ?? names;
}

/**
 * "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)": an acronym in brackets that ends the name is a name of
 * its own. Not a place such as (ANGOLA) or a description; and not when more follows, as in
 * "… CORPS (IRGC) AEROSPACE FORCE", where it abbreviates the parent, not this force.
 */
function trailingAcronym(full: string): { outside: string; acronym: string } | undefined {
  if (!full.includes(')')) return undefined;
  const m = /^(.*?)\s*\(([A-Z][A-Z0-9&.-]{1,5})\)\s*$/.exec(full);
  if (!m || m[1] === '' || builtinWeight(m[2]!.toLowerCase().replace(/[^a-z0-9]/g, '')) < 0.5) return undefined;
  return { outside: m[1]!, acronym: m[2]! };
}

/** The listed primary name that results show, or the fallback for records without one. */
function primaryName(target: Target, fallback: string): string {
  return target.names.find((x) => x.type === 'primary')?.full ?? fallback;
}

function addTo(map: Map<string, number[]>, key: string, n: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [n]);
  else if (list.at(-1) !== n) list.push(n);
}

/** An explanation with alignment objects and arrays of its own (a reused score is handed out again). */
function copyExplanation(explanation: NameExplanation): NameExplanation {
  return { ...explanation, tokens: explanation.tokens.map((t) => ({ ...t })), penalties: [...explanation.penalties] };
}

/**
 * Overlapping matches: one word inside a longer match yields to it ("Jihad Yaghmour" names the
 * person, not the group AL-JIHAD). A strong match heading a hyphenated compound is kept inside it
 * ("IRGC" in "IRGC-QF", "Islamic Revolutionary Guard Corps" in "…Corps-Qods Force": the compound
 * names the IRGC's force, and so the IRGC too). Otherwise the better (higher score, then longer) one is kept.
 */
function byPlaceThenTarget(a: ScanMatch, b: ScanMatch): number {
  return a.start - b.start || a.end - b.end || b.score - a.score || compareStrings(a.ids[0] ?? '', b.ids[0] ?? '') || compareStrings(a.matched, b.matched);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function resolveOverlaps(text: string, matches: ScanMatch[]): ScanMatch[] {
  const inside = (m: ScanMatch, k: ScanMatch) => !m.identifier && k.start <= m.start && m.end <= k.end && k.end - k.start > m.end - m.start;
  const compoundHeadOf = (m: ScanMatch, k: ScanMatch) => m.start === k.start && m.strength === 'strong' && text.charCodeAt(m.end) === 45;
  const nested: [ScanMatch, ScanMatch][] = [];
  const outermost = matches.filter((m) => {
    const head = matches.find((k) => inside(m, k) && compoundHeadOf(m, k));
    if (head) nested.push([m, head]);
    return !head && !matches.some((k) => inside(m, k) && !/\s/.test(m.text));
  });
  const sorted = outermost.sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start));
  const kept: ScanMatch[] = [];
  for (const m of sorted) {
    const clash = kept.find((k) => m.start < k.end && k.start < m.end);
    if (!clash) kept.push(m);
    else if (clash.start === m.start && clash.end === m.end) {
      // Same words, another target (namesakes on two lists): name both.
      for (const id of m.ids) if (!clash.ids.includes(id)) clash.ids.push(id);
    }
  }
  for (const [m, container] of nested) {
    if (kept.includes(container) && !kept.some((k) => k.start === m.start && k.end === m.end)) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

