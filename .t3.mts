import { extractCryptoAddresses } from './utils/formats/crypto';
import { readFileSync } from 'node:fs';
const text = readFileSync('/work/shared/data/uk-fcdo-derived/UK-Sanctions-List.derived-2025-04-14.xml', 'utf8');
const parts = [...text.matchAll(/<(OtherInformation|UKStatementofReasons)>([\s\S]*?)<\//g)].map(m => m[2]!);
let t0 = performance.now(); let n = 0;
const found: string[] = [];
for (const p of parts) { const r = extractCryptoAddresses(p); n += r.length; for (const x of r) found.push(x.chain + ' ' + x.value + (x.note??'')); }
console.log(parts.length, n, performance.now() - t0);
console.log(found.join('\n'));
