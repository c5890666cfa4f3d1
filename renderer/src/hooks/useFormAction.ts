import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useApiError } from './useApiError';

export interface FormAction<V> {
  /** True while the action runs: the 保存 button shows it as loading. */
  saving: boolean;
  /** The form's `onFinish`. */
  submit: (values: V) => Promise<void>;
}

/**
 * Runs a form's save action. A failure is shown through useApiError with the form, so a VALIDATION
 * issue lands under the field it names; anything after the call (a message, closing) belongs in `action`.
 */
export function useFormAction<V>(form: FormInstance<V>, action: (values: V) => Promise<unknown>): FormAction<V> {
  const showError = useApiError();
  const [saving, setSaving] = useState(false);
  const submit = async (values: V) => {
    setSaving(true);
    try {
      await action(values);
    } catch (err) {
      showError(err, form);
    } finally {
      setSaving(false);
    }
  };
  return { saving, submit };
}
