import type { SourceId, Target, TargetKind } from '../model';
import { strengthOf } from './compare';
import { sharedStart } from './normalize';
import type { MatchIndex } from './index';
import type { QueryMatch } from './types';

/**
 * A lookup typed by a user (the popup): the engine's query over every active list, narrowed by
 * optional filters, with a date of birth and a country that raise or lower scores, since they tell
 * namesakes apart.
 */
export interface SearchRequest {
  query: string;
  kind?: TargetKind;
  source?: SourceId;
  /** A regime or programme, matched as a part of the listed one ("Russia", "CYBER"). */
  regime?: string;
  /** A year, or a full date (its year is used). */
  birthDate?: string;
  /** A country or nationality as written ("Iran", "Iranian"). */
  country?: string;
  limit?: number;
}

export interface SearchResult extends QueryMatch {
  /** Each listed record of the target (one per source). */
  sources: { source: SourceId; nativeId: string }[];
  regimes: string[];
  /** What the date of birth or country did to the score, in words. */
  adjustments: string[];
}

/** How far a matching or differing date of birth or country moves a score. */
const BIRTH_MATCH = 0.03;
const BIRTH_DIFFERS = 0.15;
const COUNTRY_MATCH = 0.02;
const COUNTRY_DIFFERS = 0.08;

export function search(index: MatchIndex, byId: (id: string) => Target | undefined, request: SearchRequest): SearchResult[] {
  const limit = request.limit ?? 10;
  const text = request.query.trim();
  if (text === '') return [];
  const year = /\b(1[89]\d\d|20\d\d)\b/.exec(request.birthDate ?? '')?.[1];
  const country = (request.country ?? '').trim().toLowerCase();
  const regime = (request.regime ?? '').trim().toLowerCase();
  // Filters and adjustments reorder results: ask the engine for more than will be shown.
  const candidates = index.query(text, { limit: Math.max(50, limit * 5) });
  const out: SearchResult[] = [];
  for (const match of candidates) {
    const targets = match.ids.map(byId).filter((t): t is Target => t !== undefined);
    if (request.kind && match.kind !== request.kind) continue;
    if (request.source && !targets.some((t) => t.source === request.source)) continue;
    const regimes = [...new Set(targets.flatMap((t) => t.regimes))];
    if (regime && !regimes.some((r) => r.toLowerCase().includes(regime))) continue;
    let score = match.score;
    const adjustments: string[] = [];
    if (year) {
      const years = new Set(targets.flatMap((t) => t.birthDates ?? []).map((d) => /\d{4}/.exec(d)?.[0]).filter(Boolean));
      if (years.size > 0) {
        const near = [...years].some((y) => Math.abs(Number(y) - Number(year)) <= 1);
        score += near ? BIRTH_MATCH : -BIRTH_DIFFERS;
        adjustments.push(near ? `born ${[...years].join('/')}, as given` : `born ${[...years].join('/')}, not ${year}`);
      }
    }
    if (country) {
      const places = targets.flatMap((t) => [...(t.nationalities ?? []), ...(t.addresses ?? []), ...(t.birthPlaces ?? [])]).map((p) => p.toLowerCase());
      if (places.length > 0) {
        const same = places.some((p) => p.split(/[^a-z]+/).some((w) => sharesPlaceStart(w, country)));
        score += same ? COUNTRY_MATCH : -COUNTRY_DIFFERS;
        adjustments.push(same ? `${request.country} is among its countries` : `its countries do not include ${request.country}`);
      }
    }
    score = Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000;
    const strength = strengthOf(score);
    if (!strength) continue;
    out.push({
      ...match,
      score,
      strength,
      sources: targets.map((t) => ({ source: t.source, nativeId: t.nativeId })),
      regimes,
      adjustments,
    });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}

/** "iran"/"iranian", "russia"/"russian": one place. */
function sharesPlaceStart(a: string, b: string): boolean {
  const common = sharedStart(a, b);
  return common >= 4 ? common >= Math.min(a.length, b.length) - 2 : a === b;
}
