/**
 * Build step: the lists the extension installs on first run. They come from the official
 * addresses at build time, or, with LISTS_DIR set, from list files in that folder (for machines
 * without internet). They are build output under `lists/` in the extension, never committed.
 */
import { closeSync, mkdirSync, openSync, readdirSync, readSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { BundledManifest } from '../browser/bundled-lists';
import { detectFormat, DETECT_BYTES } from '../formats/detect';
import { planLists, readPlannedList, type ListFile, type ListPlan, type ReadSummary } from '../formats/read';
import { SOURCE_IDS, type SourceId } from '../model';
import { downloadFileName, OFFICIAL_SOURCES } from '../update/official-sources';
import { fileFromPath } from './node-files';

export interface BundledFile {
  absoluteSrc: string;
  relativeDest: string;
}

export interface BundlePlan {
  manifest: BundledManifest;
  files: BundledFile[];
  /** What was chosen and what was passed over, for the build log. */
  log: string[];
}

interface Candidate {
  plan: ListPlan;
  paths: string[];
  summary: ReadSummary;
}

function headOf(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(DETECT_BYTES);
    const n = readSync(fd, buffer, 0, DETECT_BYTES, 0);
    return buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Every folder below `root` (itself included). */
function folders(root: string): string[] {
  const out = [root];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (!name.startsWith('.') && statSync(path).isDirectory()) out.push(...folders(path));
  }
  return out;
}

/** The list files in one folder, grouped the way the importer groups them. */
async function candidatesIn(folder: string, log: string[]): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const paths = readdirSync(folder)
    .map((name) => join(folder, name))
    .filter((p) => statSync(p).isFile() && !/\.(md|txt)$/i.test(p));
  const ofac: string[] = [];
  const singles: string[] = [];
  for (const path of paths) {
    try {
      const detected = detectFormat(headOf(path));
      (detected.kind === 'ofac-csv' ? ofac : singles).push(path);
    } catch {
      // Not a list (README, images…): nothing to bundle.
    }
  }
  const groups: string[][] = singles.map((p) => [p]);
  if (ofac.length > 0) groups.push(ofac);
  for (const group of groups) {
    const files: ListFile[] = group.map((p) => ({ ...fileFromPath(p), name: relative(resolve(folder, '..'), p) }));
    try {
      for (const plan of await planLists(files)) {
        const summary = await readPlannedList(plan, { onTargets: () => undefined });
        // A group of singles holds one file; an OFAC group is one set.
        const planPaths = plan.kind === 'single' ? [group[0]!] : group;
        out.push({ plan, paths: planPaths, summary });
      }
    } catch (error) {
      log.push(`skipped ${group.map((p) => basename(p)).join(' + ')}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return out;
}

/**
 * Newest list date wins; on a tie, the fuller list. A date stated by the file, the server or the
 * file's name beats one taken from the file's own time: a 2019 OFAC set copied today is not today's list.
 */
export function preferredList<T extends Pick<Candidate, 'summary'>>(a: T, b: T): T {
  const statedA = a.summary.meta.listDateOrigin !== 'file-time' && a.summary.meta.listDate !== null;
  const statedB = b.summary.meta.listDateOrigin !== 'file-time' && b.summary.meta.listDate !== null;
  if (statedA !== statedB) return statedA ? a : b;
  const da = a.summary.meta.listDate ?? '';
  const dbb = b.summary.meta.listDate ?? '';
  if (da !== dbb) return da > dbb ? a : b;
  return a.summary.targets >= b.summary.targets ? a : b;
}

export async function bundleFromFolder(listsDir: string): Promise<BundlePlan> {
  const log: string[] = [];
  const best = new Map<SourceId, Candidate>();
  for (const folder of folders(resolve(listsDir))) {
    for (const candidate of await candidatesIn(folder, log)) {
      const source = candidate.summary.meta.source;
      const current = best.get(source);
      best.set(source, current ? preferredList(current, candidate) : candidate);
    }
  }
  const files: BundledFile[] = [];
  const lists: BundledManifest['lists'] = [];
  for (const source of SOURCE_IDS) {
    const chosen = best.get(source);
    if (!chosen) continue;
    const names = chosen.paths.map((p) => `${source}/${basename(p)}`);
    chosen.paths.forEach((p, i) => files.push({ absoluteSrc: p, relativeDest: `lists/${names[i]}` }));
    lists.push({
      source,
      listDate: chosen.summary.meta.listDate,
      listDateOrigin: chosen.summary.meta.listDateOrigin,
      targets: chosen.summary.targets,
      files: names,
    });
    log.push(
      `bundled ${source}: ${chosen.summary.targets} designations, list of ${chosen.summary.meta.listDate ?? 'unknown date'} (${chosen.paths.map((p) => relative(listsDir, p)).join(' + ')})`,
    );
  }
  return { manifest: { builtAt: new Date().toISOString(), lists }, files, log };
}

/** Downloads every enabled-by-default list from its official address into `cacheDir`. */
export async function downloadOfficialLists(cacheDir: string, timeoutMs = 60_000): Promise<string[]> {
  const log: string[] = [];
  mkdirSync(cacheDir, { recursive: true });
  for (const source of SOURCE_IDS) {
    const official = OFFICIAL_SOURCES[source];
    if (!official.url || !official.enabledByDefault) continue;
    try {
      const response = await fetch(official.url, { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      const folder = join(cacheDir, source);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, downloadFileName(source, official.url)), new Uint8Array(await response.arrayBuffer()));
      log.push(`downloaded ${source} from ${official.url}`);
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      log.push(`could not download ${source} from ${official.url} (${cause ?? (error as Error).message}); it will be fetched on first run`);
    }
  }
  return log;
}

export type { ListFile };
