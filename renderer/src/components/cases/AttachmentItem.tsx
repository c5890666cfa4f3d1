import { DownloadOutlined, FileOutlined } from '@ant-design/icons';
import { Button, Image } from 'antd';
import type { CaseAttachment } from '../../../../shared/api/cases';
import { api } from '../../api/client';
import { useApiError } from '../../hooks/useApiError';
import { useLoader } from '../../hooks/useLoader';
import { dataUrl, formatSize } from './attachmentData';
import { formatTime } from './format';

const isImage = (a: CaseAttachment) => /^image\/(png|jpe?g|gif|webp|bmp)$/.test(a.mime);

function Thumb({ attachment }: { attachment: CaseAttachment }) {
  // The CSP allows data: images, so the stored bytes are shown as they are.
  const file = useLoader(() => api.cases.getAttachment({ id: attachment.id }), attachment.id);
  if (!file.data) return <div style={{ width: 96, height: 72, background: '#f2f4f7' }} />;
  return (
    <Image
      width={96}
      height={72}
      style={{ objectFit: 'cover' }}
      src={dataUrl(file.data.mime, file.data.data)}
      alt={attachment.name}
    />
  );
}

/** One attachment: an image as a thumbnail (click to enlarge), anything else as its name to download. */
export function AttachmentItem({ attachment }: { attachment: CaseAttachment }) {
  const showError = useApiError();
  const download = async () => {
    try {
      const file = await api.cases.getAttachment({ id: attachment.id });
      const link = document.createElement('a');
      link.href = dataUrl(file.mime, file.data);
      link.download = file.name;
      link.click();
    } catch (err) {
      showError(err);
    }
  };
  return (
    <div data-testid="attachment" style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
      {isImage(attachment) ? (
        <Thumb attachment={attachment} />
      ) : (
        <FileOutlined aria-hidden style={{ fontSize: 32, width: 96, color: '#8a94a6' }} />
      )}
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{attachment.name}</div>
        <div style={{ color: '#8a94a6', fontSize: 12 }}>
          {formatSize(attachment.size)} · {formatTime(attachment.createdAt)}
        </div>
      </div>
      <Button size="small" icon={<DownloadOutlined aria-hidden />} onClick={() => void download()}>
        下载
      </Button>
    </div>
  );
}
