/**
 * The township the contract fuzzer attacks: one record of every kind, so that a valid base input
 * exists for every method and a hostile field reaches past validation into the handlers.
 */
import { caseInput, makeCaseTownship } from '../helpers/cases';

export type FuzzTownship = ReturnType<typeof makeFuzzTownship>;

export function makeFuzzTownship() {
  const t = makeCaseTownship();
  const admin = t.sessions.admin;
  const ok = <T extends { id: string }>(method: string, input: unknown) => t.ok<T>(method, input, admin);

  const post = ok('posts.add', {
    personId: t.worker,
    type: 'worker',
    gridId: t.gridA,
    employment: 'full_time',
    startDate: '2026-01-05',
  });
  const training = ok('trainings.add', { personId: t.worker, date: '2026-06-01', topic: '矛盾调解', hours: 4 });
  const partyGroup = ok('org.savePartyGroup', { gridId: t.gridA, name: '第一党小组', memberCount: 8 });
  const dispute = t.ok<{ case: { id: string; number: string }; parties: { id: string }[] }>(
    'cases.create',
    caseInput(t.gridA, { parties: [{ role: 'applicant', name: '李申请', phone: '13800138001' }] }),
    admin,
  );
  const visit = ok('visits.create', {
    villageId: t.villageA,
    gridId: t.gridA,
    visitorId: t.worker,
    visitedOn: '2026-09-28',
    method: 'in_person',
    subjectName: '李户主',
    address: '玉井村三组18号',
    content: '了解家庭近况',
  });
  const building = ok('buildings.create', {
    villageId: t.villageA,
    gridId: t.gridA,
    name: '玉井小区',
    address: '玉井村幸福路 8 号',
    kind: 'residential',
    buildingCount: 6,
    households: 120,
    residents: 360,
    shops: 4,
    collectedOn: '2026-09-20',
    collectorId: t.worker,
  });
  // Accounts the fuzzer may change freely; the three role accounts stay as they are.
  const fuzzUser = ok('users.create', {
    username: 'fuzz-user',
    displayName: '模糊用户',
    role: 'clerk',
    password: 'Fuzz-pass-1',
  });
  const ids = {
    villageA: t.villageA,
    villageB: t.villageB,
    gridA: t.gridA,
    gridB: t.gridB,
    worker: t.worker,
    post: post.id,
    training: training.id,
    partyGroup: partyGroup.id,
    case: dispute.case.id,
    caseNumber: dispute.case.number,
    party: dispute.parties[0]!.id,
    visit: visit.id,
    building: building.id,
    fuzzUser: fuzzUser.id,
  };
  return { ...t, ids };
}
