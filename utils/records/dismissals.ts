/**
 * "Not this one": a match the user judged to name someone else. Remembered per site (the same
 * name on this site is another person) or everywhere (this listed target is never the one meant).
 * Pure data and rules; the browser keeps the list in `local:dismissals` (utils/browser/dismissal-store.ts).
 */

export type DismissalScope = 'site' | 'everywhere';

export interface Dismissal {
  /** The target's key: the first of its ids in sorted order (`uk-fcdo:CYB0045`). */
  target: string;
  /** The listed name shown when the dismissal is reviewed. */
  name: string;
  scope: DismissalScope;
  /** Host name, for `site` dismissals. */
  site?: string;
  at: number;
}

/** One key per target, whatever order a match lists its ids in. */
export function targetKey(ids: readonly string[]): string {
  return [...ids].sort()[0] ?? '';
}

export function isDismissed(dismissals: readonly Dismissal[], ids: readonly string[], host: string): boolean {
  if (ids.length === 0) return false;
  const key = targetKey(ids);
  return dismissals.some((d) => d.target === key && (d.scope === 'everywhere' || d.site === host));
}

/** Adds a dismissal, replacing an earlier one for the same target and place. */
export function withDismissal(dismissals: readonly Dismissal[], next: Dismissal): Dismissal[] {
  return [...dismissals.filter((d) => !(d.target === next.target && d.scope === next.scope && d.site === next.site)), next];
}

export function withoutDismissal(dismissals: readonly Dismissal[], gone: Dismissal): Dismissal[] {
  return dismissals.filter((d) => !(d.target === gone.target && d.scope === gone.scope && d.site === gone.site));
}
