import { afterEach, describe, expect, it } from 'vitest';
import { pushOnce } from '../../main/core/sync/uploader';
import { TOWNSHIP } from '../helpers/core';
import { townshipWithCounty } from '../helpers/county-setup';
import { countyRows, townshipRows } from '../helpers/sync';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ID = '11010519491231002X'; // GB 11643's published example
const PHONE = '18012341999';
const ADDRESS = '山西省朔州市山阴县玉井镇玉井村';
const CALLER = '13903491234';

describe('personal information on the way to the county', () => {
  it('travels readable inside the encrypted bundle; the county holds it plain, the township only sealed', async () => {
    const { t, county } = await townshipWithCounty();
    cleanups.push(
      () => county.close(),
      () => t.core.close(),
    );
    const p = t.ok('people.create', { name: '王网格', idNumber: ID, phone: PHONE, address: ADDRESS }, t.clerk);
    t.ok('people.update', { id: p.id, name: '王网格员', phone: null }, t.clerk);
    const [village] = t.ok<{ id: string }[]>('org.listVillages', {}, t.clerk);
    const grid = t.ok(
      'org.createGrid',
      { villageId: village!.id, type: 'village', name: '一网格', households: 9, residents: 20 },
      t.clerk,
    );
    const made = t.ok(
      'cases.create',
      {
        source: 'hotline',
        categoryCode: '01',
        subcategoryCode: '02',
        gridId: grid.id,
        place: '玉井村',
        occurredAt: '2026-11-20T02:00:00.000Z',
        reporterContact: CALLER,
        summary: '邻里纠纷',
        parties: [{ role: 'applicant', name: '李申请', idNumber: ID, phone: PHONE, address: ADDRESS }],
      },
      t.clerk,
    );
    // 走访 and 楼院采集: each with a sealed phone.
    const place = { villageId: village!.id, gridId: grid.id };
    const visit = { ...place, visitorId: p.id, visitedOn: '2026-11-20', method: 'in_person', subjectName: '李户主' };
    t.ok('visits.create', { ...visit, address: '玉井村三组', content: '了解家庭情况', phone: PHONE }, t.clerk);
    const compound = { ...place, name: '玉井小区', address: '玉井村', kind: 'residential', collectorId: p.id };
    const counts = { buildingCount: 3, households: 90, residents: 260, shops: 2, collectedOn: '2026-11-20' };
    t.ok(
      'buildings.create',
      { ...compound, ...counts, safetyContactName: '赵安全', safetyContactPhone: CALLER },
      t.clerk,
    );
    expect((await pushOnce(t.core.deps)).error).toBeNull();

    const sqlite = t.core.deps.conn.sqlite;
    // At rest on the township: ciphertext only, in the table and in the change log.
    const [mine] = townshipRows(sqlite, 'persons');
    expect(mine!.id_number_enc).toMatch(/^v1:/);
    const log = sqlite.prepare("SELECT data FROM change_log WHERE table_name = 'persons'").pluck().all() as string[];
    expect(log.length).toBe(2);
    for (const data of log) expect(data).not.toContain(ID);

    // At the county: the documented wire columns, readable; nothing of the township's keys.
    const columns = county.db.sqlite.prepare("SELECT name FROM pragma_table_info('persons')").pluck().all();
    expect(columns).toEqual(expect.arrayContaining(['id_number', 'phone', 'address']));
    for (const gone of ['id_number_enc', 'phone_enc', 'address_enc', 'id_number_hash'])
      expect(columns).not.toContain(gone);
    const [theirs] = countyRows(county.db.sqlite, 'persons', TOWNSHIP);
    const { id_number_enc: _i, phone_enc: _p, address_enc: _a, id_number_hash: _h, ...plainColumns } = mine!;
    expect(theirs).toEqual({ ...plainColumns, id_number: ID, phone: null, address: ADDRESS, name: '王网格员' });
    // The raw bundles the county stored are the encrypted bodies, never the plain number.
    const raws = county.db.sqlite.prepare('SELECT raw FROM county_bundles').pluck().all() as Buffer[];
    for (const raw of raws) expect(raw.toString('latin1')).not.toContain(ID);

    // A case's caller number the same way: sealed here, readable at the county, its lookup hash kept home.
    const [myCase] = townshipRows(sqlite, 'cases');
    expect(myCase!.reporter_contact_enc).toMatch(/^v1:/);
    const caseColumns = county.db.sqlite.prepare("SELECT name FROM pragma_table_info('cases')").pluck().all();
    expect(caseColumns).toContain('reporter_contact');
    for (const gone of ['reporter_contact_enc', 'reporter_contact_hash']) expect(caseColumns).not.toContain(gone);
    const [theirCase] = countyRows(county.db.sqlite, 'cases', TOWNSHIP);
    expect(theirCase).toMatchObject({ id: made.case.id, reporter_contact: CALLER });

    // A dispute's 当事人 likewise: sealed here, the three numbers readable at the county.
    const [myParty] = townshipRows(sqlite, 'case_parties');
    for (const col of ['id_number_enc', 'phone_enc', 'address_enc']) expect(myParty![col]).toMatch(/^v1:/);
    const partyLog = sqlite.prepare("SELECT data FROM change_log WHERE table_name = 'case_parties'").pluck().all();
    for (const data of partyLog as string[]) expect(data).not.toContain(ID);
    const [theirParty] = countyRows(county.db.sqlite, 'case_parties', TOWNSHIP);
    const { id_number_enc: _pi, phone_enc: _pp, address_enc: _pa, ...partyPlain } = myParty!;
    expect(theirParty).toEqual({ ...partyPlain, id_number: ID, phone: PHONE, address: ADDRESS });

    // 走访 and 楼院采集: the phones sealed here, readable at the county.
    const [myVisit] = townshipRows(sqlite, 'household_visits');
    expect(myVisit!.phone_enc).toMatch(/^v1:/);
    const { phone_enc: _vp, ...visitPlain } = myVisit!;
    expect(countyRows(county.db.sqlite, 'household_visits', TOWNSHIP)).toEqual([{ ...visitPlain, phone: PHONE }]);
    const [myCompound] = townshipRows(sqlite, 'buildings');
    expect(myCompound!.safety_contact_phone_enc).toMatch(/^v1:/);
    const { safety_contact_phone_enc: _bp, ...compoundPlain } = myCompound!;
    expect(countyRows(county.db.sqlite, 'buildings', TOWNSHIP)).toEqual([
      { ...compoundPlain, safety_contact_phone: CALLER },
    ]);
  });
});
