import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import { commonNameTokens } from './utils/matching/common-name-tokens';
import { bundleFromFolder, downloadOfficialLists, type BundlePlan } from './utils/cli/bundle-lists';

/**
 * First-run lists: LISTS_DIR=folder takes the newest list of each source found there;
 * LISTS_DIR=none bundles nothing; otherwise the lists are downloaded from the official
 * addresses (a failed download only means that list is fetched on first run instead).
 */
let bundle: Promise<BundlePlan> | undefined;
function listsBundle(root: string): Promise<BundlePlan> {
  bundle ??= (async () => {
    const dir = process.env.LISTS_DIR;
    if (dir === 'none') return { manifest: { builtAt: new Date().toISOString(), lists: [] }, files: [], log: ['LISTS_DIR=none: no lists bundled'] };
    if (dir) return bundleFromFolder(resolve(root, dir));
    const cache = resolve(root, '.wxt/downloaded-lists');
    const log = await downloadOfficialLists(cache);
    const plan = await bundleFromFolder(cache);
    return { ...plan, log: [...log, ...plan.log] };
  })();
  return bundle;
}

/**
 * utils/matching/common-name-tokens.ts reads Faker's name lists: in the extension, its result is
 * computed here, at build time, and inlined, so Faker itself is not bundled.
 */
function inlineCommonNames(): Plugin {
  const module = resolve(import.meta.dirname, 'utils/matching/common-name-tokens.ts');
  return {
    name: 'sanctions-lens:inline-common-names',
    enforce: 'pre',
    load(id) {
      if (id.split('?')[0] !== module) return undefined;
      const tokens = commonNameTokens().join('\n');
      return `export function commonNameTokens() { return ${JSON.stringify(tokens)}.split('\\n'); }`;
    },
  };
}

export default defineConfig({
  // Explicit imports everywhere: a reader can follow every name to its file.
  imports: false,
  // The end-to-end tests build into their own folder, with fixture lists bundled.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact(), inlineCommonNames()],
  }),
  hooks: {
    'build:publicAssets': async (wxt, files) => {
      const plan = await listsBundle(wxt.config.root);
      for (const line of plan.log) wxt.logger.info(`lists: ${line}`);
      for (const file of plan.files) files.push(file);
      files.push({ relativeDest: 'lists/manifest.json', contents: JSON.stringify(plan.manifest, null, 2) });
    },
  },
  manifest: ({ browser }) => ({
    name: 'Sanctions Lens',
    description:
      'Highlights designated people, companies, vessels and identifiers from the official sanctions lists, using a local copy of the lists.',
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'contextMenus'],
    commands: {
      'screen-selection': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Screen the selected text',
      },
    },
    // The only network traffic: list downloads from the official addresses.
    host_permissions: [
      'https://sanctionslist.fcdo.gov.uk/*',
      'https://sanctionslistservice.ofac.treas.gov/*',
      'https://webgate.ec.europa.eu/*',
      'https://scsanctions.un.org/*',
      'https://data.opensanctions.org/*',
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sanctions-lens@example.org',
              strict_min_version: '128.0',
              // Nothing is collected: page text never leaves the browser.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
