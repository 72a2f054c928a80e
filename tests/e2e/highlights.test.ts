import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_SHARED_DATA, projectRoot, SHARED_DIR, SHARED_SKIP_MESSAGE, sharedFile } from '../shared-data';
import { importOfsiList, launchExtension, type ExtensionSession } from './browser';
import { E2E_EXTENSION_DIR } from './global-setup';

/** The extension's own API, inside the service worker (evaluated there, not here). */
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  commands: { onCommand: { dispatch(command: string, tab?: object): void } };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

const SCREENSHOTS = resolve(projectRoot, 'tests/.tmp/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/** A page written for this test: three designated targets among people and places that are not. */
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>UK sanctions APT31</title>
<style>body { font: 17px/1.5 Georgia, serif; max-width: 720px; margin: 32px auto; }</style></head><body>
<h1>UK sanctions two people and a company over cyber attacks</h1>
<p>The UK sanctioned <b>Zhao Guangzong</b> and Ni Gaobin, members of APT31, and the front company
Wuhan Xiaoruizhi Science and Technology Company Limited.</p>
<p>Foreign Minister Wang Yi rejected the claims. Officials in Guangzong County declined to comment,
as did Oliver Dowden and the Electoral Commission.</p>
<section id="comments"><h2>Comments</h2></section>
<script>
  setTimeout(() => {
    const p = document.createElement('p');
    p.id = 'late';
    p.textContent = 'A reader wrote later: the press release also names Zhao Guangzong.';
    document.getElementById('comments').append(p);
  }, 2000);
</script>
</body></html>`;

/** A name wrapped across a line of the HTML source, and one split over two lines of a <pre>. */
const WRAPPED = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Wrapped</title></head><body>
<p>Among those the UK sanctioned is Ni
      Gaobin, a member of APT31.</p>
<pre>Filed by Zhao
Guangzong County office</pre>
</body></html>`;

const PAGES: Record<string, string> = { '/article.html': ARTICLE, '/wrapped.html': WRAPPED };

let session: ExtensionSession;
let server: http.Server;
let origin: string;
let page: Page;

async function highlights(page: Page): Promise<{ strong: string[]; weak: string[] }> {
  return page.evaluate(() => {
    const read = (name: string) => [...(CSS.highlights.get(name) ?? [])].map((r) => (r as Range).toString());
    return { strong: read('sanctions-lens-strong'), weak: read('sanctions-lens-weak') };
  });
}

const allMarked = async (page: Page) => {
  const h = await highlights(page);
  return [...h.strong, ...h.weak].sort();
};

/** The article's tab: the extension may not read tabs' addresses, so it is found as the active tab. */
async function articleTabId(): Promise<number> {
  await page.bringToFront();
  const worker = await session.serviceWorker();
  return worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
}

async function badgeText(): Promise<string> {
  const tabId = await articleTabId();
  const worker = await session.serviceWorker();
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Hovers the first highlighted range whose text is `text`. */
async function hover(page: Page, text: string): Promise<void> {
  const point = await page.evaluate((wanted) => {
    for (const name of ['sanctions-lens-strong', 'sanctions-lens-weak']) {
      for (const range of CSS.highlights.get(name) ?? []) {
        if ((range as Range).toString() !== wanted) continue;
        const rect = (range as Range).getClientRects()[0]!;
        return { x: rect.left + Math.min(20, rect.width / 2), y: rect.top + rect.height / 2 };
      }
    }
    return undefined;
  }, text);
  if (!point) throw new Error(`no highlight "${text}"`);
  await page.mouse.move(point.x, point.y);
}

const card = (page: Page) => page.locator('sanctions-lens-card .card');

describe.skipIf(!HAS_SHARED_DATA)(`highlights on pages, with the OFSI list of 14/04/2025 ${HAS_SHARED_DATA ? '' : SHARED_SKIP_MESSAGE}`, () => {
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const body = PAGES[req.url ?? ''];
      res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body ?? 'not found');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    session = await launchExtension(E2E_EXTENSION_DIR);
    await importOfsiList(session, sharedFile('uk-ofsi-consolidated/ConList_2025-04-14.xlsx'));
  });

  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  const url = () => `${origin}/article.html`;

  it('highlights exactly the three designated targets, not the people and places beside them', async () => {
    page = await session.context.newPage();
    await page.goto(url());
    await expect.poll(() => allMarked(page), { timeout: 30_000 }).toEqual(
      ['Ni Gaobin', 'Wuhan Xiaoruizhi Science and Technology Company Limited', 'Zhao Guangzong'].sort(),
    );
    const h = await highlights(page);
    expect(h.strong.sort()).toEqual(['Ni Gaobin', 'Wuhan Xiaoruizhi Science and Technology Company Limited', 'Zhao Guangzong']);
    await page.screenshot({ path: resolve(SCREENSHOTS, 'page-highlights.png') });
  });

  it('counts the page’s targets on the toolbar badge', async () => {
    await expect.poll(() => badgeText(), { timeout: 10_000 }).toBe('3');
  });

  it('screens text the page adds later', async () => {
    await expect.poll(async () => (await allMarked(page)).filter((t) => t === 'Zhao Guangzong').length, { timeout: 15_000 }).toBe(2);
  });

  it('finds a name wrapped across a line of the page source, but not one split over two lines of a <pre>', async () => {
    const wrapped = await session.context.newPage();
    await wrapped.goto(`${origin}/wrapped.html`);
    await expect.poll(async () => (await allMarked(wrapped)).map((t) => t.replace(/\s+/g, ' ')), { timeout: 15_000 }).toEqual(['Ni Gaobin']);
    // Settled: the <pre> lines stay apart.
    await new Promise((done) => setTimeout(done, 500));
    expect((await allMarked(wrapped)).map((t) => t.replace(/\s+/g, ' '))).toEqual(['Ni Gaobin']);
    await wrapped.close();
  });

  it('opens a card with the listed details on hover, and on the keyboard', async () => {
    await hover(page, 'Zhao Guangzong');
    await expect.poll(() => card(page).count(), { timeout: 5_000 }).toBe(1);
    const text = (await card(page).textContent()) ?? '';
    expect(text).toContain('Strong match');
    expect(text).toMatch(/ZHAO/i);
    await expect.poll(async () => (await card(page).textContent()) ?? '', { timeout: 10_000 }).toContain('Cyber');
    const full = (await card(page).textContent()) ?? '';
    expect(full).toContain('OFSI Consolidated List');
    expect(full).toContain('16461');
    expect(full).toContain('25 Mar 2024');
    expect(full).toContain('14 Apr 2025');
    expect(full).toContain('APT31');
    await page.screenshot({ path: resolve(SCREENSHOTS, 'page-card.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: resolve(SCREENSHOTS, 'page-card-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);
    // Alt+Shift+N steps to the first match and puts focus in its card.
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => card(page).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('sanctions-lens-card');
    await page.keyboard.press('Escape');
  });

  it('screens the text selected on the page with the keyboard shortcut', async () => {
    const manifest = JSON.parse(readFileSync(join(E2E_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { commands: Record<string, { suggested_key: { default: string } }> };
    expect(manifest.commands['screen-selection']!.suggested_key.default).toBe('Alt+Shift+S');
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('p b')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const tabId = await articleTabId();
    // Headless Chromium has no toolbar to take the key: the browser's command event is fired as it would be.
    const opened = session.context.waitForEvent('page', { timeout: 15_000 });
    const worker = await session.serviceWorker();
    await worker.evaluate((id) => chrome.commands.onCommand.dispatch('screen-selection', { id }), tabId);
    const lookup = await opened;
    await lookup.waitForLoadState();
    expect(new URL(lookup.url()).searchParams.get('q')).toBe('Zhao Guangzong');
    await lookup.locator('[role="option"]').first().waitFor({ timeout: 30_000 });
    expect(await lookup.locator('[role="option"]').first().innerText()).toMatch(/Guangzong ZHAO/);
    await lookup.close();
    await page.evaluate(() => getSelection()!.removeAllRanges());
  });

  it('remembers "not this one" for the site, across a reload', async () => {
    await hover(page, 'Ni Gaobin');
    await expect.poll(() => card(page).count(), { timeout: 5_000 }).toBe(1);
    await card(page).getByRole('button', { name: 'Not this one on 127.0.0.1' }).click();
    await expect.poll(() => allMarked(page), { timeout: 10_000 }).not.toContain('Ni Gaobin');
    await expect.poll(() => badgeText(), { timeout: 10_000 }).toBe('2');
    await page.reload();
    await expect.poll(() => allMarked(page), { timeout: 30_000 }).toContain('Zhao Guangzong');
    expect(await allMarked(page)).not.toContain('Ni Gaobin');
  });

  it('lists the dismissal on the options page, where Undo brings the mark back', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const listed = options.getByTestId('dismissals');
    await expect.poll(() => listed.textContent(), { timeout: 10_000 }).toMatch(/on 127\.0\.0\.1/);
    await options.screenshot({ path: resolve(SCREENSHOTS, 'options-page-screening.png'), fullPage: true });
    await listed.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => allMarked(page), { timeout: 15_000 }).toContain('Ni Gaobin');
    await expect.poll(() => badgeText(), { timeout: 10_000 }).toBe('3');
    await options.close();
  });

  it('stops on a site switched off, and marks nothing in quiet mode while the badge still counts', async () => {
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${await articleTabId()}`);
    await expect.poll(() => popup.getByRole('list', { name: 'Designated targets on this page' }).getByRole('listitem').count(), { timeout: 10_000 }).toBe(3);
    await popup.screenshot({ path: resolve(SCREENSHOTS, 'popup-page-targets.png') });
    const site = popup.getByLabel('Screen pages on 127.0.0.1');
    await site.uncheck();
    await expect.poll(() => allMarked(page), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => badgeText(), { timeout: 10_000 }).toBe('');
    await site.check();
    await expect.poll(() => allMarked(page), { timeout: 30_000 }).toContain('Zhao Guangzong');

    await popup.getByLabel(/Quiet mode/).check();
    await expect.poll(() => allMarked(page), { timeout: 10_000 }).toEqual([]);
    await page.reload();
    await expect.poll(() => badgeText(), { timeout: 30_000 }).toBe('3');
    expect(await allMarked(page)).toEqual([]);
    await popup.getByLabel(/Quiet mode/).uncheck();
    await expect.poll(() => allMarked(page), { timeout: 10_000 }).toContain('Zhao Guangzong');
    await popup.close();
  });

  const corpus = resolve(SHARED_DIR, 'corpus', 'pages');
  it.skipIf(!existsSync(corpus))('loads every real page of the corpus without an error from the extension, and reports its highlights', async () => {
    const files = readdirSync(corpus).filter((f) => f.endsWith('.html')).sort();
    const pages = http.createServer((req, res) => {
      const name = decodeURIComponent((req.url ?? '/').slice(1));
      res.writeHead(files.includes(name) ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(files.includes(name) ? readFileSync(join(corpus, name)) : '');
    });
    await new Promise<void>((done) => pages.listen(0, '127.0.0.1', done));
    const host = `127.0.0.1:${(pages.address() as AddressInfo).port}`;
    const tab = await session.context.newPage();
    // Saved pages stay offline: requests to other hosts are refused.
    await tab.route((u) => u.host !== host, (route) => route.abort());
    const errors: string[] = [];
    tab.on('console', (m) => {
      // Ours only: a saved page may itself ask for another extension's files (wikipedia-4.html does).
      if (m.type() === 'error' && m.location().url.startsWith(`chrome-extension://${session.extensionId}/`)) errors.push(m.text());
    });
    const counts: string[] = [];
    let screened = 0;
    for (const file of files) {
      await tab.goto(`http://${host}/${encodeURIComponent(file)}`, { waitUntil: 'load', timeout: 30_000 });
      const done = await tab
        .waitForFunction(() => performance.getEntriesByName('sanctions-lens:applied').length > 0, undefined, { timeout: 15_000 })
        .then(() => true, () => false);
      if (done) screened++;
      counts.push(`${file}: ${(await allMarked(tab)).length}`);
    }
    pages.close();
    await tab.close();
    console.log(`highlights per corpus page (OFSI list): ${counts.join(', ')}`);
    expect(errors).toEqual([]);
    expect(screened).toBe(files.length);
  }, 600_000);
});

