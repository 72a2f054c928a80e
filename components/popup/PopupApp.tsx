import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { pageMessaging, type PageTarget, type TargetDetails } from '../../utils/browser/page-protocol';
import { SOURCE_LABELS } from '../../utils/model';
import { KIND_LABELS, shortReasons } from '../../utils/records/describe-match';
import { Fact, OfficialNotice } from '../Fact';
import { formatListDate } from '../format';
import { useSettings } from '../hooks/use-settings';
import { SearchPanel } from './SearchPanel';

/**
 * The toolbar popup: what the current page names, the dates of the lists it was screened
 * against, and the switches (this site, pause, quiet mode). Opened with `?target=ids` it shows
 * one target in full (the card's "Open in Sanctions Lens").
 */
export function PopupApp({ targetParam, tabParam, queryParam }: { targetParam: string | null; tabParam: string | null; queryParam: string | null }) {
  const [open, setOpen] = useState<string[] | undefined>(targetParam ? targetParam.split(',').filter(Boolean) : undefined);
  if (open) {
    return (
      <div onKeyDown={(e) => e.key === 'Escape' && !targetParam && setOpen(undefined)}>
        {targetParam ? null : (
          <button type="button" class="link back" onClick={() => setOpen(undefined)} autoFocus>
            ← Back to results
          </button>
        )}
        <TargetView ids={open} />
      </div>
    );
  }
  return (
    <>
      <main class="search-main">
        <SearchPanel initialQuery={queryParam ?? lastQuery} onOpen={(r, query) => ((lastQuery = query), setOpen(r.ids))} />
      </main>
      <PageView tabId={tabParam ? Number(tabParam) : undefined} />
    </>
  );
}

/** The query shown again after "Back to results". */
let lastQuery = '';

/** The current page's targets; `tabId` names another tab (the popup opened as a page, in tests). */
function PageView({ tabId }: { tabId?: number }) {
  const [settings, saveSettings] = useSettings();
  const [tab, setTab] = useState<{ id: number; host: string } | undefined>();
  const [targets, setTargets] = useState<PageTarget[] | undefined>();
  const [lists, setLists] = useState<TargetDetails['lists']>([]);

  useEffect(() => {
    const found = tabId !== undefined ? Promise.resolve([{ id: tabId }]) : browser.tabs.query({ active: true, currentWindow: true });
    void found.then(async ([active]) => {
      if (active?.id === undefined) return setTargets([]);
      const report = await pageMessaging.sendMessage('pageTargets', { tabId: active.id });
      setTab({ id: active.id, host: report.host });
      setTargets(report.targets);
    });
    void pageMessaging.sendMessage('targetDetails', { ids: [] }).then((d) => setLists(d.lists));
  }, [tabId]);

  const siteOff = tab ? settings.disabledSites.includes(tab.host) : false;
  const toggleSite = () => {
    if (!tab?.host) return;
    const disabledSites = siteOff ? settings.disabledSites.filter((h) => h !== tab.host) : [...settings.disabledSites, tab.host];
    saveSettings({ ...settings, disabledSites });
  };

  return (
    <main>
      <section aria-labelledby="page-heading">
        <h2 id="page-heading">On this page</h2>
        {targets === undefined ? (
          <p class="muted">Reading the page…</p>
        ) : targets.length === 0 ? (
          <p class="muted">No designated target found{tab?.host ? ` on ${tab.host}` : ''}.</p>
        ) : (
          <ul class="targets" aria-label="Designated targets on this page">
            {targets.map((t) => (
              <li key={t.key} role="listitem">
                <button type="button" class="target" onClick={() => void pageMessaging.sendMessage('openTarget', { ids: t.ids })}>
                  <span class={`dot ${t.strength}`} aria-hidden="true" />
                  <span class="name">{t.name}</span>
                  <span class="muted">
                    {KIND_LABELS[t.kind]} · {t.strength} · {t.mentions}×
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="switches-heading">
        <h2 id="switches-heading">Screening</h2>
        <label class="switch">
          <input type="checkbox" checked={!siteOff} disabled={!tab?.host} onChange={toggleSite} />
          Screen pages on {tab?.host || 'this site'}
        </label>
        <label class="switch">
          <input type="checkbox" checked={settings.paused} onChange={() => saveSettings({ ...settings, paused: !settings.paused })} />
          Pause on every site
        </label>
        <label class="switch">
          <input type="checkbox" checked={settings.quietMode} onChange={() => saveSettings({ ...settings, quietMode: !settings.quietMode })} />
          Quiet mode (badge and this list only; no marks in pages)
        </label>
      </section>
      <section aria-labelledby="lists-heading">
        <h2 id="lists-heading">Lists screened against</h2>
        {lists.length === 0 ? (
          <p class="muted">No list installed yet.</p>
        ) : (
          <ul class="lists">
            {lists.map((l) => (
              <li key={l.source}>
                {SOURCE_LABELS[l.source]}: {formatListDate(l.listDate)}
              </li>
            ))}
          </ul>
        )}
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Lists and settings…
        </button>
      </section>
    </main>
  );
}

function TargetView({ ids }: { ids: string[] }) {
  const [details, setDetails] = useState<TargetDetails | undefined>();
  useEffect(() => void pageMessaging.sendMessage('targetDetails', { ids }).then(setDetails), [ids.join(',')]);
  if (!details) return <p class="muted">Loading…</p>;
  if (details.targets.length === 0) return <p>This target is no longer on an active list.</p>;
  return (
    <main class="target-view">
      {details.targets.map((t) => {
        const list = details.lists.find((l) => l.source === t.source);
        return (
          <article key={t.id}>
            <h1>{t.names.find((n) => n.type === 'primary')?.full ?? t.names[0]?.full}</h1>
            <p class="muted">
              {KIND_LABELS[t.kind]} · {SOURCE_LABELS[t.source]} {t.nativeId} · list of {formatListDate(list?.listDate)}
            </p>
            <dl>
              <dt>Names</dt>
              <dd>
                <ul>
                  {t.names.map((n, k) => (
                    <li key={k}>
                      {n.full} <span class="muted">({n.type}{n.script !== 'latin' ? `, ${n.script}` : ''})</span>
                    </li>
                  ))}
                </ul>
              </dd>
              <Fact label="Regime" value={t.regimes.join('; ')} />
              <Fact label="Designated" value={t.designated && formatListDate(t.designated)} />
              <Fact label="Sanctions" value={t.sanctions?.join('; ')} />
              <Fact label="Born" value={t.birthDates?.map(formatListDate).join('; ')} />
              <Fact label="Place of birth" value={t.birthPlaces?.join('; ')} />
              <Fact label="Nationality" value={t.nationalities?.join('; ')} />
              <Fact label="Addresses" value={t.addresses?.join(' · ')} />
              <Fact label="Identifiers" value={t.identifiers?.map((i) => `${i.type}: ${i.value}`).join('; ')} />
              <Fact label="Reasons" value={t.reasons && shortReasons(t.reasons, 2000)} />
              <Fact label="Other information" value={t.remarks} />
            </dl>
            <OfficialNotice target={t} />
          </article>
        );
      })}
    </main>
  );
}

