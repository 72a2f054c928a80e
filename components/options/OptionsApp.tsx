import { useEffect, useState } from 'preact/hooks';
import type { ListService } from '../../utils/browser/list-service';
import { fileFromBrowserFile } from '../../utils/browser/files';
import { SOURCE_LABELS, type SourceId } from '../../utils/model';
import type { ListStore } from '../../utils/store/db';
import {
  confirmHeldVersion,
  describeImportError,
  discardHeldVersion,
  ImportError,
  importFiles,
  recoverInterruptedImports,
  restoreFallbackVersion,
} from '../../utils/store/import';
import { summariseSources } from '../../utils/store/summary';
import type { UpdateReport } from '../../utils/update/update-lists';
import { formatCount, formatListDate, formatTime } from '../format';
import { useLiveQuery } from '../hooks/use-live-query';
import { useSettings } from '../hooks/use-settings';
import { ImportProgressBar } from './ImportProgressBar';
import { MatchingAndData } from './MatchingAndData';
import { PageScreeningSettings } from './PageScreeningSettings';
import { SourceCard } from './SourceCard';

interface Props {
  db: ListStore;
  service: ListService;
}

type Message = { kind: 'ok' | 'error' | 'info'; text: string; durationMs?: number; storeMs?: number };

function describeReports(reports: UpdateReport[]): Message {
  const parts = reports.map((r) => {
    const label = SOURCE_LABELS[r.source];
    switch (r.status) {
      case 'unchanged':
        return `${label}: unchanged`;
      case 'active':
        return `${label}: updated to ${formatListDate(r.listDate)} (${formatCount(r.targets)} designations)`;
      case 'held':
        return `${label}: new list held for your confirmation`;
      case 'failed':
        return `${label}: failed (${r.reason})`;
      case 'skipped':
        return `${label}: skipped (${r.reason})`;
    }
  });
  const failed = reports.some((r) => r.status === 'failed');
  return { kind: failed ? 'error' : 'ok', text: parts.join('. ') + '.' };
}

export function OptionsApp({ db, service }: Props) {
  const data = useLiveQuery(() => summariseSources(db), [db]);
  // An import the browser stopped half-way (worker stopped, page closed) is cleared and reported.
  useEffect(() => void recoverInterruptedImports(db), [db]);
  const [message, setMessage] = useState<Message | undefined>();
  const [busy, setBusy] = useState(false);
  const [settings, saveSettings] = useSettings();

  const run = async (work: () => Promise<Message>) => {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage(await work());
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof ImportError ? error.message : describeImportError(error) });
    } finally {
      setBusy(false);
    }
  };

  const onImport = (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length === 0) return;
    void run(async () => {
      const outcomes = await importFiles(db, files.map(fileFromBrowserFile), { origin: 'file' });
      const text = outcomes
        .map((o) =>
          o.status === 'held'
            ? `${SOURCE_LABELS[o.source]} of ${formatListDate(o.summary.meta.listDate)} is held: ${o.heldReason} ` +
              `(read in ${(o.durationMs / 1000).toFixed(1)} s).`
            : `Imported ${SOURCE_LABELS[o.source]} of ${formatListDate(o.summary.meta.listDate)}: ` +
              `${formatCount(o.summary.targets)} designations in ${(o.durationMs / 1000).toFixed(1)} s.`,
        )
        .join(' ');
      return {
        kind: outcomes.some((o) => o.status === 'held') ? 'info' : 'ok',
        text,
        durationMs: outcomes.reduce((sum, o) => sum + o.durationMs, 0),
        storeMs: outcomes.reduce((sum, o) => sum + o.storeMs, 0),
      };
    });
  };

  const onUpdate = (source?: SourceId) => void run(async () => describeReports(await service.updateNow(source)));

  return (
    <main>
      <header class="page-header">
        <h1>Sanctions Lens: lists</h1>
        <p class="muted">
          The extension screens against a local copy of the official lists below. Page text never leaves your browser;
          the only network traffic is list downloads from the official addresses.
        </p>
      </header>

      <section class="actions" aria-label="Update and import">
        <button type="button" onClick={() => onUpdate()} disabled={busy} data-testid="update-now">
          Update now
        </button>
        <label class={`file-button${busy ? ' disabled' : ''}`}>
          Import a file…
          <input
            type="file"
            multiple
            disabled={busy}
            data-testid="import-input"
            accept=".xml,.csv,.zip,.xlsx,.json,.jsonl,text/xml,text/csv,application/zip"
            onChange={(e) => onImport(e.currentTarget)}
          />
        </label>
        <label>
          Check for updates{' '}
          <select
            value={String(settings.updateEveryHours)}
            onChange={(e) => saveSettings({ ...settings, updateEveryHours: Number(e.currentTarget.value) })}
            data-testid="update-every"
          >
            <option value="6">every 6 hours</option>
            <option value="12">every 12 hours</option>
            <option value="24">daily</option>
            <option value="168">weekly</option>
          </select>
        </label>
        <span class="muted">
          For machines without internet: an official list file (UK, OFAC, EU, UN, OpenSanctions), or an OFAC CSV set
          (sdn.csv with alt.csv, add.csv, sdn_comments.csv) selected together.
        </span>
      </section>

      {busy ? (
        <p role="status" class="muted" data-testid="busy">
          Working…
        </p>
      ) : null}
      {message ? (
        <div
          class={`banner ${message.kind}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="message"
          data-duration-ms={message.durationMs}
          data-store-ms={message.storeMs}
        >
          <p>{message.text}</p>
        </div>
      ) : null}
      {data?.unattributed.map((v) => <ImportProgressBar key={v.id} version={v} />)}

      {data ? (
        data.sources.map((summary) => (
          <SourceCard
            key={summary.source}
            summary={summary}
            busy={busy}
            autoUpdate={settings.enabledSources.includes(summary.source)}
            onAutoUpdate={(enabled) =>
              saveSettings({
                ...settings,
                enabledSources: enabled
                  ? [...settings.enabledSources, summary.source]
                  : settings.enabledSources.filter((s) => s !== summary.source),
              })
            }
            onUpdate={() => onUpdate(summary.source)}
            onConfirmHeld={() => void confirmHeldVersion(db, summary.source)}
            onDiscardHeld={() => void discardHeldVersion(db, summary.source)}
            onRestoreFallback={() => void restoreFallbackVersion(db, summary.source)}
          />
        ))
      ) : (
        <p class="muted">Loading…</p>
      )}

      <PageScreeningSettings settings={settings} onChange={saveSettings} />
      <MatchingAndData db={db} settings={settings} onChange={saveSettings} />

      {data && data.recentFailures.length > 0 ? (
        <section aria-label="Recent failures" class="failures">
          <h2>Recent failed imports</h2>
          <ul data-testid="failures">
            {data.recentFailures.map((f) => (
              <li key={f.at}>
                {formatTime(f.at)}: <strong>{f.files.join(' + ')}</strong>: {f.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
