import { ApiError, type ErrorCode } from '../../../shared/errors';

/** What a refused call leaves in the audit log, although its own transaction is rolled back. */
export interface FailureEntry {
  method: string;
  username: string;
  userId?: string | null;
  detail?: string | null;
}

/**
 * A refusal that must be on record (e.g. a failed login): the dispatcher rolls the call back as
 * usual, then writes `entry` to the audit log in a transaction of its own.
 */
export class AuditedFailure extends ApiError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly entry: FailureEntry,
  ) {
    super(code, message);
  }
}
