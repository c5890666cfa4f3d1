import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Result, Space, Steps, Upload } from 'antd';
import { useState } from 'react';
import type { ImportPreview } from '../../../../shared/api/people';
import { api } from '../../api/client';
import { readBase64 } from '../../api/fileData';
import { useApiError } from '../../hooks/useApiError';
import { ImportRowTable } from './ImportRowTable';

type Done = Awaited<ReturnType<typeof api.people.importCommit>>;

interface Props {
  onClose: () => void;
  onImported: () => void;
}

/** 导入花名册: choose the .xlsx → preview every row (新增 / 更新 / 错误) → import the valid rows at once. */
export function ImportModal({ onClose, onImported }: Props) {
  const { message } = App.useApp();
  const showError = useApiError();
  const [open, setOpen] = useState(true);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<{ name: string; data: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const step = done ? 2 : preview?.ok ? 1 : 0;
  const valid = preview?.ok ? preview.counts.new + preview.counts.update : 0;

  const choose = async (f: File) => {
    setBusy(true);
    setPreview(null);
    try {
      const data = await readBase64(f);
      setFile({ name: f.name, data });
      setPreview(await api.people.importPreview({ file: data }));
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await api.people.importCommit({ file: file.data });
      setDone(result);
      message.success(`已导入 ${result.created + result.updated} 人`);
      onImported();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  const footer = done ? (
    <Button type="primary" onClick={() => setOpen(false)}>
      完成
    </Button>
  ) : (
    <Space>
      <Button onClick={() => setOpen(false)}>取消</Button>
      {preview?.ok && (
        <Button onClick={() => setPreview(null)} disabled={busy}>
          重新选择文件
        </Button>
      )}
      <Button
        type="primary"
        disabled={!preview?.ok || valid === 0}
        loading={busy && step === 1}
        onClick={() => void commit()}
      >
        导入 {valid} 行
      </Button>
    </Space>
  );

  return (
    <Modal
      title="导入网格员花名册"
      open={open}
      width={1040}
      footer={footer}
      onCancel={() => setOpen(false)}
      afterClose={onClose}
    >
      <Steps
        size="small"
        current={step}
        status={done ? 'finish' : 'process'}
        style={{ margin: '8px 0 16px' }}
        items={[{ title: '选择文件' }, { title: '预览核对' }, { title: '完成' }]}
      />
      {step === 0 && (
        <>
          <Upload.Dragger
            accept=".xlsx"
            showUploadList={false}
            disabled={busy}
            beforeUpload={(f) => {
              void choose(f);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{busy ? '正在读取…' : '点击或拖入花名册文件（.xlsx）'}</p>
            <p className="ant-upload-hint">
              表头按列名识别，列的顺序不限：网格、姓名、身份证号、联系电话、专兼职、政治面貌、文化程度、登记日期、备注等。
            </p>
          </Upload.Dragger>
          {preview && !preview.ok && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 12 }}
              title={`${file?.name ?? '文件'}无法导入`}
              description={preview.message}
              data-testid="import-file-error"
            />
          )}
        </>
      )}
      {step === 1 && preview?.ok && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <div data-testid="import-counts">
            {file?.name}（工作表“{preview.sheetName}”）：新增 {preview.counts.new} 人，更新 {preview.counts.update}{' '}
            人，错误 {preview.counts.error} 行。错误行不会导入，请在表格中改正后再导入这些行。
          </div>
          {preview.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon title={w} />
          ))}
          <ImportRowTable rows={preview.rows} />
        </Space>
      )}
      {step === 2 && done && (
        <Result
          status="success"
          title="花名册已导入"
          subTitle={`新增 ${done.created} 人，更新 ${done.updated} 人，新增任职 ${done.postsAdded} 项；跳过错误行 ${done.skipped} 行。`}
          data-testid="import-done"
        />
      )}
    </Modal>
  );
}
