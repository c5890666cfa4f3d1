import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// scrypt cost: ~50 ms per check on an office PC; stored with the hash so it can be raised later.
const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, KEYLEN, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashB64, 'base64');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  // A stored hash comes from the database, which a restored file can bring: accept only sane
  // parameters and a full-length hash (an empty one would otherwise match every password).
  const sane = expected.length === KEYLEN && cost.N >= 1024 && cost.N <= 1 << 20 && cost.r >= 1 && cost.r <= 32;
  if (!sane || cost.p < 1 || cost.p > 16) return false;
  const actual = scryptSync(password, Buffer.from(saltB64, 'base64'), KEYLEN, { ...cost, maxmem: 256 * 1024 * 1024 });
  return timingSafeEqual(actual, expected);
}

/** Spent on an unknown username, so the answer takes as long as for a known one. */
export const DUMMY_HASH = hashPassword('zongzhi-no-such-user');
