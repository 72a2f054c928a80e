import browser from 'webextension-polyfill';
import { forgetTab, recordPageTargets, targetsOfTab } from './page-reports';
import { pageMessaging } from './page-protocol';
import type { ScreeningEngine } from './screening-engine';

/** The background's side of the page protocol (utils/browser/page-protocol.ts). */
export function servePages(engine: ScreeningEngine): void {
  pageMessaging.onMessage('scanPageText', async ({ data }) => {
    const started = performance.now();
    const matches = await engine.scan(data.text, data.host);
    measureScan(started, data.text.length);
    return matches;
  });
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

export const SCAN_MEASURE = 'sanctions-lens:scan';
/** The background's timeline keeps this many page scans at most (a long browsing session scans thousands). */
const SCANS_KEPT = 100;

/**
 * `sanctions-lens:scan` on the background's performance timeline, one per page text: when it came
 * in and how long the scan took (the benchmark, or DevTools on the service worker, reads them and
 * sets them beside the page's own marks: both timelines count from their `timeOrigin`).
 */
function measureScan(started: number, chars: number): void {
  try {
    if (performance.getEntriesByName(SCAN_MEASURE).length >= SCANS_KEPT) performance.clearMeasures(SCAN_MEASURE);
    performance.measure(SCAN_MEASURE, { start: started, end: performance.now(), detail: { chars, receivedAt: performance.timeOrigin + started } });
  } catch {
    // Measures with details need a recent browser; scanning does not depend on them.
  }
}
