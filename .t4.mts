import { createFcdoXmlReader } from './utils/formats/uk-fcdo-xml';
import { createFcdoCsvReader } from './utils/formats/uk-fcdo-csv';
import { countKinds } from './utils/model';
import { readFileSync } from 'node:fs';
const D = '/work/shared/data/uk-fcdo-derived/UK-Sanctions-List.derived-2025-04-14.';
const read = (r: any, text: string) => { const t0 = performance.now(); const out = [...r.write(text), ...r.end()]; console.log('ms', performance.now()-t0, r.meta()); return out; };
const x = read(createFcdoXmlReader(), readFileSync(D + 'xml', 'utf8'));
const c = read(createFcdoCsvReader(), readFileSync(D + 'csv', 'utf8'));
console.log(x.length, c.length, countKinds(c));
const xm = new Map(x.map(t => [t.id, t]));
const diffs: Record<string, number> = {}; const ex: Record<string, any> = {};
for (const t of c) { const o = xm.get(t.id); if (!o) { console.log('missing in xml', t.id); continue; }
  for (const k of new Set([...Object.keys(t), ...Object.keys(o)])) { const a = JSON.stringify((t as any)[k]), b = JSON.stringify((o as any)[k]); if (a !== b) { diffs[k] = (diffs[k]??0)+1; if (!ex[k]) ex[k] = [t.id, 'CSV', (t as any)[k], 'XML', (o as any)[k]]; } } }
console.log(diffs); for (const k in ex) console.log(k, JSON.stringify(ex[k]).slice(0, 1500));
