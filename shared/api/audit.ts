import { z } from 'zod';
import { method } from './define';

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  username: z.string().nullable(),
  method: z.string(),
  title: z.string(),
  recordId: z.string().nullable(),
  /** e.g. 网格 140621100200001 第一网格; null when the record is gone or none was named. */
  recordLabel: z.string().nullable(),
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * What the chain check found first: an entry whose content no longer matches its hash (`altered`),
 * entries missing before this one (`deleted`), an entry that is not part of the chain (`inserted`),
 * or a link that fails without telling which (`relinked`: the entry before was changed and its hash
 * recomputed, or entries were removed and the rest renumbered).
 */
export const auditBreakSchema = z.object({
  kind: z.enum(['altered', 'deleted', 'inserted', 'relinked']),
  id: z.string(),
  at: z.string(),
  method: z.string(),
  title: z.string(),
  username: z.string().nullable(),
  /** The entry's place in the chain as stored (null when it has none). */
  seq: z.number().nullable(),
  /** What is wrong, in Chinese. */
  problem: z.string(),
});
export type AuditBreak = z.infer<typeof auditBreakSchema>;

export const auditChainSchema = z.object({
  whole: z.boolean(),
  /** Entries on file. */
  count: z.number().int(),
  broken: auditBreakSchema.nullable(),
});
export type AuditChain = z.infer<typeof auditChainSchema>;

export const auditApi = {
  'audit.list': method({
    title: '操作日志',
    access: ['admin', 'reviewer'],
    write: false,
    input: z.object({
      recordId: z.string().optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.array(auditEntrySchema),
  }),
  'audit.verify': method({
    title: '校验操作日志',
    access: ['admin', 'reviewer'],
    write: false,
    input: z.object({}),
    output: auditChainSchema,
  }),
};
