// Errors that cross the API boundary: a stable code for programs, a message for people.
import { z } from 'zod';

export const ErrorCode = z.enum([
  'INVALID_INPUT',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'UNSUPPORTED_FILE',
  'TOO_LARGE',
  'EMPTY_FILE',
  'BINARY_FILE',
  'PDF_ENCRYPTED',
  'PDF_DAMAGED',
  'PDF_NO_TEXT',
  'CASE_CORRUPT',
  'CASE_TOO_NEW',
  'CASE_LOCKED',
  'FORBIDDEN',
  /** The disk holding the case is full or cannot be written: nothing was saved. */
  'DISK_FULL',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ApiErrorShape = z.infer<typeof ApiErrorShape>;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
  static from(shape: unknown): ApiError {
    const parsed = ApiErrorShape.safeParse(shape);
    if (parsed.success) return new ApiError(parsed.data.code, parsed.data.message, parsed.data.details);
    return new ApiError('INTERNAL', 'Unexpected error from Corroborate’s core.');
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
