import 'fake-indexeddb/auto';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileFromPath } from '../../../utils/cli/node-files';
import { ListStore } from '../../../utils/store/db';
import { importFiles } from '../../../utils/store/import';
import { projectRoot } from '../../shared-data';

// The browser's storage, in memory (WXT's fake browser): the engine reads the user's settings
// through WXT's storage, which takes the browser from `globalThis.chrome` when it loads.
const { fakeBrowser } = await import('wxt/testing/fake-browser');
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;
const { ScreeningEngine } = await import('../../../utils/browser/screening-engine');
const { DEFAULT_SETTINGS, settingsItem } = await import('../../../utils/browser/settings');

const UN_JAN = resolve(projectRoot, 'tests/fixtures/lists/bundle/un-consolidated-2026-01-10.xml');
const TEXT = 'The court heard that Baltazar Quinnell ran the scheme.';

let db: ListStore;
let n = 0;
beforeEach(async () => {
  fakeBrowser.reset();
  db = new ListStore(`engine-${++n}`);
  await db.open();
  await importFiles(db, [fileFromPath(UN_JAN)], { origin: 'file' });
});
afterEach(async () => {
  await db.delete();
});

/** Lets storage and IndexedDB change events reach their listeners. */
const settle = () => new Promise((done) => setTimeout(done, 20));

describe('the background’s screening engine', () => {
  it('scans a page’s text against the active lists', async () => {
    const engine = new ScreeningEngine(db);
    const found = await engine.scan(TEXT, 'news.example');
    expect(found.map((m) => [m.name, m.strength])).toEqual([['BALTAZAR QUINNELL', 'strong']]);
  });

  it('scans nothing for a site switched off or while paused, whatever the page sends', async () => {
    const engine = new ScreeningEngine(db);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, disabledSites: ['bank.example'] });
    await settle();
    expect(await engine.scan(TEXT, 'bank.example')).toEqual([]);
    expect(await engine.scan(TEXT, 'news.example')).toHaveLength(1);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, paused: true });
    await settle();
    expect(await engine.scan(TEXT, 'news.example')).toEqual([]);
  });

  it('follows a change of the active version at once, not on a timer', async () => {
    const engine = new ScreeningEngine(db);
    expect(await engine.scan(TEXT)).toHaveLength(1);
    await db.sources.update('un-sc', { activeVersionId: undefined });
    await settle();
    expect(await engine.scan(TEXT)).toEqual([]);
  });

  it('follows new thresholds at once', async () => {
    const engine = new ScreeningEngine(db);
    const typo = 'The court heard that Baltazar Quinel ran the scheme.';
    const [before] = await engine.scan(typo);
    expect(before?.strength).toBe('strong');
    expect(before!.score).toBeLessThan(0.99);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, bands: { strong: 0.99, weak: 0.9 } });
    await settle();
    expect((await engine.scan(typo))[0]?.strength).toBe('weak');
  });
});
