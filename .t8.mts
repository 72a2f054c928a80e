import { createOfsiCsvReader } from './utils/formats/uk-ofsi-csv';
import { createFcdoCsvReader } from './utils/formats/uk-fcdo-csv';
import { createFcdoXmlReader } from './utils/formats/uk-fcdo-xml';
import { readFileSync } from 'node:fs';
for (const [f, mk] of [['uk-ofsi-shapes.csv', createOfsiCsvReader], ['uk-fcdo-shapes.csv', createFcdoCsvReader], ['uk-fcdo-shapes.xml', createFcdoXmlReader]] as const) {
const r = mk(); const out = [...r.write(readFileSync('tests/fixtures/formats/' + f, 'utf8')), ...r.end()];
console.log(f, r.meta()); console.log(JSON.stringify(out, null, 1));
}
