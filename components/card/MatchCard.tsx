import type { ScanMatch } from '../../utils/matching/types';
import type { TargetDetails } from '../../utils/browser/page-protocol';
import { SOURCE_LABELS, type Target } from '../../utils/model';
import { formatListDate } from '../format';
import { describeMatch, KIND_LABELS, officialLink, shortReasons } from '../../utils/records/describe-match';

/**
 * The card a match opens on the page (hover or keyboard). Everything from pages and lists is
 * rendered as text by Preact, never as HTML.
 */
export interface MatchCardProps {
  match: ScanMatch;
  /** Loading while undefined. */
  details?: TargetDetails;
  site: string;
  onOpen(): void;
  onDismiss(scope: 'site' | 'everywhere'): void;
  onCopy(): void;
  onClose(): void;
  copied?: boolean;
}

export function MatchCard({ match, details, site, onOpen, onDismiss, onCopy, onClose, copied }: MatchCardProps) {
  const targets = details?.targets ?? [];
  const first = targets[0];
  return (
    <div class="card" role="dialog" aria-label={`Sanctions Lens: ${match.name}`} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <header>
        <span class={`strength ${match.strength}`}>{match.strength === 'strong' ? 'Strong match' : 'Weak match'} · {Math.round(match.score * 100)}%</span>
        <span class="kind">{KIND_LABELS[match.kind]}</span>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <h2>{match.name}</h2>
      {match.identifier ? (
        <p class="matched">
          Listed {match.identifier.type === 'crypto' ? 'crypto address' : match.identifier.type.toUpperCase()}: <code>{match.identifier.value}</code>
        </p>
      ) : match.matched !== match.name ? (
        <p class="matched">
          Matched the listed name “{match.matched}”
        </p>
      ) : null}
      {!details ? <p class="muted">Loading the listed details…</p> : null}
      {targets.map((target) => (
        <TargetSection key={target.id} target={target} details={details!} />
      ))}
      {first ? <PersonFacts target={first} /> : null}
      <section>
        <h3>Why it matched</h3>
        <p>{describeMatch(match)}</p>
      </section>
      <footer>
        <button type="button" onClick={onOpen}>
          Open in Sanctions Lens
        </button>
        <button type="button" onClick={() => onDismiss('site')}>
          Not this one on {site}
        </button>
        <button type="button" onClick={() => onDismiss('everywhere')}>
          Not this one anywhere
        </button>
        <button type="button" onClick={onCopy}>
          {copied ? 'Copied' : 'Copy details'}
        </button>
      </footer>
    </div>
  );
}

function TargetSection({ target, details }: { target: Target; details: TargetDetails }) {
  const list = details.lists.find((l) => l.source === target.source);
  const link = officialLink(target);
  return (
    <section class="listing">
      <h3>
        {SOURCE_LABELS[target.source]} <span class="muted">{target.nativeId}</span>
      </h3>
      <dl>
        {target.regimes.length > 0 ? (
          <>
            <dt>Regime</dt>
            <dd>{target.regimes.join('; ')}</dd>
          </>
        ) : null}
        {target.designated ? (
          <>
            <dt>Designated</dt>
            <dd>{formatListDate(target.designated)}</dd>
          </>
        ) : null}
        {target.sanctions?.length ? (
          <>
            <dt>Sanctions</dt>
            <dd>{target.sanctions.join('; ')}</dd>
          </>
        ) : null}
        {target.reasons ? (
          <>
            <dt>Reasons</dt>
            <dd>{shortReasons(target.reasons)}</dd>
          </>
        ) : null}
        <dt>List of</dt>
        <dd>{list ? formatListDate(list.listDate) : 'unknown date'}</dd>
      </dl>
      {link ? (
        <a href={link} target="_blank" rel="noopener noreferrer">
          Official notice
        </a>
      ) : null}
    </section>
  );
}

function PersonFacts({ target }: { target: Target }) {
  const ids = (target.identifiers ?? []).slice(0, 4);
  if (!target.birthDates?.length && !target.nationalities?.length && ids.length === 0) return null;
  return (
    <section>
      <dl>
        {target.birthDates?.length ? (
          <>
            <dt>Born</dt>
            <dd>{target.birthDates.map(formatListDate).join('; ')}</dd>
          </>
        ) : null}
        {target.nationalities?.length ? (
          <>
            <dt>Nationality</dt>
            <dd>{target.nationalities.join('; ')}</dd>
          </>
        ) : null}
        {ids.length > 0 ? (
          <>
            <dt>Identifiers</dt>
            <dd>{ids.map((id) => `${id.type}: ${id.value}`).join('; ')}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
