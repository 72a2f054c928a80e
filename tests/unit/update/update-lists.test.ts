import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ListStore } from '../../../utils/store/db';
import { activeTargets } from '../../../utils/store/summary';
import { OFFICIAL_SOURCES } from '../../../utils/update/official-sources';
import { updateSource } from '../../../utils/update/update-lists';
import { projectRoot } from '../../shared-data';

const UN_JAN = readFileSync(resolve(projectRoot, 'tests/fixtures/lists/bundle/un-consolidated-2026-01-10.xml'));

/** A stand-in for the UN's server: answers with the file, an ETag, and 304 when it matches. */
function fakeServer(body: Uint8Array, options: { status?: number; etag?: string } = {}) {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  const fetchImpl = (async (url: string | URL, init?: RequestInit) => {
    const headers = (init?.headers ?? {}) as Record<string, string>;
    requests.push({ url: String(url), headers });
    const etag = options.etag ?? '"v1"';
    if (headers['If-None-Match'] === etag) return new Response(null, { status: 304 });
    if (options.status && options.status !== 200) return new Response('busy', { status: options.status, statusText: 'Service Unavailable' });
    return new Response(new Blob([body as Uint8Array<ArrayBuffer>]), {
      status: 200,
      headers: { etag, 'last-modified': 'Sat, 10 Jan 2026 06:00:00 GMT', 'content-length': String(body.length) },
    });
  }) as typeof fetch;
  return { fetchImpl, requests };
}

let db: ListStore;
let n = 0;
beforeEach(async () => {
  db = new ListStore(`update-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('updating a list from its official address', () => {
  it('downloads, imports, then asks conditionally so an unchanged list costs nothing', async () => {
    const server = fakeServer(UN_JAN);
    const first = await updateSource(db, 'un-sc', { fetchImpl: server.fetchImpl });
    expect(first).toMatchObject({ status: 'active', targets: 5, listDate: '2026-01-10' });
    expect(server.requests[0]!.url).toBe(OFFICIAL_SOURCES['un-sc'].url);
    const state = await db.sources.get('un-sc');
    expect(state?.etag).toBe('"v1"');
    expect(state?.lastChecked).toBeGreaterThan(0);

    const second = await updateSource(db, 'un-sc', { fetchImpl: server.fetchImpl });
    expect(second).toEqual({ source: 'un-sc', status: 'unchanged' });
    expect(server.requests[1]!.headers).toMatchObject({ 'If-None-Match': '"v1"', 'If-Modified-Since': 'Sat, 10 Jan 2026 06:00:00 GMT' });
  });

  it('reports a server error and keeps the active list', async () => {
    await updateSource(db, 'un-sc', { fetchImpl: fakeServer(UN_JAN).fetchImpl });
    const report = await updateSource(db, 'un-sc', { fetchImpl: fakeServer(UN_JAN, { status: 503, etag: '"v2"' }).fetchImpl });
    expect(report).toMatchObject({ status: 'failed', reason: expect.stringMatching(/503/) });
    expect(await activeTargets(db, 'un-sc')).toHaveLength(5);
    expect((await db.sources.get('un-sc'))?.lastError?.reason).toMatch(/503/);
  });

  it('reports a cut-short download and keeps the active list and its validators', async () => {
    await updateSource(db, 'un-sc', { fetchImpl: fakeServer(UN_JAN).fetchImpl });
    const cut = fakeServer(UN_JAN.subarray(0, 2500), { etag: '"v2"' });
    const report = await updateSource(db, 'un-sc', { fetchImpl: cut.fetchImpl });
    expect(report).toMatchObject({ status: 'failed', reason: expect.stringMatching(/incomplete/) });
    expect(await activeTargets(db, 'un-sc')).toHaveLength(5);
    // The failed download's ETag is not kept: the next check fetches again instead of trusting it.
    expect((await db.sources.get('un-sc'))?.etag).toBe('"v1"');
  });

  it('reports an unreachable host', async () => {
    const offline = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    const report = await updateSource(db, 'eu-fsf', { fetchImpl: offline });
    expect(report).toMatchObject({ status: 'failed', reason: expect.stringMatching(/could not reach webgate\.ec\.europa\.eu/) });
  });

  it('does not download the retired OFSI list', async () => {
    expect(await updateSource(db, 'uk-ofsi')).toMatchObject({ status: 'skipped' });
  });
});
