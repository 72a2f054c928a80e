import type { ListVersion } from '../../utils/store/db';
import { formatCount } from '../format';

const PHASE = { downloading: 'Downloading', reading: 'Reading', activating: 'Checking and switching to' };

export function ImportProgressBar({ version }: { version: ListVersion }) {
  const p = version.progress;
  const fraction = p?.totalBytes ? Math.min(1, p.bytesRead / p.totalBytes) : undefined;
  return (
    <div class="progress" data-testid="import-progress" role="status" aria-live="polite">
      <p>
        {PHASE[p?.phase ?? 'reading']} {version.files.join(' + ')}: {formatCount(p?.targets)} designations read
        {fraction !== undefined ? ` (${Math.round(fraction * 100)}%)` : ''}
      </p>
      <progress max={1} value={fraction} />
    </div>
  );
}
