/**
 * The command-line screener: `npm run -s screen -- <command> …`.
 * JSON Lines on stdout, nothing else; errors on stderr with a non-zero exit.
 * It uses the same readers (and, later, the same matching engine) as the extension.
 */
import { planLists, readPlannedList, ListReadError } from '../formats/read';
import { filesFromListPath } from './node-files';

const USAGE = `usage:
  screen inspect --list PATH [--list PATH …]   one JSON line per list read`;

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

async function inspect(args: Args): Promise<void> {
  if (args.lists.length === 0) throw new UsageError('inspect needs at least one --list PATH');
  for (const path of args.lists) {
    let files;
    try {
      files = filesFromListPath(path);
    } catch (error) {
      throw new ListReadError(path, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(error));
    }
    for (const plan of await planLists(files)) {
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

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'inspect':
      await inspect(args);
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
