/**
 * `npm run bench` (pages part): the built extension in headless Chromium with every list a user
 * would load from ../shared/data, over the 130 real pages in ../shared/corpus/pages (served from
 * 127.0.0.1, every other host refused). Prints, per page, the highlights and the time from the
 * content script's start (the page ready: document_idle) to the highlights applied; then the
 * median and worst of those, the longest stretch of main-thread work the extension did in a page,
 * long tasks seen with and without the extension, the extra JS heap per tab, and the background's
 * heap. Never asserts.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { findChrome, launchExtension } from '../e2e/browser';
import { buildTestExtension, E2E_EXTENSION_DIR } from '../e2e/global-setup';
import { HAS_SHARED_DATA, SHARED_DIR, SHARED_SKIP_MESSAGE } from '../shared-data';
import { importUserLists } from './import-lists';
import { watchMachineLoad } from './machine-load';

if (!HAS_SHARED_DATA) {
  console.log(SHARED_SKIP_MESSAGE);
  process.exit(0);
}

const machineLoad = watchMachineLoad();
const pagesDir = resolve(SHARED_DIR, 'corpus', 'pages');
if (!existsSync(pagesDir)) {
  console.log(`${pagesDir} not found; page benchmark skipped`);
  process.exit(0);
}

const AIM = { medianMs: 30, worstMs: 150, taskMs: 50, perTabMB: 5 };
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const MB = 2 ** 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

buildTestExtension(true);
const extensionDir = E2E_EXTENSION_DIR;

const files = readdirSync(pagesDir).filter((f) => f.endsWith('.html')).sort();
const server = http.createServer((req, res) => {
  const name = decodeURIComponent((req.url ?? '/').slice(1));
  if (!files.includes(name)) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(readFileSync(join(pagesDir, name)));
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** Long tasks (≥ 50 ms) the page's main thread ran, recorded from the start of the document. */
const LONG_TASK_PROBE = `(() => {
  window.__longTasks = [];
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true }); } catch {}
})();`;

/** What the page shows and what its performance timeline says about the screening. */
const READ_FIGURES = `(() => {
  const start = performance.getEntriesByName('sanctions-lens:start')[0];
  const applied = performance.getEntriesByName('sanctions-lens:applied')[0];
  const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('sanctions-lens:'));
  const last = marks[marks.length - 1];
  const highlights = [];
  for (const [name, tag] of [['sanctions-lens-strong', 'S'], ['sanctions-lens-weak', 'w']]) {
    for (const r of CSS.highlights.get(name) ?? []) highlights.push(tag + ':' + r.toString());
  }
  const epoch = (name) => { const m = performance.getEntriesByName('sanctions-lens:' + name)[0]; return m ? performance.timeOrigin + m.startTime : undefined; };
  const at = (name) => { const m = performance.getEntriesByName('sanctions-lens:' + name)[0]; return start && m ? m.startTime - start.startTime : undefined; };
  return {
    phases: { settings: at('settings'), read: at('read'), scanned: at('scanned') },
    // On the clock both timelines share (each from its timeOrigin), to set beside the background's.
    sentAt: epoch('sent'),
    answeredAt: epoch('scanned'),
    readyToAppliedMs: start && applied ? applied.startTime - start.startTime : undefined,
    longestOwnTaskMs: last && last.detail ? last.detail.longestTaskMs : undefined,
    highlights,
    longTasks: (window.__longTasks ?? []).slice(),
  };
})()`;

async function offline(context: BrowserContext): Promise<void> {
  await context.route((url) => url.host !== new URL(origin).host, (route) => route.abort());
  await context.addInitScript(LONG_TASK_PROBE);
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / MB;
}

interface PageRun {
  page: string;
  /** When each phase ended, from the start (ms): settings read, text read, the background's answer. */
  phases?: { settings?: number; read?: number; scanned?: number };
  sentAt?: number;
  answeredAt?: number;
  /** The background's scan of this page's text: when it came in (shared clock) and how long it took. */
  background?: { receivedAt: number; ms: number };
  highlights: string[];
  readyToAppliedMs?: number;
  longestOwnTaskMs?: number;
  longTasks: number[];
  heapMB: number;
  extensionErrors: string[];
}

// --- With the extension and every list -------------------------------------------------------
const session = await launchExtension(extensionDir);
console.log('== Pages benchmark: importing every list a user would load ==');
await importUserLists(session);

const worker = await session.serviceWorker();
const extensionErrors: string[] = [];
worker.on('console', (m) => m.type() === 'error' && extensionErrors.push(`background: ${m.text()}`));
await offline(session.context);

const page = await session.context.newPage();
const runs: PageRun[] = [];
let warmed = false;
for (const file of files) {
  const errors: string[] = [];
  const onConsole = (m: { type(): string; text(): string; location(): { url: string } }) => {
    // Ours only: a saved page may itself ask for another extension's files (wikipedia-4.html does).
    if (m.type() === 'error' && m.location().url.startsWith(`chrome-extension://${session.extensionId}/`)) errors.push(m.text());
  };
  page.on('console', onConsole);
  try {
    if (!warmed) {
      // The first page pays for building the index in the background: measured apart (below).
      await page.goto(`${origin}/${encodeURIComponent(files[0]!)}`, { waitUntil: 'load', timeout: 30_000 });
      await page.waitForFunction(() => performance.getEntriesByName('sanctions-lens:applied').length > 0, undefined, { timeout: 60_000 });
      warmed = true;
    }
    await page.goto(`${origin}/${encodeURIComponent(file)}`, { waitUntil: 'load', timeout: 30_000 });
    await page
      .waitForFunction(() => performance.getEntriesByName('sanctions-lens:applied').length > 0, undefined, { timeout: 15_000 })
      .catch(() => undefined);
    await sleep(300);
    // A string, not a function: tsx names inner functions with a helper the page does not have.
    const figures = (await page.evaluate(READ_FIGURES)) as Omit<PageRun, 'page' | 'heapMB' | 'extensionErrors'>;
    const background = await backgroundScanOf(figures.sentAt);
    runs.push({ page: file, ...figures, background, heapMB: await heapMB(page), extensionErrors: errors.slice() });
  } catch (error) {
    runs.push({ page: file, highlights: [], longTasks: [], heapMB: NaN, extensionErrors: [`failed: ${String(error).slice(0, 160)}`] });
  }
  page.off('console', onConsole);
  if (runs.length % 20 === 0) console.log(`  … ${runs.length} of ${files.length} pages`);
}

/** The background's first `sanctions-lens:scan` measure (utils/browser/page-service.ts) of a text sent at `sentAt`. */
async function backgroundScanOf(sentAt: number | undefined): Promise<PageRun['background']> {
  if (sentAt === undefined) return undefined;
  const measures = (await worker.evaluate(
    `performance.getEntriesByName('sanctions-lens:scan').map((m) => ({ receivedAt: m.detail.receivedAt, ms: m.duration }))`,
  )) as { receivedAt: number; ms: number }[];
  // A millisecond of slack: the two timelines' origins are rounded apart.
  return measures.find((m) => m.receivedAt >= sentAt - 1);
}

// Cold start: the service worker stopped (as Chrome does after 30 s idle), then one page.
const cdp = await session.context.newCDPSession(page);
await cdp.send('ServiceWorker.enable');
await cdp.send('ServiceWorker.stopAllWorkers');
await cdp.detach();
await sleep(500);
const coldStarted = Date.now();
await page.goto(`${origin}/${encodeURIComponent('wikipedia.html')}`, { waitUntil: 'load' });
await page.waitForFunction(() => performance.getEntriesByName('sanctions-lens:applied').length > 0, undefined, { timeout: 60_000 }).catch(() => undefined);
const coldMs = ((await page.evaluate(READ_FIGURES)) as { readyToAppliedMs?: number }).readyToAppliedMs ?? NaN;
const coldWallMs = Date.now() - coldStarted;
const backgroundMB = await backgroundHeapMB(session.context);
await session.close();

// --- Without the extension: the same pages' own heap and long tasks --------------------------
const plainProfile = mkdtempSync(join(tmpdir(), 'sanctions-lens-plain-'));
const plain = await chromium.launchPersistentContext(plainProfile, {
  executablePath: findChrome(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
await offline(plain);
const plainPage = await plain.newPage();
const plainHeap = new Map<string, number>();
const plainLongest = new Map<string, number>();
for (const file of files) {
  try {
    await plainPage.goto(`${origin}/${encodeURIComponent(file)}`, { waitUntil: 'load', timeout: 30_000 });
    await sleep(300);
    plainLongest.set(file, Math.max(0, ...((await plainPage.evaluate('(window.__longTasks ?? []).slice()')) as number[])));
    plainHeap.set(file, await heapMB(plainPage));
  } catch {
    // Counted as missing below.
  }
}
await plain.close();
rmSync(plainProfile, { recursive: true, force: true });
server.close();

/** The service worker's JS heap, through the DevTools protocol of the browser. */
async function backgroundHeapMB(context: BrowserContext): Promise<number> {
  try {
    const probe = await context.newPage();
    const client = await context.newCDPSession(probe);
    const { targetInfos } = await client.send('Target.getTargets');
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    if (!sw) return NaN;
    const { sessionId } = await client.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
    const reply = new Promise<number>((done) => {
      client.on('Target.receivedMessageFromTarget', (event) => {
        const message = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } };
        if (message.id === 1) done((message.result?.usedSize ?? NaN) / MB);
      });
    });
    await client.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
    const used = await Promise.race([reply, sleep(5000).then(() => NaN)]);
    await probe.close();
    return used;
  } catch {
    return NaN;
  }
}

// --- Report ------------------------------------------------------------------------------------
console.log('\n== Highlights per page (S strong, w weak) ==');
for (const run of runs) {
  const took = run.readyToAppliedMs === undefined ? '   n/a' : `${run.readyToAppliedMs.toFixed(0).padStart(4)} ms`;
  console.log(`${run.page.padEnd(44)} ${String(run.highlights.length).padStart(3)}  ${took}  ${run.highlights.join(' | ').slice(0, 160)}`);
}
const times = runs.map((r) => r.readyToAppliedMs).filter((x): x is number => x !== undefined);
const worst = Math.max(...times);
const worstPage = runs.find((r) => r.readyToAppliedMs === worst)?.page;
const own = Math.max(...runs.map((r) => r.longestOwnTaskMs ?? 0));
const ownPage = runs.find((r) => r.longestOwnTaskMs === own)?.page;
const extraHeap = runs.map((r) => r.heapMB - (plainHeap.get(r.page) ?? NaN)).filter((x) => Number.isFinite(x));
const longWith = runs.map((r) => Math.max(0, ...r.longTasks));
const newLong = runs.filter((r) => Math.max(0, ...r.longTasks) >= 50 && (plainLongest.get(r.page) ?? 0) < 50).map((r) => r.page);
const errors = [...runs.flatMap((r) => r.extensionErrors.map((e) => `${r.page}: ${e}`)), ...extensionErrors];

console.log('\n== Summary (pages, in Chromium) ==');
console.log(`machine                        ${machineLoad()}`);
console.log(`pages                          ${runs.length} (${runs.filter((r) => r.readyToAppliedMs !== undefined).length} screened), ${runs.reduce((n, r) => n + r.highlights.length, 0)} highlights on ${runs.filter((r) => r.highlights.length > 0).length} pages`);
console.log(`ready → highlights applied     median ${median(times).toFixed(1)} ms   aim < ${AIM.medianMs} ms  ${mark(median(times) < AIM.medianMs)}`);
console.log(`                               worst ${worst.toFixed(1)} ms (${worstPage})   aim < ${AIM.worstMs} ms  ${mark(worst < AIM.worstMs)}`);
const phase = (key: 'settings' | 'read' | 'scanned') => median(runs.map((r) => r.phases?.[key]).filter((x): x is number => x !== undefined));
console.log(`  of which (medians, from the start): settings read ${phase('settings').toFixed(1)} ms, text read ${phase('read').toFixed(1)} ms, background's answer ${phase('scanned').toFixed(1)} ms`);
const hop = (of: (r: PageRun) => number | undefined) => median(runs.map(of).filter((x): x is number => x !== undefined && Number.isFinite(x))).toFixed(1);
console.log(
  `  on the way (medians): to the background ${hop((r) => (r.background && r.sentAt ? r.background.receivedAt - r.sentAt : undefined))} ms, ` +
    `its scan ${hop((r) => r.background?.ms)} ms, the answer back ${hop((r) => (r.background && r.answeredAt ? r.answeredAt - r.background.receivedAt - r.background.ms : undefined))} ms`,
);
console.log(`longest task of the extension  ${own.toFixed(1)} ms (${ownPage})   aim ≤ ${AIM.taskMs} ms  ${mark(own <= AIM.taskMs)}`);
console.log(`long tasks (≥ 50 ms) on pages  with the extension on ${longWith.filter((x) => x >= 50).length} pages, without on ${[...plainLongest.values()].filter((x) => x >= 50).length}; only with: ${newLong.join(', ') || 'none'}`);
console.log(`extra JS heap per tab          median ${median(extraHeap).toFixed(2)} MB, max ${Math.max(...extraHeap).toFixed(2)} MB   aim < ${AIM.perTabMB} MB  ${mark(Math.max(...extraHeap) < AIM.perTabMB)}`);
console.log(`background JS heap             ${backgroundMB.toFixed(1)} MB (index of every list, after the pages)`);
console.log(`cold start (worker stopped)    ${coldMs.toFixed(0)} ms to highlights (${coldWallMs} ms wall): the index is rebuilt from IndexedDB`);
console.log(`errors from the extension      ${errors.length}${errors.length ? `: ${errors.slice(0, 5).join(' ; ')}` : ''}`);
