/**
 * Dates as the lists write them, to ISO 8601. Partial dates stay partial
 * (`1985`, `1985-11`): a screener must not invent a day that the list does not give.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function iso(year: number, month?: number, day?: number): string | undefined {
  if (!(year >= 1000 && year <= 2999)) return undefined;
  if (month === undefined || month === 0) return String(year);
  if (month < 1 || month > 12) return undefined;
  if (day === undefined || day === 0) return `${year}-${pad(month)}`;
  if (day < 1 || day > 31) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** `dd/mm/yyyy` (UK, with `00` for unknown parts), `mm/yyyy`, `yyyy`. */
export function parseDayFirstDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const value = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(value);
  if (m) return iso(Number(m[2]), Number(m[1]));
  m = /^(\d{4})$/.exec(value);
  if (m) return iso(Number(m[1]));
  return parseNamedMonthDate(value) ?? parseIsoDate(value);
}

/** `mm/dd/yyyy` (OFAC's SDN.XML Publish_Date). */
export function parseMonthFirstDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (m) return iso(Number(m[3]), Number(m[1]), Number(m[2]));
  return parseNamedMonthDate(text) ?? parseIsoDate(text);
}

/** `14-Apr-2025`, `12 Nov 1985`, `Nov 1985`, `25 March 2024`. */
export function parseNamedMonthDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const value = text.trim();
  let m = /^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s-,]+(\d{4})$/.exec(value);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    return month ? iso(Number(m[3]), month, Number(m[1])) : undefined;
  }
  m = /^([A-Za-z]{3,9})\.?[\s-]+(\d{4})$/.exec(value);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month ? iso(Number(m[2]), month) : undefined;
  }
  return undefined;
}

/** `2026-02-27`, `2026-02-27T00:00:09.554Z`, `2026-09-22T20:01:34.799+02:00` → the date part. */
export function parseIsoDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** A date written in a file or folder name (`sdn-2024-05-03.csv`, `ConList_2025-04-14.xlsx`). */
export function dateInFileName(name: string): string | undefined {
  const m = /(?:^|[^\d])(20\d{2}|19\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?:[^\d]|$)/.exec(name);
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}
