/**
 * `npm run eval`: the shared dev scorer (../shared/eval/score-dev: name pairs, news texts, queries)
 * and then the people fixtures (tests/eval/people.ts). Measures only; exits 0 whatever the figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectRoot, SHARED_DIR } from '../shared-data';
import { EVAL_DIR, runPeopleEval } from './people';

const scoreDev = resolve(EVAL_DIR, 'score-dev');
if (!existsSync(SHARED_DIR) || !existsSync(scoreDev)) {
  console.log(`eval: ${existsSync(SHARED_DIR) ? `${scoreDev} not found` : `${SHARED_DIR} not found (set SHARED_DIR)`}; skipping`);
  process.exit(0);
}

console.log(`== ${scoreDev} ==`);
const dev = spawnSync('bash', [scoreDev], { cwd: projectRoot, stdio: 'inherit' });
if (dev.error || dev.status !== 0) console.log(`score-dev ended with ${dev.error ? String(dev.error) : `exit code ${dev.status}`}`);

await runPeopleEval();
