import { unzipSync } from 'fflate';
import { ListFormatError } from './types';

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

/**
 * The files of a zip archive (OFAC's `SDN_XML.ZIP`, `CONS_ENHANCED.ZIP`), in archive order; folders
 * are left out. A damaged or cut-short archive is a ListFormatError.
 */
export function unzipEntries(bytes: Uint8Array): ZipEntry[] {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ListFormatError('This is not a zip archive (it does not start with the zip signature “PK”).');
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ListFormatError(
      `The zip archive is damaged or incomplete, probably a cut-short download (${reason}).`,
    );
  }
  return Object.entries(files)
    .filter(([name]) => !name.endsWith('/'))
    .map(([name, data]) => ({ name, bytes: data }));
}
