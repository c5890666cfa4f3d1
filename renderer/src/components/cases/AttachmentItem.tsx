import { DownloadOutlined, FileOutlined } from '@ant-design/icons';
import { Button, Image } from 'antd';
import { useEffect, useState } from 'react';
import type { CaseAttachment } from '../../../../shared/api/cases';
import { useApiError } from '../../hooks/useApiError';
import { useLoader } from '../../hooks/useLoader';
import { downloadAttachment, formatSize } from './attachmentData';
import { formatTime } from './format';

const isImage = (a: CaseAttachment) => /^image\/(png|jpe?g|gif|webp|bmp)$/.test(a.mime);

function Thumb({ attachment }: { attachment: CaseAttachment }) {
  const file = useLoader(() => downloadAttachment(attachment), attachment.id);
  // The CSP allows blob: images: the bytes are shown from an object URL, let go with the thumbnail.
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    if (!file.data) return;
    const url = URL.createObjectURL(file.data);
    setSrc(url);
    return () => URL.revokeObjectURL(url);
  }, [file.data]);
  if (!src) return <div style={{ width: 96, height: 72, background: '#f2f4f7' }} />;
  return <Image width={96} height={72} style={{ objectFit: 'cover' }} src={src} alt={attachment.name} />;
}

/** One attachment: an image as a thumbnail (click to enlarge), anything else as its name to download. */
export function AttachmentItem({ attachment }: { attachment: CaseAttachment }) {
  const showError = useApiError();
  const download = async () => {
    try {
      const url = URL.createObjectURL(await downloadAttachment(attachment));
      const link = document.createElement('a');
      link.href = url;
      link.download = attachment.name;
      link.click();
      // The click has started the download; the URL is let go once it has been read.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
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
