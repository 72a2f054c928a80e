import type { Target } from '../utils/model';
import { officialLink } from '../utils/records/describe-match';

/** One labelled fact of a listing (`<dt>`/`<dd>`), left out when the list gives nothing for it. */
export function Fact({ label, value }: { label: string; value?: string | null }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** The link to the official notice, where the list gives a web address for it. */
export function OfficialNotice({ target }: { target: Target }) {
  const link = officialLink(target);
  return link ? (
    <a href={link} target="_blank" rel="noopener noreferrer">
      Official notice
    </a>
  ) : null;
}
