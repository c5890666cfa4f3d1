import { App, Form, Input } from 'antd';
import type { Village } from '../../../../shared/api/org';
import type { Township } from '../../../../shared/api/setup';
import { VILLAGE_KIND_LABELS } from '../../../../shared/org/codes';
import { api } from '../../api/client';
import { FormModal } from '../FormModal';

interface Values {
  code: string;
  name: string;
}

interface Props {
  township: Township;
  /** The village to rename; absent to create one. */
  village?: Village;
  onClose: () => void;
  onSaved: (village: Village) => void;
}

/** 新增村（社区） (12-digit code + name) or rename one; the code never changes once given. */
export function VillageFormModal({ township, village, onClose, onSaved }: Props) {
  const { message } = App.useApp();

  const save = async (v: Values) => {
    const saved = village
      ? await api.org.updateVillage({ id: village.id, name: v.name ?? '' })
      : await api.org.createVillage({ code: v.code ?? '', name: v.name ?? '' });
    message.success(
      village ? `已保存${saved.name}` : `已新增${VILLAGE_KIND_LABELS[saved.kind]}：${saved.name}（${saved.code}）`,
    );
    onSaved(saved);
  };

  return (
    <FormModal<Values>
      title={village ? `修改村（社区）名称：${village.code}` : '新增村（社区）'}
      name="village"
      initialValues={village ? { code: village.code, name: village.name } : { code: township.code }}
      onSave={save}
      onClose={onClose}
    >
      <Form.Item
        label="村（社区）代码"
        name="code"
        extra={`12 位统计用区划代码：前 9 位为本乡镇代码 ${township.code}；第 10–12 位 001–199 为社区，200–399 为村。`}
      >
        <Input disabled={Boolean(village)} autoComplete="off" autoFocus={!village} />
      </Form.Item>
      <Form.Item label="村（社区）名称" name="name">
        <Input autoComplete="off" autoFocus={Boolean(village)} placeholder="如：玉井村、多福巷社区" />
      </Form.Item>
    </FormModal>
  );
}
