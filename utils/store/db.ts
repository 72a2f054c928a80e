import Dexie, { type Table } from 'dexie';
import type { KindCounts, ListMeta, SourceId, Target } from '../model';

/**
 * The local copy of the lists, in the extension's own IndexedDB (background and extension
 * pages share it; content scripts never open it, since theirs would belong to the visited site).
 *
 * Each list is kept as versions. A version's targets are written while it is `writing`; only
 * then, in one transaction, does it become `active`. The version it replaces stays as `fallback`.
 */
export type VersionStatus = 'writing' | 'active' | 'held' | 'fallback';

export interface ListVersion {
  id: string;
  /** Unknown until the content says it (OFAC CSV sets); set before the version leaves `writing`. */
  source?: SourceId;
  status: VersionStatus;
  meta?: ListMeta;
  targets: number;
  names: number;
  counts?: KindCounts;
  files: string[];
  origin: ImportOrigin;
  startedAt: number;
  completedAt?: number;
  /** Why a version is held for the user's confirmation. */
  heldReason?: string;
  /** While `writing`: how far the import has got. */
  progress?: ImportProgress;
}

export type ImportOrigin = 'file' | 'download' | 'bundled';

/**
 * Targets are stored in chunks of a few hundred, as one JSON text each. IndexedDB's cost is
 * per record: 15,000 rows took Chromium 1.2–1.6 s to write here, the same data in 30 chunks
 * about 0.1 s. Screening loads whole lists into memory anyway; lookups by id read `ids` first.
 */
export interface TargetChunk {
  versionId: string;
  seq: number;
  /** The ids of the targets in `json`, in order. */
  ids: string[];
  /** JSON array of Target. */
  json: string;
}

export function toChunk(targets: Target[], versionId: string, seq: number): TargetChunk {
  return { versionId, seq, ids: targets.map((t) => t.id), json: JSON.stringify(targets) };
}

export function fromChunk(chunk: TargetChunk): Target[] {
  return JSON.parse(chunk.json) as Target[];
}

/** Per-source state shown on the options page. */
export interface SourceState {
  source: SourceId;
  activeVersionId?: string;
  heldVersionId?: string;
  /** Last time the official address was asked for a newer list (ms). */
  lastChecked?: number;
  /** Conditional-request validators of the last download. */
  etag?: string;
  lastModified?: string;
  lastError?: ImportFailure;
  /** Set while an import or download runs, for the progress bar. */
  progress?: ImportProgress;
}

export interface ImportFailure {
  at: number;
  files: string[];
  reason: string;
  source?: SourceId;
}

export interface ImportProgress {
  startedAt: number;
  files: string[];
  bytesRead: number;
  totalBytes?: number;
  targets: number;
  phase: 'downloading' | 'reading' | 'activating';
}

/** A failed import whose file format (and so source) could not be told. */
export interface ImportLogEntry extends ImportFailure {
  id?: number;
}

export class ListStore extends Dexie {
  sources!: Table<SourceState, SourceId>;
  versions!: Table<ListVersion, string>;
  chunks!: Table<TargetChunk, [string, number]>;
  failures!: Table<ImportLogEntry, number>;

  constructor(name = 'sanctions-lens', options?: ConstructorParameters<typeof Dexie>[1]) {
    // Relaxed durability: Chrome otherwise flushes to disk on every batch of an import. A crash can
    // then lose only the latest transactions, and since a version becomes active in one
    // transaction after all its rows, what survives is always a whole list.
    super(name, { chromeTransactionDurability: 'relaxed', ...options });
    this.version(1).stores({
      sources: 'source',
      versions: 'id, source, status',
      chunks: '[versionId+seq], versionId',
      failures: '++id, at',
    });
  }
}
