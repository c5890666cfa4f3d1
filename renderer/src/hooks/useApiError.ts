import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../../../shared/errors';
import { changedNames } from './changedNames';

const sameName = (a: (string | number)[], b: (string | number)[]) =>
  a.length === b.length && a.every((part, i) => String(part) === String(b[i]));

/**
 * Shows a failed call to the user: a VALIDATION issue goes under the form field its path names,
 * everything else (and issues with no matching field) becomes a message. A refused session is
 * handled by the app shell, which shows the login page.
 */
export function useApiError(): (err: unknown, form?: FormInstance) => void {
  const { message } = App.useApp();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (!(err instanceof ApiError)) {
        message.error(`操作失败：${err instanceof Error ? err.message : String(err)}`);
        return;
      }
      if (err.code === 'UNAUTHENTICATED') return;
      if (err.code === 'VALIDATION' && form && err.issues.length > 0) {
        const fieldNames = form.getFieldsError().map((f) => f.name);
        const placed = err.issues.filter((issue) => fieldNames.some((name) => sameName(name, issue.path)));
        form.setFields(placed.map((issue) => ({ name: issue.path, errors: [issue.message] })));
        const rest = err.issues.filter((issue) => !placed.includes(issue));
        if (rest.length > 0) message.error(rest.map((issue) => issue.message).join('；'));
        return;
      }
      message.error(err.message);
    },
    [message],
  );
}

/** A server-placed field error stays until that field changes (antd only clears errors its own rules set). */
export function clearErrorsOnChange(form: FormInstance) {
  return (changed: object) => form.setFields(changedNames(changed).map((name) => ({ name, errors: [] })));
}
