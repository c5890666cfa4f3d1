/**
 * Migration 0016: a database from before it opens with what it held carried over — 调解是否成功 as
 * the mediation result and its level, 1–5 回访 ratings as 满意度, 重大群体性 disputes flagged 重大, and
 * every case's 大类 and 小类 names apart (from the taxonomy by code, not by splitting its label).
 */
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCaseTownship, caseInput, mediationInput } from '../helpers/cases';
import { makeCore } from '../helpers/core';
import { rewindBefore0016 } from '../helpers/schema-rewind';
import { dropChangeCapture } from '../../main/core/sync/triggers';

let close = () => {};
afterAll(() => close());

const step = (action: string, payload: Record<string, unknown> = {}) => ({ action, payload });
const toFedBack = (worker: string) => [
  step('report'),
  step('accept'),
  step('assign', { assignee: { kind: 'gridWorker', id: worker, name: '王网格' } }),
  step('resolve', { result: '已处理' }),
  step('feedback', { note: '已告知' }),
];

describe('migration 0016 (figures as offices count them)', () => {
  it('carries mediation, 回访 ratings, 重大 and the category names over', () => {
    const t = makeCaseTownship();
    const s = t.sessions;
    const create = (extra: Record<string, unknown>) =>
      t.ok<{ case: { id: string; number: string } }>(
        'cases.create',
        caseInput(t.gridA, { then: toFedBack(t.worker), ...extra }),
        s.clerk,
      ).case;
    const won = create({});
    t.ok('cases.setMediation', mediationInput(won.id, 'success'), s.clerk);
    const lost = create({ scale: '03' });
    t.ok('cases.setMediation', { ...mediationInput(lost.id, 'failure'), level: 'township' }, s.clerk);
    const hazard = create({ categoryCode: '02', subcategoryCode: '01' });
    for (const c of [won, lost, hazard]) t.ok('cases.act', { id: c.id, action: 'close', payload: {} }, s.reviewer);
    t.ok('cases.act', { id: hazard.id, action: 'followUp', payload: { satisfaction: 'basically' } }, s.clerk);
    const dataDir = t.dataDir;
    t.core.close();

    const old = new Database(`${dataDir}/zongzhi.sqlite`);
    dropChangeCapture(old);
    rewindBefore0016(old);
    // As 0.x wrote them: the assignee decided nothing, ratings were 1–5, the label joined the names.
    old.prepare(`UPDATE cases SET assignee_kind = 'office' WHERE id = ?`).run(lost.id);
    old.prepare('UPDATE cases SET follow_up_rating = 4 WHERE id = ?').run(hazard.id);
    old.pragma('user_version = 16');
    old.close();

    const reopened = makeCore({ dataDir, clock: t.clock });
    close = () => reopened.core.close();
    expect(reopened.core.migration).toMatchObject({ from: 16, to: 17 });
    const row = (id: string) =>
      reopened.core.deps.conn.sqlite.prepare('SELECT * FROM cases WHERE id = ?').get(id) as Record<string, unknown>;
    expect(row(won.id)).toMatchObject({
      mediation_result: 'success',
      mediation_level: 'village', // handed to a grid worker
      major_dispute: 0,
      category_name: '矛盾纠纷',
      subcategory_name: '邻里纠纷',
    });
    expect(row(lost.id)).toMatchObject({
      mediation_result: 'failure',
      mediation_level: 'township', // handed to a township office
      major_dispute: 1,
      major_grounds: '["crowd"]',
    });
    expect(row(hazard.id)).toMatchObject({
      follow_up_satisfaction: 'satisfied',
      follow_up_performance: null,
      mediation_result: null,
      mediation_level: null,
      category_name: '治安/安全隐患',
      subcategory_name: '治安隐患',
    });
    // The old columns are gone, so nothing can count by them any more.
    const columns = reopened.core.deps.conn.sqlite.prepare("SELECT name FROM pragma_table_info('cases')").pluck().all();
    expect(columns).not.toContain('mediation_success');
    expect(columns).not.toContain('follow_up_rating');
  });
});
