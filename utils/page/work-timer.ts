/**
 * The longest stretch of main-thread work the screening did in this page, and marks on the page's
 * performance timeline, so a benchmark (or a curious user, in DevTools) can see what screening
 * cost: `sanctions-lens:start`, `…:settings` (settings read), `…:read` (text collected), `…:sent`
 * (the text sent to the background), `…:scanned` (the background's answer), then
 * `sanctions-lens:applied` when the first highlights are on.
 */
let longestMs = 0;

export function timed<T>(work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    longestMs = Math.max(longestMs, performance.now() - started);
  }
}

/** Records a stretch measured elsewhere (a slice between two yields). */
export function recordWork(ms: number): void {
  longestMs = Math.max(longestMs, ms);
}

export function markScreening(name: 'start' | 'settings' | 'read' | 'sent' | 'scanned' | 'applied' | 'updated', detail: Record<string, number> = {}): void {
  try {
    performance.mark(`sanctions-lens:${name}`, { detail: { ...detail, longestTaskMs: Math.round(longestMs * 10) / 10 } });
  } catch {
    // Marks with details need a recent browser; screening does not depend on them.
  }
}
