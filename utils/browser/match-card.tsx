import { render } from 'preact';
import { MatchCard } from '../../components/card/MatchCard';
import cardCss from '../../components/card/card.css?inline';
import type { ScanMatch } from '../matching/types';
import { matchAsText } from '../records/describe-match';
import { targetKey } from '../records/dismissals';
import { dismiss } from './dismissal-store';
import { pageMessaging, type TargetDetails } from './page-protocol';
import { OWN_UI_TAG } from '../page/page-text';

/**
 * The card beside a match: a host element of its own with a shadow root, so page CSS
 * cannot reach in and the card's CSS cannot leak out. Added while open, removed when closed.
 */
export class MatchCardController {
  private host?: HTMLElement;
  private root?: ShadowRoot;
  private open?: { match: ScanMatch; details?: TargetDetails; copied?: boolean };

  constructor(
    private readonly doc: Document,
    private readonly site: string,
  ) {}

  get isOpen(): boolean {
    return this.open !== undefined;
  }

  contains(node: EventTarget | null): boolean {
    return node !== null && this.host !== undefined && (node === this.host || this.host.contains(node as Node));
  }

  currentMatch(): ScanMatch | undefined {
    return this.open?.match;
  }

  show(match: ScanMatch, anchor: DOMRect, focus = false): void {
    if (this.open?.match === match) return;
    this.open = { match };
    this.ensureHost();
    this.place(anchor);
    this.render();
    if (focus) this.root!.querySelector<HTMLElement>('button')?.focus();
    void pageMessaging.sendMessage('targetDetails', { ids: match.ids }).then(
      (details) => {
        if (this.open?.match !== match) return;
        this.open.details = details;
        this.render();
      },
      () => undefined,
    );
  }

  close(): void {
    this.open = undefined;
    if (this.root) render(null, this.root);
    this.host?.remove();
    this.host = undefined;
    this.root = undefined;
  }

  private ensureHost(): void {
    if (this.host) return;
    const host = this.doc.createElement(OWN_UI_TAG.toLowerCase());
    host.style.cssText = 'position:fixed;z-index:2147483647;top:0;left:0;display:block;';
    const root = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = cardCss;
    root.append(style);
    this.doc.documentElement.append(host);
    this.host = host;
    this.root = root;
  }

  /** Below the match, or above it when there is no room; always inside the window. */
  private place(anchor: DOMRect): void {
    const view = this.doc.defaultView!;
    const width = Math.min(380, view.innerWidth - 16);
    const left = Math.max(8, Math.min(anchor.left, view.innerWidth - width - 8));
    const below = anchor.bottom + 6;
    const top = below + 200 < view.innerHeight ? below : Math.max(8, anchor.top - 6 - Math.min(520, view.innerHeight - 16));
    this.host!.style.left = `${left}px`;
    this.host!.style.top = `${top}px`;
  }

  private render(): void {
    const open = this.open;
    if (!open || !this.root) return;
    const container = this.root.querySelector('div.mount') ?? this.root.appendChild(this.doc.createElement('div'));
    container.className = 'mount';
    render(
      <MatchCard
        match={open.match}
        details={open.details}
        site={this.site}
        copied={open.copied}
        onClose={() => this.close()}
        onOpen={() => void pageMessaging.sendMessage('openTarget', { ids: open.match.ids })}
        onDismiss={(scope) => {
          void dismiss({ target: targetKey(open.match.ids), name: open.match.name, scope, site: scope === 'site' ? this.site : undefined, at: Date.now() });
          this.close();
        }}
        onCopy={() => {
          const text = matchAsText(open.match, open.details?.targets ?? [], this.doc.location.href, new Date());
          void navigator.clipboard.writeText(text).then(() => {
            if (this.open !== open) return;
            open.copied = true;
            this.render();
          });
        }}
      />,
      container,
    );
  }
}
