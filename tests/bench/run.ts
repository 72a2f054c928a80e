/**
 * `npm run bench`: figures for every real list file in ../shared/data.
 * - Node: parse-and-store time and peak memory (each file in its own process, fake-indexeddb).
 * - Chromium: import time through the options page of the built extension.
 * Prints a table; never asserts (speed is measured here, not in tests that could flake).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { HAS_SHARED_DATA, projectRoot, SHARED_SKIP_MESSAGE, sharedFile } from '../shared-data';
import { launchExtension } from '../e2e/browser';
import { REAL_LISTS } from './real-lists';

if (!HAS_SHARED_DATA) {
  console.log(SHARED_SKIP_MESSAGE);
  process.exit(0);
}

const LISTS = [...REAL_LISTS];

// `npm run bench -- OFAC` runs only the lists whose label contains "OFAC".
const only = process.argv[2];
if (only) LISTS.splice(0, LISTS.length, ...LISTS.filter((l) => l.label.includes(only)));

interface NodeFigures {
  parseAndStoreMs: number;
  peakRssMB: number;
  baselineRssMB: number;
  lists: { source: string; targets: number }[];
}

function nodeRun(paths: string[]): NodeFigures {
  // A set is imported from its folder when all its files share one (as the CLI's --list FOLDER does).
  const target = paths.length === 1 ? sharedFile(paths[0]!) : resolve(sharedFile(paths[0]!), '..');
  const out = execFileSync('npx', ['tsx', resolve(projectRoot, 'tests/bench/parse-one.ts'), target], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as NodeFigures;
}

async function chromiumRuns(): Promise<Map<string, string>> {
  const extensionDir = resolve(projectRoot, '.output/e2e/chrome-mv3');
  if (!existsSync(extensionDir)) {
    execFileSync('npx', ['wxt', 'build'], {
      cwd: projectRoot,
      stdio: 'inherit',
      env: { ...process.env, LISTS_DIR: resolve(projectRoot, 'tests/fixtures/lists/bundle'), WXT_OUT_DIR: resolve(projectRoot, '.output/e2e') },
    });
  }
  const session = await launchExtension(extensionDir);
  const figures = new Map<string, string>();
  try {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    for (const list of LISTS) {
      const before = (await page.getByTestId('message').textContent().catch(() => null)) ?? '';
      await page.getByTestId('import-input').setInputFiles(list.paths.map((p) => sharedFile(p)));
      await page.waitForFunction(
        (previous) => {
          const text = document.querySelector('[data-testid="message"]')?.textContent ?? '';
          return text !== '' && text !== previous && !document.querySelector('[data-testid="busy"]');
        },
        before,
        { timeout: 120_000 },
      );
      const message = page.getByTestId('message');
      const duration = await message.getAttribute('data-duration-ms');
      const store = await message.getAttribute('data-store-ms');
      figures.set(list.label, duration ? `${duration} ms (IndexedDB ${store} ms)` : ((await message.textContent()) ?? '').slice(0, 80));
    }
  } finally {
    await session.close();
  }
  return figures;
}

const rows: string[][] = [];
const nodeFigures = new Map<string, NodeFigures | string>();
for (const list of LISTS) {
  try {
    nodeFigures.set(list.label, nodeRun(list.paths));
  } catch (error) {
    nodeFigures.set(list.label, `failed: ${(error as Error).message.split('\n')[0]}`);
  }
}
const chromium = await chromiumRuns();
for (const list of LISTS) {
  const node = nodeFigures.get(list.label);
  const browser = chromium.get(list.label);
  rows.push([
    list.label,
    typeof node === 'string' ? node : node!.lists.map((l) => `${l.source} ${l.targets}`).join(', '),
    typeof node === 'string' ? '' : `${node!.parseAndStoreMs} ms`,
    typeof node === 'string' ? '' : `${node!.peakRssMB} MB (base ${node!.baselineRssMB})`,
    browser ?? '',
  ]);
}
const header = ['list', 'targets', 'Node parse+store', 'Node peak RSS', 'Chromium import'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const row of rows) console.log(line(row));
