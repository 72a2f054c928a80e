import { readOfsiXlsx } from './utils/formats/uk-ofsi-xlsx';
import { createOfsiCsvReader } from './utils/formats/uk-ofsi-csv';
import { readFileSync } from 'node:fs';
const D = '/work/shared/data/uk-ofsi-consolidated/';
const bytes = new Uint8Array(readFileSync(D + 'ConList_2025-04-14.xlsx'));
const text = readFileSync(D + 'ConList_2025-04-14.from-xlsx.csv', 'utf8');
for (let i = 0; i < 3; i++) {
let t0 = performance.now(); readOfsiXlsx(bytes); const a = performance.now() - t0;
t0 = performance.now(); const r = createOfsiCsvReader(); r.write(text); r.end(); console.log('xlsx', a, 'csv', performance.now() - t0);
}
