import { z } from 'zod';
import { ALL_ROLES } from '../roles';
import { method } from './define';

export const OUTBOX_STATUSES = ['pending', 'uploading', 'acked', 'rejected'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: '待上报',
  uploading: '上报中',
  acked: '县级已接收',
  rejected: '被拒收',
};

export const DEFAULT_INTERVAL_MINUTES = 30;

export const outboxEntrySchema = z.object({
  id: z.string(),
  seqFrom: z.number(),
  seqTo: z.number(),
  changeCount: z.number(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number(),
  /** When this bundle goes again (pending or cut off mid-upload), else null. */
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  ackedAt: z.string().nullable(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export const syncStatusSchema = z.object({
  countyUrl: z.string().nullable(),
  countyKeyFingerprint: z.string().nullable(),
  townshipKeyFingerprint: z.string(),
  /** The township's public key (JWK text), to be registered at the county. */
  townshipPublicKey: z.string(),
  intervalMinutes: z.number(),
  lastSuccessAt: z.string().nullable(),
  /** Changes the county has not acknowledged. */
  pendingChanges: z.number(),
  /** When the next pass starts (the schedule or the back-off), null when none is planned. */
  nextAttemptAt: z.string().nullable(),
  /** A pass is running or about to (立即上报 was pressed). */
  passRunning: z.boolean(),
  /** Why the last pass did not finish (Chinese), or what is missing before the first one. */
  lastError: z.string().nullable(),
  /** The county refused a bundle for good: automatic passes wait for 立即上报 (ISO time), or null. */
  haltedAt: z.string().nullable(),
  /** Failed passes in a row (the back-off grows with it). */
  failures: z.number(),
  /** The newest bundles first, at most 200. */
  outbox: z.array(outboxEntrySchema),
  outboxTotal: z.number(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

const countyUrlSchema = z
  .string({ message: '请填写县级服务器地址' })
  .trim()
  .min(1, { message: '请填写县级服务器地址' })
  .max(500, { message: '县级服务器地址过长' });
const countyKeySchema = z
  .string({ message: '请粘贴或选择县级公钥文件' })
  .trim()
  .min(1, { message: '请粘贴或选择县级公钥文件' })
  .max(10_000, { message: '县级公钥内容过长，应为一个 JWK' });

export const syncApi = {
  'sync.status': method({
    title: '上报状态',
    access: ALL_ROLES,
    write: false,
    input: z.object({}),
    output: syncStatusSchema,
  }),
  'sync.checkCountyKey': method({
    title: '核对县级公钥',
    access: ['admin'],
    write: false,
    input: z.object({ countyKey: countyKeySchema }),
    output: z.object({ kid: z.string(), fingerprint: z.string() }),
  }),
  'sync.setCounty': method({
    title: '设置县级接收端',
    access: ['admin'],
    write: true,
    input: z.object({
      url: countyUrlSchema,
      /** The county's X25519 public key as JWK text; omitted keeps the one already imported. */
      countyKey: countyKeySchema.optional(),
      intervalMinutes: z
        .number({ message: '上报间隔必须是数字' })
        .int({ message: '上报间隔应为整数分钟' })
        .min(1, { message: '上报间隔至少 1 分钟' })
        .max(24 * 60, { message: '上报间隔不能超过 1440 分钟（一天）' })
        .optional(),
    }),
    output: z.object({
      countyUrl: z.string(),
      countyKeyFingerprint: z.string().nullable(),
      intervalMinutes: z.number(),
    }),
  }),
  'sync.pushNow': method({
    title: '立即上报',
    access: ALL_ROLES,
    write: true,
    input: z.object({}),
    /** started: a pass was requested (false when this process runs no schedule, e.g. the CLI). */
    output: z.object({ started: z.boolean() }),
  }),
};
