/**
 * The one error class for refusals and environment failures. Bad rows in an
 * import are not errors: they become `Reject`s and the import goes on.
 * Each surface maps `code` in one exhaustive switch (CLI exit codes, HTTP status).
 */
export type RetainErrorCode =
  | 'INVALID_ARGUMENT'
  | 'UNKNOWN_METRIC'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'STORE_UNAVAILABLE'
  | 'STORE_LOCKED'
  | 'STORE_TOO_NEW'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN';

export class RetainError extends Error {
  override readonly name = 'RetainError';
  /** What the user can do about it; the CLI prints it, the API returns it. */
  readonly hint: string | undefined;

  constructor(
    readonly code: RetainErrorCode,
    message: string,
    options: { hint?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.hint = options.hint;
  }
}

/** Marks a branch the type checker has proven unreachable; reaching it is a bug. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
