import type { ScanMatch } from '../matching/types';
import { targetKey } from '../records/dismissals';
import type { PageTarget } from '../browser/page-protocol';
import { markScreening, timed } from './work-timer';
import { collectTextInSlices, isInSkippedArea, OWN_UI_TAG, rangeFor, type CollectOptions } from './page-text';

/**
 * Screens one document: reads its visible text in slices, has the background match it, and keeps
 * a DOM range per match. Content added later (infinite scroll, comments, single-page apps) is
 * screened too: one MutationObserver per root (the document and each open shadow root), changes
 * batched and read when the page is idle, and a full rescan when too much changed at once.
 */

/** A match and where it is on the page now (a live range: it follows edits around it). */
export interface PlacedMatch {
  match: ScanMatch;
  range: Range;
}

export interface ScreenerHooks {
  /** The background's scan of a text. */
  scan(text: string): Promise<ScanMatch[]>;
  /** The page's matches changed (shown ones only: dismissed ones are left out). */
  onChange(placed: readonly PlacedMatch[]): void;
  /** Whether the user said this match names someone else. */
  isDismissed(match: ScanMatch): boolean;
  isVisible?: CollectOptions['isVisible'];
  keepsLineBreaks?: CollectOptions['keepsLineBreaks'];
}

/** Longest slice of page work between two yields to the page (ms). */
const SLICE_MS = 8;
/** More changed roots than this in one batch: read the page again whole. */
const FULL_RESCAN_AFTER = 60;
/** Changes are read once the page has been quiet this long, or at the latest after `BATCH_MAX_MS`. */
const BATCH_IDLE_MS = 150;
const BATCH_MAX_MS = 1000;

export class PageScreener {
  private placed: PlacedMatch[] = [];
  private readonly observers = new Map<Node, MutationObserver>();
  private readonly pending = new Set<Node>();
  private fullRescan = false;
  private timer?: ReturnType<typeof setTimeout>;
  private batchStartedAt = 0;
  private readonly abort = new AbortController();
  /** Bumped by every full scan, so an older scan still in flight is dropped. */
  private generation = 0;

  constructor(
    private readonly doc: Document,
    private readonly hooks: ScreenerHooks,
    signal?: AbortSignal,
  ) {
    signal?.addEventListener('abort', () => this.destroy(), { once: true });
  }

  get matches(): readonly PlacedMatch[] {
    return this.placed;
  }

  /** Reads the whole document and starts watching it. */
  async start(): Promise<void> {
    this.watch(this.doc);
    await this.screenAll();
  }

  /** Applies a new dismissal (or its undoing) to the matches already found. */
  refresh(): void {
    this.hooks.onChange(this.shown());
  }

  destroy(): void {
    this.abort.abort();
    clearTimeout(this.timer);
    for (const observer of this.observers.values()) observer.disconnect();
    this.observers.clear();
    this.pending.clear();
    this.placed = [];
  }

  private shown(): PlacedMatch[] {
    return this.placed.filter((p) => !p.range.collapsed && !this.hooks.isDismissed(p.match));
  }

  private collectOptions(): CollectOptions {
    return { isVisible: this.hooks.isVisible, keepsLineBreaks: this.hooks.keepsLineBreaks, onShadowRoot: (root) => this.watch(root) };
  }

  private async screenAll(): Promise<void> {
    const generation = ++this.generation;
    const root = this.doc.body ?? this.doc.documentElement;
    if (!root) return;
    const found = await this.screenNode(root);
    if (!found || generation !== this.generation || this.abort.signal.aborted) return;
    this.placed = found;
    this.hooks.onChange(this.shown());
  }

  private async screenNode(root: Node): Promise<PlacedMatch[] | undefined> {
    const page = await collectTextInSlices(root, this.collectOptions(), SLICE_MS, this.abort.signal);
    markScreening('read', { chars: page?.text.length ?? 0 });
    if (!page || page.text.trim() === '') return page ? [] : undefined;
    let matches: ScanMatch[];
    try {
      matches = await this.hooks.scan(page.text);
      markScreening('scanned', { matches: matches.length });
    } catch {
      // The extension was reloaded or the background is not ready: nothing to show for this text.
      return undefined;
    }
    return timed(() => {
      const placed: PlacedMatch[] = [];
      for (const match of matches) {
        const range = rangeFor(page, match.start, match.end, this.doc);
        if (range) placed.push({ match, range });
      }
      return placed;
    });
  }

  /** One observer per root; shadow roots get theirs when the walk meets them. */
  private watch(root: Node): void {
    if (this.observers.has(root) || this.abort.signal.aborted) return;
    const observer = new MutationObserver((records) => this.onMutations(records));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.observers.set(root, observer);
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        const parent = record.target.parentNode;
        if (parent) this.pending.add(parent);
      } else {
        record.addedNodes.forEach((node) => {
          if (node.nodeType === 1 || node.nodeType === 3) this.pending.add(node);
        });
        // Removed nodes take their ranges with them (live ranges collapse): pruned when read.
        if (record.removedNodes.length > 0) this.pending.add(record.target);
      }
    }
    if (this.pending.size > FULL_RESCAN_AFTER) this.fullRescan = true;
    this.schedule();
  }

  private schedule(): void {
    const now = Date.now();
    if (this.timer === undefined) this.batchStartedAt = now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(BATCH_IDLE_MS, this.batchStartedAt + BATCH_MAX_MS - now));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, wait);
  }

  private async flush(): Promise<void> {
    if (this.abort.signal.aborted) return;
    const roots = [...this.pending].filter((node) => node.isConnected && !isOwnUi(node) && !isInSkippedArea(node));
    this.pending.clear();
    if (this.fullRescan) {
      this.fullRescan = false;
      await this.screenAll();
      return;
    }
    // Only the outermost changed nodes: a subtree is read once.
    const outermost = roots.filter((node) => !roots.some((other) => other !== node && other.contains(node)));
    if (outermost.length === 0) {
      this.prune();
      return;
    }
    const generation = this.generation;
    const added: PlacedMatch[] = [];
    for (const node of outermost) {
      // A text node alone may be half a name: read its element.
      const root = node.nodeType === 3 ? (node.parentNode ?? node) : node;
      const found = await this.screenNode(root);
      if (found === undefined || generation !== this.generation || this.abort.signal.aborted) return;
      this.placed = this.placed.filter((p) => !intersects(p.range, root));
      added.push(...found);
    }
    this.placed.push(...added);
    this.prune();
  }

  private prune(): void {
    this.placed = this.placed.filter((p) => !p.range.collapsed && p.range.startContainer.isConnected);
    this.placed.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    this.hooks.onChange(this.shown());
  }
}

function isOwnUi(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element?.closest(OWN_UI_TAG.toLowerCase()) != null;
}

function intersects(range: Range, node: Node): boolean {
  try {
    return range.intersectsNode(node);
  } catch {
    return false;
  }
}

/** The targets a page names, one entry each, as the badge counts them. */
export function pageTargets(placed: readonly PlacedMatch[]): PageTarget[] {
  const byKey = new Map<string, PageTarget>();
  for (const { match } of placed) {
    const key = targetKey(match.ids);
    const seen = byKey.get(key);
    if (seen) {
      seen.mentions++;
      if (match.strength === 'strong') seen.strength = 'strong';
    } else {
      byKey.set(key, { key, ids: match.ids, name: match.name, kind: match.kind, strength: match.strength, mentions: 1 });
    }
  }
  return [...byKey.values()];
}
