import type { SourceId, Target } from '../model';
import { SOURCE_LABELS } from '../model';
import { ListReadError, planFiles, planLists, readPlannedList, type ListFile, type ListPlan, type ReadSummary } from '../formats/read';
import { toChunk, type ImportOrigin, type ImportProgress, type ListStore, type ListVersion } from './db';

/**
 * Imports lists into the store without ever disturbing the active version:
 * write the new version completely, check it, then switch in one transaction.
 * Any failure (bad file, cut download, worker stopped, storage full) removes the
 * half-written version and records the reason; the active version is untouched.
 */

/** More than this share fewer targets than the active version: held for the user to confirm. */
export const HOLD_DROP_RATIO = 0.2;

export interface ImportOptions {
  origin: ImportOrigin;
  onProgress?(progress: ImportProgress): void;
  signal?: AbortSignal;
  /** Activate even when far fewer targets than the active version (the user confirmed). */
  acceptDrop?: boolean;
}

export interface ImportOutcome {
  versionId: string;
  source: SourceId;
  status: 'active' | 'held';
  summary: ReadSummary;
  /** Read, stored and switched, in milliseconds. */
  durationMs: number;
  /** Of which: waiting for IndexedDB to store the targets. */
  storeMs: number;
  /** The version this one replaced or would replace. */
  previous?: Pick<ListVersion, 'id' | 'targets' | 'meta'>;
  heldReason?: string;
}

/** Thrown for a failed import: names the files and the reason in words a user can act on. */
export class ImportError extends Error {
  readonly reason: string;

  constructor(
    readonly files: string[],
    reason: string,
    readonly source?: SourceId,
  ) {
    super(`Could not import ${files.join(' + ') || 'the list'}: ${asClause(reason)}.`);
    this.reason = asClause(reason);
    this.name = 'ImportError';
  }
}

const PROGRESS_EVERY_MS = 200;

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Reasons are shown inside a sentence ("Could not import X: <reason>."): no trailing full stop,
 * and a lower-case start unless the first word is an acronym or a name (XML, OFAC).
 */
export function asClause(reason: string): string {
  const trimmed = reason.trim().replace(/[.\s]+$/, '');
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed[0]!.toLowerCase() + trimmed.slice(1) : trimmed;
}

/** The user-facing reason for any error thrown while importing. */
export function describeImportError(error: unknown): string {
  return asClause(rawReason(error));
}

function rawReason(error: unknown): string {
  if (error instanceof ListReadError) return error.reason;
  if (error instanceof ImportError) return error.reason;
  const name = (error as { name?: string; inner?: { name?: string } })?.name;
  const inner = (error as { inner?: { name?: string } })?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return "the browser's storage is full; free some space and try again";
  }
  if (name === 'AbortError') return 'the import was cancelled';
  if (name === 'DatabaseClosedError') return 'the extension was stopped or reloaded during the import';
  // Chrome's words when the background worker stopped before answering a page's request.
  if (error instanceof Error && /message channel closed|Receiving end does not exist/.test(error.message)) {
    return "the extension's background worker stopped before it finished; try again";
  }
  return error instanceof Error ? error.message : String(error);
}

function planSource(plan: ListPlan): SourceId | undefined {
  if (plan.kind === 'single' && plan.detected.kind === 'text' && plan.detected.source !== 'us-ofac') {
    return plan.detected.source;
  }
  if (plan.kind === 'single' && plan.detected.kind === 'xlsx') return 'uk-ofsi';
  return undefined;
}

export async function recordFailure(db: ListStore, files: string[], reason: string, source?: SourceId): Promise<void> {
  const failure = { at: Date.now(), files, reason, source };
  await db.transaction('rw', db.sources, db.failures, async () => {
    await db.failures.add(failure);
    if (source) {
      const state = (await db.sources.get(source)) ?? { source };
      await db.sources.put({ ...state, lastError: failure });
    }
  });
}

/** Removes a version and its targets (a failed or superseded one). */
export async function deleteVersion(db: ListStore, versionId: string): Promise<void> {
  await db.chunks.where('versionId').equals(versionId).delete();
  await db.versions.delete(versionId);
}

/**
 * Imports every list in `files` (a single file, several lists, or an OFAC CSV set).
 * Resolves with one outcome per list; rejects with ImportError at the first failure,
 * after recording it. Lists already imported before the failure stay imported.
 */
export async function importFiles(db: ListStore, files: ListFile[], options: ImportOptions): Promise<ImportOutcome[]> {
  let plans: ListPlan[];
  try {
    plans = await planLists(files);
  } catch (error) {
    const names = error instanceof ListReadError ? [error.fileName] : files.map((f) => f.name);
    const reason = describeImportError(error);
    await recordFailure(db, names, reason);
    throw new ImportError(names, reason);
  }
  const outcomes: ImportOutcome[] = [];
  for (const plan of plans) outcomes.push(await importPlan(db, plan, options));
  return outcomes;
}

async function importPlan(db: ListStore, plan: ListPlan, options: ImportOptions): Promise<ImportOutcome> {
  const files = planFiles(plan).map((file) => file.name);
  const versionId = newId();
  const startedAt = Date.now();
  let lastProgress = 0;
  let storeMs = 0;
  let seq = 0;
  const progress: ImportProgress = { startedAt, files, bytesRead: 0, targets: 0, phase: 'reading' };
  const report = (force = false) => {
    options.onProgress?.({ ...progress });
    const now = Date.now();
    if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    // Fire and forget: the progress row is advisory, and must not slow the import down.
    void db.versions.update(versionId, { progress: { ...progress } }).catch(() => undefined);
  };

  await db.versions.add({
    id: versionId,
    // Known from the format for most files, so progress and an interruption show on the right list.
    source: planSource(plan),
    status: 'writing',
    targets: 0,
    names: 0,
    files,
    origin: options.origin,
    startedAt,
  });
  const release = await holdImportLock(versionId);
  try {
    const summary = await readPlannedList(plan, {
      signal: options.signal,
      onTargets: async (batch: Target[]) => {
        const t0 = performance.now();
        await db.chunks.add(toChunk(batch, versionId, seq++));
        storeMs += performance.now() - t0;
      },
      onProgress: (p) => {
        progress.bytesRead = p.bytesRead;
        progress.totalBytes = p.totalBytes;
        progress.targets = p.targets;
        report();
      },
    });
    progress.phase = 'activating';
    report(true);
    let stored = 0;
    await db.chunks.where('versionId').equals(versionId).each((chunk) => (stored += chunk.ids.length));
    if (stored !== summary.targets) {
      throw new ImportError(files, `only ${stored} of ${summary.targets} designations were stored`);
    }
    const outcome = await activate(db, versionId, summary, options);
    const durationMs = Date.now() - startedAt;
    // Deleting superseded versions is housekeeping: the new list is already in use.
    void pruneVersions(db, outcome.source).catch(() => undefined);
    return { ...outcome, durationMs, storeMs: Math.round(storeMs) };
  } catch (error) {
    await deleteVersion(db, versionId).catch(() => undefined);
    const reason = describeImportError(error);
    const source = planSource(plan);
    await recordFailure(db, files, reason, source).catch(() => undefined);
    throw new ImportError(files, reason, source);
  } finally {
    release();
  }
}

async function activate(
  db: ListStore,
  versionId: string,
  summary: ReadSummary,
  options: ImportOptions,
): Promise<Omit<ImportOutcome, 'durationMs' | 'storeMs'>> {
  const source = summary.meta.source;
  return db.transaction('rw', db.sources, db.versions, async () => {
    const state = (await db.sources.get(source)) ?? { source };
    const active = state.activeVersionId ? await db.versions.get(state.activeVersionId) : undefined;
    const previous = active ? { id: active.id, targets: active.targets, meta: active.meta } : undefined;
    const base = {
      source,
      meta: summary.meta,
      targets: summary.targets,
      names: summary.names,
      counts: summary.counts,
      completedAt: Date.now(),
      progress: undefined,
    };
    if (active && !options.acceptDrop && summary.targets < active.targets * (1 - HOLD_DROP_RATIO)) {
      const heldReason =
        `the new ${SOURCE_LABELS[source]} has ${summary.targets.toLocaleString('en-GB')} designations, ` +
        `${Math.round((1 - summary.targets / active.targets) * 100)}% fewer than the active list ` +
        `(${active.targets.toLocaleString('en-GB')}); confirm to use it`;
      // One held version at a time: a newer one replaces it.
      if (state.heldVersionId && state.heldVersionId !== versionId) {
        await db.versions.update(state.heldVersionId, { status: 'fallback' });
      }
      await db.versions.update(versionId, { ...base, status: 'held', heldReason });
      await db.sources.put({ ...state, heldVersionId: versionId });
      return { versionId, source, status: 'held' as const, summary, previous, heldReason };
    }
    if (active) await db.versions.update(active.id, { status: 'fallback' });
    await db.versions.update(versionId, { ...base, status: 'active' });
    const next = { ...state, activeVersionId: versionId, lastError: undefined };
    if (next.heldVersionId === versionId) next.heldVersionId = undefined;
    await db.sources.put(next);
    return { versionId, source, status: 'active' as const, summary, previous };
  });
}

/** Makes a held version active (the user confirmed the drop), keeping the old one as fallback. */
export async function confirmHeldVersion(db: ListStore, source: SourceId): Promise<void> {
  await db.transaction('rw', db.sources, db.versions, async () => {
    const state = await db.sources.get(source);
    if (!state?.heldVersionId) return;
    const held = await db.versions.get(state.heldVersionId);
    if (!held) return;
    if (state.activeVersionId) await db.versions.update(state.activeVersionId, { status: 'fallback' });
    await db.versions.update(held.id, { status: 'active', heldReason: undefined });
    await db.sources.put({ ...state, activeVersionId: held.id, heldVersionId: undefined, lastError: undefined });
  });
  await pruneVersions(db, source);
}

/** Drops a held version: the active one stays. */
export async function discardHeldVersion(db: ListStore, source: SourceId): Promise<void> {
  const state = await db.sources.get(source);
  if (!state?.heldVersionId) return;
  const heldId = state.heldVersionId;
  await db.sources.put({ ...state, heldVersionId: undefined });
  await deleteVersion(db, heldId);
}

/** Goes back to the fallback version (the previous list), e.g. after a bad update. */
export async function restoreFallbackVersion(db: ListStore, source: SourceId): Promise<boolean> {
  const restored = await db.transaction('rw', db.sources, db.versions, async () => {
    const state = await db.sources.get(source);
    const fallbacks = (await db.versions.where('source').equals(source).toArray())
      .filter((v) => v.status === 'fallback')
      .sort((a, b) => (b.completedAt ?? 0) - (a.completedAt ?? 0));
    const fallback = fallbacks[0];
    if (!state || !fallback) return false;
    if (state.activeVersionId) await db.versions.update(state.activeVersionId, { status: 'fallback' });
    await db.versions.update(fallback.id, { status: 'active' });
    await db.sources.put({ ...state, activeVersionId: fallback.id });
    return true;
  });
  await pruneVersions(db, source);
  return restored;
}

/** Keeps the active version, a held one, and the newest fallback; deletes the rest. */
export async function pruneVersions(db: ListStore, source: SourceId): Promise<void> {
  const versions = await db.versions.where('source').equals(source).toArray();
  const fallbacks = versions
    .filter((v) => v.status === 'fallback')
    .sort((a, b) => (b.completedAt ?? 0) - (a.completedAt ?? 0));
  for (const stale of fallbacks.slice(1)) await deleteVersion(db, stale.id);
}

// --- Interrupted imports -------------------------------------------------------------
// A service worker can be stopped mid-import. Its `writing` version is then orphaned: the
// active version was never touched, but the partial rows must go. A Web Lock held for the
// whole import tells a live import (in another extension page) from a dead one.

const LOCK_PREFIX = 'sanctions-lens-import:';

interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<void>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

function locks(): LockManagerLike | undefined {
  return (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
}

const localImports = new Set<string>();

async function holdImportLock(versionId: string): Promise<() => void> {
  localImports.add(versionId);
  const manager = locks();
  let release = () => {};
  if (manager) {
    await new Promise<void>((acquired) => {
      void manager.request(LOCK_PREFIX + versionId, () => {
        acquired();
        return new Promise<void>((resolve) => (release = resolve));
      });
    });
  }
  return () => {
    localImports.delete(versionId);
    release();
  };
}

/**
 * Removes versions left `writing` by an import that is no longer running (the worker was
 * stopped, the page closed), and records why. Returns how many were cleaned.
 */
export async function recoverInterruptedImports(db: ListStore): Promise<number> {
  const writing = await db.versions.where('status').equals('writing').toArray();
  if (writing.length === 0) return 0;
  const manager = locks();
  const held = new Set((manager ? ((await manager.query()).held ?? []) : []).map((l) => l.name));
  let cleaned = 0;
  for (const version of writing) {
    if (localImports.has(version.id) || held.has(LOCK_PREFIX + version.id)) continue;
    // Without Web Locks (Node), only imports older than a minute count as dead.
    if (!manager && Date.now() - version.startedAt < 60_000) continue;
    await deleteVersion(db, version.id);
    await recordFailure(
      db,
      version.files,
      'the import was interrupted (the browser stopped the extension before it finished); the previous list stayed active',
      version.source,
    );
    cleaned++;
  }
  return cleaned;
}
