import crypto, { type KeyObject } from 'node:crypto';
import { z } from 'zod';

/** Ed25519 signs bundles (township); X25519 receives them (county). */
export type OkpCurve = 'Ed25519' | 'X25519';

export interface OkpPublicJwk {
  kty: 'OKP';
  crv: OkpCurve;
  x: string;
  kid: string;
}
export interface OkpPrivateJwk extends OkpPublicJwk {
  d: string;
}

const B64URL_32_BYTES = /^[A-Za-z0-9_-]{43}$/;
const CURVE_USE: Record<OkpCurve, string> = { Ed25519: '签名', X25519: '加密' };

const jwkSchema = z.object({
  kty: z.string(),
  crv: z.string(),
  x: z.string(),
  d: z.string().optional(),
  kid: z.string().optional(),
});

/** RFC 7638 thumbprint of an OKP key, base64url: the key id both sides use. */
export function okpThumbprint(jwk: { crv: string; x: string }): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: 'OKP', x: jwk.x });
  return crypto.createHash('sha256').update(canonical).digest('base64url');
}

/** The thumbprint as hex in groups of four, for reading out over the phone. */
export function fingerprint(kid: string): string {
  const hex = Buffer.from(kid, 'base64url').toString('hex').toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

function parseJwk(text: string, crv: OkpCurve, what: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`${what}不是有效的 JSON`);
  }
  const parsed = jwkSchema.safeParse(raw);
  if (!parsed.success || parsed.data.kty !== 'OKP' || parsed.data.crv !== crv) {
    throw new Error(`${what}应为 ${crv}（${CURVE_USE[crv]}）密钥的 JWK：kty 为 OKP，crv 为 ${crv}`);
  }
  const jwk = parsed.data;
  if (!B64URL_32_BYTES.test(jwk.x)) throw new Error(`${what}的公钥值 x 应为 43 位 base64url`);
  const kid = okpThumbprint(jwk);
  if (jwk.kid !== undefined && jwk.kid !== kid) {
    throw new Error(`${what}的密钥编号 kid 与密钥指纹不符（应为 ${kid}）`);
  }
  return { ...jwk, kid };
}

/** A public key from JWK text: checked, with its kid set to the thumbprint. */
export function parsePublicJwk(text: string, crv: OkpCurve, what = '公钥文件'): OkpPublicJwk {
  const jwk = parseJwk(text, crv, what);
  if (jwk.d !== undefined) throw new Error(`${what}含有私钥（d），请只提供公钥`);
  return { kty: 'OKP', crv, x: jwk.x, kid: jwk.kid };
}

export function parsePrivateJwk(text: string, crv: OkpCurve, what = '私钥文件'): OkpPrivateJwk {
  const jwk = parseJwk(text, crv, what);
  if (!jwk.d || !B64URL_32_BYTES.test(jwk.d)) throw new Error(`${what}缺少有效的私钥值 d`);
  const priv = { kty: 'OKP' as const, crv, x: jwk.x, d: jwk.d, kid: jwk.kid };
  // A d that does not belong to x would sign bundles nobody can verify.
  const derived = crypto.createPublicKey(privateKeyOf(priv)).export({ format: 'jwk' });
  if (derived.x !== priv.x) throw new Error(`${what}的私钥与公钥不匹配`);
  return priv;
}

export function publicKeyOf(jwk: OkpPublicJwk): KeyObject {
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: jwk.crv, x: jwk.x }, format: 'jwk' });
}

export function privateKeyOf(jwk: OkpPrivateJwk): KeyObject {
  return crypto.createPrivateKey({ key: { kty: 'OKP', crv: jwk.crv, x: jwk.x, d: jwk.d }, format: 'jwk' });
}

export function generateOkpKey(crv: OkpCurve): OkpPrivateJwk {
  const type = crv === 'Ed25519' ? 'ed25519' : 'x25519';
  const { privateKey } = crypto.generateKeyPairSync(type as 'ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as { x: string; d: string };
  return { kty: 'OKP', crv, x: jwk.x, d: jwk.d, kid: okpThumbprint({ crv, x: jwk.x }) };
}

export function toPublicJwk(jwk: OkpPrivateJwk | OkpPublicJwk): OkpPublicJwk {
  return { kty: 'OKP', crv: jwk.crv, x: jwk.x, kid: jwk.kid };
}
