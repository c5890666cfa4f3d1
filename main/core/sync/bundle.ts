import crypto, { type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { CompactEncrypt, CompactSign, compactDecrypt, compactVerify, decodeProtectedHeader } from 'jose';
import { z } from 'zod';
import type { RecipientKey, SigningKey } from './keystore';

/**
 * The bundle codec, both directions: township encodes, county decodes. The exact format is
 * docs/bundle-format.md — keep the two in step.
 *
 *   body = JWE compact (ECDH-ES, X25519, A256GCM, kid = county key, cty "JOSE")
 *            of JWS compact (EdDSA, Ed25519, kid = township key, typ "zongzhi-bundle")
 *              of gzip( header line \n change line \n … )
 */
export const BUNDLE_FORMAT = 'zongzhi-bundle/1';
export const JWS_TYP = 'zongzhi-bundle';

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

const kidSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: '密钥编号应为 43 位 base64url' });

export const headerSchema = z.object({
  format: z.literal(BUNDLE_FORMAT, { message: `格式应为 ${BUNDLE_FORMAT}` }),
  township: z.string().regex(/^\d{9}$/, { message: '乡镇代码应为 9 位数字' }),
  bundleId: z.uuid({ version: 'v7', message: '包编号应为 UUIDv7' }),
  seqFrom: z.number().int().positive(),
  seqTo: z.number().int().positive(),
  count: z.number().int().positive(),
  schemaVersion: z.number().int().nonnegative(),
  createdAt: z.iso.datetime({ message: '创建时间应为 ISO 8601 时间' }),
  senderKid: kidSchema,
  recipientKid: kidSchema,
  /** A priority bundle (突发事件 reports, out of sequence): sent to its own address, never advances the sequence. */
  priority: z.literal(true).optional(),
});
export type BundleHeader = z.infer<typeof headerSchema>;

const changeSchema = z.object({
  seq: z.number().int().positive(),
  table: z.string().regex(/^[a-z][a-z0-9_]*$/, { message: '表名不正确' }),
  id: z.string().min(1).max(64),
  op: z.enum(['insert', 'update', 'delete']),
  at: z.string(),
  row: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
});
export type ChangeLine = z.infer<typeof changeSchema>;

export interface EncodedBundle {
  header: BundleHeader;
  /** The compact JWE, exactly as uploaded and as hashed. */
  body: string;
  /** SHA-256 of the body's bytes, hex; the county's idempotency check compares it. */
  hash: string;
  /** Size of the JSON lines before compression. */
  plainBytes: number;
}

export function bundleHash(body: string | Uint8Array): string {
  return crypto.createHash('sha256').update(body).digest('hex');
}

/** Signs and encrypts header + change lines (each line already serialised JSON without a newline). */
export async function encodeBundle(
  fields: Omit<BundleHeader, 'format' | 'senderKid' | 'recipientKid' | 'count'>,
  lines: string[],
  sender: SigningKey,
  recipient: RecipientKey,
): Promise<EncodedBundle> {
  const header: BundleHeader = {
    format: BUNDLE_FORMAT,
    ...fields,
    count: lines.length,
    senderKid: sender.kid,
    recipientKid: recipient.kid,
  };
  const plain = Buffer.from([JSON.stringify(header), ...lines].join('\n') + '\n', 'utf8');
  const jws = await new CompactSign(await gzip(plain))
    .setProtectedHeader({ alg: 'EdDSA', kid: sender.kid, typ: JWS_TYP })
    .sign(sender.privateKey);
  const body = await new CompactEncrypt(Buffer.from(jws, 'ascii'))
    .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A256GCM', kid: recipient.kid, cty: 'JOSE' })
    .encrypt(recipient.publicKey);
  return { header, body, hash: bundleHash(body), plainBytes: plain.length };
}

/** Why a bundle was refused; the county maps each kind to an HTTP status. */
export type BundleErrorKind = 'malformed' | 'recipient' | 'sender' | 'signature' | 'too_large' | 'content';

export class BundleError extends Error {
  constructor(
    readonly kind: BundleErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'BundleError';
  }
}

export interface DecodeKeys {
  /** The county private key for a JWE kid, or null if it is not one of ours. */
  recipient(kid: string): KeyObject | null;
  /** The registered township public key for a JWS kid, with the township it belongs to. */
  sender(kid: string): { township: string; key: KeyObject } | null;
  /** Refuse bundles whose JSON lines would exceed this after decompression. */
  maxPlainBytes: number;
}

export interface DecodedBundle {
  header: BundleHeader;
  changes: ChangeLine[];
}

function kidOf(token: string, what: string): string {
  let kid: unknown;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    throw new BundleError('malformed', `${what}的头部无法解析`);
  }
  if (typeof kid !== 'string') throw new BundleError('malformed', `${what}的头部缺少密钥编号 kid`);
  return kid;
}

async function openJwe(body: string, keys: DecodeKeys): Promise<{ jws: string; kid: string }> {
  if (body.split('.').length !== 5) throw new BundleError('malformed', '上报包不是 JWE 紧凑格式');
  const kid = kidOf(body, '加密层');
  const key = keys.recipient(kid);
  if (!key) throw new BundleError('recipient', `上报包不是加密给本县的（接收方密钥编号 ${kid} 未知）`);
  try {
    const { plaintext } = await compactDecrypt(body, key, {
      keyManagementAlgorithms: ['ECDH-ES'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    return { jws: Buffer.from(plaintext).toString('ascii'), kid };
  } catch {
    throw new BundleError('malformed', '上报包无法解密：内容在传输中被改动或已损坏');
  }
}

async function verifyJws(jws: string, keys: DecodeKeys) {
  if (jws.split('.').length !== 3) throw new BundleError('malformed', '解密后的内容不是 JWS 紧凑格式');
  const kid = kidOf(jws, '签名层');
  const sender = keys.sender(kid);
  if (!sender) throw new BundleError('sender', `签名密钥未登记（密钥编号 ${kid}）：该乡镇未在本县登记，或未登记此密钥`);
  try {
    const { payload, protectedHeader } = await compactVerify(jws, sender.key, { algorithms: ['EdDSA'] });
    if (protectedHeader.typ !== JWS_TYP) throw new BundleError('malformed', `签名层的 typ 应为 ${JWS_TYP}`);
    return { payload, kid, township: sender.township };
  } catch (err) {
    if (err instanceof BundleError) throw err;
    throw new BundleError('signature', '签名验证失败：上报包不是由登记的乡镇密钥签名的');
  }
}

/** One change line (a row of any synced table) may not exceed this: the longest field is 2,000 characters. */
export const MAX_CHANGE_CHARS = 256 * 1024;

async function inflate(payload: Uint8Array, max: number): Promise<string> {
  try {
    return (await gunzip(payload, { maxOutputLength: max })).toString('utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new BundleError('too_large', `上报包解压后超过 ${max} 字节的上限`);
    }
    throw new BundleError('malformed', '上报包内容不是有效的 gzip 数据');
  }
}

function parseLine<T>(schema: z.ZodType<T>, text: string, where: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BundleError('content', `${where}不是有效的 JSON`);
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new BundleError('content', `${where}不正确（${i.path.join('.') || '整体'}）：${i.message}`);
  }
  return r.data;
}

/** Decrypts, verifies and parses a bundle; every refusal is a BundleError with a Chinese message. */
export async function decodeBundle(body: string, keys: DecodeKeys): Promise<DecodedBundle> {
  const outer = await openJwe(body, keys);
  const inner = await verifyJws(outer.jws, keys);
  const text = await inflate(inner.payload, keys.maxPlainBytes);
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = parseLine(headerSchema, lines[0] ?? '', '包头');
  if (header.township !== inner.township) {
    throw new BundleError('sender', `包头中的乡镇 ${header.township} 与签名密钥登记的乡镇 ${inner.township} 不符`);
  }
  if (header.senderKid !== inner.kid || header.recipientKid !== outer.kid) {
    throw new BundleError('content', '包头中的密钥编号与签名层、加密层的 kid 不一致');
  }
  if (lines.length - 1 !== header.count) {
    throw new BundleError('content', `包头声明 ${header.count} 条变更，实际有 ${lines.length - 1} 条`);
  }
  // The range covers every logged change in it; numbers the log never used may be absent.
  let prev = header.seqFrom - 1;
  const changes = lines.slice(1).map((line, i) => {
    // Each row is a form's worth of text; one huge value would be stored and served whole.
    if (line.length > MAX_CHANGE_CHARS) {
      throw new BundleError('content', `第 ${i + 1} 条变更超过 ${MAX_CHANGE_CHARS / 1024} KB 的上限`);
    }
    const c = parseLine(changeSchema, line, `第 ${i + 1} 条变更`);
    if (c.seq <= prev || c.seq > header.seqTo) {
      throw new BundleError(
        'content',
        `第 ${i + 1} 条变更的序号 ${c.seq} 不在递增的 ${header.seqFrom}–${header.seqTo} 之内`,
      );
    }
    if (c.row.id !== c.id) throw new BundleError('content', `第 ${i + 1} 条变更的 row.id 与 id 不一致`);
    prev = c.seq;
    return c;
  });
  if (prev !== header.seqTo) throw new BundleError('content', `最后一条变更的序号应为 ${header.seqTo}`);
  return { header, changes };
}
