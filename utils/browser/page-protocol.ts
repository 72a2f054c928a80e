import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SearchRequest, SearchResult } from '../matching/search';
import type { ScanMatch } from '../matching/types';
import type { ListDateOrigin, SourceId, Target, TargetKind } from '../model';

/**
 * Typed calls between pages' content scripts and the background, where the one index of every
 * active list lives (ARCHITECTURE.md: "Where matching runs"). The sender's tab and frame come with
 * each message, so the background can keep each tab's badge.
 */

/** One target a page names, as the badge and the popup count it. */
export interface PageTarget {
  /** targetKey(ids): one per target whatever the order of its ids. */
  key: string;
  ids: string[];
  name: string;
  kind: TargetKind;
  strength: 'strong' | 'weak';
  /** How many times the page names it. */
  mentions: number;
}

export interface TabTargets {
  /** The page's host name as its top frame reported it ('' before any report). */
  host: string;
  targets: PageTarget[];
}

export interface ListDate {
  source: SourceId;
  listDate: string | null;
  listDateOrigin: ListDateOrigin | null;
}

/** What a card shows about a match: every listed record of the target, and the dates of the lists. */
export interface TargetDetails {
  targets: Target[];
  lists: ListDate[];
}

export interface PageProtocol {
  /** Designated targets named in a page's text (offsets index that text); none when `host` is not screened. */
  scanPageText(data: { text: string; host: string }): ScanMatch[];
  targetDetails(data: { ids: string[] }): TargetDetails;
  /** The targets a frame shows now (after dismissals); `replace` drops what the tab's frames said before. */
  reportPageTargets(data: { targets: PageTarget[]; replace: boolean; host: string }): void;
  /** The targets the tab's frames named, and the host of its page, for the popup. */
  pageTargets(data: { tabId: number }): TabTargets;
  /** Opens the extension's page for one target (the card's "Open in Sanctions Lens"). */
  openTarget(data: { ids: string[] }): void;
  /** A lookup typed in the popup, over every active list. */
  searchNames(data: SearchRequest): SearchAnswer;
  /** Asked of a tab's content script: the text the user selected there. */
  selectedText(): string;
}

/** What a lookup found, and exactly what was checked: "no match for X on lists L (dates D) at T". */
export interface SearchAnswer {
  results: SearchResult[];
  lists: ListDate[];
  at: number;
}

export const pageMessaging = defineExtensionMessaging<PageProtocol>();
