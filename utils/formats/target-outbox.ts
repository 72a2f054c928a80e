import type { Target } from '../model';
import { ListFormatError } from './types';

/**
 * Runs a reader's step so that its first error sticks: a reader that failed once keeps failing
 * with the same reason. Errors that are not ListFormatError become one, worded by `describe`.
 */
export function stickyGuard(describe: (error: unknown) => string = (error) => String((error as Error)?.message ?? error)) {
  let failure: ListFormatError | undefined;
  return <T>(run: () => T): T => {
    if (failure) throw failure;
    try {
      return run();
    } catch (error) {
      failure = error instanceof ListFormatError ? error : new ListFormatError(describe(error));
      throw failure;
    }
  };
}

/**
 * The targets a streaming reader has finished, handed out once per write() or end().
 * The first error sticks: a reader that failed once keeps failing with the same reason.
 */
export class TargetOutbox {
  private pending: Target[] = [];
  private readonly guard = stickyGuard();

  push(target: Target): void {
    this.pending.push(target);
  }

  run(step: () => void): Target[] {
    this.guard(step);
    const done = this.pending;
    this.pending = [];
    return done;
  }
}
