/**
 * Exit statuses, as DESIGN.md fixes them for scripts: 1 when input rows were
 * rejected, 2 for unusable arguments; 3 when the store cannot be used.
 */
import { assertNever, type RetainErrorCode } from '../domain/errors.js';

export const EXIT_OK = 0;
export const EXIT_REJECTED_ROWS = 1;
export const EXIT_BAD_ARGUMENTS = 2;
export const EXIT_STORE_FAILURE = 3;

export function exitCodeOf(code: RetainErrorCode): number {
  switch (code) {
    case 'INVALID_ARGUMENT':
    case 'UNKNOWN_METRIC':
    case 'NOT_FOUND':
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
      return EXIT_BAD_ARGUMENTS;
    case 'CONFLICT':
      return EXIT_REJECTED_ROWS;
    case 'STORE_UNAVAILABLE':
    case 'STORE_LOCKED':
    case 'STORE_TOO_NEW':
      return EXIT_STORE_FAILURE;
    default:
      return assertNever(code);
  }
}
