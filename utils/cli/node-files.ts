import { createReadStream, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { ListReadError, planLists, readPlannedList, type ListFile } from '../formats/read';
import type { Target } from '../model';

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

/** filesFromListPath, with a path that is not there reported as a ListReadError naming it. */
export function listFilesAt(path: string): ListFile[] {
  try {
    return filesFromListPath(path);
  } catch (error) {
    throw new ListReadError(path, (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(error));
  }
}

/** Every target of the lists at these paths, read with the same readers as the extension. */
export async function readTargetsAt(paths: string[]): Promise<Target[]> {
  const targets: Target[] = [];
  for (const path of paths) {
    for (const plan of await planLists(listFilesAt(path))) {
      await readPlannedList(plan, { onTargets: (batch) => void targets.push(...batch) });
    }
  }
  return targets;
}
