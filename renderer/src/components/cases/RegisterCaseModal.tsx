import { App } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseDetail } from '../../../../shared/api/cases';
import type { Grid, Village } from '../../../../shared/api/org';
import type { CaseScale, CaseSource, CaseUrgency, MajorDisputeGround } from '../../../../shared/cases/codes';
import type { Taxonomy } from '../../../../shared/cases/taxonomy';
import { api } from '../../api/client';
import { FormModal } from '../FormModal';
import type { CasePartyRole } from '../../../../shared/cases/parties';
import { CaseFormFields, isDisputeCategory } from './CaseFormFields';
import { defaultDiscovererKind } from './DiscovererFields';
import type { PartyValues } from './PartyFields';
import { remapIssues } from './remapIssues';

export interface CaseValues {
  source?: CaseSource;
  category?: string[];
  scale?: CaseScale;
  urgency?: CaseUrgency;
  peopleInvolved?: number | null;
  grid?: string[];
  occurredAt?: Dayjs | null;
  place?: string;
  reporterName?: string;
  reporterContact?: string;
  discovererKind?: 'team' | 'public';
  discovererId?: string;
  summary?: string;
  parties?: PartyValues[];
  orderRef?: string;
  orderDueDate?: Dayjs | null;
  emergency?: boolean;
  firstReport?: string;
  majorDispute?: boolean;
  majorGrounds?: MajorDisputeGround[];
}

interface Props {
  taxonomy: Taxonomy | undefined;
  villages: Village[];
  grids: Grid[];
  /** Values to start from (a visit's 转为事件: source, grid, place, summary). */
  initial?: Partial<CaseValues>;
  /** 转为事件: the visit the case comes from, linked in the same call. */
  visitId?: string;
  onClose: () => void;
  onCreated: (detail: CaseDetail) => void;
}

const FIELD_OF = {
  categoryCode: ['category'],
  subcategoryCode: ['category'],
  itemCode: ['category'],
  gridId: ['grid'],
};

/** 登记事件: the case is stored as 已登记; 上报 is the next step, from the drawer. */
export function RegisterCaseModal({ taxonomy, villages, grids, initial, visitId, onClose, onCreated }: Props) {
  const { message } = App.useApp();
  const save = async (v: CaseValues) => {
    const dispute = isDisputeCategory(taxonomy, v.category);
    try {
      const detail = await api.cases.create({
        // Missing values go as they are, so the server names each missing field.
        source: v.source as CaseSource,
        categoryCode: v.category?.[0] as string,
        subcategoryCode: v.category?.[1] as string,
        scale: v.scale,
        urgency: v.urgency,
        peopleInvolved: v.peopleInvolved ?? undefined,
        gridId: v.grid?.[1] as string,
        occurredAt: v.occurredAt ? v.occurredAt.format() : '',
        place: v.place ?? '',
        reporterName: v.reporterName || null,
        reporterContact: v.reporterContact || null,
        // 群众: the reporter named on the form is the 发现人 (core takes it), so nothing is typed twice.
        ...(v.discovererKind === 'team'
          ? { discoverer: { kind: 'team' as const, personId: v.discovererId ?? '' } }
          : {}),
        summary: v.summary ?? '',
        // 重大 and parties entered before switching to a non-dispute category are not sent.
        ...(dispute && v.majorDispute ? { majorDispute: true, majorGrounds: v.majorGrounds ?? [] } : {}),
        parties: dispute
          ? (v.parties ?? []).map((p) => ({
              role: p.role as CasePartyRole,
              name: p.name ?? '',
              idNumber: p.idNumber || null,
              phone: p.phone || null,
              address: p.address || null,
              note: p.note || null,
            }))
          : [],
        ...(visitId ? { visitId } : {}),
        ...(v.source === 'superior'
          ? { orderRef: v.orderRef || null, orderDueDate: v.orderDueDate ? v.orderDueDate.format('YYYY-MM-DD') : null }
          : {}),
        emergency: v.emergency === true,
        firstReport: v.emergency ? v.firstReport || null : null,
      });
      message.success(`已登记事件 ${detail.case.number}`);
      onCreated(detail);
    } catch (err) {
      throw remapIssues(err, {
        ...FIELD_OF,
        discoverer: v.discovererKind === 'team' ? ['discovererId'] : ['discovererKind'],
      });
    }
  };
  return (
    <FormModal<CaseValues>
      title="登记事件"
      name="case"
      width={720}
      initialValues={{
        scale: '01',
        urgency: 'normal',
        peopleInvolved: 1,
        occurredAt: dayjs(),
        discovererKind: defaultDiscovererKind(initial?.source),
        ...initial,
      }}
      onSave={save}
      onClose={onClose}
    >
      <CaseFormFields taxonomy={taxonomy} villages={villages} grids={grids} />
    </FormModal>
  );
}
