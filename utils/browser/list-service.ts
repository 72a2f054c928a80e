import type { ProxyServiceKey } from '@webext-core/proxy-service';
import type { SourceId } from '../model';
import type { ListStore } from '../store/db';
import { recoverInterruptedImports } from '../store/import';
import { updateSources, type UpdateReport } from '../update/update-lists';
import { installBundledLists } from './bundled-lists';
import { settingsItem } from './settings';

/**
 * Work that must outlive the page that asked for it (downloads, scheduled updates) runs in
 * the background; pages call it through this typed service instead of string messages.
 */
export interface ListService {
  /** Checks the official addresses now; all enabled sources, or one. */
  updateNow(source?: SourceId): Promise<UpdateReport[]>;
  /** Bundled lists for sources without an active list (cheap when there is nothing to do). */
  installBundled(): Promise<SourceId[]>;
  /** First run: bundled lists, then downloads for enabled sources that still have no list. */
  firstRun(): Promise<UpdateReport[]>;
}

export const LIST_SERVICE_KEY = 'sanctions-lens:list-service' as ProxyServiceKey<ListService>;

export function createListService(db: ListStore): ListService {
  let running: Promise<UpdateReport[]> | undefined;
  // Startup and onInstalled both ask for the bundled lists: one run serves both.
  let installing: Promise<SourceId[]> | undefined;
  return {
    async updateNow(source) {
      // A second click while an update runs joins it instead of downloading twice.
      if (running && !source) return running;
      const sources = source ? [source] : (await settingsItem.getValue()).enabledSources;
      const work = (async () => {
        await recoverInterruptedImports(db);
        return updateSources(db, sources);
      })();
      if (!source) running = work.finally(() => (running = undefined));
      return work;
    },
    installBundled() {
      installing ??= (async () => {
        await recoverInterruptedImports(db);
        return installBundledLists(db);
      })().finally(() => (installing = undefined));
      return installing;
    },
    async firstRun() {
      await this.installBundled();
      const { enabledSources } = await settingsItem.getValue();
      const missing: SourceId[] = [];
      for (const source of enabledSources) if (!(await db.sources.get(source))?.activeVersionId) missing.push(source);
      return updateSources(db, missing);
    },
  };
}
