import type { ExtensionSession } from '../e2e/browser';
import { sharedFile } from '../shared-data';
import { USER_LISTS } from './real-lists';

/**
 * Imports every list a user would load through the options page of the built extension, as a user
 * would, printing each list's time and message. A list held for confirmation is confirmed.
 */
export async function importUserLists(session: ExtensionSession): Promise<void> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  for (const list of USER_LISTS) {
    const started = Date.now();
    const before = (await options.getByTestId('message').textContent().catch(() => null)) ?? '';
    await options.getByTestId('import-input').setInputFiles(list.paths.map((p) => sharedFile(p)));
    await options.waitForFunction(
      (previous) => {
        const text = document.querySelector('[data-testid="message"]')?.textContent ?? '';
        return text !== previous && /Imported|Could not|held/.test(text);
      },
      before,
      { timeout: 120_000 },
    );
    const message = (await options.getByTestId('message').textContent()) ?? '';
    if (/held/.test(message)) await options.getByRole('button', { name: /Use the new list/ }).first().click().catch(() => undefined);
    console.log(`  ${list.label.padEnd(58)} ${((Date.now() - started) / 1000).toFixed(1)} s  ${message.slice(0, 80)}`);
  }
  await options.close();
}
