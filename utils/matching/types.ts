import type { NameType, Target, TargetKind } from '../model';

/**
 * The matching engine's public shapes. One engine serves the page highlighter, the popup and
 * the CLI; everything here is plain data so results can cross extension messaging.
 */

export type Strength = 'strong' | 'weak';

/** Default bands: a score at or above STRONG is strong, at or above WEAK is weak, else no match. */
export const STRONG = 0.9;
export const WEAK = 0.75;

/** How one query token lined up with one listed token. */
export interface TokenAlignment {
  query: string;
  listed: string;
  /** exact, same after transliteration/phonetic folding, typo (edit distance), initial, joined/split. */
  how: 'exact' | 'phonetic' | 'typo' | 'initial' | 'joined' | 'missing' | 'extra';
  similarity: number;
  /** The token's weight (rare tokens weigh more). */
  weight: number;
}

export interface NameExplanation {
  tokens: TokenAlignment[];
  /** What lowered the score, in words ("'Bank' and 'Group' are common", "a different number"). */
  penalties: string[];
  /** Set when an identifier matched exactly (`imo:9123456`, `crypto:T…`). */
  identifier?: string;
}

export interface NameComparison {
  score: number;
  match: boolean;
  strength?: Strength;
  explanation: NameExplanation;
}

/** A candidate from the index for a query. */
export interface QueryMatch {
  /** All ids of the target as listed by every source (`uk-fcdo:CYB0045`, `us-ofac-sdn:47814` …). */
  ids: string[];
  /** The primary listed name of the (first) target. */
  name: string;
  /** The listed name or alias that matched best. */
  matched: string;
  matchedType: NameType;
  kind: TargetKind;
  score: number;
  strength: Strength;
  explanation: NameExplanation;
}

/** A match found in a text (a page or a file). */
export interface ScanMatch {
  start: number;
  end: number;
  text: string;
  ids: string[];
  name: string;
  matched: string;
  kind: TargetKind;
  score: number;
  strength: Strength;
  /** Set when an identifier (crypto address, IMO number …) matched rather than a name. */
  identifier?: { type: string; value: string };
  explanation: NameExplanation;
}

/** Options every search takes. */
export interface SearchOptions {
  /** Lowest band to report (default weak). */
  minStrength?: Strength;
  limit?: number;
}

export type { Target };
