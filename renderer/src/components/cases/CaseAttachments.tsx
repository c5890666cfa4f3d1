import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { CaseAttachment } from '../../../../shared/api/cases';
import { useApiError } from '../../hooks/useApiError';
import { AttachmentItem } from './AttachmentItem';
import { ATTACHMENT_MAX_BYTES, formatSize, uploadAttachment } from './attachmentData';

interface Props {
  caseId: string;
  attachments: CaseAttachment[];
  onChanged: () => void;
}

/** 附件: photos and documents of the case; the size is checked before the upload starts, chunks show as progress. */
export function CaseAttachments({ caseId, attachments, onChanged }: Props) {
  const { message } = App.useApp();
  const showError = useApiError();
  // The file being sent and the share sent so far; null when idle.
  const [progress, setProgress] = useState<{ name: string; share: number } | null>(null);
  const uploading = progress !== null;

  const upload = async (file: File) => {
    if (file.size > ATTACHMENT_MAX_BYTES) {
      message.error(
        `文件「${file.name}」大小 ${formatSize(file.size)}，超过单个附件 ${formatSize(ATTACHMENT_MAX_BYTES)} 的上限，请压缩后再上传`,
      );
      return;
    }
    setProgress({ name: file.name, share: 0 });
    try {
      await uploadAttachment(caseId, file, (share) => setProgress({ name: file.name, share }));
      message.success(`已上传附件 ${file.name}`);
      onChanged();
    } catch (err) {
      showError(err);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Upload
        showUploadList={false}
        multiple={false}
        beforeUpload={(file) => {
          void upload(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined aria-hidden />} loading={uploading}>
          上传附件
        </Button>
      </Upload>
      {progress && (
        <div data-testid="attachment-progress">
          <Typography.Text>正在上传「{progress.name}」</Typography.Text>
          <Progress percent={Math.floor(progress.share * 100)} size="small" status="active" />
        </div>
      )}
      <Typography.Text type="secondary">照片或文件，单个不超过 {formatSize(ATTACHMENT_MAX_BYTES)}</Typography.Text>
      {attachments.length === 0 ? (
        <Typography.Text type="secondary">暂无附件</Typography.Text>
      ) : (
        attachments.map((a) => <AttachmentItem key={a.id} attachment={a} />)
      )}
    </Space>
  );
}
