import type { Script } from '../model';

/** Collapses runs of whitespace (lists carry double spaces, NBSPs and line breaks inside values). */
export function clean(value: string | undefined | null): string {
  if (value == null) return '';
  return value.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/** Like clean(), but keeps paragraph breaks: statements of reasons are multi-paragraph. */
export function cleanParagraphs(value: string | undefined | null): string {
  if (value == null) return '';
  return value
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map((line) => clean(line))
    .filter(Boolean)
    .join('\n');
}

/** Empty strings and OFAC's `-0-` null marker become undefined. */
export function orUndefined(value: string | undefined | null): string | undefined {
  const cleaned = clean(value);
  return cleaned === '' || cleaned === '-0-' ? undefined : cleaned;
}

const SCRIPT_RANGES: [RegExp, Script][] = [
  [/[\u0400-\u052f]/, 'cyrillic'],
  [/[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/, 'arabic'],
  [/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/, 'han'],
  [/[\uac00-\ud7af\u1100-\u11ff]/, 'hangul'],
  [/[\u3040-\u30ff]/, 'kana'],
  [/[\u0370-\u03ff]/, 'greek'],
  [/[\u0590-\u05ff]/, 'hebrew'],
  [/[\u0e00-\u0e7f]/, 'thai'],
];

/** The script of a name, by the first non-Latin letters it contains. */
export function scriptOf(text: string): Script {
  // Kana before Han: Japanese names mix both, and kana marks them as Japanese.
  if (/[\u3040-\u30ff]/.test(text)) return 'kana';
  for (const [pattern, script] of SCRIPT_RANGES) if (pattern.test(text)) return script;
  if (/[A-Za-z\u00c0-\u024f]/.test(text)) return 'latin';
  return 'other';
}

/** Splits a multi-valued cell on a separator, cleaning and dropping empties. */
export function splitValues(value: string | undefined, separator: RegExp | string): string[] {
  if (!value) return [];
  return value
    .split(separator)
    .map((part) => clean(part))
    .filter((part) => part !== '' && part !== '-0-');
}

/** Keeps the first occurrence of each value (case-insensitively). */
export function unique(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const key = value.toLowerCase();
    if (value && !seen.has(key)) {
      seen.add(key);
      out.push(value);
    }
  }
  return out;
}
