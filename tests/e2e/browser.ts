import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The browser for end-to-end tests: CHROME_PATH, or the usual install places. */
export function findChrome(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'No Chromium or Chrome found for the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
      'or set CHROME_PATH to the browser executable.',
  );
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

/** Launches headless Chromium with the built extension loaded, in a fresh profile. */
export async function launchExtension(extensionDir: string, userDataDir?: string): Promise<ExtensionSession> {
  const profile = userDataDir ?? mkdtempSync(join(tmpdir(), 'sanctions-lens-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChrome(),
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const serviceWorker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const worker = await serviceWorker();
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      if (!userDataDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Imports the real OFSI list of 14/04/2025 through the options page, as a user would, and waits for it. */
export async function importOfsiList(session: ExtensionSession, xlsxPath: string): Promise<void> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByTestId('import-input').setInputFiles(xlsxPath);
  await options.getByTestId('source-uk-ofsi').getByTestId('list-date').getByText('14 Apr 2025').waitFor({ timeout: 60_000 });
  await options.close();
}
