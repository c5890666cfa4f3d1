import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Space, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../../shared/api/sync';
import { ApiError } from '../../../../shared/errors';
import { api } from '../../api/client';
import { FormModal } from '../FormModal';

interface Values {
  url: string;
  countyKey?: string;
  intervalMinutes: number;
  confirmed?: boolean;
}

interface Props {
  status: SyncStatus;
  onClose: () => void;
  onSaved: () => void;
}

type KeyCheck = { state: 'none' } | { state: 'ok'; fingerprint: string } | { state: 'bad'; message: string };

/**
 * 设置县级接收端 (管理员): the county's address, its public key (pasted or from the .jwk file it sent),
 * and the upload interval. A new key's fingerprint is shown to be read out and confirmed by phone
 * before it is saved.
 */
export function CountyFormModal({ status, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const keyText = Form.useWatch('countyKey', form);
  const [check, setCheck] = useState<KeyCheck>({ state: 'none' });

  // The fingerprint of what is in the box, checked by the core as it will be on saving.
  useEffect(() => {
    const text = keyText?.trim();
    if (!text) {
      setCheck({ state: 'none' });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.sync
        .checkCountyKey({ countyKey: text })
        .then((r) => live && setCheck({ state: 'ok', fingerprint: r.fingerprint }))
        .catch((err: unknown) => {
          const msg = err instanceof ApiError ? (err.issues[0]?.message ?? err.message) : String(err);
          if (live) setCheck({ state: 'bad', message: msg });
        });
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [keyText]);

  const save = async ({ url, countyKey, intervalMinutes }: Values) => {
    const r = await api.sync.setCounty({ url, countyKey: countyKey?.trim() || undefined, intervalMinutes });
    message.success(`已保存县级接收端：${r.countyUrl}`);
    onSaved();
  };

  const readFile = (file: File) => {
    void file.text().then((text) => {
      form.setFieldValue('countyKey', text);
      form.setFields([{ name: 'countyKey', errors: [] }]);
    });
    return false; // read here, never uploaded anywhere
  };

  return (
    <FormModal<Values>
      title="设置县级接收端"
      name="county"
      form={form}
      width={640}
      initialValues={{ url: status.countyUrl ?? '', intervalMinutes: status.intervalMinutes }}
      onSave={save}
      onClose={onClose}
    >
      <Form.Item
        label="县级服务器地址"
        name="url"
        extra="县综治中心提供的上报地址，如 http://10.12.0.5:8750 或 https://zongzhi.example.gov.cn"
      >
        <Input autoComplete="off" autoFocus placeholder="http://" />
      </Form.Item>
      <Form.Item
        label={
          <Space>
            县级公钥（JWK）
            <Upload accept=".jwk,.json,application/json" showUploadList={false} beforeUpload={readFile}>
              <Button size="small" icon={<UploadOutlined aria-hidden />}>
                从文件读取
              </Button>
            </Upload>
          </Space>
        }
        name="countyKey"
        extra={
          status.countyKeyFingerprint
            ? `留空则保留已导入的公钥（指纹 ${status.countyKeyFingerprint}）`
            : '粘贴县综治中心提供的公钥文件内容，或点「从文件读取」选择该文件'
        }
      >
        <Input.TextArea
          rows={4}
          spellCheck={false}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
          placeholder='{"kty":"OKP","crv":"X25519","x":"…","kid":"…"}'
        />
      </Form.Item>
      {check.state === 'bad' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={check.message}
          data-testid="county-key-error"
        />
      )}
      {check.state === 'ok' && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="county-key-fingerprint"
            title="请致电县综治中心，逐组核对公钥指纹："
            description={
              <span style={{ fontFamily: 'monospace', fontSize: 15, letterSpacing: 0.5 }}>{check.fingerprint}</span>
            }
          />
          <Form.Item
            name="confirmed"
            valuePropName="checked"
            rules={[
              {
                validator: (_r, v) =>
                  v ? Promise.resolve() : Promise.reject(new Error('请先与县综治中心电话核对指纹')),
              },
            ]}
          >
            <Checkbox>已与县综治中心电话核对，指纹一致</Checkbox>
          </Form.Item>
        </>
      )}
      <Form.Item
        label="自动上报间隔（分钟）"
        name="intervalMinutes"
        extra="程序运行期间按此间隔自动上报；失败时按退避时间重试"
      >
        <InputNumber min={1} max={1440} precision={0} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}
