/**
 * Matching quality on the people fixtures in ../shared/eval/people and ../shared/eval/ofac-tool.
 * Measures only (never tunes, never asserts): alert rates on 100,000 people on no list, recall on
 * 683 UN-listed people with typos, alerts on 1,254 members of the US Congress, and agreement with
 * OFAC's own search tool. Run by `npm run eval` (tests/eval/run.ts) or alone: `npx tsx tests/eval/people.ts`.
 * `EVAL_NEGATIVES=10000` queries an evenly spread sample of the negatives instead of all 100,000.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { readTargetsAt } from '../../utils/cli/node-files';
import { compareNames } from '../../utils/matching/compare';
import { MatchIndex } from '../../utils/matching/index';
import type { QueryMatch } from '../../utils/matching/types';
import { HAS_SHARED_DATA, SHARED_DIR, SHARED_SKIP_MESSAGE, sharedFile } from '../shared-data';

export const EVAL_DIR = resolve(SHARED_DIR, 'eval');

const LIST_UK = 'uk-ofsi-consolidated/ConList_2025-04-14.from-xlsx.csv';
const LIST_OFAC = 'us-ofac-sdn/2024-05-03';
const LIST_UN = 'un-sc-consolidated/consolidated.xml';
const SAMPLE = Number(process.env.EVAL_NEGATIVES) > 0 ? Number(process.env.EVAL_NEGATIVES) : undefined;

/** A file or an OFAC CSV folder per path, as `screen` reads them. */
const loadTargets = readTargetsAt;

function readCsv(path: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data;
}

const pct = (n: number, d: number, digits = 2): string => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(digits)}%`);
const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const count = (n: number): string => n.toLocaleString('en-GB');

/** Case-folding for the untreated → UN target mapping: NFKC, lower case, one space. */
const caseFold = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

interface Timed<T> {
  results: T[];
  totalMs: number;
  /** Milliseconds per query, in input order. */
  times: number[];
}

/** Runs every query in one process; prints progress every 10,000 when the run is slow. */
function runQueries(index: MatchIndex, names: string[], label: string): Timed<QueryMatch[]> {
  const results: QueryMatch[][] = [];
  const times: number[] = [];
  const started = performance.now();
  for (let i = 0; i < names.length; i++) {
    const t0 = performance.now();
    results.push(index.query(names[i]!));
    times.push(performance.now() - t0);
    if ((i + 1) % 10_000 === 0 && i + 1 < names.length) {
      const elapsed = performance.now() - started;
      if (elapsed > 10_000) {
        const rate = (i + 1) / (elapsed / 1000);
        console.log(`  … ${label}: ${count(i + 1)} / ${count(names.length)} queries, ${rate.toFixed(0)} queries/s`);
      }
    }
  }
  return { results, totalMs: performance.now() - started, times };
}

const strongOf = (matches: QueryMatch[]): QueryMatch | undefined => matches.find((m) => m.strength === 'strong');

interface Summary {
  label: string;
  value: string;
  aim?: string;
  ok?: boolean;
}

export async function runPeopleEval(): Promise<void> {
  if (!HAS_SHARED_DATA || !existsSync(resolve(EVAL_DIR, 'people'))) {
    console.log(!HAS_SHARED_DATA ? SHARED_SKIP_MESSAGE : `eval fixtures not found at ${resolve(EVAL_DIR, 'people')}; skipping`);
    return;
  }
  const summary: Summary[] = [];
  console.log('\n== People fixtures (../shared/eval/people) ==');

  let t = performance.now();
  const ukTargets = await loadTargets([sharedFile(LIST_UK)]);
  const ofacTargets = await loadTargets([sharedFile(LIST_OFAC)]);
  const unTargets = await loadTargets([sharedFile(LIST_UN)]);
  const loadMs = performance.now() - t;
  t = performance.now();
  const all = MatchIndex.build([...ukTargets, ...ofacTargets, ...unTargets]);
  const allBuildMs = performance.now() - t;
  t = performance.now();
  const un = MatchIndex.build(unTargets);
  const unBuildMs = performance.now() - t;
  const s = all.stats();
  console.log(
    `lists: UK OFSI ${count(ukTargets.length)} + OFAC SDN ${count(ofacTargets.length)} + UN ${count(unTargets.length)} targets ` +
      `(read in ${ms(loadMs)}); index UK+OFAC+UN: ${count(s.names)} names, ${count(s.clusters)} groups, built in ${ms(allBuildMs)}; ` +
      `UN-only index built in ${ms(unBuildMs)}`,
  );

  // --- 1. People on no list ---------------------------------------------------------------
  const negatives: { file: string; name: string }[] = [];
  for (const file of ['negatives_global.csv', 'negatives_us.csv']) {
    const rows = readCsv(resolve(EVAL_DIR, 'people', file)).filter((row) => row.full_name?.trim());
    // EVAL_NEGATIVES=N: every k-th row of each file, N in all (a quicker, deterministic sample).
    const step = SAMPLE ? Math.max(1, Math.floor((2 * rows.length) / SAMPLE)) : 1;
    for (let i = 0; i < rows.length; i += step) negatives.push({ file, name: rows[i]!.full_name! });
  }
  if (SAMPLE) console.log(`(EVAL_NEGATIVES=${SAMPLE}: a sample of ${count(negatives.length)} negatives, not all 100,000)`);
  // Warm-up (the index builds its typo-prefix table on the first query).
  t = performance.now();
  all.query('Warm Up Query');
  const firstMs = performance.now() - t;
  const neg = runQueries(all, negatives.map((n) => n.name), 'negatives');
  let strong = 0;
  let weakOrBetter = 0;
  const byFile = new Map<string, { n: number; strong: number; weak: number }>();
  const pairs = new Map<string, { n: number; example: QueryMatch }>();
  const listed = new Map<string, number>();
  neg.results.forEach((matches, i) => {
    const f = byFile.get(negatives[i]!.file) ?? { n: 0, strong: 0, weak: 0 };
    f.n++;
    if (matches.length > 0) {
      weakOrBetter++;
      f.weak++;
    }
    const hit = strongOf(matches);
    if (hit) {
      strong++;
      f.strong++;
      const key = `${negatives[i]!.name} → ${hit.matched}`;
      const p = pairs.get(key) ?? { n: 0, example: hit };
      p.n++;
      pairs.set(key, p);
      const lkey = `${hit.matched} (${hit.ids[0]})`;
      listed.set(lkey, (listed.get(lkey) ?? 0) + 1);
    }
    byFile.set(negatives[i]!.file, f);
  });
  console.log(`\n-- ${count(negatives.length)} generated people on no list, vs UK+OFAC+UN --`);
  console.log(`strong-band alert rate: ${pct(strong, negatives.length, 3)} (${count(strong)})   aim < 0.2%`);
  console.log(`weak-band-or-better alert rate: ${pct(weakOrBetter, negatives.length, 3)} (${count(weakOrBetter)})`);
  for (const [file, f] of byFile) {
    console.log(`  ${file}: ${count(f.n)} rows, strong ${pct(f.strong, f.n, 3)}, weak or better ${pct(f.weak, f.n, 3)}`);
  }
  console.log(
    `time: ${ms(neg.totalMs)} total, ${(neg.totalMs / negatives.length).toFixed(3)} ms/query ` +
      `(${(negatives.length / (neg.totalMs / 1000)).toFixed(0)} queries/s; first query ${ms(firstMs)})`,
  );
  const slowest = neg.times.map((x, i) => [x, i] as const).sort((a, b) => b[0] - a[0]).slice(0, 5);
  const sortedTimes = [...neg.times].sort((a, b) => a - b);
  const at = (p: number) => sortedTimes[Math.min(sortedTimes.length - 1, Math.ceil(p * sortedTimes.length) - 1)]!;
  console.log(`  per query: p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms; slowest:`);
  for (const [x, i] of slowest) console.log(`    ${ms(x)}  ${negatives[i]!.name}`);
  const topPairs = [...pairs.entries()].sort((a, b) => b[1].n - a[1].n || b[1].example.score - a[1].example.score).slice(0, 10);
  if (topPairs.length) {
    console.log('10 most frequent strong false alerts (query → matched listed name, count, score, target):');
    for (const [key, p] of topPairs) {
      console.log(`  ${p.n}× ${key}  [${p.example.score.toFixed(3)}, ${p.example.ids.join(' ')}; ${p.example.name}]`);
    }
    const topListed = [...listed.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
    console.log('listed names that drew the most strong false alerts:');
    for (const [key, n] of topListed) console.log(`  ${n}× ${key}`);
  }
  summary.push({ label: `negatives (${count(negatives.length)}) strong alert rate`, value: pct(strong, negatives.length, 3), aim: '< 0.2%', ok: strong / negatives.length < 0.002 });
  summary.push({ label: 'negatives weak-or-better alert rate', value: pct(weakOrBetter, negatives.length, 3) });
  summary.push({ label: 'query time (UK+OFAC+UN)', value: `${(neg.totalMs / negatives.length).toFixed(3)} ms/query (p95 ${at(0.95).toFixed(2)} ms)` });

  // --- 2. UN-listed people, as listed and with typos / reshuffles ------------------------
  const untreated = readCsv(resolve(EVAL_DIR, 'people', 'positives_un_untreated.csv'));
  const treated = readCsv(resolve(EVAL_DIR, 'people', 'positives_un_treated.csv'));
  if (untreated.length !== treated.length) console.log(`WARNING: untreated ${untreated.length} rows, treated ${treated.length}`);
  // Folded name → UN targets by name type (primary first, then any alias).
  const primaryOf = new Map<string, Set<string>>();
  const anyNameOf = new Map<string, Set<string>>();
  for (const target of unTargets) {
    for (const name of target.names) {
      const key = caseFold(name.full);
      const map = name.type === 'primary' ? primaryOf : anyNameOf;
      const set = map.get(key) ?? new Set<string>();
      set.add(target.id);
      map.set(key, set);
    }
  }
  const rightIds: (Set<string> | undefined)[] = untreated.map((row) => {
    const key = caseFold(row.full_name ?? '');
    return primaryOf.get(key) ?? anyNameOf.get(key);
  });
  const mapped = rightIds.filter((x) => x !== undefined).length;
  const ambiguous = rightIds.filter((x) => x !== undefined && x.size > 1).length;
  const byPrimary = untreated.filter((row) => primaryOf.has(caseFold(row.full_name ?? ''))).length;
  const un1 = runQueries(un, treated.map((r) => r.full_name ?? ''), 'treated');
  const un0 = runQueries(un, untreated.map((r) => r.full_name ?? ''), 'untreated');
  const tally = (results: QueryMatch[][]) => {
    let found = 0;
    let first = 0;
    let strongFound = 0;
    const misses: number[] = [];
    results.forEach((matches, i) => {
      const right = rightIds[i];
      if (!right) return;
      const k = matches.findIndex((m) => m.ids.some((id) => right.has(id)));
      if (k >= 0) {
        found++;
        if (k === 0) first++;
        if (matches[k]!.strength === 'strong') strongFound++;
      } else misses.push(i);
    });
    return { found, first, strongFound, misses };
  };
  const r1 = tally(un1.results);
  const r0 = tally(un0.results);
  console.log(`\n-- ${count(treated.length)} UN-listed people (treated = typos/reshuffles), vs UN only --`);
  console.log(
    `rows mapped to a UN target by case-folded name: ${count(mapped)} / ${count(untreated.length)} ` +
      `(${count(byPrimary)} by primary name, ${count(mapped - byPrimary)} by alias; ${ambiguous} naming more than one target, any of them counts)`,
  );
  const unmapped = untreated.map((row, i) => [row, i] as const).filter(([, i]) => !rightIds[i]);
  if (unmapped.length) console.log(`  not mapped: ${unmapped.slice(0, 10).map(([row, i]) => `row ${i + 2} "${row.full_name}"`).join('; ')}`);
  console.log(
    `treated:   right target found at weak or better ${pct(r1.found, mapped, 1)} (${r1.found}/${mapped})   aim ≥ 95%; ` +
      `ranked first ${pct(r1.first, mapped, 1)}; found strong ${pct(r1.strongFound, mapped, 1)}`,
  );
  console.log(
    `untreated: right target found at weak or better ${pct(r0.found, mapped, 1)} (${r0.found}/${mapped})   aim ~100%; ` +
      `ranked first ${pct(r0.first, mapped, 1)}; found strong ${pct(r0.strongFound, mapped, 1)}`,
  );
  console.log(`time: ${((un1.totalMs + un0.totalMs) / (treated.length + untreated.length)).toFixed(3)} ms/query`);
  const showMiss = (i: number, results: QueryMatch[][], rows: Record<string, string>[]) => {
    const top = results[i]![0];
    const right = [...rightIds[i]!].join(' ');
    console.log(
      `  "${rows[i]!.full_name}" (listed "${untreated[i]!.full_name}", ${right}) → ` +
        (top ? `top: "${top.matched}" ${top.score.toFixed(3)} ${top.strength} ${top.ids[0]}` : 'no result'),
    );
  };
  if (r1.misses.length) {
    console.log(`10 treated misses (of ${r1.misses.length}):`);
    for (const i of r1.misses.slice(0, 10)) showMiss(i, un1.results, treated);
  }
  if (r0.misses.length) {
    console.log(`untreated misses (${r0.misses.length}; first 10):`);
    for (const i of r0.misses.slice(0, 10)) showMiss(i, un0.results, untreated);
  }
  summary.push({ label: 'UN treated found (weak+)', value: pct(r1.found, mapped, 1), aim: '≥ 95%', ok: r1.found / mapped >= 0.95 });
  summary.push({ label: 'UN untreated found (weak+)', value: pct(r0.found, mapped, 1), aim: '~100%', ok: r0.found / mapped >= 0.99 });
  summary.push({ label: 'UN rows mapped to a target', value: `${mapped} / ${untreated.length}` });

  // --- 3. Members of the US Congress: must not alert --------------------------------------
  const congress = readCsv(resolve(EVAL_DIR, 'people', 'positives_us_congress_untreated.csv')).map((r) => r.full_name ?? '');
  const cg = runQueries(all, congress, 'congress');
  const cgStrong = cg.results.map((m, i) => [i, strongOf(m)] as const).filter(([, m]) => m !== undefined);
  const cgWeak = cg.results.filter((m) => m.length > 0).length;
  console.log(`\n-- ${count(congress.length)} members of the US Congress, vs UK+OFAC+UN --`);
  console.log(
    `strong alert rate: ${pct(cgStrong.length, congress.length, 2)} (${cgStrong.length})   aim 0; ` +
      `weak or better: ${pct(cgWeak, congress.length, 2)} (${cgWeak})`,
  );
  for (const [i, m] of cgStrong.slice(0, 10)) {
    console.log(`  ${congress[i]} → ${m!.matched} [${m!.score.toFixed(3)}, ${m!.ids.join(' ')}]`);
  }
  summary.push({ label: 'US Congress strong alert rate', value: `${pct(cgStrong.length, congress.length, 2)} (${cgStrong.length})`, aim: '0', ok: cgStrong.length === 0 });

  // --- 4. OFAC's own search tool -----------------------------------------------------------
  const fixtures = readCsv(resolve(EVAL_DIR, 'ofac-tool', 'ofac_fixtures.csv'));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const disagreements: string[] = [];
  for (const row of fixtures) {
    const theirs = Number(row.ofac_score) >= 90;
    const result = compareNames(row.query_name ?? '', row.result_name ?? '');
    const ours = result.strength === 'strong';
    if (theirs && ours) tp++;
    else if (!theirs && ours) fp++;
    else if (theirs && !ours) fn++;
    else tn++;
    if (theirs !== ours) disagreements.push(`  ${row.query_name} | ${row.result_name}: OFAC ${row.ofac_score}, ours ${result.score.toFixed(3)} ${result.strength ?? '-'}`);
  }
  const agree = tp + tn;
  // For comparison only: the same rows compared as people (most rows are people).
  const asPeople = fixtures.filter(
    (row) => (Number(row.ofac_score) >= 90) === (compareNames(row.query_name ?? '', row.result_name ?? '', { kind: 'person' }).strength === 'strong'),
  ).length;
  console.log(`\n-- OFAC Sanctions List Search fixtures (${fixtures.length} rows): OFAC score ≥ 90 vs our strong band --`);
  console.log(`agreement: ${pct(agree, fixtures.length, 1)} (${agree}/${fixtures.length})`);
  console.log(`(compared with kind 'person' instead: agreement ${pct(asPeople, fixtures.length, 1)})`);
  console.log(`confusion: both strong ${tp}; ours strong, OFAC < 90: ${fp}; OFAC ≥ 90, ours not strong: ${fn}; neither: ${tn}`);
  if (disagreements.length) {
    console.log(`first 10 disagreements (of ${disagreements.length}):`);
    for (const line of disagreements.slice(0, 10)) console.log(line);
  }
  summary.push({ label: 'OFAC tool agreement (≥90 vs strong)', value: `${pct(agree, fixtures.length, 1)} (both ${tp} / ours-only ${fp} / OFAC-only ${fn} / neither ${tn})` });

  // --- Summary -----------------------------------------------------------------------------
  console.log('\n== Summary (people fixtures) ==');
  const width = Math.max(...summary.map((x) => x.label.length));
  for (const x of summary) {
    const aim = x.aim ? `   aim ${x.aim}${x.ok === undefined ? '' : x.ok ? '  ok' : '  MISSED'}` : '';
    console.log(`${x.label.padEnd(width)}  ${x.value}${aim}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runPeopleEval();
}
