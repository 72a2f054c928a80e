import type { ListDateOrigin } from '../utils/model';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-04-14` → `14 Apr 2025`: unambiguous for UK and US readers alike. */
export function formatListDate(iso: string | null | undefined): string {
  if (!iso) return 'date not stated';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (!mo) return y!;
  const month = MONTHS[Number(mo) - 1] ?? mo;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

export function formatTime(ms: number | undefined): string {
  if (!ms) return 'never';
  return new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatCount(n: number | undefined): string {
  return (n ?? 0).toLocaleString('en-GB');
}

export const DATE_ORIGIN_NOTE: Record<ListDateOrigin, string> = {
  content: '',
  http: ' (from the server; the file states no date)',
  'file-name': ' (from the file name; the file states no date)',
  'file-time': ' (file saved on; the file states no date)',
};
