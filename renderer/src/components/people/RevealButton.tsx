import { EyeOutlined } from '@ant-design/icons';
import { Button, Descriptions, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useApiError } from '../../hooks/useApiError';

type Revealed = Awaited<ReturnType<typeof api.people.reveal>>;

/** 查看完整信息 (管理员、审核人): the full ID number, phone and address; each reveal is in the audit log. */
export function RevealButton({ personId }: { personId: string }) {
  const showError = useApiError();
  const [loading, setLoading] = useState(false);
  const [shown, setShown] = useState<Revealed | null>(null);

  const reveal = async () => {
    setLoading(true);
    try {
      setShown(await api.people.reveal({ id: personId }));
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
        title={shown ? `完整信息 · ${shown.name}` : '完整信息'}
        open={shown !== null}
        footer={<Button onClick={() => setShown(null)}>关闭</Button>}
        onCancel={() => setShown(null)}
        destroyOnHidden
      >
        {shown && (
          <>
            <Descriptions size="small" column={1} bordered data-testid="revealed">
              <Descriptions.Item label="身份证号">
                <span style={{ fontFamily: 'monospace' }}>{shown.idNumber}</span>
              </Descriptions.Item>
              <Descriptions.Item label="联系电话">{shown.phone ?? '未登记'}</Descriptions.Item>
              <Descriptions.Item label="住址">{shown.address ?? '未登记'}</Descriptions.Item>
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
