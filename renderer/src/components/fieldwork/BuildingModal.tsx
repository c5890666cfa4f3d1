import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Building } from '../../../../shared/api/fieldwork';
import type { Grid, Village } from '../../../../shared/api/org';
import type { Person } from '../../../../shared/api/people';
import { BUILDING_KIND_LABELS, BUILDING_KINDS, type BuildingKind } from '../../../../shared/fieldwork/codes';
import { api } from '../../api/client';
import { FormModal } from '../FormModal';
import { PersonPicker } from './PersonPicker';
import { PlaceFields } from './PlaceFields';
import { recordDayDisabled } from './recordDay';
import { StoredPhoneField, storedPhoneInput } from './StoredPhoneField';

interface BuildingValues {
  villageId?: string;
  gridId?: string;
  name?: string;
  address?: string;
  kind?: BuildingKind;
  buildingCount?: number | null;
  households?: number | null;
  residents?: number | null;
  shops?: number | null;
  propertyCompany?: string;
  safetyContactName?: string;
  safetyContactPhone?: string;
  safetyContactPhoneClear?: boolean;
  longitude?: number | null;
  latitude?: number | null;
  collectedOn?: Dayjs | null;
  collectorId?: string;
}

interface Props {
  building: Building | null;
  villages: Village[];
  grids: Grid[];
  people: Person[];
  onClose: () => void;
  onSaved: (building: Building) => void;
}

const blank = (v: string | undefined) => (v?.trim() ? v : null);
const COUNTS: [keyof BuildingValues, string][] = [
  ['buildingCount', '楼栋数'],
  ['households', '户数'],
  ['residents', '人数'],
  ['shops', '商户数'],
];

/** 新增 / 修改楼院采集. The safety contact's phone stays masked (StoredPhoneField: empty keeps it). */
export function BuildingModal({ building, villages, grids, people, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<BuildingValues>();
  const gridId = Form.useWatch('gridId', form);

  const save = async (v: BuildingValues) => {
    const input = {
      villageId: v.villageId as string,
      gridId: v.gridId as string,
      name: v.name ?? '',
      address: v.address ?? '',
      kind: v.kind as BuildingKind,
      // A missing count goes as it is, so the server names the field.
      buildingCount: v.buildingCount as number,
      households: v.households as number,
      residents: v.residents as number,
      shops: v.shops as number,
      propertyCompany: blank(v.propertyCompany),
      safetyContactName: blank(v.safetyContactName),
      longitude: v.longitude ?? null,
      latitude: v.latitude ?? null,
      collectedOn: v.collectedOn ? v.collectedOn.format('YYYY-MM-DD') : '',
      collectorId: v.collectorId as string,
    };
    const phone = storedPhoneInput(v.safetyContactPhone, v.safetyContactPhoneClear);
    const saved = building
      ? await api.buildings.update({ ...input, id: building.id, safetyContactPhone: phone })
      : await api.buildings.create({ ...input, safetyContactPhone: phone ?? null });
    message.success(building ? '已保存楼院信息' : `已采集${saved.name}`);
    onSaved(saved);
  };

  return (
    <FormModal<BuildingValues>
      title={building ? '修改楼院采集' : '新增楼院采集'}
      name="building"
      form={form}
      width={760}
      initialValues={
        building
          ? {
              ...building,
              collectedOn: dayjs(building.collectedOn),
              safetyContactPhone: undefined,
              propertyCompany: building.propertyCompany ?? undefined,
              safetyContactName: building.safetyContactName ?? undefined,
            }
          : { kind: 'residential', collectedOn: dayjs(), buildingCount: 1, shops: 0 }
      }
      onSave={save}
      onClose={onClose}
    >
      <Row gutter={16}>
        <PlaceFields villages={villages} grids={grids} />
      </Row>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="name" label="小区/楼院名称">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="kind" label="类型">
            <Select options={BUILDING_KINDS.map((k) => ({ value: k, label: BUILDING_KIND_LABELS[k] }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label="地址">
        <Input maxLength={120} />
      </Form.Item>
      <Row gutter={16}>
        {COUNTS.map(([name, label]) => (
          <Col span={6} key={name}>
            <Form.Item name={name} label={label}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="propertyCompany" label="物业公司">
            <Input maxLength={60} placeholder="无物业可不填" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="safetyContactName" label="安全联络人">
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <StoredPhoneField
            name="safetyContactPhone"
            label="联络人电话"
            masked={building?.safetyContactPhoneMasked}
            editing={building !== null}
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item name="longitude" label="经度">
            <InputNumber min={73} max={136} precision={6} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="latitude" label="纬度">
            <InputNumber min={3} max={54} precision={6} step={0.000001} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="collectedOn" label="采集日期">
            <DatePicker style={{ width: '100%' }} disabledDate={recordDayDisabled(grids, gridId)} />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name="collectorId" label="采集人">
            <PersonPicker gridId={gridId} people={people} placeholder="请选择采集人" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
