import type { ListFile } from '../formats/read';
import { parseIsoDate } from '../formats/dates';

/** Validators from the last successful download, for conditional requests. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type DownloadResult =
  | { status: 'unchanged' }
  | { status: 'fetched'; file: ListFile; validators: Validators };

export class DownloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DownloadError';
  }
}

/**
 * Turns a response body into a ListFile. The body can be read only once; the reader peeks at
 * its head and continues the same stream (utils/formats/read.ts), so one stream is enough.
 */
export function fileFromResponse(name: string, response: Response): ListFile {
  if (!response.body) throw new DownloadError(`${name}: the server sent no content`);
  const streams = [response.body];
  const length = Number(response.headers.get('content-length') ?? '');
  const lastModified = response.headers.get('last-modified');
  const httpDate = lastModified ? new Date(lastModified) : undefined;
  return {
    name,
    size: Number.isFinite(length) && length > 0 ? length : undefined,
    externalDate:
      httpDate && !Number.isNaN(httpDate.getTime())
        ? { date: parseIsoDate(httpDate.toISOString())!, origin: 'http' }
        : undefined,
    stream() {
      const next = streams.shift();
      if (!next) throw new DownloadError(`${name}: the download was already read`);
      return next;
    },
  };
}

/** GET with If-None-Match / If-Modified-Since, so an unchanged list costs one small request. */
export async function conditionalDownload(
  url: string,
  name: string,
  previous: Validators,
  fetchImpl: typeof fetch = fetch,
  signal?: AbortSignal,
): Promise<DownloadResult> {
  const headers: Record<string, string> = {};
  if (previous.etag) headers['If-None-Match'] = previous.etag;
  if (previous.lastModified) headers['If-Modified-Since'] = previous.lastModified;
  let response: Response;
  try {
    response = await fetchImpl(url, { headers, signal, cache: 'no-store', credentials: 'omit' });
  } catch (error) {
    throw new DownloadError(`could not reach ${new URL(url).host} (${error instanceof Error ? error.message : String(error)})`);
  }
  if (response.status === 304) return { status: 'unchanged' };
  if (!response.ok) throw new DownloadError(`${new URL(url).host} answered ${response.status} ${response.statusText}`.trim());
  return {
    status: 'fetched',
    file: fileFromResponse(name, response),
    validators: {
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
    },
  };
}
