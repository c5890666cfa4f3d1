import { Col, Form, Select } from 'antd';
import type { Grid, Village } from '../../../../shared/api/org';

interface Props {
  villages: Village[];
  grids: Grid[];
}

/** 村（社区） and 网格 as two form fields; the grid list shows the chosen village's grids only. */
export function PlaceFields({ villages, grids }: Props) {
  const form = Form.useFormInstance();
  const villageId = Form.useWatch<string | undefined>('villageId', form);
  const shown = grids.filter((g) => g.villageId === villageId);
  return (
    <>
      <Col span={12}>
        <Form.Item name="villageId" label="村（社区）">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="请选择村（社区）"
            options={villages.map((v) => ({ value: v.id, label: v.name }))}
            // A grid of another village would be refused: clear it with the village.
            onChange={() => form.setFieldValue('gridId', undefined)}
          />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="gridId" label="网格">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={villageId ? '请选择网格' : '请先选择村（社区）'}
            disabled={!villageId}
            notFoundContent="该村（社区）还没有网格"
            options={shown.map((g) => ({ value: g.id, label: g.name }))}
          />
        </Form.Item>
      </Col>
    </>
  );
}
