import type { ScanMatch } from '../../utils/matching/types';
import type { TargetDetails } from '../../utils/browser/page-protocol';
import { SOURCE_LABELS, type Target } from '../../utils/model';
import { formatListDate } from '../format';
import { describeMatch, KIND_LABELS, shortReasons } from '../../utils/records/describe-match';
import { Fact, OfficialNotice } from '../Fact';

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
  return (
    <section class="listing">
      <h3>
        {SOURCE_LABELS[target.source]} <span class="muted">{target.nativeId}</span>
      </h3>
      <dl>
        <Fact label="Regime" value={target.regimes.join('; ')} />
        <Fact label="Designated" value={target.designated && formatListDate(target.designated)} />
        <Fact label="Sanctions" value={target.sanctions?.join('; ')} />
        <Fact label="Reasons" value={target.reasons && shortReasons(target.reasons)} />
        <Fact label="List of" value={list ? formatListDate(list.listDate) : 'unknown date'} />
      </dl>
      <OfficialNotice target={target} />
    </section>
  );
}

function PersonFacts({ target }: { target: Target }) {
  const ids = (target.identifiers ?? []).slice(0, 4);
  if (!target.birthDates?.length && !target.nationalities?.length && ids.length === 0) return null;
  return (
    <section>
      <dl>
        <Fact label="Born" value={target.birthDates?.map(formatListDate).join('; ')} />
        <Fact label="Nationality" value={target.nationalities?.join('; ')} />
        <Fact label="Identifiers" value={ids.map((id) => `${id.type}: ${id.value}`).join('; ')} />
      </dl>
    </section>
  );
}
