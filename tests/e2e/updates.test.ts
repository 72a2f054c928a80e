import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../shared-data';
import { launchExtension, type ExtensionSession } from './browser';
import { E2E_EXTENSION_DIR } from './global-setup';

/**
 * Downloads from the official address, in the built extension. The UN's address is answered by
 * a route inside the browser (this machine has no internet), so the real fetch, conditional
 * request, streaming import and service worker run exactly as they would against the UN.
 */
const UN_URL = 'https://scsanctions.un.org/resources/xml/en/consolidated.xml';
const BUNDLED = readFileSync(resolve(projectRoot, 'tests/fixtures/lists/bundle/un-consolidated-2026-01-10.xml'), 'utf8');

/** The bundled UN fixture with `extra` more individuals and a new date: a large, valid list. */
function largerUnList(date: string, extra: number): string {
  const person = BUNDLED.slice(BUNDLED.indexOf('    <INDIVIDUAL>'), BUNDLED.indexOf('</INDIVIDUAL>') + '</INDIVIDUAL>\n'.length);
  const more: string[] = [];
  for (let i = 0; i < extra; i++) more.push(person.replace('TSi.001', `TSi.9${String(i).padStart(6, '0')}`).replace('KVETOSLAV<', `KVETOSLAV${i}<`));
  return BUNDLED.replace(/dateGenerated="[^"]+"/, `dateGenerated="${date}T00:00:00.000Z"`).replace(
    '  </INDIVIDUALS>',
    `${more.join('')}  </INDIVIDUALS>`,
  );
}

let session: ExtensionSession;
let options: Page;
let served: { etag: string; body: string };
const requests: Record<string, string>[] = [];

async function serveUn(route: Route): Promise<void> {
  const headers = route.request().headers();
  requests.push(headers);
  if (headers['if-none-match'] === served.etag) return route.fulfill({ status: 304 });
  return route.fulfill({ status: 200, body: served.body, headers: { etag: served.etag, 'content-type': 'application/xml' } });
}

const unCard = () => options.getByTestId('source-un-sc');

async function stopServiceWorker(): Promise<void> {
  const cdp = await session.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

beforeAll(async () => {
  session = await launchExtension(E2E_EXTENSION_DIR);
  await session.context.route(UN_URL, serveUn);
  if (process.env.E2E_DEBUG) {
    const sw = await session.serviceWorker();
    sw.on('console', (m) => console.log('SW:', m.text()));
    session.context.on('weberror', (e) => console.log('weberror', e.error()));
  }
  options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  // The bundled list is installed on first run.
  await options.waitForFunction(
    () => document.querySelector('[data-testid="source-un-sc"] [data-testid="list-date"]')?.textContent === '10 Jan 2026',
    null,
    { timeout: 20_000 },
  );
});

afterAll(async () => {
  await session?.close();
});

describe('updates from the official address', () => {
  it('downloads a newer list, then asks conditionally and finds it unchanged', async () => {
    served = { etag: '"feb"', body: largerUnList('2026-02-01', 20) };
    await unCard().getByTestId('update-un-sc').click();
    await expect.poll(() => options.getByTestId('message').textContent(), { timeout: 30_000 }).toMatch(
      /UN Security Council Consolidated List: updated to 1 Feb 2026 \(25 designations\)/,
    );
    // The card follows the store through a live query: it may show the new count a moment after the message.
    await expect.poll(() => unCard().getByTestId('count-targets').textContent(), { timeout: 10_000 }).toBe('25');

    await unCard().getByTestId('update-un-sc').click();
    await expect.poll(() => options.getByTestId('message').textContent(), { timeout: 30_000 }).toMatch(
      /UN Security Council Consolidated List: unchanged/,
    );
    expect(requests.at(-1)?.['if-none-match']).toBe('"feb"');
  });

  it('holds a much smaller list for confirmation, and the user can keep the current one', async () => {
    served = { etag: '"mar"', body: BUNDLED.replace(/dateGenerated="[^"]+"/, 'dateGenerated="2026-03-01T00:00:00.000Z"') };
    await unCard().getByTestId('update-un-sc').click();
    const held = unCard().getByTestId('held');
    await expect.poll(() => held.textContent(), { timeout: 30_000 }).toMatch(/1 Mar 2026 is held: .*80% fewer/);
    expect(await unCard().getByTestId('count-targets').textContent()).toBe('25');
    await options.screenshot({ path: resolve(projectRoot, 'tests/.tmp/screenshots/options-held.png'), fullPage: true });
    await held.getByRole('button', { name: 'Keep the current list' }).click();
    await expect.poll(() => held.count()).toBe(0);
    expect(await unCard().getByTestId('list-date').textContent()).toBe('1 Feb 2026');
  });

  it('keeps the active list when the service worker is stopped in the middle of an import', async () => {
    // Large enough (about 40 MB) that the import is still running when the worker is stopped.
    served = { etag: '"apr"', body: largerUnList('2026-04-01', 40_000) };
    await unCard().getByTestId('update-un-sc').click();
    await expect.poll(() => unCard().getByTestId('import-progress').count(), { timeout: 30_000, interval: 20 }).toBe(1);
    await stopServiceWorker();

    await options.reload();
    const error = unCard().getByTestId('source-error');
    await expect.poll(() => error.textContent(), { timeout: 30_000 }).toMatch(/interrupted/);
    expect(await unCard().getByTestId('list-date').textContent()).toBe('1 Feb 2026');
    expect(await unCard().getByTestId('count-targets').textContent()).toBe('25');
    expect(await unCard().getByTestId('import-progress').count()).toBe(0);
    await options.screenshot({ path: resolve(projectRoot, 'tests/.tmp/screenshots/options-interrupted.png'), fullPage: true });
  });
});
