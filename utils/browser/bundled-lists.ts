import browser from 'webextension-polyfill';
import type { ListDateOrigin, SourceId } from '../model';
import type { ListStore } from '../store/db';
import { importFiles } from '../store/import';
import { fileFromResponse } from '../update/download';

/** Written by the build (utils/cli/bundle-lists.ts) into the extension as `lists/manifest.json`. */
export interface BundledManifest {
  builtAt: string;
  lists: { source: SourceId; listDate: string | null; listDateOrigin: ListDateOrigin | null; targets: number; files: string[] }[];
}

export const BUNDLED_MANIFEST_PATH = 'lists/manifest.json';

async function readManifest(): Promise<BundledManifest | undefined> {
  try {
    const response = await fetch(browser.runtime.getURL(`/${BUNDLED_MANIFEST_PATH}`));
    return response.ok ? ((await response.json()) as BundledManifest) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * First run: imports the lists the build bundled, for each source that has no active list yet,
 * through the same importer as downloads, so the bundled copy is checked the same way.
 */
export async function installBundledLists(db: ListStore): Promise<SourceId[]> {
  const manifest = await readManifest();
  if (!manifest) return [];
  const installed: SourceId[] = [];
  for (const list of manifest.lists) {
    const state = await db.sources.get(list.source);
    if (state?.activeVersionId) continue;
    const files = [];
    for (const path of list.files) {
      const response = await fetch(browser.runtime.getURL(`/lists/${path}`));
      const file = fileFromResponse(path.split('/').pop() ?? path, response);
      // Formats without a date inside (OFAC CSV) keep the date the build found for them.
      if (list.listDate && list.listDateOrigin && list.listDateOrigin !== 'content') {
        file.externalDate = { date: list.listDate, origin: list.listDateOrigin };
      }
      files.push(file);
    }
    try {
      await importFiles(db, files, { origin: 'bundled' });
      installed.push(list.source);
    } catch (error) {
      // Recorded by the importer and shown on the options page; the other lists still install.
      console.warn('Sanctions Lens: bundled list failed', list.source, error);
    }
  }
  return installed;
}
