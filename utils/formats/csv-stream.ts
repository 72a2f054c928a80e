import Papa from 'papaparse';
import { ListFormatError } from './types';

/**
 * CSV rows from text fed in chunks. Papa Parse reads the fields; this wrapper only finds where
 * complete records end (the last line break outside quotes) so a chunk boundary never splits a
 * record, whatever the chunk size. Cells with embedded line breaks (OFSI, FCDO) are kept whole.
 */
export interface CsvRowStream {
  write(text: string): void;
  end(): void;
  /** Rows delivered so far. */
  rows(): number;
}

export interface CsvRowStreamOptions {
  delimiter?: string;
  onRow(row: string[], rowIndex: number): void;
}

export function createCsvRowStream(options: CsvRowStreamOptions): CsvRowStream {
  let pending = '';
  let inQuotes = false;
  // How far into `pending` the quote state has been tracked.
  let scanned = 0;
  let lastBoundary = -1;
  let delivered = 0;
  let first = true;

  const flush = (text: string) => {
    if (text === '') return;
    if (first) {
      // A UTF-8 byte-order mark is not part of the first header name.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const result = Papa.parse<string[]>(text, {
      delimiter: options.delimiter ?? ',',
      newline: undefined,
      skipEmptyLines: true,
    });
    const fatal = result.errors.find((e) => e.type === 'Quotes');
    if (fatal) {
      throw new ListFormatError(`CSV quoting is broken near row ${delivered + (fatal.row ?? 0) + 1}: ${fatal.message}.`);
    }
    for (const row of result.data) options.onRow(row, delivered++);
  };

  return {
    write(text: string) {
      pending += text;
      for (let i = scanned; i < pending.length; i++) {
        const c = pending.charCodeAt(i);
        if (c === 34 /* " */) inQuotes = !inQuotes;
        else if (c === 10 /* \n */ && !inQuotes) lastBoundary = i;
      }
      scanned = pending.length;
      if (lastBoundary >= 0) {
        const complete = pending.slice(0, lastBoundary + 1);
        pending = pending.slice(lastBoundary + 1);
        scanned = pending.length;
        lastBoundary = -1;
        flush(complete);
      }
    },
    end() {
      if (inQuotes) {
        throw new ListFormatError(
          `The CSV ends inside a quoted value after row ${delivered}: the file is incomplete, probably a cut-short download.`,
        );
      }
      // OFAC's files end with a Ctrl-Z (0x1A) byte after the last record.
      const rest = pending.replace(/\u001a\s*$/, '');
      pending = '';
      if (rest.trim() !== '') flush(rest);
    },
    rows: () => delivered,
  };
}
