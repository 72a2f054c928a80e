import browser from 'webextension-polyfill';
import type { ListService } from './list-service';
import { settingsItem } from './settings';

export const UPDATE_ALARM = 'sanctions-lens:update-lists';

/** Daily (by default) update checks with `alarms`, which survive the service worker sleeping. */
export async function scheduleUpdates(): Promise<void> {
  const { updateEveryHours } = await settingsItem.getValue();
  const periodInMinutes = Math.max(60, Math.round(updateEveryHours * 60));
  const existing = await browser.alarms.get(UPDATE_ALARM);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await browser.alarms.create(UPDATE_ALARM, { periodInMinutes, delayInMinutes: 1 });
}

export function listenForUpdateAlarm(service: ListService): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === UPDATE_ALARM) void service.updateNow();
  });
  settingsItem.watch(() => void scheduleUpdates());
}
