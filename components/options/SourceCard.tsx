import { SOURCE_LABELS } from '../../utils/model';
import type { SourceSummary } from '../../utils/store/summary';
import type { ListVersion } from '../../utils/store/db';
import { OFFICIAL_SOURCES } from '../../utils/update/official-sources';
import { DATE_ORIGIN_NOTE, formatCount, formatListDate, formatTime } from '../format';
import { ImportProgressBar } from './ImportProgressBar';

interface Props {
  summary: SourceSummary;
  busy: boolean;
  autoUpdate: boolean;
  onAutoUpdate(enabled: boolean): void;
  onUpdate(): void;
  onConfirmHeld(): void;
  onDiscardHeld(): void;
  onRestoreFallback(): void;
}

function Counts({ version }: { version: ListVersion }) {
  const c = version.counts;
  return (
    <dl class="counts" data-testid="counts">
      <div>
        <dt>Designations</dt>
        <dd data-testid="count-targets">{formatCount(version.targets)}</dd>
      </div>
      <div>
        <dt>People</dt>
        <dd data-testid="count-persons">{formatCount(c?.persons)}</dd>
      </div>
      <div>
        <dt>Organisations</dt>
        <dd data-testid="count-organisations">{formatCount(c?.organisations)}</dd>
      </div>
      <div>
        <dt>Vessels</dt>
        <dd data-testid="count-vessels">{formatCount(c?.vessels)}</dd>
      </div>
      <div>
        <dt>Aircraft</dt>
        <dd data-testid="count-aircraft">{formatCount(c?.aircraft)}</dd>
      </div>
      <div>
        <dt>Names</dt>
        <dd>{formatCount(version.names)}</dd>
      </div>
    </dl>
  );
}

const ORIGIN_LABEL = { file: 'imported from a file', download: 'downloaded', bundled: 'bundled with the extension' };

export function SourceCard({ summary, busy, autoUpdate, onAutoUpdate, onUpdate, onConfirmHeld, onDiscardHeld, onRestoreFallback }: Props) {
  const { source, active, held, fallback, importing, lastError, state } = summary;
  const official = OFFICIAL_SOURCES[source];
  const meta = active?.meta;
  return (
    <section class="source" data-testid={`source-${source}`} aria-labelledby={`h-${source}`}>
      <header>
        <h2 id={`h-${source}`}>{SOURCE_LABELS[source]}</h2>
        {official.url ? (
          <button type="button" onClick={onUpdate} disabled={busy} data-testid={`update-${source}`}>
            Check for update
          </button>
        ) : null}
      </header>
      {official.note ? <p class="note">{official.note}</p> : null}
      {official.url ? (
        <label class="toggle">
          <input
            type="checkbox"
            checked={autoUpdate}
            onChange={(e) => onAutoUpdate(e.currentTarget.checked)}
            data-testid={`auto-${source}`}
          />{' '}
          Update automatically from{' '}
          <a href={official.page} target="_blank" rel="noreferrer">
            {new URL(official.url).host}
          </a>
        </label>
      ) : null}
      {active && meta ? (
        <>
          <p class="list-date">
            List of <strong data-testid="list-date">{formatListDate(meta.listDate)}</strong>
            {meta.listDateOrigin ? DATE_ORIGIN_NOTE[meta.listDateOrigin] : ''}
            <span class="muted">
              {' '}
              · {ORIGIN_LABEL[active.origin]} {formatTime(active.completedAt)} · {active.files.join(', ')}
            </span>
          </p>
          <Counts version={active} />
        </>
      ) : (
        <p class="muted" data-testid="no-list">
          No list yet.{' '}
          {official.url ? 'Check for an update, or import a file below.' : 'Import an archived file below.'}
        </p>
      )}
      <p class="muted">Last checked: {formatTime(state?.lastChecked)}</p>
      {importing ? <ImportProgressBar version={importing} /> : null}
      {held ? (
        <div class="banner warn" role="alert" data-testid="held">
          <p>
            A new list of {formatListDate(held.meta?.listDate)} is held: {held.heldReason}.
          </p>
          <button type="button" onClick={onConfirmHeld}>
            Use the new list
          </button>{' '}
          <button type="button" onClick={onDiscardHeld}>
            Keep the current list
          </button>
        </div>
      ) : null}
      {lastError ? (
        <div class="banner error" role="alert" data-testid="source-error">
          <p>
            {formatTime(lastError.at)}: could not use <strong>{lastError.files.join(' + ')}</strong>: {lastError.reason}.
            {active ? ' The list above is still the one in use.' : ''}
          </p>
        </div>
      ) : null}
      {fallback && active ? (
        <p class="muted">
          Previous list kept as a fallback: {formatListDate(fallback.meta?.listDate)} ({formatCount(fallback.targets)}{' '}
          designations).{' '}
          <button type="button" class="link" onClick={onRestoreFallback}>
            Go back to it
          </button>
        </p>
      ) : null}
    </section>
  );
}
