import { EyeOutlined } from '@ant-design/icons';
import { Button, Descriptions, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useApiError } from '../hooks/useApiError';

interface Props<T> {
  /** The audited reveal call (people.reveal, cases.revealContact …). */
  load: () => Promise<T>;
  title: (shown: T) => string;
  rows: (shown: T) => { label: string; value: ReactNode }[];
  testId: string;
}

/** 查看完整信息 for 管理员/审核人: one audited call, its result in a modal with the duty-of-care line. */
export function RevealAction<T>({ load, title, rows, testId }: Props<T>) {
  const showError = useApiError();
  const [loading, setLoading] = useState(false);
  const [shown, setShown] = useState<T | null>(null);

  const reveal = async () => {
    setLoading(true);
    try {
      setShown(await load());
    } catch (err) {
      showError(err);
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Button size="small" icon={<EyeOutlined aria-hidden />} loading={loading} onClick={() => void reveal()}>
        查看完整信息
      </Button>
      <Modal
        title={shown ? title(shown) : '完整信息'}
        open={shown !== null}
        footer={<Button onClick={() => setShown(null)}>关闭</Button>}
        onCancel={() => setShown(null)}
        destroyOnHidden
      >
        {shown && (
          <>
            <Descriptions size="small" column={1} bordered data-testid={testId}>
              {rows(shown).map((r) => (
                <Descriptions.Item key={r.label} label={r.label}>
                  {r.value}
                </Descriptions.Item>
              ))}
            </Descriptions>
            <p style={{ color: '#8a94a6', marginTop: 12, marginBottom: 0 }}>
              本次查看已记入操作日志。个人信息仅限工作使用，请勿拍照、抄录或外传。
            </p>
          </>
        )}
      </Modal>
    </>
  );
}
