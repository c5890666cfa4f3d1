/** 网格员花名册: one row per post held on the period's last day, village by village. */
import { formatDateZh } from '../../../../shared/dates';
import {
  EDUCATION_LABELS,
  POLITICAL_STATUS_LABELS,
  SEX_LABELS,
  type Education,
  type PoliticalStatus,
  type Sex,
} from '../../../../shared/people/codes';
import { maskIdNumber, maskPhone } from '../../../../shared/people/mask';
import { POST_TYPE_LABELS, type PostType } from '../../../../shared/people/posts';
import { postKindLabel, type PostKindFields } from '../../people/labels';
import { defineReport, type ReportRow } from '../definition';
import { periodInstants } from '../periods';
import { ALL_PERIOD_KINDS, type ReportForm } from './types';

export const gridRosterDefinition = defineReport({
  id: 'grid-roster',
  name: '网格员花名册',
  paper: 'A4',
  orientation: 'landscape',
  columns: [
    { key: 'village', header: '村（社区）', width: 7 },
    { key: 'grid', header: '网格', width: 9 },
    { key: 'name', header: '姓名', width: 5, align: 'center' },
    { key: 'sex', header: '性别', width: 2.6, align: 'center' },
    { key: 'birth', header: '出生\n年月', width: 4.6, align: 'center' },
    { key: 'idNumber', header: '公民身份号码', width: 11, align: 'center' },
    { key: 'political', header: '政治面貌', width: 6.5, align: 'center' },
    { key: 'education', header: '文化程度', width: 5.5, align: 'center' },
    { key: 'post', header: '职务', width: 6.2, align: 'center' },
    { key: 'kind', header: '类别', width: 6, align: 'center' },
    { key: 'phone', header: '联系电话', width: 7.5, align: 'center' },
    { key: 'startDate', header: '任职日期', width: 8.6, align: 'center' },
    { key: 'remarks', header: '备注', width: 5.5 },
  ],
});

interface RosterRow extends PostKindFields {
  villageName: string;
  gridName: string | null;
  name: string;
  sex: Sex;
  birthDate: string;
  idNumberEnc: string;
  phoneEnc: string | null;
  politicalStatus: PoliticalStatus | null;
  education: Education | null;
  startDate: string;
  remarks: string | null;
}

// Village-level posts (网格长, 指导员) before the grids' teams; 离任日期 is the first day without the post.
const ROSTER_SQL = `
SELECT v.name AS villageName, g.name AS gridName, pe.name, pe.sex, pe.birth_date AS birthDate,
  pe.id_number_enc AS idNumberEnc, pe.phone_enc AS phoneEnc, pe.political_status AS politicalStatus,
  pe.education, pe.remarks, p.type, p.employment, p.assistant_kind AS assistantKind,
  p.instructor_kind AS instructorKind, p.start_date AS startDate
FROM posts p
JOIN persons pe ON pe.id = p.person_id AND pe.deleted_at IS NULL
JOIN villages v ON v.id = p.village_id AND v.deleted_at IS NULL
  AND (v.retired_at IS NULL OR v.retired_at >= @until)
LEFT JOIN grids g ON g.id = p.grid_id
WHERE p.deleted_at IS NULL AND p.start_date <= @asOf AND (p.end_date IS NULL OR p.end_date > @asOf)
  AND (@villageId IS NULL OR p.village_id = @villageId)
  AND (g.id IS NULL OR (g.deleted_at IS NULL AND (g.retired_at IS NULL OR g.retired_at >= @until)))
ORDER BY v.code, g.code IS NOT NULL, g.code,
  CASE p.type WHEN 'head' THEN 0 WHEN 'instructor' THEN 1 WHEN 'worker' THEN 2 ELSE 3 END,
  p.employment, pe.name, p.id`;

export const gridRosterForm: ReportForm = {
  definition: gridRosterDefinition,
  periodKinds: ALL_PERIOD_KINDS,
  scopes: ['township', 'village'],
  revealable: true,
  build({ conn, pii }, { period, villageId, reveal }) {
    const found = conn.sqlite
      .prepare(ROSTER_SQL)
      .all({ asOf: period.end, until: periodInstants(period).until, villageId }) as RosterRow[];
    const rows: ReportRow[] = found.map((r) => {
      const id = pii.decrypt(r.idNumberEnc);
      const phone = pii.decryptNullable(r.phoneEnc);
      return {
        village: r.villageName,
        grid: r.gridName ?? '—',
        name: r.name,
        sex: SEX_LABELS[r.sex],
        birth: `${r.birthDate.slice(0, 4)}.${r.birthDate.slice(5, 7)}`,
        idNumber: reveal ? id : maskIdNumber(id),
        political: r.politicalStatus ? POLITICAL_STATUS_LABELS[r.politicalStatus] : '',
        education: r.education ? EDUCATION_LABELS[r.education] : '',
        post: POST_TYPE_LABELS[r.type as PostType],
        kind: postKindLabel(r) ?? '',
        phone: phone === null ? '' : reveal ? phone : maskPhone(phone),
        startDate: formatDateZh(`${r.startDate}T00:00:00Z`),
        remarks: r.remarks ?? '',
      };
    });
    return { rows };
  },
};
