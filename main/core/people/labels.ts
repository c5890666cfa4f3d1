import type { Employment } from '../../../shared/people/codes';
import { EMPLOYMENT_LABELS } from '../../../shared/people/codes';
import {
  ASSISTANT_KIND_LABELS,
  INSTRUCTOR_KIND_LABELS,
  POST_TYPE_LABELS,
  type AssistantKind,
  type InstructorKind,
  type PostType,
} from '../../../shared/people/posts';

export interface PostKindFields {
  type: PostType;
  employment: Employment | null;
  assistantKind: AssistantKind | null;
  instructorKind: InstructorKind | null;
}

/** 专职 / 老党员 / 驻村干部, or null for a 网格长. */
export function postKindLabel(p: PostKindFields): string | null {
  if (p.type === 'worker' && p.employment) return EMPLOYMENT_LABELS[p.employment];
  if (p.type === 'assistant' && p.assistantKind) return ASSISTANT_KIND_LABELS[p.assistantKind];
  if (p.type === 'instructor' && p.instructorKind) return INSTRUCTOR_KIND_LABELS[p.instructorKind];
  return null;
}

/** `网格员（专职）· 玉井村第一网格`, `网格长 · 玉井村` */
export function postLabel(p: PostKindFields & { villageName: string; gridName: string | null }): string {
  const kind = postKindLabel(p);
  const where = p.gridName ?? p.villageName;
  return `${POST_TYPE_LABELS[p.type]}${kind ? `（${kind}）` : ''} · ${where}`;
}
