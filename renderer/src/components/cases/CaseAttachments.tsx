import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { CaseAttachment } from '../../../../shared/api/cases';
import { api } from '../../api/client';
import { useApiError } from '../../hooks/useApiError';
import { AttachmentItem } from './AttachmentItem';
import { ATTACHMENT_MAX_BYTES, formatSize, readBase64 } from './attachmentData';

interface Props {
  caseId: string;
  attachments: CaseAttachment[];
  onChanged: () => void;
}

/** 附件: photos and documents of the case; the size is checked before the upload starts. */
export function CaseAttachments({ caseId, attachments, onChanged }: Props) {
  const { message } = App.useApp();
  const showError = useApiError();
  const [uploading, setUploading] = useState(false);

  const upload = async (file: File) => {
    if (file.size > ATTACHMENT_MAX_BYTES) {
      message.error(
        `文件「${file.name}」大小 ${formatSize(file.size)}，超过单个附件 ${formatSize(ATTACHMENT_MAX_BYTES)} 的上限，请压缩后再上传`,
      );
      return;
    }
    setUploading(true);
    try {
      const data = await readBase64(file);
      await api.cases.addAttachment({ caseId, name: file.name, mime: file.type || 'application/octet-stream', data });
      message.success(`已上传附件 ${file.name}`);
      onChanged();
    } catch (err) {
      showError(err);
    } finally {
      setUploading(false);
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
      <Typography.Text type="secondary">照片或文件，单个不超过 {formatSize(ATTACHMENT_MAX_BYTES)}</Typography.Text>
      {attachments.length === 0 ? (
        <Typography.Text type="secondary">暂无附件</Typography.Text>
      ) : (
        attachments.map((a) => <AttachmentItem key={a.id} attachment={a} />)
      )}
    </Space>
  );
}
