import { commonNameTokens } from './common-name-tokens';

/**
 * Whether a name token is a given name or surname common in many countries. The lists' own token
 * counts say how often a word occurs among listed names, not among people: they cannot tell that
 * "Javier Diaz" or "Mahmoud Abbas" names thousands of people. Read once, on first use.
 */
let common: Set<string> | undefined;

export function isCommonPersonName(token: string): boolean {
  common ??= new Set(commonNameTokens());
  return common.has(token);
}
