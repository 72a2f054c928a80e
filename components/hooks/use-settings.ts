import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, readSettings, settingsItem, type Settings } from '../../utils/browser/settings';

/** The extension's settings, kept in step with changes made elsewhere (another tab, the background). */
export function useSettings(): [Settings, (next: Settings) => void] {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void readSettings().then(setSettings);
    return settingsItem.watch((value) => setSettings({ ...DEFAULT_SETTINGS, ...value }));
  }, []);
  return [settings, (next) => void settingsItem.setValue(next)];
}
