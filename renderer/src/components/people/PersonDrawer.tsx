import { App, Descriptions, Drawer, Form, Spin, Tag } from 'antd';
import { DrawerFooter } from '../DrawerFooter';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import type { Person } from '../../../../shared/api/people';
import { PARTY_ROLE_LABELS } from '../../../../shared/people/posts';
import { api } from '../../api/client';
import { clearErrorsOnChange } from '../../hooks/useApiError';
import { useFormAction } from '../../hooks/useFormAction';
import { useLoader } from '../../hooks/useLoader';
import { PersonFormFields, type PersonValues } from './PersonFormFields';
import { PostSection } from './PostSection';
import { RevealButton } from './RevealButton';
import { TrainingSection } from './TrainingSection';

export type PersonDrawerTarget = { mode: 'create' } | { mode: 'edit'; personId: string };

interface Props {
  target: PersonDrawerTarget;
  canEdit: boolean;
  canReveal: boolean;
  onClose: () => void;
  onChanged: (person?: Person) => void;
}

const toValues = (p: Person): PersonValues => ({
  name: p.name,
  politicalStatus: p.politicalStatus,
  education: p.education,
  partyRole: p.partyRole,
  partyGroupId: p.partyGroupId,
  registeredOn: p.registeredOn ? dayjs(p.registeredOn) : null,
  remarks: p.remarks,
});

/** Blank personal-information fields mean "unchanged" in edit mode. */
const blankToUndefined = (s: string | undefined) => (s && s.trim() !== '' ? s : undefined);

const common = (v: PersonValues) => ({
  name: v.name ?? '',
  politicalStatus: v.politicalStatus ?? null,
  education: v.education ?? null,
  partyRole: v.partyRole ?? null,
  partyGroupId: v.partyGroupId ?? null,
  registeredOn: v.registeredOn ? v.registeredOn.format('YYYY-MM-DD') : null,
  remarks: v.remarks ?? null,
});

/** 新增人员 / 编辑人员: the form, then (once saved) the person's posts and trainings. */
export function PersonDrawer({ target, canEdit, canReveal, onClose, onChanged }: Props) {
  const [form] = Form.useForm<PersonValues>();
  const { message } = App.useApp();
  const [open, setOpen] = useState(true);
  // A new person becomes an existing one on save, so posts can be added straight away.
  const [personId, setPersonId] = useState(target.mode === 'edit' ? target.personId : null);
  const detail = useLoader(() => (personId ? api.people.get({ id: personId }) : Promise.resolve(null)), personId ?? '');
  const person = detail.data?.person ?? null;
  const readOnly = !canEdit;

  const filled = useRef(false);
  useEffect(() => {
    if (!person || filled.current) return;
    form.setFieldsValue(toValues(person));
    filled.current = true;
  }, [person, form]);

  const { saving, submit } = useFormAction(form, async (v: PersonValues) => {
    const saved = personId
      ? await api.people.update({
          id: personId,
          ...common(v),
          idNumber: blankToUndefined(v.idNumber),
          phone: blankToUndefined(v.phone),
          address: blankToUndefined(v.address),
        })
      : await api.people.create({ ...common(v), idNumber: v.idNumber ?? '', phone: v.phone, address: v.address });
    message.success(personId ? `已保存 ${saved.name}` : `已新增人员 ${saved.name}，可继续添加任职`);
    // The full values leave the form once stored; the masked ones show above it.
    form.setFieldsValue({ idNumber: undefined, phone: undefined, address: undefined });
    filled.current = true;
    setPersonId(saved.id);
    void detail.reload();
    onChanged(saved);
  });

  const changed = () => {
    void detail.reload();
    onChanged();
  };

  const title = person ? `${readOnly ? '查看' : '编辑'}人员 · ${person.name}` : '新增人员';

  return (
    <Drawer
      title={title}
      open={open}
      size={760}
      onClose={() => setOpen(false)}
      afterOpenChange={(visible) => visible || onClose()}
      footer={
        <DrawerFooter
          readOnly={readOnly}
          saving={saving}
          onCancel={() => setOpen(false)}
          onSave={() => form.submit()}
        />
      }
    >
      <Spin spinning={detail.loading && personId !== null}>
        {person && (
          <Descriptions
            size="small"
            column={2}
            bordered
            style={{ marginBottom: 16 }}
            extra={canReveal && <RevealButton personId={person.id} />}
            title="个人信息（已脱敏）"
          >
            <Descriptions.Item label="身份证号">
              <span data-testid="person-id-masked" style={{ fontFamily: 'monospace' }}>
                {person.idNumberMasked}
              </span>
              {person.idLegacy && (
                <Tag color="warning" style={{ marginInlineStart: 8 }}>
                  15 位旧号
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="性别 / 出生年月">
              {person.sex === 'male' ? '男' : '女'} / {person.birthMonth}
            </Descriptions.Item>
            <Descriptions.Item label="联系电话">
              <span data-testid="person-phone-masked">{person.phoneMasked ?? '未登记'}</span>
            </Descriptions.Item>
            <Descriptions.Item label="党员">
              {person.partyMember ? (person.partyRole ? PARTY_ROLE_LABELS[person.partyRole] : '是') : '否'}
            </Descriptions.Item>
            <Descriptions.Item label="住址" span={2}>
              {person.addressMasked ?? '未登记'}
            </Descriptions.Item>
            {person.flags.length > 0 && (
              <Descriptions.Item label="待完善" span={2}>
                {person.flags.map((f) => (
                  <Tag key={f} color="warning">
                    {f}
                  </Tag>
                ))}
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
        <Form<PersonValues>
          form={form}
          onValuesChange={clearErrorsOnChange(form)}
          name="person"
          layout="vertical"
          disabled={readOnly}
          onFinish={submit}
        >
          <PersonFormFields existing={person} />
          {/* Enter in any text field saves, as on paper forms typed in one pass. */}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
        {person && detail.data && (
          <>
            <PostSection
              personId={person.id}
              personName={person.name}
              posts={detail.data.posts}
              readOnly={readOnly}
              onChanged={changed}
            />
            <TrainingSection
              personId={person.id}
              trainings={detail.data.trainings}
              readOnly={readOnly}
              onChanged={changed}
            />
          </>
        )}
      </Spin>
    </Drawer>
  );
}
