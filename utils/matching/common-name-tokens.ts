import { allLocales } from '@faker-js/faker';
import { nameTokens } from './normalize';

/**
 * The name tokens of given names and surnames common in many countries: the person-name lists of
 * Faker's 70-odd locales (Javier, Díaz, Mahmoud, Abbas, Gómez, Светлана…), in every script they
 * give, folded as listed names are. Sorted, one of each.
 *
 * The extension's build runs this once and puts the result in its place (wxt.config.ts,
 * `inlineCommonNames`), so the extension carries some 300 kB of tokens rather than all of Faker.
 */
export function commonNameTokens(): string[] {
  const names = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') names.add(value);
    else if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object') Object.values(value).forEach(add);
  };
  for (const locale of Object.values(allLocales)) {
    const person = (locale as { person?: { first_name?: unknown; last_name?: unknown } }).person;
    add(person?.first_name);
    add(person?.last_name);
  }
  const tokens = new Set<string>();
  for (const name of names) for (const token of nameTokens(name, 'person').tokens) tokens.add(token);
  return [...tokens].sort();
}
