/**
 * The "一长三员" posts (domain.md §2): 网格长 one per village/community, 网格员 专职/兼职 per grid,
 * 网格辅助员 per grid with its kind, 网格指导员 per village (a township cadre stationed there or
 * responsible for it). A post has a start and an optional end date, so history is kept.
 */
export const POST_TYPES = ['head', 'worker', 'assistant', 'instructor'] as const;
export type PostType = (typeof POST_TYPES)[number];
export const POST_TYPE_LABELS: Record<PostType, string> = {
  head: '网格长',
  worker: '网格员',
  assistant: '网格辅助员',
  instructor: '网格指导员',
};
/** Which level a post is held at. */
export const POST_SCOPE: Record<PostType, 'village' | 'grid'> = {
  head: 'village',
  worker: 'grid',
  assistant: 'grid',
  instructor: 'village',
};

export const ASSISTANT_KINDS = [
  'retired_cadre',
  'veteran_member',
  'patrol',
  'group_head',
  'building_head',
  'property_staff',
  'mediator',
  'safety_volunteer',
  'other',
] as const;
export type AssistantKind = (typeof ASSISTANT_KINDS)[number];
export const ASSISTANT_KIND_LABELS: Record<AssistantKind, string> = {
  retired_cadre: '退休干部',
  veteran_member: '老党员',
  patrol: '巡逻队员',
  group_head: '村(居)民小组长',
  building_head: '楼栋长',
  property_staff: '物业人员',
  mediator: '人民调解员',
  safety_volunteer: '平安志愿者',
  other: '其他',
};

export const INSTRUCTOR_KINDS = ['stationed', 'responsible'] as const;
export type InstructorKind = (typeof INSTRUCTOR_KINDS)[number];
export const INSTRUCTOR_KIND_LABELS: Record<InstructorKind, string> = {
  stationed: '驻村干部',
  responsible: '包村干部',
};

/** 在职党员进网格 or 党员志愿队. */
export const PARTY_ROLES = ['in_service', 'volunteer'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
export const PARTY_ROLE_LABELS: Record<PartyRole, string> = {
  in_service: '在职党员进网格',
  volunteer: '党员志愿队',
};
