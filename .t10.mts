import { createFcdoXmlReader } from './utils/formats/uk-fcdo-xml';
import { createFcdoCsvReader } from './utils/formats/uk-fcdo-csv';
import { readOfsiXlsx } from './utils/formats/uk-ofsi-xlsx';
import { readFileSync } from 'node:fs';
const D = '/work/shared/data/uk-fcdo-derived/UK-Sanctions-List.derived-2025-04-14.';
const r = createFcdoXmlReader(); const x = [...r.write(readFileSync(D + 'xml', 'utf8')), ...r.end()];
const stats = (x: any[]) => {
const s: Record<string, number> = {};
const inc = (k: string, n = 1) => s[k] = (s[k] ?? 0) + n;
for (const t of x) {
  inc('names', t.names.length); for (const n of t.names) inc('name:' + n.type); inc('nonlatin', t.names.filter((n: any) => n.script !== 'latin').length);
  if (t.crossRefs?.some((c: any) => c.kind === 'un-ref')) inc('withUn');
  if (t.titles) { inc('withTitles'); inc('titles', t.titles.length); }
  inc('addresses', t.addresses?.length ?? 0); inc('dobs', t.birthDates?.length ?? 0);
  for (const i of t.identifiers ?? []) inc('id:' + i.type);
  if (t.reasons) inc('withReasons'); if (t.gender) inc('withGender'); inc('positions', t.positions?.length ?? 0);
  inc('nationalities', t.nationalities?.length ?? 0); inc('birthPlaces', t.birthPlaces?.length ?? 0);
  if (t.remarks) inc('withRemarks');
}
return s; };
console.log(stats(x));
const c = createFcdoCsvReader(); console.log(stats([...c.write(readFileSync(D + 'csv', 'utf8')), ...c.end()]));
console.log(stats(readOfsiXlsx(new Uint8Array(readFileSync('/work/shared/data/uk-ofsi-consolidated/ConList_2025-04-14.xlsx'))).targets));
console.log(x.filter(t => t.identifiers?.some((i: any) => i.type === 'crypto')).map(t => t.id + ' ' + t.identifiers.filter((i: any) => i.type === 'crypto').map((i: any) => i.value).join(',')));
