import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ListMeta, Target } from '../../../utils/model';
import type { TextListReader } from '../../../utils/formats/types';
import { HAS_SHARED_DATA, projectRoot, SHARED_SKIP_MESSAGE } from '../../shared-data';

/** Feeds bytes to a text reader in chunks of `chunk` bytes (decoded as a browser would) and collects it all. */
export function readChunked(
  create: () => TextListReader,
  bytes: Uint8Array,
  chunk = bytes.length,
): { targets: Target[]; meta: ListMeta } {
  const reader = create();
  const decoder = new TextDecoder('utf-8');
  const targets: Target[] = [];
  for (let i = 0; i < bytes.length; i += chunk) {
    targets.push(...reader.write(decoder.decode(bytes.subarray(i, i + chunk), { stream: true })));
  }
  targets.push(...reader.write(decoder.decode()));
  targets.push(...reader.end());
  return { targets, meta: reader.meta() };
}

/** Deterministic noise. */
export function randomBytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(projectRoot, 'tests', 'fixtures', 'formats', name)));
}

export function byId(targets: Target[]): Map<string, Target> {
  return new Map(targets.map((t) => [t.id, t]));
}

/** A target with its lists sorted, for comparing two files whose rows come in another order. */
export function canonical(target: Target): unknown {
  const sortJson = (values: unknown[] | undefined) => values?.map((v) => JSON.stringify(v)).sort();
  return {
    ...target,
    names: sortJson(target.names),
    titles: sortJson(target.titles),
    positions: sortJson(target.positions),
    birthDates: sortJson(target.birthDates),
    birthPlaces: sortJson(target.birthPlaces),
    nationalities: sortJson(target.nationalities),
    addresses: sortJson(target.addresses),
    identifiers: sortJson(target.identifiers),
    sanctions: sortJson(target.sanctions),
    regimes: sortJson(target.regimes),
    crossRefs: sortJson(target.crossRefs),
    remarks: target.remarks?.split('\n').sort(),
  };
}

/** Names as `type|full` (case-folded: the lists repeat a name in another case), sorted. */
export function nameSet(target: Target | undefined): string[] {
  return [...new Set((target?.names ?? []).map((n) => `${n.type}|${n.full.toLowerCase()}`))].sort();
}

/** A describe title that says why it is skipped when the shared snapshots are absent. */
export const titled = (title: string): string => (HAS_SHARED_DATA ? title : `${title} (${SHARED_SKIP_MESSAGE})`);

/** Computes once, on first use (so a skipped describe never reads its files). */
export function lazy<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}
