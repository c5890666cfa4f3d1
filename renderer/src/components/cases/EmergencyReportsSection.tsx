import { App, Button, Empty, Form, Input, Space, Timeline } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from '../../../../shared/api/cases';
import { EMERGENCY_REPORT_KIND_LABELS } from '../../../../shared/cases/codes';
import { EMERGENCY_REPORT_MAX, type LaterReportKind } from '../../../../shared/cases/emergency';
import { api } from '../../api/client';
import { FormModal } from '../FormModal';
import { formatTime } from './format';

interface Props {
  detail: CaseDetail;
  onChanged: () => void;
}

/** 突发事件's reports to the county (首报/续报/终报) with their times, and the next ones allowed. */
export function EmergencyReportsSection({ detail, onChanged }: Props) {
  const { message } = App.useApp();
  const [adding, setAdding] = useState<LaterReportKind | null>(null);
  return (
    <div data-testid="emergency-reports">
      {detail.emergencyReports.length === 0 ? (
        <Empty description="暂无报告" />
      ) : (
        <Timeline
          items={detail.emergencyReports.map((r) => ({
            color: r.kind === 'first' ? 'red' : r.kind === 'final' ? 'green' : 'blue',
            children: (
              <div data-testid="emergency-report">
                <strong>{EMERGENCY_REPORT_KIND_LABELS[r.kind]}</strong>
                <span style={{ color: '#8a94a6', marginInlineStart: 8 }}>
                  {formatTime(r.reportedAt)} · {r.reporterName}
                </span>
                <div style={{ whiteSpace: 'pre-wrap' }}>{r.content}</div>
              </div>
            ),
          }))}
        />
      )}
      <Space>
        {detail.emergencyReportKinds.map((k) => (
          <Button key={k} onClick={() => setAdding(k)}>
            报送{EMERGENCY_REPORT_KIND_LABELS[k]}
          </Button>
        ))}
      </Space>
      {adding && (
        <FormModal<{ content?: string }>
          title={`报送${EMERGENCY_REPORT_KIND_LABELS[adding]}`}
          name="emergencyReport"
          onSave={async (v) => {
            await api.cases.addEmergencyReport({ caseId: detail.case.id, kind: adding, content: v.content ?? '' });
            message.success(`已报送${EMERGENCY_REPORT_KIND_LABELS[adding]}`);
            onChanged();
          }}
          onClose={() => setAdding(null)}
        >
          <Form.Item name="content" label="报告内容">
            <Input.TextArea rows={5} maxLength={EMERGENCY_REPORT_MAX} showCount />
          </Form.Item>
        </FormModal>
      )}
    </div>
  );
}
