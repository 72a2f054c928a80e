import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectRoot } from '../shared-data';
import { findChrome } from './browser';

/** The extension the end-to-end tests load, built once per run with small fixture lists bundled. */
export const E2E_EXTENSION_DIR = resolve(projectRoot, '.output/e2e/chrome-mv3');

/** Builds that extension, unless E2E_SKIP_BUILD is set and a build is there; `quiet` hides WXT's log. */
export function buildTestExtension(quiet = false): void {
  if (process.env.E2E_SKIP_BUILD && existsSync(E2E_EXTENSION_DIR)) return;
  execFileSync('npx', ['wxt', 'build', '--mode', 'production'], {
    cwd: projectRoot,
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
    env: {
      ...process.env,
      LISTS_DIR: resolve(projectRoot, 'tests/fixtures/lists/bundle'),
      WXT_OUT_DIR: resolve(projectRoot, '.output/e2e'),
    },
  });
}

export default function setup(): void {
  findChrome(); // fail early, with install instructions, when there is no browser
  buildTestExtension();
}
