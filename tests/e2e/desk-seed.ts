/**
 * The township the desk test starts from, written straight through the core before the host
 * starts (run as `node --import tsx tests/e2e/desk-seed.ts <dataDir>`, since Playwright's loader
 * cannot load the core's JSON imports; prints the DeskSeed as JSON): two grids in 玉井村 (the first with a 专职网格员, the second with none) and a year of
 * cases across the loop, registered at their own past times so the 工作台 has a trend to show.
 */
import { syntheticPeople } from '../../main/core/people/synthetic';
import { manualClock } from '../helpers/cases';
import { PASSWORD, makeTownship } from '../helpers/core';
import { seedFieldwork } from '../helpers/fieldwork-seed';
import { shanghaiDateIso } from '../../shared/dates';
import { testNow } from '../helpers/test-clock';

const YEAR_VISITS = 12;

const step = (action: string, payload: Record<string, unknown> = {}) => ({ action, payload });

export interface DeskSeed {
  /** Of every account (admin, shen, lu). */
  password: string;
  workerId: string;
  /** Cases registered in the current Shanghai month by the seed. */
  thisMonth: number;
  /** Of those, accepted at 甄别 (受理) and closed (办结); the closed dispute mediated successfully (化解). */
  thisMonthAccepted: number;
  thisMonthClosed: number;
  thisMonthResolved: number;
  /** 入户走访 recorded this calendar year (in person; the 电话/视频 contacts are not counted). */
  yearVisits: number;
}

export function seedDesk(dataDir: string): DeskSeed {
  const realNow = testNow().getTime(); // the test clock the host will start from
  const time = manualClock(new Date(realNow - 400 * 86_400_000).toISOString());
  const t = makeTownship({ dataDir, clock: time.clock });
  const [village] = t.ok<{ id: string }[]>('org.listVillages', {}, t.admin);
  const grid = (name: string) =>
    t.ok<{ id: string }>(
      'org.createGrid',
      { villageId: village!.id, type: 'village', name, households: 300, residents: 900 },
      t.admin,
    ).id;
  const gridA = grid('玉井村第一网格');
  grid('玉井村第二网格');
  const [p] = syntheticPeople({ countyCode: '140621', count: 1, seed: 'desk', today: '2025-01-01' });
  const workerId = t.ok<{ id: string }>('people.create', { name: '王网格', idNumber: p!.idNumber }, t.admin).id;
  t.ok(
    'posts.add',
    { personId: workerId, type: 'worker', gridId: gridA, employment: 'full_time', startDate: '2025-01-01' },
    t.admin,
  );

  const assign = step('assign', { assignee: { kind: 'gridWorker', id: workerId, name: '王网格' } });
  const assigned = [step('report'), step('accept'), assign];
  const closed = [
    ...assigned,
    step('resolve', { result: '已处理' }),
    step('feedback', { note: '已告知' }),
    step('close'),
  ];
  const plans = [
    closed,
    closed,
    assigned,
    [step('report')],
    [],
    closed,
    [step('report'), step('reject', { reason: '重复反映' })],
  ];
  const categories = [
    ['01', '02'],
    ['02', '01'],
    ['03', '01'],
    ['99', '99'],
  ];
  let thisMonth = 0;
  const month = { accepted: 0, closed: 0, resolved: 0 };
  // Eleven past months (a few cases each, on the 10th) and the current one (a minute ago).
  for (let back = 11; back >= 0; back--) {
    const d = new Date(realNow);
    const at = back === 0 ? realNow - 60_000 : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 10, 2);
    time.at(new Date(at).toISOString());
    const admin = t.login('admin'); // sessions end after 12 idle hours
    const count = back === 0 ? 6 : 2 + (back % 4);
    for (let i = 0; i < count; i++) {
      const [categoryCode, subcategoryCode] = categories[(back + i) % categories.length]!;
      const plan = plans[(back + i) % plans.length]!;
      // A dispute closes only with its mediation result: recorded (调解成功) before its 办结.
      const dispute = categoryCode === '01' && plan === closed;
      const made = t.ok<{ case: { id: string } }>(
        'cases.create',
        {
          source: 'patrol',
          categoryCode,
          subcategoryCode,
          gridId: gridA,
          place: '玉井村三组',
          occurredAt: new Date(at - 3_600_000).toISOString(),
          reporterName: '巡查员',
          reporterContact: '13912345678',
          summary: `网格巡查发现的第 ${i + 1} 件事项`,
          then: dispute ? closed.slice(0, -1) : plan,
        },
        admin,
      );
      if (dispute) {
        const mediation = { method: 'people', organisation: '玉井镇人民调解委员会', responsible: '赵调解' };
        t.ok(
          'cases.setMediation',
          { id: made.case.id, ...mediation, level: 'township', result: 'success', outcome: '双方达成协议' },
          admin,
        );
        t.ok('cases.act', { id: made.case.id, action: 'close', payload: {} }, admin);
      }
      if (back === 0) {
        if (plan.some((s) => s.action === 'accept')) month.accepted++;
        if (plan === closed) month.closed++;
        if (dispute) month.resolved++;
      }
    }
    if (back === 0) thisMonth = count;
  }
  // This year's field work, up to today: what the 工作台's yearly figures count.
  const today = shanghaiDateIso(new Date(realNow));
  seedFieldwork(t, t.login('admin'), {
    places: [{ villageId: village!.id, villageName: '玉井村', gridId: gridA }],
    workerIds: [workerId],
    from: `${today.slice(0, 4)}-01-01`,
    to: today,
    visits: YEAR_VISITS,
    buildings: 3,
  });
  const yearVisits = Number(
    t.core.deps.conn.sqlite.prepare(`SELECT count(*) FROM household_visits WHERE method = 'in_person'`).pluck().get(),
  );
  t.core.close();
  return {
    password: PASSWORD,
    workerId,
    thisMonth,
    thisMonthAccepted: month.accepted,
    thisMonthClosed: month.closed,
    thisMonthResolved: month.resolved,
    yearVisits,
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  process.stdout.write(JSON.stringify(seedDesk(process.argv[2]!)));
}
