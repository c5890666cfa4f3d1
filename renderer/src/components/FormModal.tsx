import { Form, Modal, type FormInstance, type FormProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { clearErrorsOnChange } from '../hooks/useApiError';
import { useFormAction } from '../hooks/useFormAction';

interface Props<V> {
  title: ReactNode;
  /** The Form's name: antd derives the field ids from it (`village_name`, `#village_name_help`). */
  name: string;
  /** Only when the caller needs the instance itself; otherwise the modal makes its own. */
  form?: FormInstance<V>;
  initialValues?: FormProps<V>['initialValues'];
  width?: number;
  /** Saves the values (and says so); the modal closes when it resolves, a failure shows under the fields. */
  onSave: (values: V) => Promise<unknown>;
  /** After the modal has closed, whether saved or cancelled: the parent unmounts it then. */
  onClose: () => void;
  children: ReactNode;
}

/** A dialog around one vertical form, mounted per use: 保存 submits it, 取消 or a successful save closes it. */
export function FormModal<V>({ title, name, form: given, initialValues, width, onSave, onClose, children }: Props<V>) {
  const [form] = Form.useForm<V>(given);
  const [open, setOpen] = useState(true);
  const { saving, submit } = useFormAction(form, async (values: V) => {
    await onSave(values);
    setOpen(false);
  });

  return (
    <Modal
      title={title}
      open={open}
      okText="保存"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => setOpen(false)}
      afterClose={onClose}
      width={width}
    >
      <Form<V>
        form={form}
        onValuesChange={clearErrorsOnChange(form)}
        name={name}
        layout="vertical"
        style={{ marginTop: 16 }}
        initialValues={initialValues}
        onFinish={submit}
      >
        {children}
      </Form>
    </Modal>
  );
}
