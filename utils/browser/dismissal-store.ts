import { storage } from 'wxt/utils/storage';
import { withDismissal, type Dismissal } from '../records/dismissals';

/** Dismissed matches, shared by every tab and the options page. */
export const dismissalsItem = storage.defineItem<Dismissal[]>('local:dismissals', { fallback: [] });

export async function dismiss(next: Dismissal): Promise<void> {
  await dismissalsItem.setValue(withDismissal(await dismissalsItem.getValue(), next));
}
