import { createFcdoXmlReader } from './utils/formats/uk-fcdo-xml';
import { createFcdoCsvReader } from './utils/formats/uk-fcdo-csv';
import { readFileSync } from 'node:fs';
const D = '/work/shared/data/uk-fcdo-derived/UK-Sanctions-List.derived-2025-04-14.';
const read = (r: any, text: string) => [...r.write(text), ...r.end()];
const x = read(createFcdoXmlReader(), readFileSync(D + 'xml', 'utf8'));
const c = read(createFcdoCsvReader(), readFileSync(D + 'csv', 'utf8'));
const xm = new Map(x.map(t => [t.id, t]));
const norm = (v: any) => Array.isArray(v) ? JSON.stringify(v.map(e => JSON.stringify(e)).sort()) : JSON.stringify(v);
const diffs: Record<string, number> = {}; const ex: Record<string, any[]> = {};
for (const t of c) { const o = xm.get(t.id)!;
  for (const k of new Set([...Object.keys(t), ...Object.keys(o)])) { const a = norm((t as any)[k]), b = norm((o as any)[k]); if (a !== b) { diffs[k] = (diffs[k]??0)+1; (ex[k] ??= []).push([t.id, 'CSV', (t as any)[k], 'XML', (o as any)[k]]); } } }
console.log(diffs); for (const k in ex) for (const e of ex[k]!.slice(0, 6)) console.log(k, JSON.stringify(e).slice(0, 700));
