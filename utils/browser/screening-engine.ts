import Dexie from 'dexie';
import { MatchIndex } from '../matching/index';
import type { ScanMatch } from '../matching/types';
import type { Target } from '../model';
import type { ListStore } from '../store/db';
import { activeTargets } from '../store/summary';
import { search, type SearchRequest } from '../matching/search';
import { clampBands, reband, type Bands } from '../records/bands';
import { readSettings, screensSite, settingsItem, type Settings } from './settings';
import type { ListDate, SearchAnswer, TargetDetails } from './page-protocol';

/**
 * The one match index of the background: built from every active list on first use and again
 * whenever an active version changes (an update, an import, "Go back to it"). Tabs send text here
 * instead of each holding a copy of the index (tens of megabytes) of their own.
 */
export class ScreeningEngine {
  private built?: { signature: string; index: Promise<MatchIndex>; byId?: Map<string, Target> };
  /** Which versions are active, as one string. */
  private readonly activeVersions: KeptRead<string>;
  private readonly storedSettings = new KeptRead(readSettings);

  constructor(private readonly db: ListStore) {
    this.activeVersions = new KeptRead(() =>
      db.sources.toArray().then((states) => states.map((s) => `${s.source}=${s.activeVersionId ?? ''}`).sort().join('|')),
    );
    // Which versions are active and the user's settings are read again when they change, not
    // before every scan: each read is a round trip (IndexedDB, storage) that a page would wait for.
    const sourcesPart = `idb://${db.name}/sources/`;
    Dexie.on('storagemutated', (parts) => {
      if (Object.keys(parts).some((key) => key.startsWith(sourcesPart))) this.activeVersions.forget();
    });
    settingsItem.watch(() => this.storedSettings.forget());
  }

  async index(): Promise<MatchIndex> {
    const signature = await this.activeVersions.get();
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

  /**
   * The matches in a page's text. With `host`, nothing is scanned when the user switched that site
   * off or paused screening: the page sends its text before its own read of the settings is back.
   */
  async scan(text: string, host?: string): Promise<ScanMatch[]> {
    const settings = await this.storedSettings.get();
    if (host !== undefined && !screensSite(settings, host)) return [];
    this.keepAlive?.();
    const index = await this.index();
    return reband(index.scan(text), bandsOf(settings));
  }

  private async bands(): Promise<Bands> {
    return bandsOf(await this.storedSettings.get());
  }

  /** Called on every scan; see keepWarmWhileBrowsing. */
  keepAlive?: () => void;

  private async targetsById(): Promise<Map<string, Target>> {
    const index = await this.index();
    const built = this.built!;
    built.byId ??= new Map(index.targets.map((t) => [t.id, t]));
    return built.byId;
  }

  async details(ids: string[]): Promise<TargetDetails> {
    const byId = await this.targetsById();
    const targets = ids.map((id) => byId.get(id)).filter((t): t is Target => t !== undefined);
    return { targets, lists: await this.listDates() };
  }

  async search(request: SearchRequest): Promise<SearchAnswer> {
    const [index, byId, lists, bands] = await Promise.all([this.index(), this.targetsById(), this.listDates(), this.bands()]);
    return { results: reband(search(index, (id) => byId.get(id), request), bands), lists, at: Date.now() };
  }

  /** The active lists' dates, read again only when an active version changes (every keystroke asks). */
  private dates?: { signature: string; lists: Promise<ListDate[]> };
  async listDates(): Promise<ListDate[]> {
    const signature = await this.activeVersions.get();
    if (this.dates?.signature !== signature) this.dates = { signature, lists: this.readListDates() };
    return this.dates.lists;
  }

  private async readListDates(): Promise<ListDate[]> {
    const states = await this.db.sources.toArray();
    const versions = await this.db.versions.bulkGet(states.map((s) => s.activeVersionId ?? ''));
    return versions
      .filter((v) => v?.meta)
      .map((v) => ({ source: v!.meta!.source, listDate: v!.meta!.listDate, listDateOrigin: v!.meta!.listDateOrigin }));
  }
}

const bandsOf = (settings: Settings): Bands => clampBands(settings.bands ?? {});

/** Change events keep what the engine read current; this re-read is only a safety net. */
const REREAD_AFTER_MS = 60_000;

/**
 * A value read from storage, kept until `forget()` (its change event) or for a minute (in case an
 * event was missed). A failed read is not kept: the next `get()` reads again.
 */
class KeptRead<T> {
  private kept?: { at: number; value: Promise<T> };

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.kept || Date.now() - this.kept.at > REREAD_AFTER_MS) {
      const kept = { at: Date.now(), value: this.read() };
      this.kept = kept;
      kept.value.catch(() => this.kept === kept && (this.kept = undefined));
    }
    return this.kept.value;
  }

  forget(): void {
    this.kept = undefined;
  }
}

/** While pages are being screened, the worker is kept this long after the last one. */
const WARM_FOR_MS = 10 * 60_000;
/** Chrome stops a worker after 30 s without an extension event: an API call every 20 s counts as one. */
const PING_EVERY_MS = 20_000;

/**
 * Chrome stops an idle service worker after 30 s, and the index (every list, tens of megabytes)
 * goes with it: rebuilding it from IndexedDB takes seconds, which the next page would wait for.
 * While pages are being screened the worker is kept running, and for ten minutes after the last
 * one; then it may stop and free the memory. (Firefox's background page stays anyway.)
 */
export function keepWarmWhileBrowsing(engine: ScreeningEngine, ping: () => Promise<unknown>): void {
  let lastScan = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  engine.keepAlive = () => {
    lastScan = Date.now();
    timer ??= setInterval(() => {
      if (Date.now() - lastScan > WARM_FOR_MS) {
        clearInterval(timer);
        timer = undefined;
        return;
      }
      void ping().catch(() => undefined);
    }, PING_EVERY_MS);
  };
}
