import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { ListFormatError, type ReadList } from './types';
import { readOfsiRows } from './uk-ofsi-csv';

/*
 * OFSI's official ConList.xlsx (2022 format): one worksheet "Data", every cell a shared string (dates are
 * text dd/mm/yyyy). Row 1 is `Last Updated | dd/mm/yyyy`, row 2 the 36-column header, then the data rows,
 * exactly as in ConList.csv: the rows go through the same OFSI row reader, so both give identical targets.
 * The zip is opened with fflate, the XML parts are read with saxes.
 */

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function xmlParser(part: string): SaxesParser {
  const parser = new SaxesParser();
  parser.on('error', (error) => {
    throw new ListFormatError(`The xlsx part ${part} is not well-formed XML: ${error.message}`);
  });
  return parser;
}

const decoder = new TextDecoder('utf-8');

/** The path of the workbook's first worksheet (usually xl/worksheets/sheet1.xml). */
function firstSheetPath(files: Record<string, Uint8Array>): string | undefined {
  const workbook = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (workbook && rels) {
    let firstId: string | undefined;
    const wb = xmlParser('xl/workbook.xml');
    wb.on('opentag', (tag) => {
      if (firstId === undefined && localName(tag.name) === 'sheet') {
        for (const [key, value] of Object.entries(tag.attributes as Record<string, string>)) {
          if (localName(key) === 'id' && key !== 'sheetId') firstId = value;
        }
      }
    });
    wb.write(decoder.decode(workbook)).close();
    const targets = new Map<string, string>();
    const rp = xmlParser('xl/_rels/workbook.xml.rels');
    rp.on('opentag', (tag) => {
      const attrs = tag.attributes as Record<string, string>;
      if (localName(tag.name) === 'Relationship' && attrs.Id && attrs.Target) targets.set(attrs.Id, attrs.Target);
    });
    rp.write(decoder.decode(rels)).close();
    const target = firstId ? targets.get(firstId) : undefined;
    if (target) {
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      if (files[path]) return path;
    }
  }
  return Object.keys(files)
    .filter((name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name))
    .sort()[0];
}

function readSharedStrings(bytes: Uint8Array | undefined): string[] {
  if (!bytes) return [];
  const strings: string[] = [];
  const parser = xmlParser('xl/sharedStrings.xml');
  let current: string | null = null;
  let inText = false;
  // Phonetic guides (<rPh>) repeat text in another script; they are not part of the value.
  let inPhonetic = 0;
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'si') current = '';
    else if (name === 't') inText = true;
    else if (name === 'rPh') inPhonetic++;
  });
  parser.on('text', (text) => {
    if (current !== null && inText && inPhonetic === 0) current += text;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inText = false;
    else if (name === 'rPh') inPhonetic--;
    else if (name === 'si') {
      strings.push(current ?? '');
      current = null;
    }
  });
  parser.write(decoder.decode(bytes)).close();
  return strings;
}

/** `AJ12` → 35. */
function columnIndex(ref: string | undefined): number | undefined {
  if (!ref) return undefined;
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return i > 0 ? n - 1 : undefined;
}

/** Every row of the sheet as cell texts (gaps filled with ''). */
function readSheetRows(bytes: Uint8Array, shared: string[], part: string): string[][] {
  const rows: string[][] = [];
  const parser = xmlParser(part);
  let row: string[] | null = null;
  let cellType = '';
  let cellColumn = 0;
  let value = '';
  let inValue = false;
  let inInline = false;
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === 'row') row = [];
    else if (name === 'c' && row) {
      const attrs = tag.attributes as Record<string, string>;
      cellType = attrs.t ?? '';
      cellColumn = columnIndex(attrs.r) ?? row.length;
      value = '';
    } else if (name === 'v') inValue = true;
    else if (name === 't' && cellType === 'inlineStr') inInline = true;
  });
  parser.on('text', (text) => {
    if (inValue || inInline) value += text;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 'v') inValue = false;
    else if (name === 't') inInline = false;
    else if (name === 'c' && row) {
      let text = value;
      if (cellType === 's') {
        const at = Number(value);
        const found = shared[at];
        if (found === undefined) throw new ListFormatError(`A cell of ${part} points at shared string ${value}, which does not exist.`);
        text = found;
      } else if (cellType === 'b') text = value === '1' ? 'TRUE' : 'FALSE';
      while (row.length < cellColumn) row.push('');
      row[cellColumn] = text;
    } else if (name === 'row' && row) {
      rows.push(row);
      row = null;
    }
  });
  parser.write(decoder.decode(bytes)).close();
  return rows;
}

/** Reads OFSI's ConList.xlsx. */
export function readOfsiXlsx(bytes: Uint8Array): ReadList {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      // Only the parts needed: the workbook, its relations, shared strings and worksheets.
      filter: (file) => file.name.startsWith('xl/') && file.name.endsWith('.xml') || file.name.endsWith('.rels'),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ListFormatError(
      `This file cannot be opened as an xlsx workbook (${reason}): it is not a spreadsheet, or it is incomplete (a cut-short download).`,
    );
  }
  const sheet = firstSheetPath(files);
  if (!sheet) throw new ListFormatError('This zip holds no worksheet: it is not an xlsx workbook.');
  const shared = readSharedStrings(files['xl/sharedStrings.xml']);
  const rows = readSheetRows(files[sheet]!, shared, sheet);
  return readOfsiRows(rows, 'uk-ofsi-xlsx');
}
