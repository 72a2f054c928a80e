import type { NameType, Target, TargetKind } from '../model';
import { builtinWeight, compareNames, scoreTokens, strengthOf, type TokenWeight } from './compare';
import { findIdentifiersInText, queryIdentifierKeys, targetIdentifierKeys } from './identifiers';
import { foldText, nameTokens, PARTICLES, phoneticForm, vowelSkeleton, type NameTokens } from './normalize';
import { STRONG, WEAK, type QueryMatch, type ScanMatch, type SearchOptions, type Strength } from './types';

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
  /** Han / Hangul / Kana names are also matched by their characters. */
  cjk?: string;
}

const CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,}/g;
const CJK_ONLY = /^[\s\u00b7\u30fb\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+$/;

/** Scan: particles may be lower-case inside a name ("Osama bin Laden", "Bank of Kunlun"). */
const LOWER_OK = PARTICLES;

export interface IndexStats {
  targets: number;
  names: number;
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
  private readonly names: IndexedName[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly df = new Map<string, number>();
  /** Target index → group index; group → ids of every target in it. */
  private readonly group: number[];
  private readonly groupIds: string[][];
  private readonly cjkByPrefix = new Map<string, number[]>();
  private readonly weightCache = new Map<string, number>();
  /** Exact folded token → name indices, for scanning: only tokens rare enough to anchor a match. */
  private readonly anchors = new Map<string, number[]>();
  /** Identifier key (`crypto:…`, `imo:…`, `bic:…`, `passport:…`) → targets. */
  private readonly identifiers = new Map<string, number[]>();
  /** The same by phonetic form: "Assad" finds "AL-ASAD", "Abramowitsch" finds "ABRAMOVICH". */
  private readonly phoneticAnchors = new Map<string, number[]>();

  private constructor(targets: Target[]) {
    this.targets = targets;
    const uf = new UnionFind(targets.length);
    const byKey = new Map<string, number>();
    targets.forEach((target, t) => {
      for (const key of linkKeys(target)) {
        const other = byKey.get(key);
        if (other === undefined) byKey.set(key, t);
        else uf.union(other, t);
      }
      for (const { key } of targetIdentifierKeys(target)) addTo(this.identifiers, key, t);
      for (const name of withAlternatives(target.names)) {
        const tokens = nameTokens(name.full, target.kind);
        const entry: IndexedName = { target: t, full: name.full, type: name.type, tokens };
        if (CJK_ONLY.test(name.full)) entry.cjk = name.full.replace(/[\s\u00b7\u30fb]/g, '');
        const n = this.names.push(entry) - 1;
        const seen = new Set<string>();
        for (const token of tokens.tokens) {
          if (seen.has(token)) continue;
          seen.add(token);
          this.df.set(token, (this.df.get(token) ?? 0) + 1);
          this.post(token, n);
          const p = phoneticForm(token);
          if (p !== token) this.post(`~${p}`, n);
        }
        if (entry.cjk) {
          const prefix = entry.cjk.slice(0, 2);
          const list = this.cjkByPrefix.get(prefix) ?? [];
          list.push(n);
          this.cjkByPrefix.set(prefix, list);
        }
      }
    });
    // The same person or company listed by several sources under the same primary name and kind,
    // unless both give birth years and they differ (namesakes).
    const byPrimary = new Map<string, number[]>();
    targets.forEach((target, t) => {
      const primary = target.names.find((n) => n.type === 'primary');
      if (!primary) return;
      const key = `${target.kind}|${[...nameTokens(primary.full, target.kind).tokens].sort().join(' ')}`;
      const years = birthYears(target);
      const bucket = byPrimary.get(key) ?? [];
      const partner = bucket.find((other) => {
        const theirs = birthYears(targets[other]!);
        return years.size === 0 || theirs.size === 0 || [...years].some((y) => theirs.has(y));
      });
      if (partner !== undefined) uf.union(partner, t);
      bucket.push(t);
      byPrimary.set(key, bucket);
    });
    const groupOfRoot = new Map<number, number>();
    this.groupIds = [];
    this.group = targets.map((target, t) => {
      const root = uf.find(t);
      let g = groupOfRoot.get(root);
      if (g === undefined) {
        g = this.groupIds.push([]) - 1;
        groupOfRoot.set(root, g);
      }
      this.groupIds[g]!.push(target.id);
      return g;
    });
    // Anchors for scanning pages: a token of a name that is rare enough to start a look.
    this.names.forEach((entry, n) => {
      if (entry.type === 'weak-alias') return;
      for (const token of entry.tokens.tokens) {
        if (token.length < 2 || this.weight(token) < 0.5) continue;
        addTo(this.anchors, token, n);
        if (token.length >= 4) for (const key of looseKeys(token)) addTo(this.phoneticAnchors, key, n);
      }
    });
  }

  static build(targets: Target[]): MatchIndex {
    return new MatchIndex(targets);
  }

  stats(): IndexStats {
    return { targets: this.targets.length, names: this.names.length, keys: this.postings.size, clusters: this.groupIds.length };
  }

  private post(key: string, n: number): void {
    const list = this.postings.get(key);
    if (!list) this.postings.set(key, [n]);
    else if (list.at(-1) !== n) list.push(n);
  }

  /** Rarity from the lists (a token in many names says little), never above the built-in weight. */
  readonly weight: TokenWeight = (token) => {
    const cached = this.weightCache.get(token);
    if (cached !== undefined) return cached;
    const df = this.df.get(token) ?? 0;
    const total = Math.max(1, this.names.length);
    // In 1 name of 40,000: 1; in 1 of 100: about 0.3.
    const idf = df === 0 ? 1 : Math.min(1, Math.max(0.1, Math.log(total / df) / Math.log(total / 2)));
    const w = Math.min(builtinWeight(token), idf < 0.55 ? idf : 1);
    this.weightCache.set(token, w);
    return w;
  };

  private idsOf(target: number): string[] {
    return this.groupIds[this.group[target]!]!;
  }

  /** Candidate names sharing a token key with the query. */
  private candidates(tokens: string[]): Set<number> {
    const out = new Set<number>();
    for (const token of tokens) {
      for (const key of [token, `~${phoneticForm(token)}`]) {
        const list = this.postings.get(key);
        if (!list) continue;
        // A very common token alone would list thousands of names: rarer tokens find those.
        if (list.length > 5000 && tokens.length > 1) continue;
        for (const n of list) out.add(n);
      }
      // Typos: the same first three letters (phonetic) find "Guangzhong" for "Guangzong".
      if (token.length >= 5) {
        const p = phoneticForm(token);
        for (const [key, list] of this.prefixes(p.slice(0, 3))) {
          if (key.length >= p.length - 2 && key.length <= p.length + 2) for (const n of list) out.add(n);
        }
      }
    }
    return out;
  }

  private prefixIndex?: Map<string, [string, number[]][]>;

  private prefixes(prefix: string): [string, number[]][] {
    if (!this.prefixIndex) {
      this.prefixIndex = new Map();
      for (const [key, list] of this.postings) {
        if (!key.startsWith('~') && key.length >= 5) {
          const p = phoneticForm(key);
          const bucket = this.prefixIndex.get(p.slice(0, 3)) ?? [];
          bucket.push([p, list]);
          this.prefixIndex.set(p.slice(0, 3), bucket);
        }
      }
    }
    return this.prefixIndex.get(prefix) ?? [];
  }

  /** Ranked targets for a name typed by a user: best first, one per target group. */
  query(text: string, options: SearchOptions = {}): QueryMatch[] {
    const limit = options.limit ?? 10;
    const floor = options.minStrength === 'strong' ? STRONG : WEAK;
    const best = new Map<number, QueryMatch>();
    const consider = (n: number, score: number, explanation: QueryMatch['explanation']) => {
      const entry = this.names[n]!;
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
        name: target.names.find((x) => x.type === 'primary')?.full ?? target.names[0]?.full ?? entry.full,
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
          name: target.names.find((x) => x.type === 'primary')?.full ?? target.names[0]?.full ?? key,
          matched: key.slice(key.indexOf(':') + 1),
          matchedType: 'primary',
          kind: target.kind,
          score: 1,
          strength: 'strong',
          explanation: { tokens: [], penalties: [], identifier: key },
        });
      }
    }
    if (CJK_ONLY.test(trimmed)) {
      const chars = trimmed.replace(/[\s\u00b7\u30fb]/g, '');
      for (const n of this.cjkByPrefix.get(chars.slice(0, 2)) ?? []) {
        const result = compareNames(chars, this.names[n]!.cjk!, { kind: this.targets[this.names[n]!.target]!.kind });
        consider(n, result.score, result.explanation);
      }
    }
    const query = nameTokens(trimmed);
    for (const n of this.candidates(query.tokens)) {
      const entry = this.names[n]!;
      const kind = this.targets[entry.target]!.kind;
      const q = kind === 'person' ? nameTokens(trimmed, 'person') : query;
      const result = scoreTokens(q, entry.tokens, { kind, weight: this.weight });
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
    const words = tokenizeText(text);
    const found: ScanMatch[] = [];
    const tried = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (!word.capital) continue;
      const exact = this.anchors.get(word.folded);
      const loose = word.folded.length >= 4 ? looseKeys(word.folded).flatMap((key) => this.phoneticAnchors.get(key) ?? []) : [];
      if (!exact && loose.length === 0) continue;
      const names = loose.length > 0 ? new Set([...(exact ?? []), ...loose]) : exact!;
      for (const n of names) {
        const entry = this.names[n]!;
        const length = entry.tokens.tokens.length;
        // Legal forms are words on the page too ("… COMPANY LIMITED").
        const wordCount = length + entry.tokens.forms.length;
        const target = this.targets[entry.target]!;
        // People are often named by two of their listed names ("Jihad Yaghmour" for YAGHMOUR, Jihad
        // Muhammad Shaker); organisations by all but one of their words at most.
        const minSpan = target.kind === 'person' ? Math.min(2, length) : Math.max(1, length - 1);
        for (let span = minSpan; span <= wordCount + 1; span++) {
          for (let start = Math.max(0, i - span + 1); start <= i; start++) {
            const stop = start + span; // exclusive
            if (stop > words.length) continue;
            const key = `${n}:${start}:${stop}`;
            if (tried.has(key)) continue;
            tried.add(key);
            const window = words.slice(start, stop);
            if (!window[0]!.capital || !window.at(-1)!.capital) continue;
            if (window.some((w, k) => k > 0 && w.gapBefore)) continue;
            if (window.some((w) => !w.capital && !LOWER_OK.has(w.folded))) continue;
            const last = window.at(-1)!;
            // A trailing possessive ("Hamas’s") is not part of the match.
            const end = /['’]s$/i.test(text.slice(last.start, last.end)) ? last.end - 2 : last.end;
            const windowText = text.slice(window[0]!.start, end);
            const result = scoreTokens(nameTokens(windowText, target.kind), entry.tokens, { kind: target.kind, weight: this.weight });
            if (result.score < floor) continue;
            // One word alone names no one in running text, unless it is a rare organisation name
            // in the middle of a sentence ("… funded by Hizballah").
            const windowTokens = nameTokens(windowText, target.kind).tokens;
            // One word names someone only when the listed name is that one rare word, spelt the
            // same, and not a person or a ship ("… funded by Hamas", "Evil Corp"). A legal form
            // beside it on both sides ("Evil Corp") is evidence enough for a shorter word.
            if (windowTokens.length === 1) {
              const formed = nameTokens(windowText, target.kind).forms.length > 0 && entry.tokens.forms.length > 0;
              if (
                target.kind === 'person' ||
                target.kind === 'vessel' ||
                entry.tokens.tokens.length !== 1 ||
                windowTokens[0] !== entry.tokens.tokens[0] ||
                windowTokens[0]!.length < (formed ? 3 : 5) ||
                this.weight(windowTokens[0]!) < (formed ? 0.5 : 0.8)
              ) {
                continue;
              }
            }
            const strength = strengthOf(result.score)!;
            found.push({
              start: window[0]!.start,
              end,
              text: windowText,
              ids: [...this.idsOf(entry.target)],
              name: target.names.find((x) => x.type === 'primary')?.full ?? entry.full,
              matched: entry.full,
              kind: target.kind,
              score: result.score,
              strength,
              explanation: result.explanation,
            });
          }
        }
      }
    }
    this.scanCjk(text, found);
    this.scanIdentifiers(text, found);
    return resolveOverlaps(found);
  }

  private scanIdentifiers(text: string, found: ScanMatch[]): void {
    if (this.identifiers.size === 0) return;
    for (const hit of findIdentifiersInText(text)) {
      for (const t of this.identifiers.get(hit.key) ?? []) {
        const target = this.targets[t]!;
        found.push({
          start: hit.start,
          end: hit.end,
          text: text.slice(hit.start, hit.end),
          ids: [...this.idsOf(t)],
          name: target.names.find((x) => x.type === 'primary')?.full ?? target.names[0]?.full ?? hit.value,
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
          const entry = this.names[n]!;
          if (entry.type === 'weak-alias' || !chars.startsWith(entry.cjk!, k)) continue;
          // Two characters are too short to be sure of a name inside running Chinese text.
          if (entry.cjk!.length < 3) continue;
          const target = this.targets[entry.target]!;
          found.push({
            start: run.index + k,
            end: run.index + k + entry.cjk!.length,
            text: entry.cjk!,
            ids: [...this.idsOf(entry.target)],
            name: target.names.find((x) => x.type === 'primary')?.full ?? entry.full,
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
  folded: string;
  capital: boolean;
  /** Punctuation other than a hyphen or apostrophe separates this word from the previous one. */
  gapBefore: boolean;
  sentenceStart: boolean;
}

/** Words split at hyphens ("Al-Assad" is two words, as names are tokenised); apostrophes join. */
const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;

/** Words of a text with their offsets; folding is cheap for plain ASCII words. */
export function tokenizeText(text: string): TextWord[] {
  const words: TextWord[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
    const between = text.slice(previousEnd, start);
    const first = raw.charCodeAt(0);
    const isAscii = /^[\x00-\x7f]*$/.test(raw);
    const capital = isAscii ? (first >= 65 && first <= 90) || (first >= 48 && first <= 57) : raw[0] !== raw[0]!.toLowerCase() || raw[0] === raw[0]!.toUpperCase();
    // "Hamas’s office": the possessive is not part of the name.
    const bare = raw.replace(/['’]s$/i, '');
    const folded = isAscii ? bare.toLowerCase().replace(/['’.]/g, '') : foldText(bare).replace(/ /g, '');
    words.push({
      start,
      end: start + raw.length,
      folded,
      capital,
      gapBefore: words.length > 0 && /[^\s\-'’]/.test(between),
      sentenceStart: words.length === 0 || /[.!?:;"“(\n]\s*$/.test(between),
    });
    previousEnd = start + raw.length;
  }
  return words;
}

/** Phonetic keys that survive a spelling or an inflection: "Daqo" / "Daqqou", "Vekselberga" / "Vekselberg". */
function looseKeys(token: string): string[] {
  const p = phoneticForm(token);
  const keys = [p, `v:${vowelSkeleton(token)}`];
  if (p.length >= 5 && /[aeiou]$/.test(p)) keys.push(p.slice(0, -1));
  else if (p.length >= 4) keys.push(`${p}a`);
  return keys;
}

/**
 * "ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)": the part in brackets and the part outside are
 * names of their own as well.
 */
function withAlternatives(names: Target['names']): Target['names'] {
  const out = [...names];
  for (const name of names) {
    const m = /^(.*?)\s*\(([^()]+)\)\s*(.*)$/.exec(name.full);
    if (!m) continue;
    const outside = `${m[1]} ${m[3]}`.trim();
    const inside = m[2]!.trim();
    if (outside) out.push({ ...name, full: outside });
    if (inside && !/^(?:a\.?k\.?a|f\.?k\.?a|formerly|previously|also)\b/i.test(inside)) out.push({ ...name, full: inside, type: name.type === 'primary' ? 'variation' : name.type });
  }
  return out;
}

function addTo(map: Map<string, number[]>, key: string, n: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [n]);
  else if (list.at(-1) !== n) list.push(n);
}

/** Overlapping matches: keep the better (higher score, then longer) one. */
function resolveOverlaps(matches: ScanMatch[]): ScanMatch[] {
  const sorted = [...matches].sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start));
  const kept: ScanMatch[] = [];
  for (const m of sorted) {
    const clash = kept.find((k) => m.start < k.end && k.start < m.end);
    if (!clash) kept.push(m);
    else if (clash.start === m.start && clash.end === m.end) {
      // Same words, another target (namesakes on two lists): name both.
      for (const id of m.ids) if (!clash.ids.includes(id)) clash.ids.push(id);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

export type { TargetKind };
