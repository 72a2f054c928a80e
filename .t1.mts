import { createFcdoXmlReader } from './utils/formats/uk-fcdo-xml';
import { countKinds } from './utils/model';
import { readFileSync } from 'node:fs';
for (const f of ['/work/shared/data/format-samples/uk-fcdo/UK-Sanctions-List.sample.xml','/work/shared/data/uk-fcdo-derived/UK-Sanctions-List.derived-2025-04-14.xml']) {
  const text = readFileSync(f, 'utf8');
  const t0 = performance.now();
  const r = createFcdoXmlReader();
  const out = [...r.write(text), ...r.end()];
  console.log(f, out.length, performance.now() - t0, r.meta(), countKinds(out));
  if (out.length < 10) console.log(JSON.stringify(out.map(t => ({...t, reasons: t.reasons?.slice(0,50)})), null, 1).slice(0, 9000));
  else for (const id of ['uk-fcdo:CYB0045','uk-fcdo:DPR0100','uk-fcdo:ofsi-15878','uk-fcdo:CYB0044']) console.log(JSON.stringify(out.find(t=>t.id===id)));
}
