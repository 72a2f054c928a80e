import { describe, expect, it } from 'vitest';
import { bundleFromFolder, preferredList } from '../../../utils/cli/bundle-lists';
import type { ListDateOrigin } from '../../../utils/model';
import { HAS_SHARED_DATA, SHARED_SKIP_MESSAGE, sharedFile } from '../../shared-data';

function candidate(listDate: string | null, listDateOrigin: ListDateOrigin | null, targets = 10) {
  return { summary: { meta: { source: 'us-ofac-sdn' as const, format: 'ofac-csv', listDate, listDateOrigin }, targets, names: targets, counts: { persons: 0, organisations: 0, vessels: 0, aircraft: 0 }, files: [] } };
}

describe('choosing the list to bundle', () => {
  it('prefers a date the file, the server or the file name states over the file’s own time', () => {
    const copiedToday = candidate('2026-12-01', 'file-time');
    const named = candidate('2024-05-03', 'file-name');
    expect(preferredList(copiedToday, named)).toBe(named);
    expect(preferredList(named, copiedToday)).toBe(named);
  });

  it('prefers the newer of two stated dates, and on a tie the fuller list', () => {
    expect(preferredList(candidate('2024-03-22', 'content'), candidate('2024-05-03', 'http')).summary.meta.listDate).toBe('2024-05-03');
    const fuller = candidate('2024-05-03', 'content', 20);
    expect(preferredList(candidate('2024-05-03', 'content', 10), fuller)).toBe(fuller);
  });

  it.skipIf(!HAS_SHARED_DATA)('bundles OFAC’s list of 2024-05-03, not the 2019 set copied onto this machine later', async () => {
    const plan = await bundleFromFolder(sharedFile('us-ofac-sdn'));
    const sdn = plan.manifest.lists.find((list) => list.source === 'us-ofac-sdn');
    expect(sdn?.listDate).toBe('2024-05-03');
  }, 60_000);
  if (!HAS_SHARED_DATA) console.warn(SHARED_SKIP_MESSAGE);
});
