import { createReadStream, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import type { ListFile } from '../formats/read';

/** A file on disk as a ListFile (streamed, like a download in the extension). */
export function fileFromPath(path: string): ListFile {
  const stat = statSync(path);
  return {
    name: basename(path),
    size: stat.size,
    lastModified: stat.mtimeMs,
    stream: () => Readable.toWeb(createReadStream(path, { highWaterMark: 256 * 1024 })) as ReadableStream<Uint8Array>,
  };
}

/**
 * `--list PATH`: a file, or a folder holding one OFAC CSV set (sdn.csv with alt/add/comments).
 * A folder's files keep the folder's name in front so a date in it (`2024-05-03/sdn.csv`) is seen.
 */
export function filesFromListPath(path: string): ListFile[] {
  if (!statSync(path).isDirectory()) return [fileFromPath(path)];
  const folder = basename(path);
  return readdirSync(path)
    .filter((name) => !name.startsWith('.') && /\.(csv|txt)$/i.test(name) && statSync(join(path, name)).isFile())
    .sort()
    .map((name) => ({ ...fileFromPath(join(path, name)), name: `${folder}/${name}` }));
}
