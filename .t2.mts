import { createFcdoXmlReader } from './utils/formats/uk-fcdo-xml';
import { createXmlRecordStream } from './utils/formats/xml-records';
import { readFileSync } from 'node:fs';
const text = readFileSync('/work/shared/data/uk-fcdo-derived/UK-Sanctions-List.derived-2025-04-14.xml', 'utf8');
for (let i = 0; i < 3; i++) {
let t0 = performance.now();
const s = createXmlRecordStream({ isRecord: (n, d) => d === 1 && n === 'Designation', onRecord() {} });
s.write(text); s.end();
const a = performance.now() - t0;
t0 = performance.now();
const r = createFcdoXmlReader(); r.write(text); r.end();
console.log('stream only', a, 'reader', performance.now() - t0);
}
