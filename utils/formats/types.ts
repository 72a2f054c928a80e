import type { ListMeta, Target } from '../model';

/** A file that cannot be read as a sanctions list: the message names the reason in plain words. */
export class ListFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ListFormatError';
  }
}

/**
 * A streaming reader for one text format: feed decoded text in chunks of any size,
 * take the targets each chunk completes. Memory stays bounded by one record.
 */
export interface TextListReader {
  /** Feeds text; returns the targets this chunk completed. Throws ListFormatError on bad input. */
  write(text: string): Target[];
  /** End of input: returns the last targets; throws ListFormatError when the input was cut short. */
  end(): Target[];
  /** What is known of the list so far (its date once read). */
  meta(): ListMeta;
}

/** A whole list read at once (formats that need random access: xlsx, OFAC CSV sets). */
export interface ReadList {
  meta: ListMeta;
  targets: Target[];
}
