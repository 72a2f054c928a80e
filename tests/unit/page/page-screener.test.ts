// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { MatchIndex } from '../../../utils/matching/index';
import type { Target } from '../../../utils/model';
import { PageScreener, pageTargets, type PlacedMatch } from '../../../utils/page/page-screener';
import { isDismissed, targetKey, withDismissal, withoutDismissal, type Dismissal } from '../../../utils/records/dismissals';
import { mergeTargets } from '../../../utils/records/page-targets';

/** Targets written for these tests (not real designations). */
const TARGETS: Target[] = [
  { id: 'uk-ofsi:1', source: 'uk-ofsi', nativeId: '1', kind: 'person', names: [{ full: 'VARDANIK, Teodor Ilyich', type: 'primary', script: 'latin' }], regimes: ['Test'] },
  { id: 'us-ofac-sdn:2', source: 'us-ofac-sdn', nativeId: '2', kind: 'organisation', names: [{ full: 'QUORVAN TESTING HOLDINGS LIMITED', type: 'primary', script: 'latin' }], regimes: ['TEST'] },
];
const index = MatchIndex.build(TARGETS);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

let screener: PageScreener | undefined;
afterEach(() => screener?.destroy());

function start(dismissed: (ids: string[]) => boolean = () => false) {
  const changes: (readonly PlacedMatch[])[] = [];
  const abort = new AbortController();
  screener = new PageScreener(document, { scan: async (text) => index.scan(text), onChange: (p) => changes.push(p), isDismissed: (m) => dismissed(m.ids) }, abort.signal);
  return { changes, abort, last: () => (changes.at(-1) ?? []).map((p) => p.range.toString()) };
}

describe('screening a page', () => {
  it('finds the targets a page names, with live ranges on the page', async () => {
    document.body.innerHTML = '<p>Payments reached <b>Teodor Vardanik</b> and Quorvan Testing Holdings Limited.</p>';
    const { last } = start();
    await screener!.start();
    expect(last()).toEqual(['Teodor Vardanik', 'Quorvan Testing Holdings Limited']);
  });

  it('screens content the page adds later, and drops matches whose text went away', async () => {
    document.body.innerHTML = '<p>Nothing here yet.</p><div id="feed"></div>';
    const { last } = start();
    await screener!.start();
    expect(last()).toEqual([]);
    const comment = document.createElement('p');
    comment.textContent = 'A comment names Teodor Vardanik.';
    document.getElementById('feed')!.append(comment);
    await wait(400);
    expect(last()).toEqual(['Teodor Vardanik']);
    comment.remove();
    await wait(400);
    expect(last()).toEqual([]);
  });

  it('reads the whole page again when much changed at once', async () => {
    document.body.innerHTML = '<div id="list"></div>';
    const { last } = start();
    await screener!.start();
    const list = document.getElementById('list')!;
    for (let i = 0; i < 100; i++) list.append(Object.assign(document.createElement('p'), { textContent: i === 50 ? 'Teodor Vardanik' : `row ${i}` }));
    await wait(400);
    expect(last()).toEqual(['Teodor Vardanik']);
  });

  it('leaves dismissed targets out, and stops everything when its signal aborts', async () => {
    document.body.innerHTML = '<p>Teodor Vardanik met Quorvan Testing Holdings Limited.</p><div id="later"></div>';
    const dismissals: Dismissal[] = [{ target: 'uk-ofsi:1', name: 'VARDANIK', scope: 'site', site: 'example.org', at: 0 }];
    const { last, changes, abort } = start((ids) => isDismissed(dismissals, ids, 'example.org'));
    await screener!.start();
    expect(last()).toEqual(['Quorvan Testing Holdings Limited']);
    abort.abort();
    const seen = changes.length;
    document.getElementById('later')!.textContent = 'Quorvan Testing Holdings Limited again';
    await wait(400);
    expect(changes.length).toBe(seen);
  });
});

describe('what a page names, for the badge and the popup', () => {
  it('counts each target once, with its mentions and its strongest match', async () => {
    document.body.innerHTML = '<p>Teodor Vardanik, then Teodor Vardanik again.</p>';
    const { changes } = start();
    await screener!.start();
    const [target] = pageTargets(changes.at(-1)!);
    expect(target).toMatchObject({ key: 'uk-ofsi:1', mentions: 2, kind: 'person' });
    const merged = mergeTargets([[{ ...target!, strength: 'weak' }], [{ ...target!, mentions: 1, strength: 'strong' }]]);
    expect(merged).toEqual([{ ...target!, mentions: 3, strength: 'strong' }]);
  });
});

describe('dismissals', () => {
  const here: Dismissal = { target: 'uk-ofsi:1', name: 'X', scope: 'site', site: 'news.example', at: 1 };
  it('apply on their site only, or everywhere, whatever the order of a target’s ids', () => {
    expect(targetKey(['us-ofac-sdn:9', 'uk-ofsi:1'])).toBe('uk-ofsi:1');
    expect(isDismissed([here], ['us-ofac-sdn:9', 'uk-ofsi:1'], 'news.example')).toBe(true);
    expect(isDismissed([here], ['uk-ofsi:1'], 'other.example')).toBe(false);
    expect(isDismissed([{ ...here, scope: 'everywhere', site: undefined }], ['uk-ofsi:1'], 'other.example')).toBe(true);
  });
  it('are replaced, not repeated, and can be undone', () => {
    const twice = withDismissal(withDismissal([], here), { ...here, at: 2 });
    expect(twice).toEqual([{ ...here, at: 2 }]);
    expect(withoutDismissal(twice, here)).toEqual([]);
  });
});
