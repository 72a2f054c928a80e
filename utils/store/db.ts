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

export interface StoredTarget extends Target {
  versionId: string;
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
  targets!: Table<StoredTarget, [string, string]>;
  failures!: Table<ImportLogEntry, number>;

  constructor(name = 'sanctions-lens', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      sources: 'source',
      versions: 'id, source, status',
      // Compound key: the same target id lives once per version.
      targets: '[versionId+id], versionId',
      failures: '++id, at',
    });
  }
}
