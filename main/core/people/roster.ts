import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { RosterLine, RosterVillage } from '../../../shared/api/people';
import type { Education, PoliticalStatus } from '../../../shared/people/codes';
import { maskIdNumber, maskPhone } from '../../../shared/people/mask';
import { POST_TYPES, type PostType } from '../../../shared/people/posts';
import type { HandlerContext } from '../context';
import { villages } from '../org/schema';
import { postKindLabel } from './labels';
import { activePosts } from './posts';
import { persons, posts } from './schema';

/** On paper: the village's 网格长 and 指导员 first, then grid by grid its 网格员 and 辅助员. */
const VILLAGE_LEVEL_ORDER: Record<PostType, number> = { head: 0, instructor: 1, worker: 2, assistant: 3 };

/** The 网格员花名册 as it would print: current posts grouped by village, in code order. */
export function rosterByVillage(ctx: HandlerContext, villageId?: string): RosterVillage[] {
  const current = activePosts(
    ctx,
    and(isNull(posts.deletedAt), villageId ? eq(posts.villageId, villageId) : undefined)!,
  );
  const personIds = [...new Set(current.map((p) => p.personId))];
  const people = new Map(
    personIds.length
      ? ctx.db
          .select()
          .from(persons)
          .where(inArray(persons.id, personIds))
          .all()
          .map((r) => [r.id, r])
      : [],
  );
  const villageRows = ctx.db.select({ id: villages.id, code: villages.code }).from(villages).all();
  const codeOf = new Map(villageRows.map((v) => [v.id, v.code]));
  const byVillage = new Map<string, RosterVillage>();
  for (const post of current) {
    const person = people.get(post.personId)!;
    const phone = ctx.pii.decryptNullable(person.phoneEnc);
    const line: RosterLine = {
      id: post.id,
      personId: person.id,
      type: post.type,
      gridCode: post.gridCode,
      gridName: post.gridName,
      kind: postKindLabel(post),
      name: person.name,
      sex: person.sex,
      birthMonth: person.birthDate.slice(0, 7),
      idNumberMasked: maskIdNumber(ctx.pii.decrypt(person.idNumberEnc)),
      phoneMasked: phone === null ? null : maskPhone(phone),
      politicalStatus: person.politicalStatus as PoliticalStatus | null,
      education: person.education as Education | null,
      startDate: post.startDate,
    };
    const group = byVillage.get(post.villageId) ?? {
      villageId: post.villageId,
      villageCode: codeOf.get(post.villageId) ?? '',
      villageName: post.villageName,
      counts: Object.fromEntries(POST_TYPES.map((t) => [t, 0])) as Record<PostType, number>,
      lines: [],
    };
    group.lines.push(line);
    group.counts[post.type]++;
    byVillage.set(post.villageId, group);
  }
  const key = (l: RosterLine) => [
    l.gridCode === null ? VILLAGE_LEVEL_ORDER[l.type] : 9,
    l.gridCode ?? '',
    VILLAGE_LEVEL_ORDER[l.type],
    l.name,
  ];
  for (const group of byVillage.values()) {
    group.lines.sort((a, b) => compareKeys(key(a), key(b)));
  }
  return [...byVillage.values()].sort((a, b) => a.villageCode.localeCompare(b.villageCode));
}

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
  }
  return 0;
}
