import browser from 'webextension-polyfill';
import { pageMessaging } from './page-protocol';

/**
 * Selected text on any page, screened: from the context menu ("Screen “…” with Sanctions Lens") or
 * the keyboard shortcut (Alt+Shift+S, changeable in the browser's shortcut settings). The popup's
 * lookup opens in a small window with the text in its search field.
 */
export const MENU_ID = 'sanctions-lens-screen-selection';
export const COMMAND = 'screen-selection';

export function createSelectionMenu(): void {
  browser.contextMenus.create({ id: MENU_ID, title: 'Screen “%s” with Sanctions Lens', contexts: ['selection'] }, () => void browser.runtime.lastError);
}

export function listenForSelectionLookups(): void {
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === MENU_ID && info.selectionText) void openLookup(info.selectionText);
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== COMMAND) return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    const text = await pageMessaging.sendMessage('selectedText', undefined, { tabId, frameId: 0 }).catch(() => '');
    await openLookup(text);
  });
}

export async function openLookup(text: string): Promise<void> {
  const query = text.replace(/\s+/g, ' ').trim().slice(0, 300);
  await browser.windows.create({ url: browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(query)}`), type: 'popup', width: 460, height: 680 });
}
