import { EyeOutlined } from '@ant-design/icons';
import { Button, Descriptions, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useApiError } from '../../hooks/useApiError';

type Revealed = Awaited<ReturnType<typeof api.cases.revealContact>>;

/** 查看完整信息 (管理员、审核人): the reporter's full contact; each reveal is in the audit log. */
export function ContactReveal({ caseId }: { caseId: string }) {
  const showError = useApiError();
  const [loading, setLoading] = useState(false);
  const [shown, setShown] = useState<Revealed | null>(null);

  const reveal = async () => {
    setLoading(true);
    try {
      setShown(await api.cases.revealContact({ id: caseId }));
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
        title="报告人完整信息"
        open={shown !== null}
        footer={<Button onClick={() => setShown(null)}>关闭</Button>}
        onCancel={() => setShown(null)}
        destroyOnHidden
      >
        {shown && (
          <>
            <Descriptions size="small" column={1} bordered data-testid="revealed-contact">
              <Descriptions.Item label="报告人">{shown.reporterName ?? '未登记'}</Descriptions.Item>
              <Descriptions.Item label="联系电话">{shown.contact ?? '未登记'}</Descriptions.Item>
            </Descriptions>
            <p style={{ color: '#8a94a6', marginTop: 12, marginBottom: 0 }}>
              本次查看已记入操作日志。个人信息仅限工作使用，请勿外传。
            </p>
          </>
        )}
      </Modal>
    </>
  );
}
