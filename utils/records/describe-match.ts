import type { ScanMatch } from '../matching/types';
import { SOURCE_LABELS, type Target, type TargetKind } from '../model';

/** Matches and targets in words, for the card, the popup and "Copy details". */

export const KIND_LABELS: Record<TargetKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  vessel: 'Vessel',
  aircraft: 'Aircraft',
};

/** "zhao = ZHAO (exact); guangzhong ≈ GUANGZONG (typo). Lowered: …" */
export function describeMatch(match: ScanMatch): string {
  if (match.identifier) return `The ${match.identifier.type === 'crypto' ? 'crypto address' : match.identifier.type.toUpperCase() + ' number'} is listed exactly as written.`;
  const parts = match.explanation.tokens
    .filter((t) => t.query && t.listed)
    .map((t) => `${t.query} ${t.how === 'exact' ? '=' : '≈'} ${t.listed}${t.how === 'exact' ? '' : ` (${t.how === 'phonetic' ? 'spelling variant' : t.how})`}`);
  const missing = match.explanation.tokens.filter((t) => t.how === 'missing' && t.listed).map((t) => t.listed);
  let text = parts.length > 0 ? `${parts.join('; ')}.` : 'The listed name matched.';
  if (missing.length > 0) text += ` Not on the page: ${missing.join(', ')}.`;
  if (match.explanation.penalties.length > 0) text += ` Lowered: ${match.explanation.penalties.join('; ')}.`;
  return text;
}

/** The first sentences of a statement of reasons, for a card. */
export function shortReasons(reasons: string, max = 320): string {
  const clean = reasons.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const sentence = cut.lastIndexOf('. ');
  return `${sentence > max / 2 ? cut.slice(0, sentence + 1) : cut.replace(/\s+\S*$/, '')} …`;
}

/** The official notice, only as a web address (a list could hold any text in that field). */
export function officialLink(target: Target): string | undefined {
  const url = target.noticeUrl?.trim();
  return url && /^https:\/\/[^\s]+$/i.test(url) ? url : undefined;
}

/** Plain text of a match and its listings, for the clipboard and a record of the check. */
export function matchAsText(match: ScanMatch, targets: Target[], page: string, at: Date): string {
  const lines = [
    `Sanctions Lens: ${match.strength} match (${Math.round(match.score * 100)}%) for “${match.text}” on ${page}, ${at.toISOString()}`,
    `Listed name: ${match.name}${match.matched !== match.name ? ` (matched: ${match.matched})` : ''}`,
    `Why: ${describeMatch(match)}`,
  ];
  for (const t of targets) {
    lines.push(`${SOURCE_LABELS[t.source]} ${t.nativeId}: ${KIND_LABELS[t.kind]}; regime ${t.regimes.join('; ') || 'not stated'}${t.designated ? `; designated ${t.designated}` : ''}`);
    if (t.birthDates?.length) lines.push(`  Born: ${t.birthDates.join('; ')}`);
    if (t.nationalities?.length) lines.push(`  Nationality: ${t.nationalities.join('; ')}`);
    if (t.reasons) lines.push(`  Reasons: ${shortReasons(t.reasons, 600)}`);
    const link = officialLink(t);
    if (link) lines.push(`  Notice: ${link}`);
  }
  return lines.join('\n');
}
