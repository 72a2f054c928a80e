import type { PageTarget } from '../browser/page-protocol';

/** One entry per target across a tab's frames; strong wins over weak, mentions add up. */
export function mergeTargets(frames: PageTarget[][]): PageTarget[] {
  const byKey = new Map<string, PageTarget>();
  for (const targets of frames) {
    for (const target of targets) {
      const seen = byKey.get(target.key);
      if (!seen) byKey.set(target.key, { ...target });
      else {
        seen.mentions += target.mentions;
        if (target.strength === 'strong') seen.strength = 'strong';
      }
    }
  }
  return [...byKey.values()].sort((a, b) => (a.strength === b.strength ? b.mentions - a.mentions : a.strength === 'strong' ? -1 : 1));
}
