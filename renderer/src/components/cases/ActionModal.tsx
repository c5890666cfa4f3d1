import { Alert, App } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from '../../../../shared/api/cases';
import { ApiError } from '../../../../shared/errors';
import { LOOP_ACTION_LABELS, type LoopAction } from '../../../../shared/cases/loop';
import { api } from '../../api/client';
import { FormModal } from '../FormModal';
import { ActionFields } from './ActionFields';

interface Props {
  detail: CaseDetail;
  action: LoopAction;
  onClose: () => void;
  onDone: (detail: CaseDetail) => void;
}

type Values = Record<string, unknown>;

/** The days of the 延期 request awaiting a decision, so 同意延期 starts from what was asked. */
function requestedDays(detail: CaseDetail): number | undefined {
  const request = detail.events.findLast((e) => e.action === 'requestExtension');
  return typeof request?.payload.days === 'number' ? request.payload.days : undefined;
}

function initialValues(detail: CaseDetail, action: LoopAction): Values {
  if (action === 'assign') return { assignee: { kind: 'gridWorker' } };
  if (action === 'approveExtension') return { days: requestedDays(detail) };
  return {};
}

/**
 * Server issues are about ['payload', …]; the form's fields are the payload's keys. A grid worker
 * or village is picked by id, so a missing name is shown under the picker.
 */
function toFormIssues(err: unknown, values: Values): unknown {
  if (!(err instanceof ApiError) || err.issues.length === 0) return err;
  const kind = (values.assignee as { kind?: string } | undefined)?.kind;
  const picked = kind === 'gridWorker' || kind === 'village';
  const issues = err.issues.map((i) => {
    const path = i.path[0] === 'payload' ? i.path.slice(1) : i.path;
    const moved = picked && path.join('.') === 'assignee.name' ? ['assignee', 'id'] : path;
    return { ...i, path: moved };
  });
  return new ApiError(err.code, err.message, issues);
}

/** One loop action with its payload form; CONFLICT/FORBIDDEN come back as the server's Chinese message. */
export function ActionModal({ detail, action, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const label = LOOP_ACTION_LABELS[action];
  // A refusal about the case rather than a field (办结 of a dispute without a 调解结果) stays in the
  // dialog, where the clerk is looking, until the next try.
  const [refusal, setRefusal] = useState<string | null>(null);
  const save = async (values: Values) => {
    setRefusal(null);
    try {
      const next = await api.cases.act({ id: detail.case.id, action, payload: values });
      message.success(`${label}：已完成`);
      onDone(next);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') setRefusal(err.message);
      throw toFormIssues(err, values);
    }
  };
  return (
    <FormModal<Values>
      title={`${label} · ${detail.case.number}`}
      name={`action_${action}`}
      initialValues={initialValues(detail, action)}
      onSave={save}
      onClose={onClose}
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={`不能${label}`}
          description={refusal}
          data-testid="action-refusal"
          style={{ marginBottom: 16 }}
        />
      )}
      <ActionFields action={action} gridId={detail.case.gridId} dispute={detail.case.dispute} />
    </FormModal>
  );
}
