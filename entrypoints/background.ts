import { registerService } from '@webext-core/proxy-service';
import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { openListStore } from '../utils/browser/database';
import { createListService, LIST_SERVICE_KEY } from '../utils/browser/list-service';
import { servePages } from '../utils/browser/page-service';
import { keepWarmWhileBrowsing, ScreeningEngine } from '../utils/browser/screening-engine';
import { createSelectionMenu, listenForSelectionLookups } from '../utils/browser/selection-lookup';
import { listenForUpdateAlarm, scheduleUpdates } from '../utils/browser/update-schedule';

export default defineBackground(() => {
  const db = openListStore();
  const service = createListService(db);
  registerService(LIST_SERVICE_KEY, service);
  const engine = new ScreeningEngine(db);
  keepWarmWhileBrowsing(engine, () => browser.runtime.getPlatformInfo());
  servePages(engine);
  listenForSelectionLookups();
  listenForUpdateAlarm(service);
  // Every start: clean imports a stopped worker left half-written; install bundled lists if missing.
  void service.installBundled();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void scheduleUpdates();
    createSelectionMenu();
    if (reason === 'install') void service.firstRun();
  });
  browser.runtime.onStartup.addListener(() => void scheduleUpdates());
});
