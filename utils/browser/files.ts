import type { ListFile } from '../formats/read';

/** A file the user picked or dropped, streamed rather than read whole. */
export function fileFromBrowserFile(file: File): ListFile {
  return {
    name: file.name,
    size: file.size,
    lastModified: file.lastModified,
    stream: () => file.stream() as ReadableStream<Uint8Array>,
  };
}
