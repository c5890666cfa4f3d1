import type { Core } from '../core/app';
import { dispatchAny } from '../core/rpc/dispatcher';
import { ApiError } from '../../shared/errors';

/** Runs one contract method as the CLI administrator and returns its data, or throws the typed error. */
export function callAsCli<T>(core: Core, method: string, input: unknown): T {
  const result = core.dispatch({ method, input, actor: 'cli' });
  if (!result.ok) throw ApiError.fromBody(result.error);
  return result.data as T;
}

/** The same for methods with an asynchronous step (an export draws its workbook before the transaction). */
export async function callAsCliAsync<T>(core: Core, method: string, input: unknown): Promise<T> {
  const result = await dispatchAny(core.dispatch, { method, input, actor: 'cli' });
  if (!result.ok) throw ApiError.fromBody(result.error);
  return result.data as T;
}
