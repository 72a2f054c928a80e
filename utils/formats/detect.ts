import type { SourceId } from '../model';
import { ofacCsvRole, type OfacCsvRole } from './us-ofac-csv';
import { ListFormatError } from './types';

/**
 * A file's format, decided from its first bytes, never from its name: users save
 * `UK-Sanctions-List (3).xml`, `download.csv` or `content` from the EU's address.
 */
export type DetectedFormat =
  | { kind: 'text'; format: TextFormatId; source: SourceId | 'us-ofac' }
  | { kind: 'ofac-csv'; role: OfacCsvRole }
  | { kind: 'zip' }
  | { kind: 'xlsx' };

export type TextFormatId =
  | 'uk-fcdo-xml'
  | 'uk-fcdo-csv'
  | 'uk-ofsi-csv'
  | 'us-ofac-sdn-xml'
  | 'us-ofac-enhanced-xml'
  | 'eu-fsf-xml'
  | 'eu-fsf-csv'
  | 'un-sc-xml'
  | 'opensanctions-ftm'
  | 'opensanctions-csv';

/** How many leading bytes detection needs. */
export const DETECT_BYTES = 16 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The first element name of an XML document, skipping the declaration, comments and doctype. */
function firstXmlElement(text: string): { name: string; tag: string } | undefined {
  const stripped = text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '').trimStart();
  const m = /^<([A-Za-z_][\w.:-]*)([^>]*)>?/.exec(stripped);
  if (!m) return undefined;
  const name = m[1]!.includes(':') ? m[1]!.split(':')[1]! : m[1]!;
  return { name, tag: m[0] };
}

function describeUnknown(bytes: Uint8Array, text: string): string {
  if (bytes.length === 0) return 'the file is empty';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'it is a PDF document';
  if (/^\s*<!doctype html|^\s*<html/i.test(text)) return 'it is a web page (HTML), not a list file';
  const controls = text.slice(0, 2048).match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (controls > 8) return 'it is binary data, not a text list';
  const firstLine = text.split(/\r?\n/, 1)[0]?.slice(0, 80) ?? '';
  return `its content does not match any supported list format (it begins “${firstLine}”)`;
}

/**
 * Decides the format from the first bytes (DETECT_BYTES or the whole file if shorter).
 * Throws ListFormatError naming the reason when nothing matches.
 */
export function detectFormat(head: Uint8Array): DetectedFormat {
  if (startsWith(head, ZIP_MAGIC)) {
    // An .xlsx is a zip whose entries start with `[Content_Types].xml` or `xl/`; the name of each
    // local file header is stored in clear, so the head shows it.
    const names = new TextDecoder('latin1').decode(head.subarray(0, Math.min(head.length, 4096)));
    return /xl\/|\[Content_Types\]\.xml/.test(names) ? { kind: 'xlsx' } : { kind: 'zip' };
  }
  const text = new TextDecoder('utf-8').decode(head).replace(/^\ufeff/, '');
  const trimmed = text.trimStart();

  if (trimmed.startsWith('<')) {
    const root = firstXmlElement(trimmed);
    switch (root?.name) {
      case 'Designations':
        return { kind: 'text', format: 'uk-fcdo-xml', source: 'uk-fcdo' };
      case 'sdnList':
        return { kind: 'text', format: 'us-ofac-sdn-xml', source: 'us-ofac-sdn' };
      case 'sanctionsData':
        return { kind: 'text', format: 'us-ofac-enhanced-xml', source: 'us-ofac' };
      case 'export':
        if (/fpi\/fsd\/export|sanctionEntity/.test(text)) return { kind: 'text', format: 'eu-fsf-xml', source: 'eu-fsf' };
        break;
      case 'CONSOLIDATED_LIST':
        return { kind: 'text', format: 'un-sc-xml', source: 'un-sc' };
    }
  }
  if (/^fileGenerationDate;Entity_LogicalId;/.test(trimmed)) return { kind: 'text', format: 'eu-fsf-csv', source: 'eu-fsf' };
  if (/^Report Date:/i.test(trimmed)) return { kind: 'text', format: 'uk-fcdo-csv', source: 'uk-fcdo' };
  if (/^"?Last Updated"?,/.test(trimmed) && /Group ID/.test(text)) {
    return { kind: 'text', format: 'uk-ofsi-csv', source: 'uk-ofsi' };
  }
  if (trimmed.startsWith('{')) {
    const firstLine = trimmed.split('\n', 1)[0] ?? '';
    if (/"schema"\s*:/.test(firstLine) && /"properties"\s*:/.test(firstLine)) {
      return { kind: 'text', format: 'opensanctions-ftm', source: 'opensanctions' };
    }
    if (/"op"\s*:/.test(firstLine) && /"entity"\s*:/.test(firstLine)) {
      return { kind: 'text', format: 'opensanctions-ftm', source: 'opensanctions' };
    }
  }
  if (/^"?id"?,"?schema"?,"?name"?,"?aliases"?/.test(trimmed)) {
    return { kind: 'text', format: 'opensanctions-csv', source: 'opensanctions' };
  }
  const role = ofacCsvRole(text);
  if (role) return { kind: 'ofac-csv', role };
  throw new ListFormatError(`This is not a sanctions list file Sanctions Lens can read: ${describeUnknown(head, text)}.`);
}
