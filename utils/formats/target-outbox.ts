import type { Target } from '../model';
import { ListFormatError } from './types';

/**
 * The targets a streaming reader has finished, handed out once per write() or end().
 * The first error sticks: a reader that failed once keeps failing with the same reason.
 */
export class TargetOutbox {
  private pending: Target[] = [];
  private failure?: ListFormatError;

  push(target: Target): void {
    this.pending.push(target);
  }

  run(step: () => void): Target[] {
    if (this.failure) throw this.failure;
    try {
      step();
    } catch (error) {
      this.failure = error instanceof ListFormatError ? error : new ListFormatError(String((error as Error)?.message ?? error));
      throw this.failure;
    }
    const done = this.pending;
    this.pending = [];
    return done;
  }
}
