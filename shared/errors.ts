// Error codes and the result envelope that every IPC call returns. The code tells the UI what to
// offer; the message is a sentence the user can act on.

export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'PHASE_RULE',
  'CORRUPT',
  'TOO_NEW',
  /** The archive is open in another copy of Roundtable. */
  'IN_USE',
  /** The disk holding the archive is full: what was already saved is kept. */
  'DISK_FULL',
  /** The archive's file or folder cannot be written (permissions, a read-only disk). */
  'READ_ONLY',
  /** The disk reported an error reading or writing the archive. */
  'IO_ERROR',
  /** The archive is encrypted and not unlocked yet: nothing can be read or saved before it is. */
  'LOCKED',
  /** A passphrase, recovery key or archive key that does not open this archive: nothing changed. */
  'WRONG_KEY',
  /** A file offered as a digest holds no digest post at all: nothing was imported. */
  'NOT_A_DIGEST',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

/** An error that is meant for the user: it crosses IPC as its code and message, never as a stack. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
