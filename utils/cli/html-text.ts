/**
 * The visible text of an HTML file, for `screen scan` on saved pages: scripts, styles and
 * tags removed, entities decoded, block elements as line breaks. (The extension reads the live
 * DOM instead; this is for files on disk.)
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    // A line break in the source renders as a space (a paragraph wrapped at "Vladimir\nPutin" reads
    // as one line), but in <pre>: only block elements end a line.
    .replace(/(<pre\b[\s\S]*?<\/pre\s*>)|[\n\r\t\f\v]+/gi, (run, pre: string | undefined) => pre ?? ' ')
    .replace(/<\/?(p|div|br|li|h[1-6]|tr|td|th|section|article|header|footer|blockquote|pre)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === '#') {
        const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
      }
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/[ \t\f\v\r]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n');
}
