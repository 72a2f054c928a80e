import { countKinds, type KindCounts, type ListDateOrigin, type ListMeta, type Target } from '../model';
import { dateInFileName } from './dates';
import { detectFormat, DETECT_BYTES, type DetectedFormat, type TextFormatId } from './detect';
import { createEuFsfCsvReader } from './eu-fsf-csv';
import { createEuFsfXmlReader } from './eu-fsf-xml';
import { createFtmReader } from './opensanctions-ftm';
import { createOpenSanctionsCsvReader } from './opensanctions-csv';
import { ListFormatError, type ReadList, type TextListReader } from './types';
import { createFcdoCsvReader } from './uk-fcdo-csv';
import { createFcdoXmlReader } from './uk-fcdo-xml';
import { createOfsiCsvReader } from './uk-ofsi-csv';
import { readOfsiXlsx } from './uk-ofsi-xlsx';
import { createUnScXmlReader } from './un-sc-xml';
import { readOfacCsvSet, type OfacCsvRole } from './us-ofac-csv';
import { createOfacEnhancedXmlReader } from './us-ofac-enhanced-xml';
import { createOfacSdnXmlReader } from './us-ofac-sdn-xml';
import { unzipEntries } from './zip';

/**
 * One input file, wherever it comes from: a File the user picked, a download, a bundled
 * extension file, or a file on disk (CLI). Read as a stream so 20+ MB lists never sit in memory twice.
 */
export interface ListFile {
  name: string;
  size?: number;
  /** Milliseconds since the epoch (File.lastModified, mtime). */
  lastModified?: number;
  /** The list date from outside the content (HTTP Last-Modified) for formats that state none. */
  externalDate?: { date: string; origin: ListDateOrigin };
  stream(): ReadableStream<Uint8Array>;
}

/** One list to read: a single file, or an OFAC CSV set (sdn.csv + alt/add/comments). */
export type ListPlan =
  | { kind: 'single'; file: ListFile; detected: DetectedFormat }
  | { kind: 'ofac-set'; parts: { file: ListFile; role: OfacCsvRole }[] };

export interface ReadProgress {
  file: string;
  bytesRead: number;
  totalBytes?: number;
  targets: number;
}

export interface ReadOptions {
  /** Receives targets in batches; awaited, so a slow store slows the reader instead of piling up memory. */
  onTargets(batch: Target[]): Promise<void> | void;
  onProgress?(progress: ReadProgress): void;
  signal?: AbortSignal;
}

export interface ReadSummary {
  meta: ListMeta;
  targets: number;
  names: number;
  counts: KindCounts;
  files: string[];
}

/** A read failure that names the file and the reason, for the user. */
export class ListReadError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`${fileName}: ${reason}`);
    this.name = 'ListReadError';
  }
}

const BATCH = 500;

const TEXT_READERS: Record<TextFormatId, () => TextListReader> = {
  'uk-fcdo-xml': createFcdoXmlReader,
  'uk-fcdo-csv': createFcdoCsvReader,
  'uk-ofsi-csv': createOfsiCsvReader,
  'us-ofac-sdn-xml': createOfacSdnXmlReader,
  'us-ofac-enhanced-xml': createOfacEnhancedXmlReader,
  'eu-fsf-xml': createEuFsfXmlReader,
  'eu-fsf-csv': createEuFsfCsvReader,
  'un-sc-xml': createUnScXmlReader,
  'opensanctions-ftm': createFtmReader,
  'opensanctions-csv': createOpenSanctionsCsvReader,
};

function reasonOf(error: unknown): string {
  if (error instanceof ListFormatError || error instanceof ListReadError) {
    return error instanceof ListReadError ? error.reason : error.message;
  }
  if (error instanceof Error && error.name === 'AbortError') return 'the import was cancelled';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads the first DETECT_BYTES of a file and returns them with a file that replays them and
 * then continues the same stream: a download's body can be read only once (and tee() of a
 * fetch body has crashed Chromium's extension service worker when one branch was cancelled).
 */
async function peek(file: ListFile): Promise<{ head: Uint8Array; file: ListFile }> {
  const reader = file.stream().getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  while (length < DETECT_BYTES) {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    chunks.push(value);
    length += value.length;
  }
  const head = concat(chunks, length).subarray(0, DETECT_BYTES);
  let replayed = false;
  const replaying: ListFile = {
    ...file,
    stream() {
      // A second read (e.g. after a failure) opens the file afresh where the source allows it.
      if (replayed) return file.stream();
      replayed = true;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          const buffered = chunks.shift();
          if (buffered) return controller.enqueue(buffered);
          if (ended) return controller.close();
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        cancel: (reason) => reader.cancel(reason),
      });
    },
  };
  if (ended) reader.releaseLock();
  return { head, file: replaying };
}

function concat(chunks: Uint8Array[], length = chunks.reduce((n, c) => n + c.length, 0)): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

async function readAll(file: ListFile, onBytes?: (n: number) => void, signal?: AbortSignal): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = file.stream().getReader();
  for (;;) {
    signal?.throwIfAborted();
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    onBytes?.(length);
  }
  return concat(chunks, length);
}

/** A file made from bytes in memory (zip entries). */
export function fileFromBytes(name: string, bytes: Uint8Array, lastModified?: number): ListFile {
  return {
    name,
    size: bytes.length,
    lastModified,
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          // Hand zip entries over in slices so progress and yielding work as for real streams.
          const slice = 256 * 1024;
          for (let i = 0; i < bytes.length; i += slice) controller.enqueue(bytes.subarray(i, i + slice));
          controller.close();
        },
      }),
  };
}

/**
 * Groups files into lists. Each file's format is detected from its content; OFAC CSV parts
 * (whatever their names) form one set around their primary file; zips are opened.
 */
export async function planLists(files: ListFile[]): Promise<ListPlan[]> {
  const plans: ListPlan[] = [];
  const ofacParts: { file: ListFile; role: OfacCsvRole }[] = [];
  const visit = async (original: ListFile, depth: number): Promise<void> => {
    let detected: DetectedFormat;
    let file = original;
    try {
      const peeked = await peek(original);
      file = peeked.file;
      detected = detectFormat(peeked.head);
    } catch (error) {
      throw new ListReadError(original.name, reasonOf(error));
    }
    if (detected.kind === 'zip') {
      if (depth > 0) throw new ListReadError(file.name, 'a zip inside a zip is not a list format');
      let entries: { name: string; bytes: Uint8Array }[];
      try {
        entries = unzipEntries(await readAll(file));
      } catch (error) {
        throw new ListReadError(file.name, reasonOf(error));
      }
      const lists = entries.filter((e) => !e.name.endsWith('/') && e.bytes.length > 0);
      if (lists.length === 0) throw new ListReadError(file.name, 'the zip holds no files');
      for (const entry of lists) {
        await visit(fileFromBytes(`${file.name}/${entry.name}`, entry.bytes, file.lastModified), depth + 1);
      }
    } else if (detected.kind === 'ofac-csv') {
      ofacParts.push({ file, role: detected.role });
    } else {
      plans.push({ kind: 'single', file, detected });
    }
  };
  for (const file of files) await visit(file, 0);
  if (ofacParts.length > 0) {
    const primaries = ofacParts.filter((p) => p.role === 'primary');
    if (primaries.length === 0) {
      const names = ofacParts.map((p) => p.file.name).join(', ');
      throw new ListReadError(
        names,
        'these are OFAC alias/address/comment files without their main file (sdn.csv or cons_prim.csv); import them together with it',
      );
    }
    if (primaries.length > 1) {
      throw new ListReadError(
        primaries.map((p) => p.file.name).join(', '),
        'more than one OFAC main file (sdn.csv / cons_prim.csv) was given; import one set at a time',
      );
    }
    plans.push({ kind: 'ofac-set', parts: ofacParts });
  }
  return plans;
}

function withDateFallback(meta: ListMeta, files: ListFile[]): ListMeta {
  if (meta.listDate) return meta;
  for (const file of files) {
    if (file.externalDate) return { ...meta, listDate: file.externalDate.date, listDateOrigin: file.externalDate.origin };
  }
  for (const file of files) {
    const fromName = dateInFileName(file.name);
    if (fromName) return { ...meta, listDate: fromName, listDateOrigin: 'file-name' };
  }
  const times = files.map((f) => f.lastModified).filter((t): t is number => typeof t === 'number' && t > 0);
  if (times.length > 0) {
    return { ...meta, listDate: new Date(Math.max(...times)).toISOString().slice(0, 10), listDateOrigin: 'file-time' };
  }
  return meta;
}

class Tally {
  targets = 0;
  names = 0;
  kinds = countKinds([]);
  private batch: Target[] = [];
  private readonly ids = new Set<string>();

  constructor(private readonly options: ReadOptions) {}

  async add(targets: Target[]): Promise<void> {
    for (const target of targets) {
      if (this.ids.has(target.id)) throw new ListFormatError(`the list names ${target.id} twice`);
      this.ids.add(target.id);
      this.targets++;
      this.names += target.names.length;
      const k = countKinds([target]);
      this.kinds.persons += k.persons;
      this.kinds.organisations += k.organisations;
      this.kinds.vessels += k.vessels;
      this.kinds.aircraft += k.aircraft;
      this.batch.push(target);
    }
    if (this.batch.length >= BATCH) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    await this.options.onTargets(batch);
  }
}

async function readTextFile(file: ListFile, reader: TextListReader, tally: Tally, options: ReadOptions): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  const stream = file.stream().getReader();
  let bytesRead = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const { done, value } = await stream.read();
    if (done) break;
    bytesRead += value.length;
    await tally.add(reader.write(decoder.decode(value, { stream: true })));
    options.onProgress?.({ file: file.name, bytesRead, totalBytes: file.size, targets: tally.targets });
  }
  await tally.add(reader.write(decoder.decode()));
  await tally.add(reader.end());
}

async function readWhole(list: ReadList, tally: Tally): Promise<void> {
  for (let i = 0; i < list.targets.length; i += BATCH) await tally.add(list.targets.slice(i, i + BATCH));
}

/** The files a planned list is read from. */
export function planFiles(plan: ListPlan): ListFile[] {
  return plan.kind === 'single' ? [plan.file] : plan.parts.map((p) => p.file);
}

/** Reads one planned list, handing targets to `options.onTargets` in batches. */
export async function readPlannedList(plan: ListPlan, options: ReadOptions): Promise<ReadSummary> {
  const files = planFiles(plan);
  const fileNames = files.map((f) => f.name);
  const tally = new Tally(options);
  let meta: ListMeta;
  try {
    if (plan.kind === 'ofac-set') {
      const parts = [];
      let done = 0;
      for (const part of plan.parts) {
        const bytes = await readAll(part.file, (n) =>
          options.onProgress?.({ file: part.file.name, bytesRead: done + n, targets: 0 }),
          options.signal,
        );
        done += bytes.length;
        parts.push({ role: part.role, name: part.file.name, text: new TextDecoder('utf-8').decode(bytes) });
      }
      const list = readOfacCsvSet(parts);
      meta = list.meta;
      await readWhole(list, tally);
    } else if (plan.detected.kind === 'xlsx') {
      const list = readOfsiXlsx(await readAll(plan.file, undefined, options.signal));
      meta = list.meta;
      await readWhole(list, tally);
    } else if (plan.detected.kind === 'text') {
      const reader = TEXT_READERS[plan.detected.format]();
      await readTextFile(plan.file, reader, tally, options);
      meta = reader.meta();
    } else {
      throw new ListFormatError('this file cannot be read on its own');
    }
    await tally.flush();
  } catch (error) {
    // Errors of the store (quota, a closed database) pass through unchanged for the importer to name.
    if (error instanceof ListFormatError || error instanceof ListReadError || error instanceof SyntaxError) {
      throw new ListReadError(fileNames.join(' + '), reasonOf(error));
    }
    throw error;
  }
  if (tally.targets === 0) throw new ListReadError(fileNames.join(' + '), 'the file holds no designations');
  return {
    meta: withDateFallback(meta, files),
    targets: tally.targets,
    names: tally.names,
    counts: tally.kinds,
    files: fileNames,
  };
}
