import { Empty, Spin } from 'antd';
import type { Ref } from 'react';
import { palette } from '../../theme';

interface Props {
  html: string | undefined;
  loading: boolean;
  frameRef: Ref<HTMLIFrameElement>;
}

/**
 * The form exactly as the core renders it for paper. Sandboxed without scripts; same origin only
 * so the page can ask it to print itself.
 */
export function ReportPreview({ html, loading, frameRef }: Props) {
  return (
    <div style={{ position: 'relative', height: '100%', border: `1px solid ${palette.border}`, background: '#fff' }}>
      {html ? (
        <iframe
          ref={frameRef}
          title="报表预览"
          data-testid="report-preview"
          sandbox="allow-same-origin allow-modals"
          srcDoc={html}
          style={{ display: 'block', width: '100%', height: '100%', border: 0 }}
        />
      ) : (
        !loading && <Empty style={{ paddingTop: 80 }} description="选择报表和期间后显示预览" />
      )}
      {loading && <Spin style={{ position: 'absolute', top: 12, right: 16 }} aria-label="正在生成预览" />}
    </div>
  );
}
