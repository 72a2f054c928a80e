import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA, projectRoot, SHARED_SKIP_MESSAGE, sharedFile } from '../shared-data';
import { launchExtension, type ExtensionSession } from './browser';
import { E2E_EXTENSION_DIR } from './global-setup';

const SCREENSHOTS = resolve(projectRoot, 'tests/.tmp/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

let session: ExtensionSession;
let options: Page;

async function openOptions(): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  return page;
}

function card(page: Page, source: string) {
  return page.getByTestId(`source-${source}`);
}

/** Stops the extension's service worker, as Chrome does after 30 s idle or under memory pressure. */
async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

beforeAll(async () => {
  session = await launchExtension(E2E_EXTENSION_DIR);
  options = await openOptions();
});

afterAll(async () => {
  await session?.close();
});

describe('the list store in the built extension', () => {
  it('installs the bundled list on first run and shows its date and counts', async () => {
    const un = card(options, 'un-sc');
    await expect.poll(() => un.getByTestId('list-date').textContent(), { timeout: 20_000 }).toBe('10 Jan 2026');
    expect(await un.getByTestId('count-targets').textContent()).toBe('5');
    expect(await un.getByTestId('count-persons').textContent()).toBe('4');
    expect(await un.getByTestId('count-organisations').textContent()).toBe('1');
  });

  it('turns a source’s automatic updates off and on, kept across reloads', async () => {
    const toggle = card(options, 'eu-fsf').getByTestId('auto-eu-fsf');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await options.reload();
    expect(await card(options, 'eu-fsf').getByTestId('auto-eu-fsf').isChecked()).toBe(false);
    expect(await card(options, 'opensanctions').getByTestId('auto-opensanctions').isChecked()).toBe(false);
    await card(options, 'eu-fsf').getByTestId('auto-eu-fsf').check();
  });

  it('rejects a file of another format with a message naming it, keeping the list', async () => {
    await options.getByTestId('import-input').setInputFiles({
      name: 'not-a-list.html',
      mimeType: 'text/html',
      buffer: Buffer.from('<!doctype html><html><body>Page not found</body></html>'),
    });
    const message = options.getByTestId('message');
    await expect.poll(() => message.textContent(), { timeout: 20_000 }).toMatch(/not-a-list\.html.*web page/);
    expect(await card(options, 'un-sc').getByTestId('count-targets').textContent()).toBe('5');
  });

  describe.skipIf(!HAS_SHARED_DATA)(`with the real OFSI list ${HAS_SHARED_DATA ? '' : SHARED_SKIP_MESSAGE}`, () => {
    const xlsx = () => sharedFile('uk-ofsi-consolidated/ConList_2025-04-14.xlsx');

    it('imports the OFSI list file through the options page and shows its date and counts', async () => {
      await options.getByTestId('import-input').setInputFiles(xlsx());
      const ofsi = card(options, 'uk-ofsi');
      await expect.poll(() => ofsi.getByTestId('list-date').textContent(), { timeout: 60_000 }).toBe('14 Apr 2025');
      expect(await ofsi.getByTestId('count-targets').textContent()).toBe('4,688');
      expect(await ofsi.getByTestId('count-persons').textContent()).toBe('3,663');
      expect(await ofsi.getByTestId('count-organisations').textContent()).toBe('1,010');
      expect(await ofsi.getByTestId('count-vessels').textContent()).toBe('15');
      await expect.poll(() => options.getByTestId('message').textContent()).toMatch(/Imported .*4,688 designations/);
      await options.screenshot({ path: resolve(SCREENSHOTS, 'options-after-import.png'), fullPage: true });
      await options.emulateMedia({ colorScheme: 'dark' });
      await options.screenshot({ path: resolve(SCREENSHOTS, 'options-dark.png'), fullPage: true });
      await options.emulateMedia({ colorScheme: 'light' });
    });

    it('keeps the data when the service worker is stopped', async () => {
      await stopServiceWorker(options);
      await options.close();
      options = await openOptions();
      const ofsi = card(options, 'uk-ofsi');
      await expect.poll(() => ofsi.getByTestId('count-targets').textContent(), { timeout: 20_000 }).toBe('4,688');
      expect(await ofsi.getByTestId('list-date').textContent()).toBe('14 Apr 2025');
      // The worker starts again on demand: "Check for update" reaches it. This machine has no
      // internet, so the check fails, and says so, and the bundled UN list stays active.
      await card(options, 'un-sc').getByTestId('update-un-sc').click();
      await expect.poll(() => options.getByTestId('message').textContent(), { timeout: 60_000 }).toMatch(
        /UN Security Council Consolidated List: (failed \(could not reach scsanctions\.un\.org|unchanged|updated)/,
      );
      expect(await card(options, 'un-sc').getByTestId('count-targets').textContent()).toMatch(/\d/);
    });

    it('shows an error for a corrupt file and keeps the previous version active', async () => {
      const bytes = readFileSync(xlsx());
      // A cut-short download: the first 60% of the official file.
      await options.getByTestId('import-input').setInputFiles({
        name: 'ConList.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: bytes.subarray(0, Math.floor(bytes.length * 0.6)),
      });
      const message = options.getByTestId('message');
      await expect.poll(() => message.textContent(), { timeout: 30_000 }).toMatch(/Could not import ConList\.xlsx: .+/);
      const ofsi = card(options, 'uk-ofsi');
      expect(await ofsi.getByTestId('count-targets').textContent()).toBe('4,688');
      expect(await ofsi.getByTestId('list-date').textContent()).toBe('14 Apr 2025');
      await expect.poll(() => ofsi.getByTestId('source-error').textContent()).toMatch(/ConList\.xlsx/);
      await options.screenshot({ path: resolve(SCREENSHOTS, 'options-after-corrupt-import.png'), fullPage: true });
      writeFileSync(resolve(SCREENSHOTS, 'message.txt'), (await message.textContent()) ?? '');
    });
  });
});
