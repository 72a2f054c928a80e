import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA, projectRoot, SHARED_SKIP_MESSAGE, sharedFile } from '../shared-data';
import { importOfsiList, launchExtension, type ExtensionSession } from './browser';
import { E2E_EXTENSION_DIR } from './global-setup';

/** The extension's own API, inside the service worker (evaluated there, not here). */
declare const chrome: {
  contextMenus: { onClicked: { dispatch(info: object, tab?: object): void } };
};

const SCREENSHOTS = resolve(projectRoot, 'tests/.tmp/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

let session: ExtensionSession;
let popup: Page;

/** Types a query and waits for its answer (results or the no-match line). */
async function lookUp(query: string): Promise<string[]> {
  const box = popup.locator('input[type="search"]');
  const since = await popup.evaluate(() => performance.now());
  await box.fill(query);
  await popup.waitForFunction(
    ([q, after]) => performance.getEntriesByName('sanctions-lens:results').some((m) => (m as PerformanceMark).detail?.query === q && m.startTime >= after),
    [query, since] as const,
    { timeout: 30_000 },
  );
  return (await popup.locator('[role="option"]').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

describe.skipIf(!HAS_SHARED_DATA)(`the popup lookup, with the OFSI list of 14/04/2025 ${HAS_SHARED_DATA ? '' : SHARED_SKIP_MESSAGE}`, () => {
  beforeAll(async () => {
    session = await launchExtension(E2E_EXTENSION_DIR);
    await importOfsiList(session, sharedFile('uk-ofsi-consolidated/ConList_2025-04-14.xlsx'));
    popup = await session.context.newPage();
    await popup.setViewportSize({ width: 460, height: 720 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  });

  afterAll(async () => {
    await session?.close();
  });

  it.each([
    ['Guangzong Zhao', 'Guangzong ZHAO'],
    ['ZHAO, Guangzong', 'Guangzong ZHAO'],
    ['武汉晓睿智科技', 'WUHAN XIAORUIZHI SCIENCE AND TECHNOLOGY COMPANY LIMITED'],
    ['Wuhan Xiaoruizhi Science & Technology Co., Ltd.', 'WUHAN XIAORUIZHI SCIENCE AND TECHNOLOGY COMPANY LIMITED'],
  ])('brings the right target first for “%s”', async (query, listed) => {
    const results = await lookUp(query);
    expect(results[0]).toContain(listed);
  });

  it('gives no strong result for “Wang Yi”, and says exactly what was checked when nothing matches', async () => {
    await lookUp('Wang Yi');
    expect(await popup.locator('[role="option"] .score.strong').count()).toBe(0);
    await lookUp('Xqzzyv Nobodyson');
    const none = (await popup.getByTestId('no-match').textContent()) ?? '';
    expect(none).toMatch(/No match for “Xqzzyv Nobodyson” on .*OFSI Consolidated List \(retired\) \(14 Apr 2025\).* at \d/);
  });

  it('is used with the keyboard alone, and shows a target in full', async () => {
    await lookUp('Guangzong Zhao');
    await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-results.png') });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-results-dark.png') });
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.locator('input[type="search"]').press('ArrowDown');
    await popup.locator('input[type="search"]').press('ArrowUp');
    await popup.locator('input[type="search"]').press('Enter');
    const detail = popup.locator('main.target-view');
    await detail.waitFor({ timeout: 10_000 });
    const text = (await detail.textContent()) ?? '';
    expect(text).toContain('Cyber');
    expect(text).toContain('25 Mar 2024');
    expect(text).toMatch(/national-id: 421003198511121539/);
    await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-detail.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-detail-dark.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.locator('input[type="search"]').inputValue()).toBe('Guangzong Zhao');
  });

  it('screens text selected on a page from the context menu', async () => {
    const opened = session.context.waitForEvent('page', { timeout: 15_000 });
    const worker = await session.serviceWorker();
    await worker.evaluate(() => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'sanctions-lens-screen-selection', selectionText: ' Ni  Gaobin ' }, {}));
    const lookup = await opened;
    await lookup.waitForLoadState();
    expect(new URL(lookup.url()).searchParams.get('q')).toBe('Ni Gaobin');
    await lookup.locator('[role="option"]').first().waitFor({ timeout: 30_000 });
    expect(await lookup.locator('[role="option"]').first().innerText()).toMatch(/NI/);
  });

  it('exports the local data as one JSON file from the options page', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const download = options.waitForEvent('download', { timeout: 15_000 });
    await options.getByTestId('export-data').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^sanctions-lens-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync(await file.path(), 'utf8')) as {
      settings: { bands: { strong: number; weak: number } };
      dismissals: unknown[];
      sources: { source: string; activeVersionId?: string }[];
      versions: { id: string; status: string; targets: number; meta?: { listDate?: string } }[];
    };
    expect(data.settings.bands.strong).toBeGreaterThan(data.settings.bands.weak);
    expect(Array.isArray(data.dismissals)).toBe(true);
    const ofsi = data.sources.find((s) => s.source === 'uk-ofsi');
    const active = data.versions.find((v) => v.id === ofsi?.activeVersionId);
    expect(active?.status).toBe('active');
    expect(active?.meta?.listDate).toBe('2025-04-14');
    expect(active?.targets).toBeGreaterThan(4000);
    await expect.poll(() => options.getByTestId('data-status').textContent()).toMatch(/Exported/);
    await options.close();
  });

  it('follows the thresholds set on the options page, and clears all local data there', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const typo = 'Guangzhong Zhao';
    await lookUp(typo);
    const before = await popup.locator('[role="option"] .score').first().textContent();
    expect(Number.parseInt(before ?? '0', 10)).toBeLessThan(100);
    // A weak band above that score: the same lookup finds nothing.
    await options.getByTestId('band-strong').fill('1');
    await options.getByTestId('band-strong').press('Tab');
    await options.getByTestId('band-weak').fill('0.99');
    await options.getByTestId('band-weak').press('Tab');
    await options.waitForTimeout(1500);
    await lookUp(`${typo} `);
    expect(await popup.locator('[role="option"]').count()).toBe(0);
    await options.screenshot({ path: resolve(SCREENSHOTS, 'options-matching-and-data.png'), fullPage: true });
    options.on('dialog', (dialog) => void dialog.accept());
    await options.getByTestId('clear-data').click();
    await expect.poll(() => options.getByTestId('data-status').textContent(), { timeout: 10_000 }).toMatch(/All local data cleared/);
    await options.waitForTimeout(1500);
    await lookUp('Guangzong Zhao');
    expect((await popup.getByTestId('no-match').textContent()) ?? '').toMatch(/no list \(none installed\)/);
    await options.close();
  });
});

