import { ApiError } from '../../../../shared/errors';

/**
 * A form field may stand for several input keys (one cascader for 大类 and 小类): an issue about
 * any of them is moved to the field, so it shows under the control the clerk touches.
 */
export function remapIssues(err: unknown, fields: Record<string, (string | number)[]>): unknown {
  if (!(err instanceof ApiError) || err.issues.length === 0) return err;
  const seen = new Set<string>();
  const issues = err.issues
    .map((i) => {
      const head = i.path[0];
      const to = typeof head === 'string' ? fields[head] : undefined;
      return to ? { ...i, path: to } : i;
    })
    // The first reason per field: 请选择大类 before 请选择小类.
    .filter((i) => {
      const key = i.path.join('.');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return new ApiError(err.code, err.message, issues);
}
