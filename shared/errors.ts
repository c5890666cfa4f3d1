/** The typed errors every carrier returns; `message` is Chinese and safe to show to a clerk. */
export const ERROR_CODES = [
  'VALIDATION', // 校验失败
  'UNAUTHENTICATED', // 未登录
  'FORBIDDEN', // 无权限
  'NOT_FOUND', // 不存在
  'CONFLICT', // 冲突
  'INTERNAL', // 内部错误
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Path into the input, e.g. ['households']. */
  path: (string | number)[];
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  /** For VALIDATION: one entry per offending field. */
  issues?: FieldIssue[];
}

export type RpcResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

/** Thrown by core services and rethrown by the renderer client. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  constructor(code: ErrorCode, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }
  toBody(): ApiErrorBody {
    return this.issues.length
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
  static fromBody(body: ApiErrorBody): ApiError {
    return new ApiError(body.code, body.message, body.issues ?? []);
  }
}

/** A VALIDATION error about one field. */
export function fieldError(path: (string | number)[], message: string): ApiError {
  return new ApiError('VALIDATION', message, [{ path, message }]);
}
