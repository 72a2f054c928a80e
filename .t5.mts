import { createFcdoXmlReader } from './utils/formats/uk-fcdo-xml';
import { createFcdoCsvReader } from './utils/formats/uk-fcdo-csv';
import { readFileSync } from 'node:fs';
const D = '/work/shared/data/uk-fcdo-derived/UK-Sanctions-List.derived-2025-04-14.';
const xt = readFileSync(D + 'xml', 'utf8'), ct = readFileSync(D + 'csv', 'utf8');
for (let i = 0; i < 3; i++) {
  let t0 = performance.now(); let r: any = createFcdoXmlReader(); r.write(xt); r.end(); const a = performance.now() - t0;
  t0 = performance.now(); r = createFcdoCsvReader(); for (let o = 0; o < ct.length; o += 1 << 20) r.write(ct.slice(o, o + (1 << 20))); r.end(); console.log('xml', a, 'csv', performance.now() - t0);
}
