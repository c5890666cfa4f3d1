/** 当事人 of a 矛盾纠纷 case: their roles in the dispute (GB/T 31000 当事人信息). */

export const CASE_PARTY_ROLES = ['applicant', 'respondent', 'third'] as const;
export type CasePartyRole = (typeof CASE_PARTY_ROLES)[number];
export const CASE_PARTY_ROLE_LABELS: Record<CasePartyRole, string> = {
  applicant: '申请人',
  respondent: '被申请人',
  third: '第三人',
};

/** Enough for a family or neighbourhood dispute; a larger group is recorded by 涉及人数. */
export const MAX_CASE_PARTIES = 20;
