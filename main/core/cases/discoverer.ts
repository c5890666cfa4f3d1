/** 发现人 of a case: a live person of the grid team, or 群众 by name (the caller on the hotline). */
import { eq } from 'drizzle-orm';
import type { DiscovererInput } from '../../../shared/api/cases';
import type { CaseSource, DiscovererKind } from '../../../shared/cases/codes';
import { fieldError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { persons } from '../people/schema';

/** The 发现人 of a call whose caller left no name. */
export const ANONYMOUS_CALLER = '匿名来电人';

export interface DiscovererColumns {
  discovererKind: DiscovererKind | null;
  discovererId: string | null;
  discovererName: string | null;
}

/** A team member as stored: the person must be on file; their name is copied so history reads as entered. */
export function teamDiscoverer(ctx: HandlerContext, personId: string, path: (string | number)[]): DiscovererColumns {
  const row = ctx.db
    .select({ name: persons.name, deletedAt: persons.deletedAt })
    .from(persons)
    .where(eq(persons.id, personId))
    .get();
  if (!row || row.deletedAt) throw fieldError(path, '所选发现人不存在或已删除');
  return { discovererKind: 'team', discovererId: personId, discovererName: row.name };
}

/**
 * The 发现人 columns of a new case. Left out, the reporter named on the form (caller, visitor) is the
 * 群众 who found it, else a dispute's 申请人 who brought it, else an anonymous caller; a 上级交办
 * order may have none (the county found it, not anyone here).
 */
export function discovererOf(
  ctx: HandlerContext,
  input: {
    discoverer?: DiscovererInput | null;
    reporterName: string | null;
    source: CaseSource;
    parties?: readonly { role: string; name: string }[];
  },
): DiscovererColumns {
  const d = input.discoverer;
  if (d?.kind === 'team') return teamDiscoverer(ctx, d.personId, ['discoverer', 'personId']);
  if (d?.kind === 'public') return { discovererKind: 'public', discovererId: null, discovererName: d.name };
  const named = input.reporterName ?? input.parties?.find((p) => p.role === 'applicant')?.name ?? null;
  if (named) return { discovererKind: 'public', discovererId: null, discovererName: named };
  // A caller who gives no name (a 举报 may stay anonymous) still found it.
  if (input.source === 'hotline' || input.source === 'transfer12345') {
    return { discovererKind: 'public', discovererId: null, discovererName: ANONYMOUS_CALLER };
  }
  if (input.source === 'superior') return { discovererKind: null, discovererId: null, discovererName: null };
  throw fieldError(['discoverer'], '请选择发现人：网格力量请选择人员，群众请填写姓名');
}
