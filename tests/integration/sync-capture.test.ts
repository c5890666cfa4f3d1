import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { afterEach, describe, expect, it } from 'vitest';
import { apiTable } from '../../shared/api';
import { defaultResourcesDir, openCore } from '../../main/core/app';
import { syncedColumns } from '../../main/core/db/columns';
import * as schema from '../../main/core/db/schema';
import { openDivisionSource } from '../../main/core/setup/divisions';
import {
  LOCAL_ONLY_TABLES,
  REQUIRED_SYNC_COLUMNS,
  SYNCED_TABLES,
  syncedTableInfo,
} from '../../main/core/sync/registry';
import { generateOkpKey, toPublicJwk } from '../../main/core/sync/jwk';
import { installChangeCapture } from '../../main/core/sync/triggers';
import { dispatchAny } from '../../main/core/rpc/dispatcher';
import { syntheticPeople } from '../../main/core/people/synthetic';
import { defaultTaxonomy } from '../../main/core/cases/default-taxonomy';
import { makeCore, PASSWORD, tempDir, TOWNSHIP, type TestCore } from '../helpers/core';
import { STANDARD_HEADERS, workbookBytes } from '../helpers/roster-xlsx';
import { changesAfter, lastSeq, syncedRows, type Row } from '../helpers/sync';
import { testNow } from '../helpers/test-clock';

let t: TestCore | undefined;
afterEach(() => t?.core.close());

interface State {
  admin: string;
  backupFile: string;
  clerkId: string;
  villageId: string;
  gridId: string;
  groupId: string;
  personId: string;
  postId: string;
  trainingId: string;
  rosterFile: string;
  caseId: string;
  emergencyId: string;
  uploadId: string;
  partyId: string;
  visitId: string;
  buildingId: string;
  workLogId: string;
}
interface Step {
  method: string;
  call(s: State): { input: unknown; session?: string };
  keep?(s: State, out: any): void; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const NEW_PASSWORD = 'changed456';
const PHOTO = Buffer.from('现场照片');
const [PERSON, ROSTER_PERSON] = syntheticPeople({
  countyCode: '140621',
  count: 2,
  seed: 'capture',
  today: '2026-11-26',
}) as [ReturnType<typeof syntheticPeople>[number], ReturnType<typeof syntheticPeople>[number]];
const grid = { type: 'community', name: '一网格', households: 100, residents: 300 };

const visit = (s: State) => ({
  villageId: s.villageId,
  gridId: s.gridId,
  visitorId: s.personId,
  visitedOn: '2026-11-02',
  method: 'in_person',
  subjectName: '孙户主',
  address: '新城社区 3 号楼 2 单元 301',
  content: '了解家庭近况，宣传防诈骗知识',
});
const building = (s: State) => ({
  villageId: s.villageId,
  gridId: s.gridId,
  name: '新城小区',
  address: '新城社区幸福路 8 号',
  kind: 'residential',
  buildingCount: 6,
  households: 120,
  residents: 360,
  shops: 4,
  safetyContactName: '钱安全',
  collectedOn: '2026-11-03',
  collectorId: s.personId,
});

/** A valid call of every public write method, in an order where each one's preconditions hold. */
const STEPS: Step[] = [
  {
    method: 'setup.init',
    call: () => ({
      input: { townshipCode: TOWNSHIP, adminUsername: 'admin', adminDisplayName: '张主任', password: PASSWORD },
    }),
  },
  {
    method: 'auth.login',
    call: () => ({ input: { username: 'admin', password: PASSWORD } }),
    keep: (s, out) => (s.admin = out.session),
  },
  {
    method: 'users.create',
    call: (s) => ({
      input: { username: 'lu', displayName: '陆录入', role: 'clerk', password: PASSWORD },
      session: s.admin,
    }),
    keep: (s, out) => (s.clerkId = out.id),
  },
  { method: 'users.update', call: (s) => ({ input: { id: s.clerkId, displayName: '陆一' }, session: s.admin }) },
  { method: 'users.unlock', call: (s) => ({ input: { username: 'lu' }, session: s.admin }) },
  {
    method: 'auth.changePassword',
    call: (s) => ({ input: { oldPassword: PASSWORD, newPassword: NEW_PASSWORD }, session: s.admin }),
  },
  {
    method: 'org.createVillage',
    call: (s) => ({ input: { code: `${TOWNSHIP}150`, name: '新区社区' }, session: s.admin }),
    keep: (s, out) => (s.villageId = out.id),
  },
  { method: 'org.updateVillage', call: (s) => ({ input: { id: s.villageId, name: '新城社区' }, session: s.admin }) },
  {
    method: 'org.createGrid',
    call: (s) => ({ input: { villageId: s.villageId, ...grid }, session: s.admin }),
    keep: (s, out) => (s.gridId = out.id),
  },
  {
    method: 'org.updateGrid',
    call: (s) => ({ input: { id: s.gridId, ...grid, partyBranchName: '一网格党支部' }, session: s.admin }),
  },
  {
    method: 'org.savePartyGroup',
    call: (s) => ({ input: { gridId: s.gridId, name: '第一党小组', memberCount: 5 }, session: s.admin }),
    keep: (s, out) => (s.groupId = out.id),
  },
  {
    method: 'org.savePartyGroup',
    call: (s) => ({ input: { id: s.groupId, gridId: s.gridId, name: '第一党小组', memberCount: 6 }, session: s.admin }),
  },
  { method: 'org.deletePartyGroup', call: (s) => ({ input: { id: s.groupId }, session: s.admin }) },
  {
    method: 'people.create',
    call: (s) => ({
      input: { name: '王网格', idNumber: PERSON.idNumber, phone: PERSON.mobile, address: '山西省朔州市山阴县玉井镇' },
      session: s.admin,
    }),
    keep: (s, out) => (s.personId = out.id),
  },
  { method: 'people.update', call: (s) => ({ input: { id: s.personId, name: '王网格员' }, session: s.admin }) },
  { method: 'people.reveal', call: (s) => ({ input: { id: s.personId }, session: s.admin }) },
  {
    method: 'posts.add',
    call: (s) => ({
      input: {
        personId: s.personId,
        type: 'worker',
        gridId: s.gridId,
        employment: 'full_time',
        startDate: '2026-01-05',
      },
      session: s.admin,
    }),
    keep: (s, out) => (s.postId = out.id),
  },
  { method: 'posts.end', call: (s) => ({ input: { id: s.postId, endDate: '2026-06-30' }, session: s.admin }) },
  {
    method: 'trainings.add',
    call: (s) => ({
      input: { personId: s.personId, date: '2026-03-01', topic: '网格员业务培训', hours: 4 },
      session: s.admin,
    }),
    keep: (s, out) => (s.trainingId = out.id),
  },
  { method: 'trainings.delete', call: (s) => ({ input: { id: s.trainingId }, session: s.admin }) },
  {
    method: 'cases.create',
    call: (s) => ({
      input: {
        source: 'hotline',
        categoryCode: '01',
        subcategoryCode: '02',
        gridId: s.gridId,
        place: '新城社区 3 号楼',
        occurredAt: new Date(testNow().getTime() - 3_600_000).toISOString(),
        reporterContact: '13800138000',
        summary: '楼上漏水引发邻里争执',
        then: [{ action: 'report' }, { action: 'accept' }],
      },
      session: s.admin,
    }),
    keep: (s, out) => (s.caseId = out.case.id),
  },
  {
    method: 'cases.act',
    call: (s) => ({
      input: { id: s.caseId, action: 'assign', payload: { assignee: { kind: 'office', name: '司法所' } } },
      session: s.admin,
    }),
  },
  {
    method: 'cases.setMediation',
    call: (s) => ({
      input: {
        id: s.caseId,
        method: 'people',
        organisation: '镇人民调解委员会',
        responsible: '赵调解',
        level: 'township',
        result: 'success',
      },
      session: s.admin,
    }),
  },
  {
    method: 'cases.setMajorDispute',
    call: (s) => ({ input: { id: s.caseId, majorDispute: true, majorGrounds: ['amount'] }, session: s.admin }),
  },
  // A 突发事件: taken on at registration with its 首报, then a 续报.
  {
    method: 'cases.create',
    call: (s) => ({
      input: {
        source: 'patrol',
        categoryCode: '06',
        subcategoryCode: '01',
        gridId: s.gridId,
        place: '新城社区 5 号楼',
        occurredAt: new Date(testNow().getTime() - 600_000).toISOString(),
        discoverer: { kind: 'team', personId: s.personId },
        summary: '楼道电动车起火',
        emergency: true,
        firstReport: '明火已扑灭，无人员伤亡',
      },
      session: s.admin,
    }),
    keep: (s, out) => (s.emergencyId = out.case.id),
  },
  {
    method: 'cases.addEmergencyReport',
    call: (s) => ({
      input: { caseId: s.emergencyId, kind: 'followUp', content: '住户已安置，楼道清理完毕' },
      session: s.admin,
    }),
  },
  { method: 'cases.revealContact', call: (s) => ({ input: { id: s.caseId }, session: s.admin }) },
  {
    method: 'cases.addParty',
    call: (s) => ({
      input: { caseId: s.caseId, role: 'applicant', name: '钱申请', idNumber: PERSON.idNumber, phone: PERSON.mobile },
      session: s.admin,
    }),
    keep: (s, out) => (s.partyId = out.parties[0].id),
  },
  {
    method: 'cases.updateParty',
    call: (s) => ({ input: { id: s.partyId, role: 'respondent', name: '钱被申' }, session: s.admin }),
  },
  { method: 'cases.revealParty', call: (s) => ({ input: { id: s.partyId }, session: s.admin }) },
  { method: 'cases.removeParty', call: (s) => ({ input: { id: s.partyId }, session: s.admin }) },
  // A chunked upload: begin and the chunk stage files only (nothing logged); finish writes the
  // attachment and its timeline row.
  {
    method: 'cases.beginAttachment',
    call: (s) => ({
      input: {
        caseId: s.caseId,
        name: '现场.jpg',
        mime: 'image/jpeg',
        size: PHOTO.length,
        sha256: crypto.createHash('sha256').update(PHOTO).digest('hex'),
      },
      session: s.admin,
    }),
    keep: (s, out) => (s.uploadId = out.uploadId),
  },
  {
    method: 'cases.attachmentChunk',
    call: (s) => ({ input: { uploadId: s.uploadId, index: 0, data: PHOTO.toString('base64') }, session: s.admin }),
  },
  { method: 'cases.finishAttachment', call: (s) => ({ input: { uploadId: s.uploadId }, session: s.admin }) },
  {
    method: 'taxonomy.update',
    call: (s) => {
      const taxonomy = structuredClone(defaultTaxonomy());
      taxonomy.categories[1]!.limits.handle = 4;
      return { input: taxonomy, session: s.admin };
    },
  },
  // The calendar stays local; a day far ahead moves no running deadline, so nothing is logged.
  {
    method: 'holidays.upsert',
    call: (s) => ({ input: { date: '2099-01-02', kind: 'holiday', name: '元旦' }, session: s.admin }),
  },
  { method: 'holidays.delete', call: (s) => ({ input: { date: '2099-01-02' }, session: s.admin }) },
  { method: 'people.importCommit', call: (s) => ({ input: { file: s.rosterFile }, session: s.admin }) },
  // Local only: the signature defaults and the export history never reach the county.
  {
    method: 'reports.saveSignatures',
    call: (s) => ({ input: { preparer: '王小红', reviewer: '李建国', phone: '0349-6221234' }, session: s.admin }),
  },
  { method: 'reports.export', call: (s) => ({ input: { form: 'grid-roster', period: '2026-10' }, session: s.admin }) },
  // 走访 and 楼院采集: one row each, a phone sealed in both.
  {
    method: 'visits.create',
    call: (s) => ({ input: { ...visit(s), phone: '13800138000' }, session: s.admin }),
    keep: (s, out) => (s.visitId = out.id),
  },
  {
    method: 'visits.update',
    call: (s) => ({ input: { ...visit(s), id: s.visitId, followUp: '已协调村委会' }, session: s.admin }),
  },
  // 转为事件: the case, its register row and the visit's link, in one call.
  {
    method: 'cases.create',
    call: (s) => ({
      input: {
        source: 'visit',
        categoryCode: '01',
        subcategoryCode: '02',
        gridId: s.gridId,
        place: '新城社区 5 号楼',
        occurredAt: new Date(testNow().getTime() - 3_600_000).toISOString(),
        summary: '走访中反映楼道堆放杂物',
        discoverer: { kind: 'team', personId: s.personId },
        visitId: s.visitId,
      },
      session: s.admin,
    }),
  },
  { method: 'visits.reveal', call: (s) => ({ input: { id: s.visitId }, session: s.admin }) },
  { method: 'visits.delete', call: (s) => ({ input: { id: s.visitId }, session: s.admin }) },
  {
    method: 'buildings.create',
    call: (s) => ({ input: { ...building(s), safetyContactPhone: '0349-6221234' }, session: s.admin }),
    keep: (s, out) => (s.buildingId = out.id),
  },
  {
    method: 'buildings.update',
    call: (s) => ({ input: { ...building(s), id: s.buildingId, households: 121 }, session: s.admin }),
  },
  { method: 'buildings.reveal', call: (s) => ({ input: { id: s.buildingId }, session: s.admin }) },
  { method: 'buildings.delete', call: (s) => ({ input: { id: s.buildingId }, session: s.admin }) },
  // 就地化解: the case already closed and its one timeline row.
  {
    method: 'cases.recordOnSpot',
    call: (s) => ({
      input: {
        source: 'patrol',
        categoryCode: '03',
        subcategoryCode: '09',
        gridId: s.gridId,
        place: '新城社区广场',
        occurredAt: new Date(testNow().getTime() - 3_600_000).toISOString(),
        discovererId: s.personId,
        summary: '广场垃圾桶满溢',
        resolution: '联系保洁员当场清运',
      },
      session: s.admin,
    }),
  },
  {
    method: 'worklogs.create',
    call: (s) => ({
      input: {
        workedOn: '2026-11-04',
        gridId: s.gridId,
        workerId: s.personId,
        kind: 'publicity',
        content: '开展反诈宣传',
        peopleReached: 30,
      },
      session: s.admin,
    }),
    keep: (s, out) => (s.workLogId = out.id),
  },
  {
    method: 'worklogs.update',
    call: (s) => ({
      input: {
        id: s.workLogId,
        workedOn: '2026-11-04',
        gridId: s.gridId,
        workerId: s.personId,
        kind: 'disputeScreening',
        content: '开展矛盾纠纷集中排查',
        peopleReached: 12,
      },
      session: s.admin,
    }),
  },
  { method: 'worklogs.delete', call: (s) => ({ input: { id: s.workLogId }, session: s.admin }) },
  { method: 'org.setGridRetired', call: (s) => ({ input: { id: s.gridId, retired: true }, session: s.admin }) },
  { method: 'org.setVillageRetired', call: (s) => ({ input: { id: s.villageId, retired: true }, session: s.admin }) },
  {
    method: 'sync.setCounty',
    call: (s) => ({
      input: {
        url: 'http://127.0.0.1:8750',
        countyKey: JSON.stringify(toPublicJwk(generateOkpKey('X25519'))),
        intervalMinutes: 15,
      },
      session: s.admin,
    }),
  },
  { method: 'sync.pushNow', call: (s) => ({ input: {}, session: s.admin }) },
  {
    method: 'backups.create',
    call: (s) => ({ input: {}, session: s.admin }),
    keep: (s, out) => (s.backupFile = out.file),
  },
  { method: 'backups.setSecondFolder', call: (s) => ({ input: { folder: null }, session: s.admin }) },
  // Last: the host would replace the database after this answers (here it only takes the request).
  { method: 'backups.restore', call: (s) => ({ input: { file: s.backupFile }, session: s.admin }) },
];

/** The synced rows that differ between two snapshots, as "table:id" with the row after. */
function changedRows(before: ReturnType<typeof syncedRows>, after: ReturnType<typeof syncedRows>) {
  const out = new Map<string, { table: string; before?: Row; after: Row }>();
  for (const [table, rows] of after) {
    for (const [id, row] of rows) {
      const old = before.get(table)!.get(id);
      if (JSON.stringify(old) !== JSON.stringify(row)) out.set(`${table}:${id}`, { table, before: old, after: row });
    }
  }
  return out;
}

describe('change capture', () => {
  it('logs every change of every public write method exactly once, with the row after it', async () => {
    const writeMethods = Object.entries(apiTable)
      .filter(([, def]) => def.write)
      .map(([name]) => name);
    const missing = writeMethods.filter((m) => !STEPS.some((s) => s.method === m));
    expect(missing, '为这些写方法在 STEPS 中加一个有效调用').toEqual([]);

    t = makeCore({ onRestoreRequest: () => {} });
    const { sqlite } = t.core.deps.conn;
    const state = {
      // One roster row for the grid the steps above created (the import matches grids by name).
      rosterFile: Buffer.from(
        await workbookBytes({
          title: '2026年玉井镇网格员花名册',
          headers: STANDARD_HEADERS,
          rows: [
            [
              1,
              grid.name,
              '赵辅助',
              ROSTER_PERSON.idNumber,
              '',
              '',
              ROSTER_PERSON.mobile,
              '兼职',
              '群众',
              '高中',
              '2026-01-05',
              '',
            ],
          ],
        }),
      ).toString('base64'),
    } as State;
    const syncedNames = new Set(syncedTableInfo().map((i) => i.name));
    let total = 0;
    for (const step of STEPS) {
      const before = syncedRows(sqlite);
      const seq = lastSeq(sqlite);
      const { input, session } = step.call(state);
      const r = await dispatchAny(t.core.dispatch, { method: step.method, input, session });
      expect(r, step.method).toMatchObject({ ok: true });
      if (r.ok) step.keep?.(state, r.data);

      const changed = changedRows(before, syncedRows(sqlite));
      const logged = changesAfter(sqlite, seq);
      expect(logged.map((c) => `${c.table}:${c.id}`).sort(), step.method).toEqual([...changed.keys()].sort());
      for (const c of logged) {
        const row = changed.get(`${c.table}:${c.id}`)!;
        expect(c.row, `${step.method} ${c.table}`).toEqual(row.after);
        const op = !row.before ? 'insert' : !row.before.deleted_at && row.after.deleted_at ? 'delete' : 'update';
        expect(c.op, `${step.method} ${c.table}`).toBe(op);
        expect(syncedNames.has(c.table)).toBe(true);
      }
      total += logged.length;
    }
    // 19 rows at setup and the 5 default 大类, a village added and renamed, grid insert + village seq, grid edit,
    // 3 party-group changes, a person added and edited, a post added and ended, a training added and deleted,
    // a case registered with 3 timeline rows, assigned (case + row), mediation (case + row), a party added,
    // edited and removed (party + case + row each), an attachment and its timeline row, one 大类 edited,
    // one roster row (person + post), a visit added, edited, turned into a case (case + register row + the
    // visit's link) and deleted, a compound added, edited and deleted, a 就地化解 (case + its one row),
    // a 工作日志 added, edited and deleted, 2 retirements, 重大 set (case + row), a 突发事件 registered (case,
    // register, 免予甄别 and 首报 rows, the 首报 itself) and its 续报 (report + row).
    expect(total).toBe(
      19 + 5 + 2 + 2 + 1 + 3 + 2 + 2 + 2 + 4 + 2 + 2 + 9 + 2 + 1 + 2 + 3 + 3 + 3 + 2 + 3 + 2 + 2 + 5 + 2,
    );
    expect(lastSeq(sqlite)).toBe(total);
    const ops = sqlite.prepare('SELECT op, count(*) AS n FROM change_log GROUP BY op ORDER BY op').all();
    expect(ops).toEqual([
      { op: 'delete', n: 6 },
      { op: 'insert', n: 59 },
      { op: 'update', n: 20 },
    ]);
  });

  it('logs nothing when the call fails after writing synced rows (same transaction)', () => {
    const real = openDivisionSource();
    // The second village repeats the first one's code, so its insert fails after the township and first village.
    const divisions = { ...real, villages: (code: string) => [real.villages(code)[0]!, real.villages(code)[0]!] };
    t = makeCore({ divisions });
    const r = t.call('setup.init', {
      townshipCode: TOWNSHIP,
      adminUsername: 'admin',
      adminDisplayName: '张主任',
      password: PASSWORD,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(t.count('change_log')).toBe(0);
    expect(t.count('township')).toBe(0);
    expect(t.count('villages')).toBe(0);
  });

  it('refuses a physical DELETE of a synced row, so no change can bypass the log', () => {
    t = makeCore();
    t.ok('setup.init', { townshipCode: TOWNSHIP, adminUsername: 'admin', adminDisplayName: '张', password: PASSWORD });
    const { sqlite } = t.core.deps.conn;
    expect(() => sqlite.prepare('DELETE FROM villages').run()).toThrow(/只能标记删除/);
    expect(t.count('villages')).toBe(18);
  });

  it('derives triggers from the table definitions and rebuilds them idempotently', () => {
    t = makeCore({ onRestoreRequest: () => {} });
    const { sqlite } = t.core.deps.conn;
    const triggers = () =>
      sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_%' ORDER BY name")
        .pluck()
        .all() as string[];
    const initial = triggers();
    expect(initial).toHaveLength(SYNCED_TABLES.length * 3);
    installChangeCapture(sqlite);
    expect(triggers()).toEqual(initial);

    // A table that declares itself synced is captured with all its columns, and dropped when it leaves.
    const notes = sqliteTable('notes', { ...syncedColumns, body: text('body') });
    sqlite.exec(
      'CREATE TABLE notes (id text primary key, created_at text, updated_at text, updated_by text, deleted_at text, body text)',
    );
    installChangeCapture(sqlite, syncedTableInfo([...SYNCED_TABLES, notes]));
    sqlite.prepare("INSERT INTO notes VALUES ('n1', 'c', 'u', 'x', NULL, '你好')").run();
    sqlite.prepare("UPDATE notes SET body = '你好' WHERE id = 'n1'").run(); // no real change: not logged
    sqlite.prepare("UPDATE notes SET deleted_at = 'd' WHERE id = 'n1'").run();
    expect(changesAfter(sqlite, 0).map((c) => [c.op, c.row.body])).toEqual([
      ['insert', '你好'],
      ['delete', '你好'],
    ]);
    installChangeCapture(sqlite);
    expect(triggers()).toEqual(initial);
  });

  it('lets a migration drop a column the triggers name, then rebuilds them', () => {
    t = makeCore();
    const { dataDir } = t;
    t.core.close();
    const dir = tempDir('zongzhi-mig-');
    fs.cpSync(path.join(defaultResourcesDir(), 'migrations'), dir, { recursive: true });
    const journalFile = path.join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    journal.entries.push({
      idx: journal.entries.length,
      version: '6',
      when: Date.now(),
      tag: '9999_x',
      breakpoints: true,
    });
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    fs.writeFileSync(
      path.join(dir, '9999_x.sql'),
      'ALTER TABLE `grids` DROP COLUMN `remarks`;--> statement-breakpoint\nALTER TABLE `grids` ADD `remarks` text;',
    );
    t = { ...t, core: openCore({ dataDir, migrationsDir: dir }) };
    const names = t.core.deps.conn.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_%'")
      .all();
    expect(names).toHaveLength(SYNCED_TABLES.length * 3);
  });

  it('every table with the synced columns is either synced or explicitly local', () => {
    const declared = new Set(syncedTableInfo().map((i) => i.name));
    for (const value of Object.values(schema)) {
      if (!is(value, SQLiteTable)) continue;
      const { name, columns } = getTableConfig(value);
      const cols = new Set(columns.map((c) => c.name));
      if (!REQUIRED_SYNC_COLUMNS.every((c) => cols.has(c))) continue;
      const local = (LOCAL_ONLY_TABLES as readonly string[]).includes(name);
      expect(declared.has(name) || local, `${name}：加入 SYNCED_TABLES 或 LOCAL_ONLY_TABLES`).toBe(true);
      expect(declared.has(name) && local, name).toBe(false);
    }
    expect(declared.has('users')).toBe(false);
    expect(declared.has('audit_log')).toBe(false);
  });
});
