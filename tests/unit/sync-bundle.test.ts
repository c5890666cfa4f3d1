import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  BundleError,
  decodeBundle,
  encodeBundle,
  MAX_CHANGE_CHARS,
  type DecodeKeys,
} from '../../main/core/sync/bundle';
import {
  generateOkpKey,
  okpThumbprint,
  parsePrivateJwk,
  parsePublicJwk,
  privateKeyOf,
  publicKeyOf,
} from '../../main/core/sync/jwk';
import { newId } from '../../main/core/ids';
import { memoryKeys } from '../helpers/sync';
import { SYSTEM_PYTHON, skipWithoutReader } from '../helpers/independent-reader';

const TOWNSHIP = '140621100';
const keys = memoryKeys();

function lines(from: number, n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      seq: from + i,
      table: 'villages',
      id: `v${i}`,
      op: 'insert',
      at: '2026-11-26T08:00:00.000Z',
      row: { id: `v${i}`, name: `村${i}`, last_grid_seq: i, retired_at: null },
    }),
  );
}

function encode(from = 1, n = 3, over: Partial<Parameters<typeof encodeBundle>[0]> = {}) {
  const fields = {
    township: TOWNSHIP,
    bundleId: newId(),
    seqFrom: from,
    seqTo: from + n - 1,
    schemaVersion: 2,
    createdAt: '2026-11-26T08:00:00.000Z',
    ...over,
  };
  return encodeBundle(fields, lines(from, n), keys.sender, keys.recipient);
}

const countyKeys = (over: Partial<DecodeKeys> = {}): DecodeKeys => ({
  recipient: (kid) => (kid === keys.county.kid ? privateKeyOf(keys.county) : null),
  sender: (kid) => (kid === keys.township.kid ? { township: TOWNSHIP, key: publicKeyOf(keys.township) } : null),
  maxPlainBytes: 1024 * 1024,
  ...over,
});

async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BundleError);
  return (err as BundleError).kind;
}

function flip(body: string, at: number): string {
  const c = body[at] === 'A' ? 'B' : 'A';
  return body.slice(0, at) + c + body.slice(at + 1);
}

describe('bundle codec', () => {
  it('round-trips header and changes through sign + encrypt', async () => {
    const b = await encode(5, 3);
    expect(b.body.split('.')).toHaveLength(5);
    expect(b.hash).toMatch(/^[0-9a-f]{64}$/);
    const d = await decodeBundle(b.body, countyKeys());
    expect(d.header).toMatchObject({ township: TOWNSHIP, seqFrom: 5, seqTo: 7, count: 3, schemaVersion: 2 });
    expect(d.header.senderKid).toBe(keys.township.kid);
    expect(d.header.recipientKid).toBe(keys.county.kid);
    expect(d.changes.map((c) => c.seq)).toEqual([5, 6, 7]);
    expect(d.changes[1]!.row).toEqual({ id: 'v1', name: '村1', last_grid_seq: 1, retired_at: null });
  });

  it('uses the RFC 7638 thumbprint as key id, and checks JWK files', async () => {
    // RFC 8037 appendix A.3 (also the example in docs/bundle-format.md).
    const rfc = { crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };
    expect(okpThumbprint(rfc)).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
    const k = generateOkpKey('Ed25519');
    expect(k.kid).toBe(await calculateJwkThumbprint({ kty: 'OKP', crv: k.crv, x: k.x }));
    const pub = JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: k.x });
    expect(parsePublicJwk(pub, 'Ed25519').kid).toBe(k.kid);
    expect(() => parsePublicJwk('{', 'Ed25519')).toThrow('不是有效的 JSON');
    expect(() => parsePublicJwk(pub, 'X25519')).toThrow('crv 为 X25519');
    expect(() => parsePublicJwk(JSON.stringify(k), 'Ed25519')).toThrow('含有私钥');
    expect(() => parsePublicJwk(JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: k.x, kid: 'x' }), 'Ed25519')).toThrow(
      'kid 与密钥指纹不符',
    );
    const other = generateOkpKey('Ed25519');
    expect(() => parsePrivateJwk(JSON.stringify({ ...k, d: other.d }), 'Ed25519')).toThrow('私钥与公钥不匹配');
  });

  it('refuses a flipped byte anywhere, a foreign recipient, an unknown or wrong signer, an oversized payload', async () => {
    const b = await encode();
    for (const at of [b.body.length - 5, Math.floor(b.body.length / 2), b.body.indexOf('.') + 3]) {
      expect(await refusal(decodeBundle(flip(b.body, at), countyKeys()))).toBe('malformed');
    }
    expect(await refusal(decodeBundle(b.body, countyKeys({ recipient: () => null })))).toBe('recipient');
    expect(await refusal(decodeBundle(b.body, countyKeys({ sender: () => null })))).toBe('sender');
    const impostor = publicKeyOf(generateOkpKey('Ed25519'));
    expect(
      await refusal(decodeBundle(b.body, countyKeys({ sender: () => ({ township: TOWNSHIP, key: impostor }) }))),
    ).toBe('signature');
    const elsewhere = countyKeys({ sender: () => ({ township: '110101001', key: publicKeyOf(keys.township) }) });
    expect(await refusal(decodeBundle(b.body, elsewhere))).toBe('sender');
    expect(await refusal(decodeBundle(b.body, countyKeys({ maxPlainBytes: 100 })))).toBe('too_large');
    expect(await refusal(decodeBundle('not a bundle', countyKeys()))).toBe('malformed');
  });

  it('refuses a header that does not describe its lines', async () => {
    const b = await encode(1, 3, { seqTo: 4 });
    expect(await refusal(decodeBundle(b.body, countyKeys()))).toBe('content');
    const bad = await encode(1, 3, { township: '12345' });
    expect(await refusal(decodeBundle(bad.body, countyKeys()))).toBe('content');
  });

  const python = SYSTEM_PYTHON;

  it.skipIf(skipWithoutReader('jwcrypto'))(
    'opens and verifies in jwcrypto, an independent JOSE implementation',
    async () => {
      const script = path.resolve(import.meta.dirname, '../helpers/open_bundle_jwcrypto.py');
      const open = (bundle: string) =>
        spawnSync(python, [script], {
          input: JSON.stringify({
            bundle,
            countyPrivateJwk: keys.county,
            townshipPublicJwk: keys.sender.publicJwk,
          }),
          encoding: 'utf8',
        });
      const b = await encode(1, 3);
      const r = open(b.body);
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout);
      expect(out.jweHeader).toMatchObject({ alg: 'ECDH-ES', enc: 'A256GCM', kid: keys.county.kid, cty: 'JOSE' });
      expect(out.jwsHeader).toMatchObject({ alg: 'EdDSA', kid: keys.township.kid, typ: 'zongzhi-bundle' });
      expect(out.lines[0]).toEqual(b.header);
      expect(out.lines.slice(1)).toEqual(lines(1, 3).map((l) => JSON.parse(l)));
      expect(open(flip(b.body, b.body.length - 5)).status).toBe(1);
    },
  );
});

describe('a bundle carrying one enormous value', () => {
  it('is refused as content, naming the change, before anything is applied', async () => {
    const big = JSON.stringify({
      seq: 1,
      table: 'villages',
      id: 'v0',
      op: 'insert',
      at: '2026-11-26T08:00:00.000Z',
      row: { id: 'v0', name: '村'.repeat(MAX_CHANGE_CHARS), last_grid_seq: 0, retired_at: null },
    });
    const fields = {
      township: TOWNSHIP,
      bundleId: newId(),
      seqFrom: 1,
      seqTo: 1,
      schemaVersion: 2,
      createdAt: '2026-11-26T08:00:00.000Z',
    };
    const { body } = await encodeBundle(fields, [big], keys.sender, keys.recipient);
    const err = await decodeBundle(body, countyKeys({ maxPlainBytes: 64 * 1024 * 1024 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BundleError);
    expect((err as BundleError).kind).toBe('content');
    expect((err as BundleError).message).toContain('第 1 条变更超过');
  });
});
