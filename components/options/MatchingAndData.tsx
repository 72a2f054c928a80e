import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { dismissalsItem } from '../../utils/browser/dismissal-store';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/browser/settings';
import { clampBands, DEFAULT_BANDS } from '../../utils/records/bands';
import type { ListStore } from '../../utils/store/db';

/** The strong and weak thresholds, and the user's local data: export it, or clear it all. */
export function MatchingAndData({ db, settings, onChange }: { db: ListStore; settings: Settings; onChange(next: Settings): void }) {
  const bands = clampBands(settings.bands ?? DEFAULT_BANDS);
  const [status, setStatus] = useState('');
  const setBand = (key: 'strong' | 'weak', value: string) => {
    const n = Number(value);
    if (Number.isFinite(n)) onChange({ ...settings, bands: clampBands({ ...bands, [key]: n }) });
  };

  const exportData = async () => {
    const data = {
      exportedAt: new Date().toISOString(),
      settings,
      dismissals: await dismissalsItem.getValue(),
      sources: await db.sources.toArray(),
      versions: (await db.versions.toArray()).map(({ progress: _progress, ...v }) => v),
      failures: await db.failures.toArray(),
    };
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `sanctions-lens-${data.exportedAt.slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus('Exported your settings, dismissed matches and the record of list versions and imports.');
  };

  const clearAll = async () => {
    if (!confirm('Delete every list, setting and dismissed match kept by Sanctions Lens in this browser?')) return;
    await Promise.all([db.chunks.clear(), db.versions.clear(), db.sources.clear(), db.failures.clear()]);
    await browser.storage.local.clear();
    await dismissalsItem.setValue([]);
    onChange(DEFAULT_SETTINGS);
    setStatus('All local data cleared. Import a file or update now to screen again.');
  };

  return (
    <section class="page-screening" aria-labelledby="matching-heading">
      <h2 id="matching-heading">Matching and your data</h2>
      <div class="bands">
        <label>
          Strong match from{' '}
          <input type="number" min="0.76" max="1" step="0.01" value={bands.strong} onChange={(e) => setBand('strong', e.currentTarget.value)} data-testid="band-strong" />
        </label>
        <label>
          Weak match from{' '}
          <input type="number" min="0.75" max="0.99" step="0.01" value={bands.weak} onChange={(e) => setBand('weak', e.currentTarget.value)} data-testid="band-weak" />
        </label>
        <button type="button" onClick={() => onChange({ ...settings, bands: DEFAULT_BANDS })}>
          Defaults (0.90 and 0.75)
        </button>
      </div>
      <p class="muted">Scores run from 0 to 1. Below 0.75 the engine has judged two names different, so the weak band cannot go lower.</p>
      <div class="data-actions">
        <button type="button" onClick={() => void exportData()} data-testid="export-data">
          Export all local data
        </button>
        <button type="button" class="danger" onClick={() => void clearAll()} data-testid="clear-data">
          Clear all local data…
        </button>
      </div>
      {status ? (
        <p role="status" data-testid="data-status">
          {status}
        </p>
      ) : null}
    </section>
  );
}
