import { MatchIndex } from '../matching/index';
import type { ScanMatch } from '../matching/types';
import type { Target } from '../model';
import type { ListStore } from '../store/db';
import { activeTargets } from '../store/summary';
import type { ListDate, TargetDetails } from './page-protocol';

/**
 * The one match index of the background: built from every active list on first use and again
 * whenever an active version changes (an update, an import, "Go back to it"). Tabs send text here
 * instead of each holding a copy of the index (tens of megabytes) of their own.
 */
export class ScreeningEngine {
  private built?: { signature: string; index: Promise<MatchIndex>; byId?: Map<string, Target> };
  private checked?: { at: number; signature: Promise<string> };

  constructor(private readonly db: ListStore) {}

  /** Which versions are active; read at most once a second, since pages scan in bursts. */
  private signature(): Promise<string> {
    const now = Date.now();
    if (!this.checked || now - this.checked.at > 1000) {
      this.checked = {
        at: now,
        signature: this.db.sources.toArray().then((states) => states.map((s) => `${s.source}=${s.activeVersionId ?? ''}`).sort().join('|')),
      };
    }
    return this.checked.signature;
  }

  async index(): Promise<MatchIndex> {
    const signature = await this.signature();
    if (!this.built || this.built.signature !== signature) {
      const index = activeTargets(this.db).then((targets) => MatchIndex.build(targets));
      this.built = { signature, index };
      // A failed build is not kept: the next call tries again.
      index.catch(() => {
        if (this.built?.index === index) this.built = undefined;
      });
    }
    return this.built.index;
  }

  async scan(text: string): Promise<ScanMatch[]> {
    return (await this.index()).scan(text);
  }

  async details(ids: string[]): Promise<TargetDetails> {
    const index = await this.index();
    const built = this.built!;
    built.byId ??= new Map(index.targets.map((t) => [t.id, t]));
    const targets = ids.map((id) => built.byId!.get(id)).filter((t): t is Target => t !== undefined);
    return { targets, lists: await this.listDates() };
  }

  async listDates(): Promise<ListDate[]> {
    const states = await this.db.sources.toArray();
    const versions = await this.db.versions.bulkGet(states.map((s) => s.activeVersionId ?? ''));
    return versions
      .filter((v) => v?.meta)
      .map((v) => ({ source: v!.meta!.source, listDate: v!.meta!.listDate, listDateOrigin: v!.meta!.listDateOrigin }));
  }
}
