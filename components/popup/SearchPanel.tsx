import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchRequest, SearchResult } from '../../utils/matching/search';
import { pageMessaging, type SearchAnswer } from '../../utils/browser/page-protocol';
import { SOURCE_IDS, SOURCE_LABELS, type TargetKind } from '../../utils/model';
import { KIND_LABELS } from '../../utils/records/describe-match';
import { formatListDate, formatTime } from '../format';

/**
 * Search as you type over every active list: results ranked by score, each with the listed name,
 * the alias that matched, kind, sources, regime and score with the reason. Arrows move through
 * them, Enter opens one, Escape clears the box.
 */
export function SearchPanel({ initialQuery, onOpen }: { initialQuery: string; onOpen(result: SearchResult, query: string): void }) {
  const [request, setRequest] = useState<SearchRequest>({ query: initialQuery });
  const [answer, setAnswer] = useState<(SearchAnswer & { query: string }) | undefined>();
  const [active, setActive] = useState(0);
  const asked = useRef(0);
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => box.current?.focus(), []);
  // Asked from the input handler, not from an effect: an effect runs only after the next frame,
  // which would add up to 16 ms to every keystroke before the background is even asked.
  const ask = (next: SearchRequest) => {
    const ticket = ++asked.current;
    if (next.query.trim() === '') {
      setAnswer(undefined);
      return;
    }
    void pageMessaging.sendMessage('searchNames', next).then((found) => {
      // Only the answer to the latest keystroke is shown.
      if (ticket !== asked.current) return;
      setAnswer({ ...found, query: next.query });
      setActive(0);
    });
  };
  useEffect(() => ask(request), []);
  // Marked once the results are on screen: tests and the benchmark wait for it.
  useEffect(() => {
    if (answer) performance.mark('sanctions-lens:results', { detail: { query: answer.query, results: answer.results.length } });
  }, [answer]);

  const results = answer?.results ?? [];
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && results.length > 0) {
      event.preventDefault();
      setActive((k) => Math.min(results.length - 1, k + 1));
    } else if (event.key === 'ArrowUp' && results.length > 0) {
      event.preventDefault();
      setActive((k) => Math.max(0, k - 1));
    } else if (event.key === 'Enter' && results[active]) {
      event.preventDefault();
      onOpen(results[active]!, request.query);
    } else if (event.key === 'Escape' && request.query !== '') {
      event.preventDefault();
      set({ query: '' });
    }
  };
  const set = (patch: Partial<SearchRequest>) => {
    const next = { ...request, ...patch };
    setRequest(next);
    ask(next);
  };

  return (
    <section aria-labelledby="search-heading" class="search">
      <h2 id="search-heading" class="visually-hidden">
        Look up a name
      </h2>
      <label for="search-box" class="search-label">
        Name, alias or identifier (any script, any order)
      </label>
      <input
        id="search-box"
        ref={box}
        type="search"
        autocomplete="off"
        spellcheck={false}
        value={request.query}
        placeholder="e.g. Guangzong Zhao, ZHAO, Guangzong, 武汉晓睿智科技, IMO 9123456"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls="search-results"
        aria-activedescendant={results[active] ? `result-${active}` : undefined}
        onInput={(e) => {
          // With 'sanctions-lens:results', times a keystroke to its results (the benchmark reads both).
          performance.mark('sanctions-lens:input', { detail: { query: e.currentTarget.value } });
          set({ query: e.currentTarget.value });
        }}
        onKeyDown={onKey}
      />
      <details class="filters">
        <summary>Filters</summary>
        <div class="filter-grid">
          <label>
            Kind
            <select value={request.kind ?? ''} onChange={(e) => set({ kind: (e.currentTarget.value || undefined) as TargetKind | undefined })}>
              <option value="">any</option>
              {(['person', 'organisation', 'vessel', 'aircraft'] as const).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label>
            List
            <select value={request.source ?? ''} onChange={(e) => set({ source: (e.currentTarget.value || undefined) as SearchRequest['source'] })}>
              <option value="">any</option>
              {SOURCE_IDS.map((s) => (
                <option key={s} value={s}>
                  {SOURCE_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Regime
            <input type="text" value={request.regime ?? ''} placeholder="e.g. Russia, CYBER" onInput={(e) => set({ regime: e.currentTarget.value || undefined })} />
          </label>
          <label>
            Born
            <input type="text" inputMode="numeric" value={request.birthDate ?? ''} placeholder="year" onInput={(e) => set({ birthDate: e.currentTarget.value || undefined })} />
          </label>
          <label>
            Country
            <input type="text" value={request.country ?? ''} placeholder="e.g. China" onInput={(e) => set({ country: e.currentTarget.value || undefined })} />
          </label>
        </div>
      </details>
      {answer && results.length === 0 ? (
        <p class="no-match" role="status" data-testid="no-match">
          No match for “{request.query.trim()}” on {answer.lists.map((l) => `${SOURCE_LABELS[l.source]} (${formatListDate(l.listDate)})`).join(', ') || 'no list (none installed)'} at {formatTime(answer.at)}.
        </p>
      ) : null}
      {results.length > 0 ? (
        <ul id="search-results" role="listbox" aria-label="Results" class="results">
          {results.map((r, k) => (
            <li
              key={r.ids.join(',')}
              id={`result-${k}`}
              role="option"
              aria-selected={k === active}
              class={k === active ? 'active' : ''}
              onMouseEnter={() => setActive(k)}
              onClick={() => onOpen(r, request.query)}
            >
              <span class="result-head">
                <span class={`dot ${r.strength}`} aria-hidden="true" />
                <span class="name">{r.name}</span>
                <span class={`score ${r.strength}`}>{Math.round(r.score * 100)}%</span>
              </span>
              {r.matched !== r.name ? <span class="muted">matched “{r.matched}”</span> : null}
              <span class="muted">
                {KIND_LABELS[r.kind]} · {r.sources.map((s) => `${SOURCE_LABELS[s.source]} ${s.nativeId}`).join(' · ')}
                {r.regimes.length ? ` · ${r.regimes.slice(0, 3).join('; ')}` : ''}
              </span>
              <span class="why">{reason(r)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function reason(r: SearchResult): string {
  if (r.explanation.identifier) return `identifier ${r.explanation.identifier} is listed`;
  const parts = r.explanation.tokens.filter((t) => t.query && t.listed).map((t) => (t.how === 'exact' ? t.listed : `${t.query}≈${t.listed}`));
  return [parts.join(' '), ...r.explanation.penalties, ...r.adjustments].filter(Boolean).join('; ');
}
