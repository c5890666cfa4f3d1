import { Button, Col, Form, Input, Result, Row } from 'antd';
import { useState } from 'react';
import type { Township } from '../../../shared/api/setup';
import { api } from '../api/client';
import { AuthShell } from '../components/AuthShell';
import { ConfirmPasswordItem } from '../components/ConfirmPasswordItem';
import { DivisionSelect } from '../components/DivisionSelect';
import { clearErrorsOnChange } from '../hooks/useApiError';
import { useFormAction } from '../hooks/useFormAction';

interface Values {
  province?: string;
  city?: string;
  county?: string;
  townshipCode?: string;
  adminUsername: string;
  adminDisplayName: string;
  password: string;
  confirm: string;
}

interface Done {
  township: Township;
  villageCount: number;
  username: string;
}

/** Each level clears the levels below it when it changes. */
const CASCADE: (keyof Values)[] = ['province', 'city', 'county', 'townshipCode'];

/** 首次使用: choose the township from the official divisions and create the first administrator. */
export function SetupPage({ onDone }: { onDone: (username: string) => void }) {
  const [form] = Form.useForm<Values>();
  const [done, setDone] = useState<Done>();
  const province = Form.useWatch('province', form);
  const city = Form.useWatch('city', form);
  const county = Form.useWatch('county', form);

  const clearErrors = clearErrorsOnChange(form);
  const onValuesChange = (changed: Partial<Values>) => {
    clearErrors(changed);
    const level = CASCADE.findIndex((k) => k in changed);
    if (level < 0 || level === CASCADE.length - 1) return;
    form.setFieldsValue(Object.fromEntries(CASCADE.slice(level + 1).map((k) => [k, undefined])));
  };

  const { saving, submit } = useFormAction(form, async (v: Values) => {
    const result = await api.setup.init({
      townshipCode: v.townshipCode ?? '',
      adminUsername: v.adminUsername,
      adminDisplayName: v.adminDisplayName,
      password: v.password,
    });
    setDone({ ...result, username: v.adminUsername.trim() });
  });

  if (done) {
    const t = done.township;
    return (
      <AuthShell title="初始化完成" width={520}>
        <Result
          status="success"
          title={`${t.provinceName}${t.cityName}${t.countyName}${t.name}`}
          subTitle={<span data-testid="setup-result">已导入 {done.villageCount} 个村（社区）</span>}
          extra={
            <Button type="primary" onClick={() => onDone(done.username)}>
              前往登录
            </Button>
          }
        />
      </AuthShell>
    );
  }

  return (
    <AuthShell
      title="首次使用：初始化本乡镇"
      subtitle="选择本综治中心所在的乡镇（街道），系统将导入其下的村（社区），并创建管理员账号。"
      width={600}
    >
      <Form<Values>
        form={form}
        name="setup"
        layout="vertical"
        requiredMark={false}
        onValuesChange={onValuesChange}
        onFinish={submit}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="省份" name="province" rules={[{ required: true, message: '请选择省份' }]}>
              <DivisionSelect parentCode="" placeholder="省（自治区、直辖市）" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="地市" name="city" rules={[{ required: true, message: '请选择地市' }]}>
              <DivisionSelect parentCode={province ?? null} placeholder="市（州、盟）" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="区县" name="county" rules={[{ required: true, message: '请选择区县' }]}>
              <DivisionSelect parentCode={city ?? null} placeholder="县（市、区、旗）" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label="乡镇（街道）"
              name="townshipCode"
              rules={[{ required: true, message: '请选择乡镇（街道）' }]}
            >
              <DivisionSelect parentCode={county ?? null} placeholder="乡镇（街道）" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="管理员用户名" name="adminUsername" extra="字母、数字、下划线、点或连字符">
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="管理员姓名" name="adminDisplayName">
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="密码" name="password" extra="至少 8 位">
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <ConfirmPasswordItem label="确认密码" of="password" />
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" block loading={saving}>
          完成初始化
        </Button>
      </Form>
    </AuthShell>
  );
}
