import { Alert, App, Button, Form, Input, Radio, Select, Typography, type InputRef, type RefSelectProps } from 'antd';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CaseSummary } from '../../../shared/api/cases';
import type { Grid } from '../../../shared/api/org';
import type { GridTeam } from '../../../shared/api/people';
import { CASE_URGENCIES, CASE_URGENCY_LABELS, type CaseUrgency } from '../../../shared/cases/codes';
import { checkPhone } from '../../../shared/people/phone';
import { api } from '../api/client';
import { PageFrame } from '../components/PageFrame';
import { CallerHistory } from '../components/hotline/CallerHistory';
import { hotlineAssignee } from '../components/hotline/assignee';
import { useAdvanceOnPick } from '../components/hotline/useAdvanceOnPick';
import { clearErrorsOnChange, useApiError } from '../hooks/useApiError';
import { useFormAction } from '../hooks/useFormAction';
import { useLoader } from '../hooks/useLoader';

interface Values {
  phone: string;
  name?: string;
  gridId?: string;
  /** `大类/小类`, one pick for both codes. */
  category?: string;
  place: string;
  summary: string;
  urgency: CaseUrgency;
}

const INITIAL: Partial<Values> = { urgency: 'normal' };
const LOOKUP_DELAY_MS = 250;

/** The caller's earlier cases, looked up once the number typed is a valid phone. */
function useCallerHistory(phone: string | undefined) {
  const showError = useApiError();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    const valid = phone && checkPhone(phone).ok;
    if (!valid) {
      setCases(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      api.cases
        .byContact({ phone })
        .then((rows) => live && setCases(rows))
        .catch((err) => live && showError(err))
        .finally(() => live && setLoading(false));
    }, LOOKUP_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [phone, showError]);
  return { cases, loading };
}

/** Where the chosen grid's calls go, said before saving: its 网格员, or its village if it has none. */
function useGridTeam(gridId: string | undefined) {
  const [team, setTeam] = useState<GridTeam | null>(null);
  useEffect(() => {
    setTeam(null);
    if (!gridId) return;
    let live = true;
    void api.people.teamOfGrid({ gridId }).then((t) => live && setTeam(t));
    return () => {
      live = false;
    };
  }, [gridId]);
  return team;
}

/** 热线受理: a keyboard-first intake form for hotline calls; saving registers, reports and assigns at once. */
export function HotlinePage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const phoneRef = useRef<InputRef>(null);
  const categoryRef = useRef<RefSelectProps>(null);
  const placeRef = useRef<InputRef>(null);
  // Enter on a picker chooses and moves on: grid → category → place.
  const gridPick = useAdvanceOnPick(() => categoryRef.current?.focus());
  const categoryPick = useAdvanceOnPick(() => placeRef.current?.focus());
  const grids = useLoader(() => api.org.listGrids({}), 'hotline-grids');
  const taxonomy = useLoader(() => api.taxonomy.list({}), 'hotline-taxonomy');
  const phone = Form.useWatch('phone', form);
  const gridId = Form.useWatch('gridId', form);
  const history = useCallerHistory(phone);
  const team = useGridTeam(gridId);

  const gridById = useMemo(() => new Map((grids.data ?? []).map((g) => [g.id, g])), [grids.data]);
  const grid = gridId ? gridById.get(gridId) : undefined;
  const assignee = grid && team?.gridId === grid.id ? hotlineAssignee(grid, team) : null;

  const gridOptions = useMemo(
    () => (grids.data ?? []).map((g: Grid) => ({ value: g.id, label: `${g.villageName} · ${g.name}` })),
    [grids.data],
  );
  const categoryOptions = useMemo(
    () =>
      (taxonomy.data?.categories ?? []).map((c) => ({
        label: c.name,
        title: c.name,
        options: c.subcategories.map((s) => ({ value: `${c.code}/${s.code}`, label: `${c.name} / ${s.name}` })),
      })),
    [taxonomy.data],
  );

  const clear = () => {
    form.resetFields();
    phoneRef.current?.focus();
  };

  const { saving, submit } = useFormAction(form, async (v: Values) => {
    const chosen = gridById.get(v.gridId!)!;
    // Asked again at saving time, so a post ended a minute ago is not assigned to.
    const to = hotlineAssignee(chosen, await api.people.teamOfGrid({ gridId: chosen.id }));
    const [categoryCode, subcategoryCode] = v.category!.split('/') as [string, string];
    const created = await api.cases.create({
      source: 'hotline',
      categoryCode,
      subcategoryCode,
      urgency: v.urgency,
      gridId: chosen.id,
      place: v.place,
      occurredAt: new Date().toISOString(),
      reporterName: v.name || null,
      reporterContact: v.phone,
      // The caller found it (群众): their name and the number above, never asked twice; a caller who
      // gives no name (a 举报 may stay anonymous) is recorded so by core.
      ...(v.name?.trim() ? { discoverer: { kind: 'public' as const, name: v.name.trim() } } : {}),
      summary: v.summary,
      then: [
        { action: 'report', payload: {} },
        { action: 'accept', payload: { note: '热线来电' } },
        { action: 'assign', payload: { assignee: to } },
      ],
    });
    message.success(
      `已登记事件 ${created.case.number}，已交办给${to.kind === 'gridWorker' ? '网格员' : '村（社区）'}「${to.name}」`,
    );
    clear();
  });

  const save = () => {
    if (!saving) form.validateFields().then(submit, () => undefined);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      save();
    } else if (e.key === 'Enter' && !e.shiftKey && !e.altKey && target.closest('[data-last-field]')) {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape' && target.getAttribute('aria-expanded') !== 'true') {
      // Esc first closes an open drop-down; pressed again it clears the call.
      e.preventDefault();
      clear();
    }
  };

  const phoneRule = {
    validator: (_: unknown, v: string | undefined) => {
      if (!v?.trim()) return Promise.reject(new Error('请填写来电号码'));
      const check = checkPhone(v);
      return check.ok ? Promise.resolve() : Promise.reject(new Error(`来电号码${check.reason}`));
    },
  };

  return (
    <PageFrame
      title="热线受理"
      toolbar={
        <Typography.Text type="secondary">
          Tab 下一项 · 在网格、类别中按 Enter 选定并跳到下一项 · Enter（在紧急程度上）或 Ctrl+Enter 保存 · Esc 清空
        </Typography.Text>
      }
    >
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'minmax(420px, 3fr) minmax(280px, 2fr)',
          gap: 16,
          height: '100%',
        }}
      >
        {/* Busy until the grid and category lists are in: a pick typed before then would find nothing. */}
        <div
          onKeyDown={onKeyDown}
          data-testid="hotline-form"
          aria-busy={grids.loading || taxonomy.loading}
          style={{ overflow: 'auto', paddingRight: 4 }}
        >
          <Form<Values>
            form={form}
            name="hotline"
            layout="vertical"
            initialValues={INITIAL}
            onValuesChange={clearErrorsOnChange(form)}
            requiredMark
            style={{ maxWidth: 640 }}
          >
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12 }}>
              <Form.Item name="phone" label="来电号码" required rules={[phoneRule]} validateTrigger="onBlur">
                <Input ref={phoneRef} autoFocus autoComplete="off" placeholder="手机或固话" inputMode="tel" />
              </Form.Item>
              <Form.Item name="name" label="来电人姓名">
                <Input autoComplete="off" maxLength={30} placeholder="可不填" />
              </Form.Item>
            </div>
            <div {...gridPick.wrapper}>
              <Form.Item
                name="gridId"
                label="所属网格"
                rules={[{ required: true, message: '请选择所属网格' }]}
                extra={
                  assignee &&
                  (assignee.kind === 'gridWorker' ? (
                    <span data-testid="hotline-assignee">保存后交办给网格员「{assignee.name}」</span>
                  ) : null)
                }
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={gridOptions}
                  loading={grids.loading}
                  placeholder="输入村名或网格名查找"
                  notFoundContent="没有匹配的网格"
                  onSelect={gridPick.onSelect}
                />
              </Form.Item>
            </div>
            {assignee?.kind === 'village' && (
              <Alert
                type="warning"
                showIcon
                data-testid="hotline-no-worker"
                style={{ marginTop: -12, marginBottom: 16 }}
                title={`该网格暂无在岗网格员，保存后交办给村（社区）「${assignee.name}」`}
              />
            )}
            <div {...categoryPick.wrapper}>
              <Form.Item name="category" label="事件类别" rules={[{ required: true, message: '请选择事件类别' }]}>
                <Select
                  ref={categoryRef}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={categoryOptions}
                  loading={taxonomy.loading}
                  placeholder="输入类别名称查找，如 邻里"
                  notFoundContent="没有匹配的类别"
                  onSelect={categoryPick.onSelect}
                />
              </Form.Item>
            </div>
            <Form.Item
              name="place"
              label="发生地点"
              rules={[{ required: true, whitespace: true, message: '请填写发生地点' }]}
            >
              <Input ref={placeRef} autoComplete="off" maxLength={200} />
            </Form.Item>
            <Form.Item
              name="summary"
              label="来电内容"
              rules={[{ required: true, whitespace: true, message: '请填写来电内容' }]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item name="urgency" label="紧急程度">
              <Radio.Group
                data-last-field
                options={CASE_URGENCIES.map((u) => ({ value: u, label: CASE_URGENCY_LABELS[u] }))}
              />
            </Form.Item>
            <div style={{ display: 'flex', gap: 8 }}>
              <Button type="primary" htmlType="button" loading={saving} onClick={save}>
                保存并交办
              </Button>
              <Button htmlType="button" onClick={clear}>
                清空
              </Button>
            </div>
          </Form>
        </div>
        <CallerHistory cases={history.cases} loading={history.loading} />
      </div>
    </PageFrame>
  );
}
