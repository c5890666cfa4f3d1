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
};
