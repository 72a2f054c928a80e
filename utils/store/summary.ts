import { SOURCE_IDS, type SourceId, type Target } from '../model';
import { fromChunk, type ImportFailure, type ListStore, type ListVersion, type SourceState } from './db';

/** What the options page and the CLI show for one source. */
export interface SourceSummary {
  source: SourceId;
  state?: SourceState;
  active?: ListVersion;
  held?: ListVersion;
  fallback?: ListVersion;
  /** An import of this source (or of a file not yet identified) that is running now. */
  importing?: ListVersion;
  lastError?: ImportFailure;
}

export async function summariseSources(db: ListStore): Promise<{ sources: SourceSummary[]; unattributed: ListVersion[]; recentFailures: ImportFailure[] }> {
  const [states, versions, failures] = await Promise.all([
    db.sources.toArray(),
    db.versions.toArray(),
    db.failures.orderBy('at').reverse().limit(5).toArray(),
  ]);
  const byId = new Map(versions.map((v) => [v.id, v]));
  const sources = SOURCE_IDS.map((source) => {
    const state = states.find((s) => s.source === source);
    const own = versions.filter((v) => v.source === source);
    return {
      source,
      state,
      active: state?.activeVersionId ? byId.get(state.activeVersionId) : undefined,
      held: state?.heldVersionId ? byId.get(state.heldVersionId) : undefined,
      fallback: own
        .filter((v) => v.status === 'fallback')
        .sort((a, b) => (b.completedAt ?? 0) - (a.completedAt ?? 0))[0],
      importing: own.find((v) => v.status === 'writing'),
      lastError: state?.lastError,
    } satisfies SourceSummary;
  });
  // Imports still reading do not know their source yet.
  const unattributed = versions.filter((v) => v.status === 'writing' && !v.source);
  return { sources, unattributed, recentFailures: failures };
}

/** The targets of every active version (what screening runs against). */
export async function activeTargets(db: ListStore, source?: SourceId): Promise<Target[]> {
  const states = source ? [await db.sources.get(source)] : await db.sources.toArray();
  const ids = states.map((s) => s?.activeVersionId).filter((id): id is string => Boolean(id));
  const out: Target[] = [];
  for (const versionId of ids) {
    const chunks = await db.chunks.where('versionId').equals(versionId).sortBy('seq');
    for (const chunk of chunks) out.push(...fromChunk(chunk));
  }
  return out;
}

/** One target of an active list, by id (`uk-fcdo:CYB0045`). */
export async function activeTargetById(db: ListStore, id: string): Promise<Target | undefined> {
  const source = id.slice(0, id.indexOf(':')) as SourceId;
  const versionId = (await db.sources.get(source))?.activeVersionId;
  if (!versionId) return undefined;
  const chunk = await db.chunks.where('versionId').equals(versionId).filter((c) => c.ids.includes(id)).first();
  return chunk ? fromChunk(chunk)[chunk.ids.indexOf(id)] : undefined;
}
