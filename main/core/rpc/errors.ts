import { ZodError } from 'zod';
import { ApiError, type FieldIssue } from '../../../shared/errors';

/** Turns anything a handler threw into a typed error; never leaks a stack trace to the caller. */
export function toApiError(err: unknown, log: (e: unknown) => void = console.error): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof ZodError) return validationError(err);
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      return new ApiError('CONFLICT', '记录已存在，不能重复添加');
    }
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
      return new ApiError('CONFLICT', '关联的记录不存在或仍被引用');
    }
  }
  if (code === 'SQLITE_BUSY') return new ApiError('CONFLICT', '数据库正忙，请稍后重试');
  log(err);
  return new ApiError('INTERNAL', '内部错误，操作未保存，请联系管理员');
}

export function validationError(err: ZodError): ApiError {
  const issues: FieldIssue[] = err.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
  }));
  const first = issues[0];
  const where = first && first.path.length ? `（${first.path.join('.')}）` : '';
  return new ApiError('VALIDATION', `校验失败${where}：${first?.message ?? '输入不正确'}`, issues);
}
