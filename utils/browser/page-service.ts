import browser from 'webextension-polyfill';
import { forgetTab, recordPageTargets, targetsOfTab } from './page-reports';
import { pageMessaging } from './page-protocol';
import type { ScreeningEngine } from './screening-engine';

/** The background's side of the page protocol (utils/browser/page-protocol.ts). */
export function servePages(engine: ScreeningEngine): void {
  pageMessaging.onMessage('scanPageText', ({ data }) => engine.scan(data.text, data.host));
  pageMessaging.onMessage('targetDetails', ({ data }) => engine.details(data.ids));
  pageMessaging.onMessage('reportPageTargets', ({ data, sender }) => {
    if (sender.tab?.id === undefined) return;
    return recordPageTargets(sender.tab.id, sender.frameId ?? 0, data.targets, data.replace, data.host);
  });
  pageMessaging.onMessage('pageTargets', ({ data }) => targetsOfTab(data.tabId));
  pageMessaging.onMessage('openTarget', async ({ data }) => {
    await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html?target=${encodeURIComponent(data.ids.join(','))}`) });
  });
  pageMessaging.onMessage('searchNames', ({ data }) => engine.search(data));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
}
