import { App } from 'antd';
import { useCallback } from 'react';
import { useApiError } from './useApiError';

export interface ConfirmOptions {
  title: string;
  content: string;
  okText: string;
  danger?: boolean;
  run: () => Promise<unknown>;
  success: string;
}

/** A confirmation dialog around one call; success and failure are reported as messages. */
export function useConfirmAction(): (options: ConfirmOptions) => void {
  const { modal, message } = App.useApp();
  const showError = useApiError();
  return useCallback(
    ({ title, content, okText, danger, run, success }: ConfirmOptions) => {
      modal.confirm({
        title,
        content,
        okText,
        cancelText: '取消',
        okButtonProps: { danger },
        onOk: async () => {
          try {
            await run();
            message.success(success);
          } catch (err) {
            showError(err);
          }
        },
      });
    },
    [modal, message, showError],
  );
}
