import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { REVEAL_ROLES } from '../../../shared/api/people';
import { api } from '../api/client';
import { useAuth } from '../auth';
import { PageFrame } from '../components/PageFrame';
import { printPreview, saveWorkbook } from '../components/reports/deliver';
import { ExportHistory } from '../components/reports/ExportHistory';
import { LedgerProgress } from '../components/reports/LedgerProgress';
import { useLedgerExport } from '../components/reports/useLedgerExport';
import { defaultPeriod, parseReportsQuery, periodCode, type PeriodValue } from '../components/reports/period';
import { PeriodPicker } from '../components/reports/PeriodPicker';
import { ReportPreview } from '../components/reports/ReportPreview';
import { SignatureBar, type SignatureValues } from '../components/reports/SignatureBar';
import { useApiError } from '../hooks/useApiError';
import { useLoader } from '../hooks/useLoader';

const EMPTY_SIGNATURES: SignatureValues = { preparer: '', reviewer: '', phone: '', date: dayjs() };

/** 报表: pick a form, period and scope; preview it as printed; export to Excel or print; see past exports. */
export function ReportsPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const showError = useApiError();
  const catalogue = useLoader(() => api.reports.list({}), 'catalogue');
  const villages = useLoader(() => api.org.listVillages({ includeRetired: false }), 'villages');
  const [historyTick, setHistoryTick] = useState(0);
  const history = useLoader(() => api.reports.history({ limit: 100 }), String(historyTick));

  // A link (the 工作台's yearly figures) may name the form and period to open on.
  const [linked] = useState(() => parseReportsQuery(window.location.hash));
  const [formId, setFormId] = useState<string | undefined>(linked.form);
  const [period, setPeriod] = useState<PeriodValue>(() => linked.period ?? defaultPeriod());
  const [villageCode, setVillageCode] = useState('');
  const [signatures, setSignatures] = useState<SignatureValues>(EMPTY_SIGNATURES);
  const [reveal, setReveal] = useState(false);
  const [busy, setBusy] = useState<'export' | 'defaults' | null>(null);
  const frameRef = useRef<HTMLIFrameElement>(null);

  const forms = catalogue.data?.forms ?? [];
  const form = forms.find((f) => f.id === formId) ?? forms[0];
  useEffect(() => {
    const d = catalogue.data?.signatures;
    if (d)
      setSignatures((s) => ({ ...s, preparer: d.preparer ?? '', reviewer: d.reviewer ?? '', phone: d.phone ?? '' }));
  }, [catalogue.data]);

  const request = form && {
    form: form.id,
    period: periodCode(period),
    villageCode: villageCode || null,
    signatures: { ...signatures, date: signatures.date ? signatures.date.format('YYYY-MM-DD') : null },
  };
  const preview = useLoader(
    async () => (request ? api.reports.preview(request) : undefined),
    JSON.stringify(request ?? null),
  );
  const canReveal = !!form?.revealable && REVEAL_ROLES.includes(user.role);
  const ledger = useLedgerExport((job, saved) => {
    if (saved) message.success(`已导出：${job.fileName}（${job.total} 条）`);
    setHistoryTick((n) => n + 1);
  });

  async function exportXlsx() {
    if (!request) return;
    setBusy('export');
    try {
      if (form.streamed) {
        // A long ledger runs as a job; the page stays usable while the bar moves.
        setBusy(null);
        await ledger.run({ ...request, reveal: canReveal && reveal }, preview.data?.title ?? form.name);
        return;
      }
      const r = await api.reports.export({ ...request, reveal: canReveal && reveal });
      if (await saveWorkbook(r.fileName, r.bytes)) message.success(`已导出：${r.fileName}`);
      setHistoryTick((n) => n + 1);
    } catch (err) {
      showError(err);
    } finally {
      setBusy(null);
    }
  }

  /** A form that has no report of the chosen kind (the yearly summary has no 月报) starts on its first. */
  function pickForm(id: string) {
    setFormId(id);
    const kinds = forms.find((f) => f.id === id)?.periodKinds ?? [];
    if (kinds.length && !kinds.includes(period.kind)) setPeriod({ ...period, kind: kinds[0]! });
  }

  async function saveDefaults() {
    setBusy('defaults');
    try {
      const { preparer, reviewer, phone } = signatures;
      await api.reports.saveSignatures({ preparer, reviewer, phone });
      message.success('已保存为默认签署人');
    } catch (err) {
      showError(err);
    } finally {
      setBusy(null);
    }
  }

  return (
    <PageFrame
      title="报表"
      toolbar={
        <Space wrap>
          <Select
            aria-label="报表"
            value={form?.id}
            onChange={pickForm}
            options={forms.map((f) => ({ value: f.id, label: f.name }))}
            style={{ width: 200 }}
          />
          <PeriodPicker value={period} kinds={form?.periodKinds ?? []} onChange={setPeriod} />
          <Select
            aria-label="范围"
            value={villageCode}
            onChange={setVillageCode}
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              { value: '', label: '全镇' },
              ...(villages.data ?? []).map((v) => ({ value: v.code, label: v.name })),
            ]}
            style={{ width: 160 }}
          />
          {canReveal && (
            <Checkbox checked={reveal} onChange={(e) => setReveal(e.target.checked)}>
              导出完整身份证号和电话
            </Checkbox>
          )}
          <Button
            type="primary"
            icon={<FileExcelOutlined aria-hidden />}
            loading={busy === 'export' || ledger.job !== null}
            disabled={!preview.data}
            onClick={() => void exportXlsx()}
          >
            导出 Excel
          </Button>
          <Button
            icon={<PrinterOutlined aria-hidden />}
            disabled={!preview.data}
            onClick={() =>
              preview.data &&
              printPreview(frameRef.current, preview.data.html, preview.data.paper, preview.data.orientation)
            }
          >
            打印
          </Button>
        </Space>
      }
    >
      <div style={{ display: 'flex', flexDirection: 'column', gap: 8, height: '100%' }}>
        <SignatureBar
          value={signatures}
          onChange={setSignatures}
          onSaveDefaults={() => void saveDefaults()}
          saving={busy === 'defaults'}
        />
        {ledger.job && <LedgerProgress job={ledger.job} />}
        <div style={{ flex: 1, minHeight: 280 }}>
          <ReportPreview html={preview.data?.html} loading={preview.loading} frameRef={frameRef} />
        </div>
        <Typography.Text strong>导出记录</Typography.Text>
        <div style={{ height: 180 }}>
          <ExportHistory rows={history.data ?? []} loading={history.loading} />
        </div>
      </div>
    </PageFrame>
  );
}
