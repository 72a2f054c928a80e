import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListFile } from '../../../utils/formats/read';
import { ListStore, toChunk } from '../../../utils/store/db';
import {
  confirmHeldVersion,
  discardHeldVersion,
  ImportError,
  importFiles,
  recoverInterruptedImports,
  restoreFallbackVersion,
} from '../../../utils/store/import';
import { activeTargetById, activeTargets, summariseSources } from '../../../utils/store/summary';
import { projectRoot } from '../../shared-data';

const FIXTURES = resolve(projectRoot, 'tests/fixtures/lists');
const UN_JAN = readFileSync(resolve(FIXTURES, 'bundle/un-consolidated-2026-01-10.xml'));
const UN_FEB_SHRUNK = readFileSync(resolve(FIXTURES, 'un-consolidated-2026-02-10-shrunk.xml'));

function memoryFile(name: string, bytes: Uint8Array, chunk = 1000): ListFile {
  return {
    name,
    size: bytes.length,
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < bytes.length; i += chunk) controller.enqueue(bytes.slice(i, i + chunk));
          controller.close();
        },
      }),
  };
}

let db: ListStore;
let dbCount = 0;

beforeEach(async () => {
  db = new ListStore(`test-${++dbCount}`);
  await db.open();
});

afterEach(async () => {
  await db.delete();
});

async function importUnJanuary() {
  const [outcome] = await importFiles(db, [memoryFile('consolidated.xml', UN_JAN)], { origin: 'file' });
  return outcome!;
}

async function expectJanuaryStillActive() {
  const { sources } = await summariseSources(db);
  const un = sources.find((s) => s.source === 'un-sc')!;
  expect(un.active?.meta?.listDate).toBe('2026-01-10');
  expect(un.active?.targets).toBe(5);
  expect((await activeTargets(db, 'un-sc')).map((t) => t.id).sort()).toEqual([
    'un-sc:TSe.001',
    'un-sc:TSi.001',
    'un-sc:TSi.002',
    'un-sc:TSi.003',
    'un-sc:TSi.004',
  ]);
  // Nothing half-written is left behind.
  expect(await db.versions.where('status').equals('writing').count()).toBe(0);
  const versionIds = new Set((await db.versions.toArray()).map((v) => v.id));
  const orphans = (await db.chunks.toArray()).filter((c) => !versionIds.has(c.versionId));
  expect(orphans).toHaveLength(0);
}

describe('importing a list into the store', () => {
  it('writes a complete version and makes it active with its date and counts', async () => {
    const outcome = await importUnJanuary();
    expect(outcome.status).toBe('active');
    expect(outcome.source).toBe('un-sc');
    expect(outcome.summary.counts).toEqual({ persons: 4, organisations: 1, vessels: 0, aircraft: 0 });
    await expectJanuaryStillActive();
    expect((await activeTargetById(db, 'un-sc:TSi.002'))?.names.map((n) => n.full)).toContain('АЛЕКСЕЙ ПРЫТКОВСКИЙ');
    expect(await activeTargetById(db, 'un-sc:TSi.999')).toBeUndefined();
  });

  it('keeps the previous version as a fallback and can go back to it', async () => {
    await importUnJanuary();
    const [second] = await importFiles(db, [memoryFile('again.xml', UN_JAN)], { origin: 'download' });
    expect(second!.status).toBe('active');
    expect(second!.previous?.targets).toBe(5);
    const { sources } = await summariseSources(db);
    const un = sources.find((s) => s.source === 'un-sc')!;
    expect(un.fallback?.id).toBe(second!.previous?.id);
    expect(await restoreFallbackVersion(db, 'un-sc')).toBe(true);
    expect((await db.sources.get('un-sc'))?.activeVersionId).toBe(second!.previous?.id);
  });

  it.each([
    ['a truncated copy', UN_JAN.subarray(0, Math.floor(UN_JAN.length * 0.6)), /incomplete|cut-short|ends inside/i],
    ['a file of another format', new TextEncoder().encode('<!doctype html><html><body>Not found</body></html>'), /web page/i],
    ['random bytes', Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256), /binary|not a sanctions list/i],
    ['an empty file', new Uint8Array(0), /empty/i],
  ])('rejects %s with a clear reason and leaves the active list untouched', async (_label, bytes, reason) => {
    await importUnJanuary();
    const attempt = importFiles(db, [memoryFile('bad-file.xml', bytes)], { origin: 'file' });
    await expect(attempt).rejects.toBeInstanceOf(ImportError);
    await expect(attempt).rejects.toThrow(reason);
    await expect(attempt).rejects.toThrow(/bad-file\.xml/);
    await expectJanuaryStillActive();
    const failures = await db.failures.toArray();
    expect(failures.at(-1)?.files).toEqual(['bad-file.xml']);
    expect(failures.at(-1)?.reason).toMatch(reason);
  });

  it('records a truncated list of a known source on that source', async () => {
    await importUnJanuary();
    await expect(
      importFiles(db, [memoryFile('consolidated.xml', UN_JAN.subarray(0, 3000))], { origin: 'download' }),
    ).rejects.toThrow(/incomplete/);
    expect((await db.sources.get('un-sc'))?.lastError?.reason).toMatch(/incomplete/);
  });

  it('leaves the active list untouched when storage runs out mid-import', async () => {
    await importUnJanuary();
    const full = db.chunks.add.bind(db.chunks);
    let calls = 0;
    db.chunks.add = ((...args: Parameters<typeof full>) => {
      if (++calls >= 1) {
        return Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }));
      }
      return full(...args);
    }) as typeof full;
    await expect(importFiles(db, [memoryFile('consolidated.xml', UN_JAN)], { origin: 'file' })).rejects.toThrow(
      /storage is full/,
    );
    db.chunks.add = full;
    await expectJanuaryStillActive();
  });

  it('holds a new version with more than 20% fewer targets until the user confirms', async () => {
    await importUnJanuary();
    const [held] = await importFiles(db, [memoryFile('consolidated.xml', UN_FEB_SHRUNK)], { origin: 'download' });
    expect(held!.status).toBe('held');
    expect(held!.heldReason).toMatch(/60% fewer/);
    await expectJanuaryStillActive();
    await confirmHeldVersion(db, 'un-sc');
    const active = (await summariseSources(db)).sources.find((s) => s.source === 'un-sc')!.active;
    expect(active?.meta?.listDate).toBe('2026-02-10');
    expect(active?.targets).toBe(2);
  });

  it('discards a held version on request, keeping the active one', async () => {
    await importUnJanuary();
    await importFiles(db, [memoryFile('consolidated.xml', UN_FEB_SHRUNK)], { origin: 'download' });
    await discardHeldVersion(db, 'un-sc');
    await expectJanuaryStillActive();
    expect((await db.sources.get('un-sc'))?.heldVersionId).toBeUndefined();
  });

  it('cleans up an import that a stopped worker left half-written', async () => {
    await importUnJanuary();
    // What a worker stopped mid-import leaves: a `writing` version and some of its rows.
    await db.versions.add({
      id: 'dead-import',
      status: 'writing',
      targets: 0,
      names: 0,
      files: ['UK-Sanctions-List.xml'],
      origin: 'download',
      startedAt: Date.now() - 5 * 60_000,
    });
    const [someTarget] = await activeTargets(db, 'un-sc');
    await db.chunks.put(toChunk([{ ...someTarget!, id: 'uk-fcdo:X' }], 'dead-import', 0));
    expect(await recoverInterruptedImports(db)).toBe(1);
    await expectJanuaryStillActive();
    expect((await db.failures.toArray()).at(-1)?.reason).toMatch(/interrupted/);
  });
});
