import { storage } from 'wxt/utils/storage';
import { SOURCE_IDS, type SourceId } from '../model';
import { DEFAULT_BANDS, type Bands } from '../records/bands';
import { OFFICIAL_SOURCES } from '../update/official-sources';

export interface Settings {
  /** Sources downloaded on schedule. */
  enabledSources: SourceId[];
  /** Hours between update checks (conditional requests: unchanged lists cost nothing). */
  updateEveryHours: number;
  /** No page is screened while paused. */
  paused: boolean;
  /** Badge and popup list only, no marks in pages: page scripts can see highlights. */
  quietMode: boolean;
  /** Host names (`example.com`) where pages are never screened. */
  disabledSites: string[];
  /** Score thresholds for strong and weak matches (utils/records/bands.ts). */
  bands: Bands;
}

export const DEFAULT_SETTINGS: Settings = {
  enabledSources: SOURCE_IDS.filter((s) => OFFICIAL_SOURCES[s].enabledByDefault),
  updateEveryHours: 24,
  paused: false,
  quietMode: false,
  disabledSites: [],
  bands: DEFAULT_BANDS,
};

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });

/** Settings saved by an older version lack newer fields: those take their defaults. */
export async function readSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

/** Whether pages of this host are screened. */
export function screensSite(settings: Settings, host: string): boolean {
  return !settings.paused && !settings.disabledSites.includes(host);
}
