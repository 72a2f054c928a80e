import browser from 'webextension-polyfill';
import { storage } from 'wxt/utils/storage';
import { mergeTargets } from '../records/page-targets';
import type { PageTarget, TabTargets } from './page-protocol';

/**
 * What each tab's frames named, for the toolbar badge and the popup. Kept in session storage too:
 * Chrome stops an idle service worker, and the popup must still list the page's targets.
 */
type TabReports = Record<string, { host: string; frames: Record<string, PageTarget[]> }>;

const reportsItem = storage.defineItem<TabReports>('session:page-reports', { fallback: {} });

/** Reports arrive from several frames at once: one read-modify-write at a time. */
let writing: Promise<unknown> = Promise.resolve();
function serially<T>(work: () => Promise<T>): Promise<T> {
  const next = writing.then(work, work);
  writing = next.catch(() => undefined);
  return next;
}

export function recordPageTargets(tabId: number, frameId: number, targets: PageTarget[], replace: boolean, host: string): Promise<void> {
  return serially(async () => {
    const reports = await reportsItem.getValue();
    const tab = replace || !reports[tabId] ? { host: '', frames: {} } : reports[tabId];
    tab.frames[frameId] = targets;
    if (frameId === 0) tab.host = host;
    reports[tabId] = tab;
    await reportsItem.setValue(reports);
    await showBadge(tabId, mergeTargets(Object.values(tab.frames)));
  });
}

export async function targetsOfTab(tabId: number): Promise<TabTargets> {
  const tab = (await reportsItem.getValue())[tabId];
  return { host: tab?.host ?? '', targets: mergeTargets(Object.values(tab?.frames ?? {})) };
}

export function forgetTab(tabId: number): Promise<void> {
  return serially(async () => {
    const reports = await reportsItem.getValue();
    delete reports[tabId];
    await reportsItem.setValue(reports);
  });
}

/** The number of designated targets the page names; red when one is a strong match. */
async function showBadge(tabId: number, targets: PageTarget[]): Promise<void> {
  const action = browser.action ?? browser.browserAction;
  const text = targets.length > 0 ? String(targets.length) : '';
  const strong = targets.some((t) => t.strength === 'strong');
  try {
    await action.setBadgeText({ tabId, text });
    if (text) await action.setBadgeBackgroundColor({ tabId, color: strong ? '#b91c1c' : '#b45309' });
  } catch {
    // The tab closed while its page was being screened.
  }
}
