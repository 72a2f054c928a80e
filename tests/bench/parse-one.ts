/**
 * One benchmark run in its own process (so peak memory is this file's alone):
 * reads a list and stores it in an IndexedDB (fake-indexeddb in Node) through the real importer.
 * Prints one JSON line.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { filesFromListPath } from '../../utils/cli/node-files';
import { ListStore } from '../../utils/store/db';
import { importFiles } from '../../utils/store/import';

const path = process.argv[2]!;
const baseline = process.memoryUsage().rss;
const db = new ListStore(`bench-${process.pid}`);
await db.open();
const started = performance.now();
const outcomes = await importFiles(db, filesFromListPath(path), { origin: 'file' });
const ms = performance.now() - started;
const peakRss = process.resourceUsage().maxRSS * 1024;
process.stdout.write(
  JSON.stringify({
    path,
    lists: outcomes.map((o) => ({ source: o.source, listDate: o.summary.meta.listDate, targets: o.summary.targets })),
    parseAndStoreMs: Math.round(ms),
    peakRssMB: Math.round(peakRss / 2 ** 20),
    baselineRssMB: Math.round(baseline / 2 ** 20),
  }) + '\n',
);
