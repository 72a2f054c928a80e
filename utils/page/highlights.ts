import type { PlacedMatch } from './page-screener';

/**
 * Marks matches with the CSS Custom Highlight API: the page's DOM is never changed, so layouts and
 * page scripts cannot break. The names are public (README): tests and users' automation read them.
 */
export const STRONG_HIGHLIGHT = 'sanctions-lens-strong';
export const WEAK_HIGHLIGHT = 'sanctions-lens-weak';

/** Whether this browser has the API (Chrome 105+, Firefox 140+, Safari 17.2+). */
export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

export function showHighlights(placed: readonly PlacedMatch[]): void {
  if (!highlightsSupported()) return;
  const strong = new Highlight();
  const weak = new Highlight();
  for (const { match, range } of placed) (match.strength === 'strong' ? strong : weak).add(range);
  // Weak marks sit under strong ones where both cover a word.
  strong.priority = 1;
  CSS.highlights.set(STRONG_HIGHLIGHT, strong);
  CSS.highlights.set(WEAK_HIGHLIGHT, weak);
}

export function clearHighlights(): void {
  if (!highlightsSupported()) return;
  CSS.highlights.delete(STRONG_HIGHLIGHT);
  CSS.highlights.delete(WEAK_HIGHLIGHT);
}
