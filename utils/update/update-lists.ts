import type { SourceId } from '../model';
import { SOURCE_LABELS } from '../model';
import type { ListStore } from '../store/db';
import { describeImportError, ImportError, importFiles, recordFailure } from '../store/import';
import { conditionalDownload } from './download';
import { downloadFileName, OFFICIAL_SOURCES } from './official-sources';

export type UpdateReport =
  | { source: SourceId; status: 'unchanged' }
  | { source: SourceId; status: 'active' | 'held'; targets: number; listDate: string | null }
  | { source: SourceId; status: 'failed'; reason: string }
  | { source: SourceId; status: 'skipped'; reason: string };

export interface UpdateOptions {
  fetchImpl?: typeof fetch;
  signal?: AbortSignal;
}

/** Asks the official address for a newer list and imports it when there is one. */
export async function updateSource(db: ListStore, source: SourceId, options: UpdateOptions = {}): Promise<UpdateReport> {
  const official = OFFICIAL_SOURCES[source];
  if (!official.url) return { source, status: 'skipped', reason: official.note ?? 'no official download address' };
  const state = (await db.sources.get(source)) ?? { source };
  const checkedAt = Date.now();
  // Validators only count while there is an active list: after a failure or a wipe, fetch in full.
  const validators = state.activeVersionId ? { etag: state.etag, lastModified: state.lastModified } : {};
  try {
    const result = await conditionalDownload(
      official.url,
      downloadFileName(source, official.url),
      validators,
      options.fetchImpl,
      options.signal,
    );
    if (result.status === 'unchanged') {
      await db.sources.update(source, { lastChecked: checkedAt });
      return { source, status: 'unchanged' };
    }
    const [outcome] = await importFiles(db, [result.file], { origin: 'download', signal: options.signal });
    if (!outcome) throw new ImportError([result.file.name], 'the download held no list');
    if (outcome.source !== source) {
      throw new ImportError([result.file.name], `the address for ${SOURCE_LABELS[source]} served ${SOURCE_LABELS[outcome.source]}`);
    }
    const latest = (await db.sources.get(source)) ?? { source };
    await db.sources.put({ ...latest, lastChecked: checkedAt, ...result.validators });
    return { source, status: outcome.status, targets: outcome.summary.targets, listDate: outcome.summary.meta.listDate };
  } catch (error) {
    const reason = error instanceof ImportError ? error.reason : describeImportError(error);
    if (!(error instanceof ImportError)) await recordFailure(db, [official.url], reason, source);
    const latest = (await db.sources.get(source)) ?? { source };
    await db.sources.put({ ...latest, lastChecked: checkedAt });
    return { source, status: 'failed', reason };
  }
}

/** Updates the given sources one after another (lists are large; two at once only compete). */
export async function updateSources(db: ListStore, sources: SourceId[], options: UpdateOptions = {}): Promise<UpdateReport[]> {
  const reports: UpdateReport[] = [];
  for (const source of sources) reports.push(await updateSource(db, source, options));
  return reports;
}
