import type { Core } from '../core/app';
import { ApiError } from '../../shared/errors';

/** Runs one contract method as the CLI administrator and returns its data, or throws the typed error. */
export function callAsCli<T>(core: Core, method: string, input: unknown): T {
  const result = core.dispatch({ method, input, actor: 'cli' });
  if (!result.ok) throw ApiError.fromBody(result.error);
  return result.data as T;
}
