/**
 * The command-line screener: `npm run -s screen -- <command> …`.
 * JSON Lines on stdout, nothing else; errors on stderr with a non-zero exit.
 * It uses the same readers (and, later, the same matching engine) as the extension.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { planLists, readPlannedList, ListReadError } from '../formats/read';
import { compareNames, kindOfSchema } from '../matching/compare';
import { MatchIndex } from '../matching/index';
import type { Target } from '../model';
import { htmlToText } from './html-text';
import { listFilesAt, readTargetsAt } from './node-files';

const USAGE = `usage:
  screen inspect --list PATH [--list PATH …]          one JSON line per list read
  screen compare --pairs FILE.csv                     one JSON line per pair (header: schema,name1,name2)
  screen scan --list PATH [--list PATH …] FILE …      one JSON line per match in each text or HTML file
  screen query --list PATH [--list PATH …] NAME …     ranked candidates for each name`;

interface Args {
  command?: string;
  lists: string[];
  rest: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { command: argv[0], lists: [], rest: [] };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--list') {
      const value = argv[++i];
      if (!value) throw new UsageError('--list needs a path');
      args.lists.push(value);
    } else args.rest.push(arg);
  }
  return args;
}

class UsageError extends Error {}

function compare(args: Args): void {
  const path = args.rest[0] === '--pairs' ? args.rest[1] : undefined;
  if (!path) throw new UsageError('compare needs --pairs FILE.csv');
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  const out: string[] = [];
  for (const row of parsed.data) {
    if (row.name1 === undefined || row.name2 === undefined) throw new UsageError(`${path}: needs columns schema,name1,name2`);
    const result = compareNames(row.name1, row.name2, { kind: kindOfSchema(row.schema) });
    out.push(JSON.stringify({ score: result.score, match: result.match }));
  }
  process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
}

async function inspect(args: Args): Promise<void> {
  if (args.lists.length === 0) throw new UsageError('inspect needs at least one --list PATH');
  for (const path of args.lists) {
    for (const plan of await planLists(listFilesAt(path))) {
      const summary = await readPlannedList(plan, { onTargets: () => undefined });
      process.stdout.write(
        JSON.stringify({
          source: summary.meta.source,
          listDate: summary.meta.listDate,
          targets: summary.targets,
          persons: summary.counts.persons,
          organisations: summary.counts.organisations,
          vessels: summary.counts.vessels,
          aircraft: summary.counts.aircraft,
          names: summary.names,
          format: summary.meta.format,
          listDateOrigin: summary.meta.listDateOrigin,
          files: summary.files,
        }) + '\n',
      );
    }
  }
}

/** Every list named by --list, read with the same readers as the extension. */
async function loadTargets(lists: string[]): Promise<Target[]> {
  if (lists.length === 0) throw new UsageError('needs at least one --list PATH');
  return readTargetsAt(lists);
}

async function scan(args: Args): Promise<void> {
  if (args.rest.length === 0) throw new UsageError('scan needs at least one FILE');
  const index = MatchIndex.build(await loadTargets(args.lists));
  for (const file of args.rest) {
    const raw = readFileSync(file, 'utf8');
    const text = /\.html?$/i.test(file) ? htmlToText(raw) : raw;
    const lines = index.scan(text).map((m) =>
      JSON.stringify({ file, start: m.start, end: m.end, text: m.text, ids: m.ids, name: m.name, score: m.score, strength: m.strength }),
    );
    if (lines.length) process.stdout.write(lines.join('\n') + '\n');
  }
}

async function query(args: Args): Promise<void> {
  if (args.rest.length === 0) throw new UsageError('query needs at least one NAME');
  const index = MatchIndex.build(await loadTargets(args.lists));
  for (const name of args.rest) {
    const lines = index.query(name).map((m, k) =>
      JSON.stringify({ query: name, rank: k + 1, ids: m.ids, name: m.name, matched: m.matched, score: m.score, strength: m.strength }),
    );
    if (lines.length) process.stdout.write(lines.join('\n') + '\n');
  }
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'inspect':
      await inspect(args);
      return 0;
    case 'compare':
      compare(args);
      return 0;
    case 'scan':
      await scan(args);
      return 0;
    case 'query':
      await query(args);
      return 0;
    default:
      throw new UsageError(args.command ? `unknown command “${args.command}”` : 'no command given');
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`screen: ${error.message}\n${USAGE}\n`);
    else if (error instanceof ListReadError) process.stderr.write(`screen: cannot read ${error.fileName}: ${error.reason}\n`);
    else process.stderr.write(`screen: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(error instanceof UsageError ? 64 : 1);
  },
);
