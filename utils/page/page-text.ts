import { recordWork } from './work-timer';

/**
 * The visible text of a part of a page as one string, with where each text node sits in it, so
 * offsets the matcher returns map back to DOM ranges. Nothing here changes the page.
 *
 * Text in scripts, styles, form fields, editable areas and hidden elements is left out: it is not
 * what the reader sees, and a highlight there would be invisible or would disturb typing.
 */

/** One text node and where its characters start in the collected string. */
export interface TextSegment {
  node: Text;
  start: number;
}

export interface PageText {
  text: string;
  /** In document order; `start` grows. */
  segments: TextSegment[];
}

/** Elements whose text is never screened. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT', 'EMBED',
  'SVG', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'META', 'LINK',
]);

/** Inline elements: their text runs on with the text around them ("<b>Zhao</b> Guangzong"). */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'KBD', 'MARK', 'Q', 'S', 'SAMP',
  'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'LABEL', 'NOBR', 'TT', 'BIG', 'STRIKE', 'DEL', 'INS',
]);

/** The host element of the extension's own card: never screened. */
export const OWN_UI_TAG = 'SANCTIONS-LENS-CARD';

export interface CollectOptions {
  /** Whether an element is rendered (the browser's `checkVisibility`); everything counts when absent. */
  isVisible?: (element: Element) => boolean;
  /** Called for each open shadow root met on the way, so its changes can be watched too. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * Whether line breaks in an element's text show as line breaks (CSS `white-space: pre…`); when
   * absent, only inside <pre>. Elsewhere the browser shows them as spaces.
   */
  keepsLineBreaks?: (element: Element) => boolean;
}

/** Whitespace the browser shows as a space (a line break too, unless white-space keeps it). */
const SOURCE_WHITESPACE = /[\t\n\r\f]/;
/** A text node of source whitespace only (no-break spaces are text the reader sees). */
const ONLY_WHITESPACE = /^[ \t\n\r\f]+$/;

/**
 * A text node's characters as the reader sees them, one for one (offsets still map to the node):
 * HTML wraps long paragraphs, and "Vladimir\n  Putin" is shown, and must be matched, as one line.
 */
function asRendered(data: string, keepsLineBreaks: boolean): string {
  return keepsLineBreaks ? data.replace(/[\t\f]/g, ' ') : data.replace(/[\t\n\r\f]/g, ' ');
}

const inPre = (element: Element): boolean => element.closest('pre') !== null;

/** A test of an element, remembered for each element it was asked about. */
function perElement(test: (element: Element) => boolean): (element: Element) => boolean {
  const answers = new Map<Element, boolean>();
  return (element) => {
    let answer = answers.get(element);
    if (answer === undefined) answers.set(element, (answer = test(element)));
    return answer;
  };
}

/** Whether text under this element is left out, for the element itself (not its ancestors). */
export function isSkippedElement(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag) || tag === OWN_UI_TAG) return true;
  if (element.hasAttribute('hidden')) return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Whether a node lies inside something screening leaves out (walking up through shadow hosts). */
export function isInSkippedArea(node: Node): boolean {
  let current: Node | null = node.nodeType === 1 ? node : node.parentNode;
  while (current) {
    if (current.nodeType === 1 && isSkippedElement(current as Element)) return true;
    current = current.parentNode ?? (current as ShadowRoot).host ?? null;
  }
  return false;
}

/**
 * Collects the text under `root` (open shadow roots included). Block elements are separated by a
 * line break, so "…Zhao</p><p>Guangzong County…" does not read as one name.
 */
export function collectText(root: Node, options: CollectOptions = {}): PageText {
  const walk = textWalk(root, options);
  let step = walk.next();
  while (!step.done) step = walk.next();
  return step.value;
}

/**
 * The same, giving the page back its main thread whenever `budgetMs` has been used: a long page
 * is read in slices, none of which blocks the page for long.
 */
export async function collectTextInSlices(root: Node, options: CollectOptions, budgetMs: number, signal?: AbortSignal): Promise<PageText | undefined> {
  const walk = textWalk(root, options);
  let sliceStart = performance.now();
  for (;;) {
    const step = walk.next();
    if (step.done) {
      recordWork(performance.now() - sliceStart);
      return step.value;
    }
    if (performance.now() - sliceStart > budgetMs) {
      recordWork(performance.now() - sliceStart);
      await yieldToPage();
      if (signal?.aborted) return undefined;
      sliceStart = performance.now();
    }
  }
}

/** Nodes visited between two looks at the clock. */
const NODES_PER_STEP = 50;

/**
 * Lets the page run its own tasks, then continues: `scheduler.yield()` where the browser has it,
 * else a message to ourselves (nested `setTimeout(0)` calls are held back 4 ms each).
 */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function* textWalk(root: Node, options: CollectOptions): Generator<void, PageText, void> {
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let lastBlock: Element | null = null;
  const blockCache = new Map<Element, Element | null>();
  // Asked once per parent element: a paragraph has many text nodes, and each answer reads styles.
  const isVisible = options.isVisible && perElement(options.isVisible);
  const keepsLineBreaks = perElement(options.keepsLineBreaks ?? inPre);

  const blockOf = (element: Element | null): Element | null => {
    if (!element) return null;
    const cached = blockCache.get(element);
    if (cached !== undefined) return cached;
    const block = INLINE_TAGS.has(element.tagName.toUpperCase()) ? blockOf(element.parentElement) : element;
    blockCache.set(element, block);
    return block;
  };

  // Depth first, in document order, with an explicit stack so the walk can pause anywhere.
  const stack: Node[] = [root];
  let visited = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (++visited % NODES_PER_STEP === 0) yield;
    if (node.nodeType === 3) {
      const textNode = node as Text;
      const data = textNode.data;
      if (data.length === 0) continue;
      const parent = textNode.parentElement;
      if (parent && isVisible && !isVisible(parent)) continue;
      const block = blockOf(parent);
      if (length > 0 && block !== lastBlock) {
        parts.push('\n');
        length += 1;
      }
      lastBlock = block;
      segments.push({ node: textNode, start: length });
      if (ONLY_WHITESPACE.test(data)) {
        // Indentation between tags is most of a page's text (three quarters of a long Wikipedia
        // article): one character stands for it, a line break where white-space shows one. No
        // match starts or ends in it, so offsets after it still map (each segment has its start).
        parts.push(parent && /[\n\r]/.test(data) && keepsLineBreaks(parent) ? '\n' : ' ');
        length += 1;
        continue;
      }
      parts.push(parent && SOURCE_WHITESPACE.test(data) ? asRendered(data, keepsLineBreaks(parent)) : data);
      length += data.length;
      continue;
    }
    // Children pushed last first, so the first is read next (no array per element: a long page has tens of thousands).
    let shadow: ShadowRoot | null = null;
    if (node.nodeType === 1) {
      const element = node as Element;
      if (isSkippedElement(element)) continue;
      shadow = (element as HTMLElement).shadowRoot;
    } else if (node.nodeType !== 9 && node.nodeType !== 11) continue;
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    if (shadow) {
      options.onShadowRoot?.(shadow);
      // A host's own children show only where its shadow tree has slots: the shadow tree is read first.
      for (let child = shadow.lastChild; child; child = child.previousSibling) stack.push(child);
    }
  }
  return { text: parts.join(''), segments };
}

/** The segment holding the character at `offset` (binary search). */
export function segmentAt(segments: TextSegment[], offset: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (segments[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A DOM range over characters [start, end) of the collected text; undefined when it cannot be placed. */
export function rangeFor(page: PageText, start: number, end: number, doc: Document): Range | undefined {
  if (page.segments.length === 0 || end <= start) return undefined;
  const first = page.segments[segmentAt(page.segments, start)]!;
  const last = page.segments[segmentAt(page.segments, end - 1)]!;
  const startOffset = start - first.start;
  const endOffset = end - last.start;
  if (startOffset < 0 || startOffset > first.node.data.length || endOffset < 0 || endOffset > last.node.data.length) return undefined;
  const range = doc.createRange();
  range.setStart(first.node, startOffset);
  range.setEnd(last.node, endOffset);
  return range;
}
