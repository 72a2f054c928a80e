import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isDismissed, type Dismissal } from '../records/dismissals';
import { clearHighlights, showHighlights } from '../page/highlights';
import { matchAtPoint, matchInElement } from '../page/match-at-point';
import { PageScreener, pageTargets, type PlacedMatch } from '../page/page-screener';
import { markScreening, timed } from '../page/work-timer';
import { dismissalsItem } from './dismissal-store';
import { MatchCardController } from './match-card';
import { pageMessaging } from './page-protocol';
import { readSettings, screensSite, settingsItem, DEFAULT_SETTINGS, type Settings } from './settings';

/**
 * One page's screening, from the content script: settings and dismissals decide what shows, the
 * screener finds the matches, highlights mark them, a card explains the one under the pointer or
 * focus, and the background hears the page's targets for the badge. Everything stops with `ctx`
 * (the extension reloaded or the page left).
 */
export async function screenThisPage(ctx: ContentScriptContext): Promise<void> {
  markScreening('start');
  const doc = document;
  const site = location.hostname;
  const top = window === window.top;
  // Both at once: each is a round trip to the browser's storage. The page's text is read and
  // screened meanwhile (below); the settings decide, once in, what is shown.
  const stored = Promise.all([readSettings(), dismissalsItem.getValue()]);
  let settings: Settings = DEFAULT_SETTINGS;
  let dismissals: Dismissal[] = [];
  const loaded = stored.then(([storedSettings, storedDismissals]) => {
    settings = storedSettings;
    dismissals = storedDismissals;
    markScreening('settings');
  });
  let screener: PageScreener | undefined;
  let shown: readonly PlacedMatch[] = [];
  const card = new MatchCardController(doc, site);
  let firstReport = true;

  const report = (placed: readonly PlacedMatch[]) => {
    const replace = top && firstReport;
    firstReport = false;
    void pageMessaging.sendMessage('reportPageTargets', { targets: pageTargets(placed), replace, host: site }).catch(() => undefined);
  };

  let applied = false;
  const onChange = (placed: readonly PlacedMatch[]) => {
    shown = placed;
    // Quiet mode: badge and popup only, since page scripts can read highlights.
    timed(() => (settings.quietMode ? clearHighlights() : showHighlights(placed)));
    markScreening(applied ? 'updated' : 'applied', { matches: placed.length });
    applied = true;
    if (card.isOpen && !placed.some((p) => p.match === card.currentMatch())) card.close();
    report(placed);
  };

  const newScreener = () =>
    new PageScreener(
      doc,
      {
        scan: async (text) => {
          // Sent without waiting for this page's read of the settings: the background keeps them
          // too, and scans nothing for a site switched off. The answer is used once both are in.
          const answer = pageMessaging.sendMessage('scanPageText', { text, host: site });
          markScreening('sent');
          await loaded;
          if (!screensSite(settings, site)) {
            answer.catch(() => undefined);
            throw new Error('This site is not screened');
          }
          return answer;
        },
        onChange,
        isDismissed: (match) => isDismissed(dismissals, match.ids, site),
        isVisible: (element) => (typeof element.checkVisibility === 'function' ? element.checkVisibility({ visibilityProperty: true }) : true),
        keepsLineBreaks,
      },
      ctx.signal,
    );
  const apply = () => {
    const wanted = screensSite(settings, site);
    if (wanted && !screener) {
      screener = newScreener();
      void screener.start();
    } else if (!wanted && screener) {
      screener.destroy();
      screener = undefined;
      card.close();
      onChange([]);
    } else screener?.refresh();
  };

  // Started before the settings are in, so reading the text overlaps their round trip.
  screener = newScreener();
  void screener.start();
  ctx.onInvalidated(() => {
    screener?.destroy();
    card.close();
    clearHighlights();
  });
  ctx.onInvalidated(
    settingsItem.watch((value) => {
      settings = { ...DEFAULT_SETTINGS, ...value };
      apply();
    }),
  );
  ctx.onInvalidated(
    dismissalsItem.watch((value) => {
      dismissals = value ?? [];
      screener?.refresh();
    }),
  );
  watchPointerAndFocus(ctx, doc, card, () => (settings.quietMode ? [] : shown));
  // The keyboard shortcut's lookup asks the top frame what the user selected.
  if (top) ctx.onInvalidated(pageMessaging.onMessage('selectedText', () => window.getSelection()?.toString() ?? ''));
  await loaded;
  if (!screensSite(settings, site) && screener) {
    // Off here (or paused): the background scanned nothing, and the text read so far is dropped.
    screener.destroy();
    screener = undefined;
  }
}

/** white-space pre, pre-wrap, pre-line and break-spaces show a line break as one (white-space-collapse where the browser has it). */
function keepsLineBreaks(element: Element): boolean {
  const style = getComputedStyle(element);
  const collapse = style.getPropertyValue('white-space-collapse');
  return collapse ? /^(?:preserve|preserve-breaks|break-spaces)$/.test(collapse) : /^(?:pre|break-spaces)/.test(style.whiteSpace);
}

/** How long the pointer rests on a match before its card opens, and may be away before it closes. */
const HOVER_OPEN_MS = 250;
const HOVER_CLOSE_MS = 400;

function watchPointerAndFocus(ctx: ContentScriptContext, doc: Document, card: MatchCardController, shown: () => readonly PlacedMatch[]): void {
  let openTimer: number | undefined;
  let closeTimer: number | undefined;
  let frame = 0;
  let lastMove: MouseEvent | undefined;
  const cancel = (timer: number | undefined) => timer !== undefined && clearTimeout(timer);

  const onPointer = () => {
    frame = 0;
    const event = lastMove;
    if (!event) return;
    if (card.contains(event.target)) {
      cancel(closeTimer);
      closeTimer = undefined;
      return;
    }
    const entry = matchAtPoint(doc, shown(), event.clientX, event.clientY);
    cancel(openTimer);
    openTimer = undefined;
    if (entry) {
      cancel(closeTimer);
      closeTimer = undefined;
      if (card.currentMatch() !== entry.match) openTimer = ctx.setTimeout(() => card.show(entry.match, entry.range.getBoundingClientRect()), HOVER_OPEN_MS);
    } else if (card.isOpen && closeTimer === undefined) {
      closeTimer = ctx.setTimeout(() => {
        closeTimer = undefined;
        card.close();
      }, HOVER_CLOSE_MS);
    }
  };
  // One look per animation frame, however fast the pointer moves.
  ctx.addEventListener(doc, 'mousemove', (event) => {
    lastMove = event as MouseEvent;
    if (!frame) frame = requestAnimationFrame(onPointer);
  }, { passive: true });

  // Keyboard: a focused link or button that names a target opens its card; Escape closes it.
  ctx.addEventListener(doc, 'focusin', (event) => {
    const target = event.target;
    if (!(target instanceof Element) || card.contains(target)) return;
    const entry = matchInElement(shown(), target);
    if (entry) card.show(entry.match, entry.range.getBoundingClientRect());
  });
  // Alt+Shift+N steps through the page's matches, for text no key can focus.
  let cursor = -1;
  ctx.addEventListener(doc, 'keydown', (event) => {
    const key = event as KeyboardEvent;
    if (key.key === 'Escape' && card.isOpen) {
      card.close();
      return;
    }
    if (!(key.altKey && key.shiftKey && (key.code === 'KeyN' || key.code === 'KeyP'))) return;
    const entries = shown();
    if (entries.length === 0) return;
    key.preventDefault();
    cursor = (cursor + (key.code === 'KeyN' ? 1 : -1) + entries.length) % entries.length;
    const entry = entries[cursor]!;
    entry.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    card.show(entry.match, entry.range.getBoundingClientRect(), true);
  });
}
