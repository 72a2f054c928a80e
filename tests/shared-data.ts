import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real list snapshots live in ../shared beside the project, never in it.
 * Tests that need them skip with this message when the folder is absent.
 */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED_DIR = process.env.SHARED_DIR ?? resolve(projectRoot, '..', 'shared');
export const SHARED_DATA = resolve(SHARED_DIR, 'data');
export const HAS_SHARED_DATA = existsSync(SHARED_DATA);
export const SHARED_SKIP_MESSAGE = `real list snapshots not found at ${SHARED_DATA} (set SHARED_DIR); skipping`;

if (!HAS_SHARED_DATA) console.warn(SHARED_SKIP_MESSAGE);

export function sharedFile(...parts: string[]): string {
  return resolve(SHARED_DATA, ...parts);
}

export { projectRoot };
