/**
 * What seed-demo will write, decided before anything is written: grids per village, each grid's
 * 一长三员, party groups and who belongs to which, trainings. Pure and seeded, so the same seed
 * gives the same township (names, ID numbers, phones, structure) on every machine.
 */
import { isPartyMember, type Employment } from '../../../shared/people/codes';
import type { AssistantKind, InstructorKind, PartyRole, PostType } from '../../../shared/people/posts';
import { ASSISTANT_KINDS, INSTRUCTOR_KINDS } from '../../../shared/people/posts';
import type { VillageKind } from '../../../shared/org/codes';
import type { Random } from '../people/random';
import type { SyntheticPerson } from '../people/synthetic';

export interface PlanVillage {
  id: string;
  name: string;
  kind: VillageKind;
}

export interface PlannedPost {
  type: PostType;
  /** Index into the village's grids for grid posts; null for 网格长 and 指导员. */
  grid: number | null;
  employment: Employment | null;
  assistantKind: AssistantKind | null;
  instructorKind: InstructorKind | null;
  startDate: string;
}

export interface PlannedPerson {
  person: SyntheticPerson;
  post: PlannedPost;
  partyRole: PartyRole | null;
  /** [grid index, group index] in this village, for party members where the village has groups. */
  group: [number, number] | null;
  trainings: { date: string; topic: string; hours: number }[];
}

export interface PlannedGrid {
  name: string;
  households: number;
  residents: number;
  groupNames: string[];
}

export interface VillagePlan {
  village: PlanVillage;
  grids: PlannedGrid[];
  people: PlannedPerson[];
}

const NUMERALS = [...'一二三四五六七八九十'];
const TOPICS = [
  '网格员业务能力培训',
  '矛盾纠纷排查化解专题培训',
  '个人信息保护与数据安全',
  '综治中心信息系统操作培训',
  '安全生产与消防隐患排查',
  '平安建设宣传与群众工作方法',
];

export function ordinal(n: number): string {
  if (n <= 10) return NUMERALS[n - 1]!;
  if (n < 20) return '十' + NUMERALS[n - 11]!;
  const tens = Math.floor(n / 10);
  return NUMERALS[tens - 1]! + '十' + (n % 10 ? NUMERALS[(n % 10) - 1]! : '');
}

/** Minimum staff: one 网格长 per village and one 网格员 per grid. */
export function minimumPeople(villages: number, grids: number): number {
  return villages + grids;
}

function daysBefore(today: string, days: number): string {
  const t = Date.parse(today + 'T00:00:00Z') - days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * Spreads `gridCount` grids round-robin over the villages and `people` over the posts: first a
 * 网格长 per village and a 网格员 per grid, then a 指导员 per village, then extra 网格员 and
 * 辅助员 (two assistants for each extra worker) grid by grid.
 */
export function planTownship(
  rng: Random,
  villages: PlanVillage[],
  gridCount: number,
  people: SyntheticPerson[],
  today: string,
): VillagePlan[] {
  const plans: VillagePlan[] = villages.map((village) => ({ village, grids: [], people: [] }));
  for (let i = 0; i < gridCount; i++) {
    const plan = plans[i % plans.length]!;
    const households = plan.village.kind === 'community' ? rng.int(300, 500) : rng.int(180, 380);
    plan.grids.push({
      name: `${plan.village.name}第${ordinal(plan.grids.length + 1)}网格`,
      households,
      residents: Math.round(households * (2.3 + rng.next() * 0.7)),
      groupNames: Array.from({ length: rng.int(1, 3) }, (_, g) => `第${ordinal(g + 1)}党小组`),
    });
  }
  const gridSlots = plans.flatMap((p) => p.grids.map((_, g) => [p, g] as const));
  const queue = [...people];
  const take = () => queue.shift()!;
  const add = (plan: VillagePlan, person: SyntheticPerson, post: Omit<PlannedPost, 'startDate'>) => {
    // Heads and instructors are party cadres in practice.
    if (post.type === 'head' || post.type === 'instructor') person = { ...person, politicalStatus: '01' };
    plan.people.push(
      plannedPerson(rng, plan, person, { ...post, startDate: daysBefore(today, rng.int(30, 2000)) }, today),
    );
  };
  const none = { employment: null, assistantKind: null, instructorKind: null } as const;
  for (const plan of plans) add(plan, take(), { ...none, type: 'head', grid: null });
  for (const [plan, g] of gridSlots) {
    // Every community grid has a 专职网格员 (domain.md §2); villages mostly rely on 兼职.
    const employment = plan.village.kind === 'community' ? 'full_time' : queue[0]!.employment;
    add(plan, take(), { ...none, type: 'worker', grid: g, employment });
  }
  for (const plan of plans) {
    if (!queue.length) break;
    add(plan, take(), { ...none, type: 'instructor', grid: null, instructorKind: rng.pick(INSTRUCTOR_KINDS) });
  }
  for (let k = 0; queue.length && gridSlots.length; k++) {
    const [plan, g] = gridSlots[k % gridSlots.length]!;
    const person = take();
    if (k % 3 === 2) add(plan, person, { ...none, type: 'worker', grid: g, employment: person.employment });
    else add(plan, person, { ...none, type: 'assistant', grid: g, assistantKind: rng.pick(ASSISTANT_KINDS) });
  }
  return plans;
}

function plannedPerson(
  rng: Random,
  plan: VillagePlan,
  person: SyntheticPerson,
  post: PlannedPost,
  today: string,
): PlannedPerson {
  const member = isPartyMember(person.politicalStatus);
  const gridIndex = post.grid ?? (plan.grids.length ? 0 : null);
  const groups = gridIndex === null ? 0 : plan.grids[gridIndex]!.groupNames.length;
  const trainings =
    post.type === 'assistant'
      ? []
      : Array.from({ length: rng.int(0, 3) }, () => ({
          date: daysBefore(today, rng.int(1, 365)),
          topic: rng.pick(TOPICS),
          hours: rng.pick([2, 4, 8, 16]),
        }));
  return {
    person,
    post,
    partyRole: member ? (post.type === 'assistant' ? 'volunteer' : 'in_service') : null,
    group: member && gridIndex !== null && groups ? [gridIndex, rng.int(0, groups - 1)] : null,
    trainings,
  };
}
