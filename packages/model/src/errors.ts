/**
 * Errors: one class with a stable machine-readable `code` and a human message that says
 * where, what, the value and a hint. The CLI and the server map `code` to exit status or
 * HTTP status in one place each.
 */

export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'NEO4J_UNAVAILABLE',
  'NEO4J_ERROR',
  'CYPHER_WRITE_REFUSED',
  'CYPHER_ERROR',
  'QUERY_TIMEOUT',
  'LIMIT_EXCEEDED',
  'UNAUTHORIZED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class HotlineError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HotlineError';
    this.code = code;
  }
}

export function isHotlineError(value: unknown): value is HotlineError {
  return value instanceof HotlineError;
}
