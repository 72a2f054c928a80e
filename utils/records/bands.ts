import { STRONG, WEAK, type Strength } from '../matching/types';

/**
 * The user's strong and weak thresholds. The engine reports everything from its own weak band up;
 * a stricter choice re-bands what it found (a lower weak band than the engine's cannot be had:
 * below it the engine has already judged the names different).
 */
export interface Bands {
  strong: number;
  weak: number;
}

export const DEFAULT_BANDS: Bands = { strong: STRONG, weak: WEAK };

/** Thresholds within what the engine can give: weak from its band up, strong above weak. */
export function clampBands(bands: Partial<Bands>): Bands {
  const weak = Math.min(0.99, Math.max(WEAK, bands.weak ?? WEAK));
  const strong = Math.min(1, Math.max(weak + 0.01, bands.strong ?? STRONG));
  return { strong: Math.round(strong * 100) / 100, weak: Math.round(weak * 100) / 100 };
}

export function bandOf(score: number, bands: Bands): Strength | undefined {
  if (score >= bands.strong) return 'strong';
  if (score >= bands.weak) return 'weak';
  return undefined;
}

/** Matches re-banded by the user's thresholds; those under the weak one dropped. */
export function reband<T extends { score: number; strength: Strength; identifier?: unknown }>(matches: T[], bands: Bands): T[] {
  const out: T[] = [];
  for (const m of matches) {
    // An identifier found exactly is strong whatever the name thresholds.
    const strength = m.identifier ? 'strong' : bandOf(m.score, bands);
    if (strength) out.push(strength === m.strength ? m : { ...m, strength });
  }
  return out;
}
