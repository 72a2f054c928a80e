import { storage } from 'wxt/utils/storage';
import { SOURCE_IDS, type SourceId } from '../model';
import { OFFICIAL_SOURCES } from '../update/official-sources';

export interface Settings {
  /** Sources downloaded on schedule. */
  enabledSources: SourceId[];
  /** Hours between update checks (conditional requests: unchanged lists cost nothing). */
  updateEveryHours: number;
}

export const DEFAULT_SETTINGS: Settings = {
  enabledSources: SOURCE_IDS.filter((s) => OFFICIAL_SOURCES[s].enabledByDefault),
  updateEveryHours: 24,
};

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });
