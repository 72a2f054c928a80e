import { useEffect, useState } from 'preact/hooks';
import { dismissalsItem } from '../../utils/browser/dismissal-store';
import type { Settings } from '../../utils/browser/settings';
import { withoutDismissal, type Dismissal } from '../../utils/records/dismissals';
import { formatTime } from '../format';

/** Screening on pages: pause, quiet mode, the sites switched off, and the matches dismissed (with undo). */
export function PageScreeningSettings({ settings, onChange }: { settings: Settings; onChange(next: Settings): void }) {
  const [dismissals, setDismissals] = useState<Dismissal[]>([]);
  useEffect(() => {
    void dismissalsItem.getValue().then(setDismissals);
    return dismissalsItem.watch((value) => setDismissals(value ?? []));
  }, []);
  return (
    <section class="page-screening" aria-labelledby="page-screening-heading">
      <h2 id="page-screening-heading">Screening on pages</h2>
      <label class="switch">
        <input type="checkbox" checked={settings.paused} onChange={() => onChange({ ...settings, paused: !settings.paused })} data-testid="paused" />
        Pause on every site
      </label>
      <label class="switch">
        <input type="checkbox" checked={settings.quietMode} onChange={() => onChange({ ...settings, quietMode: !settings.quietMode })} data-testid="quiet-mode" />
        Quiet mode: the badge and the popup list only, no marks in pages (page scripts can see highlights)
      </label>
      <h3>Sites where pages are not screened</h3>
      {settings.disabledSites.length === 0 ? (
        <p class="muted">None. Switch a site off from the toolbar popup.</p>
      ) : (
        <ul data-testid="disabled-sites">
          {settings.disabledSites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button type="button" onClick={() => onChange({ ...settings, disabledSites: settings.disabledSites.filter((s) => s !== site) })}>
                Screen it again
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>Matches you dismissed (“not this one”)</h3>
      {dismissals.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul data-testid="dismissals">
          {dismissals.map((d) => (
            <li key={`${d.target}|${d.scope}|${d.site ?? ''}`}>
              <strong>{d.name}</strong> <span class="muted">({d.target})</span>: {d.scope === 'everywhere' ? 'everywhere' : `on ${d.site}`}, {formatTime(d.at)}{' '}
              <button type="button" onClick={() => void dismissalsItem.setValue(withoutDismissal(dismissals, d))}>
                Undo
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
