/** Local account roles. Every API method lists which of these may call it. */
export const ROLES = ['admin', 'reviewer', 'clerk'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  reviewer: '审核人', // 中心主任
  clerk: '录入员',
};

/** Shorthands used in method declarations. */
export const ALL_ROLES: readonly Role[] = ROLES;
export const EDITORS: readonly Role[] = ['admin', 'clerk'];
