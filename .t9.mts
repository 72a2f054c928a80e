import { cryptoChainOf } from './utils/formats/crypto';
import { readFileSync } from 'node:fs';
for (const f of ['us-ofac-sdn/2024-05-03/sdn.csv', 'us-ofac-sdn/companion-2025-12-24/sdn_comments.csv']) {
  const text = readFileSync('/work/shared/data/' + f, 'utf8');
  const found = [...text.matchAll(/Digital Currency Address - ([A-Z0-9]+) ([A-Za-z0-9:]+)/g)];
  const uniq = new Map(found.map(m => [m[2]!, m[1]!]));
  let valid = 0; const bad: string[] = [];
  for (const [a, l] of uniq) { if (cryptoChainOf(a)) valid++; else bad.push(l + ' ' + a); }
  console.log(f, found.length, uniq.size, valid, bad);
}
