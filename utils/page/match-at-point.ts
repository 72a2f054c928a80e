import type { PlacedMatch } from './page-screener';

/**
 * Which match is under the pointer. Highlights are not elements and get no mouse events, so the
 * text position under the pointer is looked up and checked against the matches' ranges (and their
 * boxes: past the end of a line the nearest text position is still reported).
 */
export function matchAtPoint(doc: Document, placed: readonly PlacedMatch[], x: number, y: number): PlacedMatch | undefined {
  if (placed.length === 0) return undefined;
  const position = caretAt(doc, x, y);
  if (!position) return undefined;
  for (const entry of placed) {
    let inside = false;
    try {
      inside = entry.range.isPointInRange(position.node, position.offset);
    } catch {
      continue;
    }
    if (!inside) continue;
    for (const rect of entry.range.getClientRects()) {
      if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return entry;
    }
  }
  return undefined;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  const withPosition = doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const position = withPosition.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** The first match inside an element that took keyboard focus (a link or button naming a target). */
export function matchInElement(placed: readonly PlacedMatch[], element: Element): PlacedMatch | undefined {
  return placed.find((entry) => {
    try {
      return entry.range.intersectsNode(element) && element.contains(entry.range.startContainer);
    } catch {
      return false;
    }
  });
}
