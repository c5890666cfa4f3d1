/**
 * 接口模糊测试: every method of the contract, called through the dispatcher as each role (and with
 * no or a forged session), with hostile inputs. Every answer must be `ok`, or a typed error with a
 * Chinese message and no trace of the code behind it; never a throw, never INTERNAL; and a refused
 * call must have written nothing (fingerprint.ts).
 */
import { describe, expect, it } from 'vitest';
import { sessionUser } from '../../main/core/rpc/dispatcher';
import { preparers } from '../../main/core/rpc/handlers';
import { ledgerJobsOf } from '../../main/core/reports/ledger/jobs';
import { apiTable, type MethodName } from '../../shared/api';
import type { MethodDef } from '../../shared/api/define';
import { ERROR_CODES, type RpcResult } from '../../shared/errors';
import { writeFingerprint } from './fingerprint';
import { makeFuzzTownship } from './fuzz-fixture';
import { baseInputs } from './fuzz-inputs';
import { fieldPaths, fieldPayloads, HOSTILE_VALUES, wholePayloads, withValue, type Payload } from './fuzz-payloads';
import { LONG, printFigures, runSeed, seeded, TIMEOUT } from './long';

const CJK = /[\u4e00-\u9fff]/;
/** What a leaked exception looks like: a stack frame, a JS error name, a source position. */
const LEAK =
  /\n\s*at |^\s*at .+\(|\b(TypeError|ReferenceError|RangeError|SyntaxError)\b|node:internal|\.[cm]?[jt]s:\d+/m;
const MAX_MESSAGE = 2000;
/** Names that are not methods, some of them every object has. */
const NOT_METHODS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '', '\u0000', 'cases.list\u0000'];

/** Why an answer is not acceptable, or null. */
function badAnswer(r: unknown): string | null {
  const res = r as RpcResult<unknown>;
  if (res?.ok === true) return null;
  if (res?.ok !== false || typeof res.error !== 'object') return `不是 {ok, …} 形式：${String(r).slice(0, 80)}`;
  const { code, message, issues } = res.error;
  if (!ERROR_CODES.includes(code)) return `未知错误码 ${String(code)}`;
  if (code === 'INTERNAL') return `INTERNAL：${message}`;
  // A refusal may name what it refused, but must not carry a large input back whole.
  if (typeof message === 'string' && message.length > MAX_MESSAGE) return `消息过长（${message.length} 字）`;
  const texts = [message, ...(issues ?? []).map((i) => i.message)];
  for (const text of texts) {
    if (typeof text !== 'string' || !CJK.test(text)) return `消息不是中文：${String(text).slice(0, 80)}`;
    if (LEAK.test(text)) return `消息泄露了实现：${text.slice(0, 120)}`;
  }
  return null;
}

/** Destructive methods last, so that earlier methods still find the records their bases name. */
const destructive = (m: string) => /delete|remove|Retired|logout/.test(m);
const METHODS = (Object.keys(apiTable) as MethodName[]).sort((a, b) => Number(destructive(a)) - Number(destructive(b)));

describe('接口模糊测试：每个方法、每个角色、敌意输入', () => {
  it(
    'answers every hostile call with ok or a typed Chinese refusal, and a refusal writes nothing',
    async () => {
      const seed = runSeed();
      const rnd = seeded(seed);
      const t = makeFuzzTownship();
      const fingerprint = writeFingerprint(t.core.deps.conn.sqlite);
      const bases = baseInputs(t.ids);
      // The fingerprint must see a committed write, or no refusal could ever fail the test.
      const unwritten = fingerprint();
      t.ok('holidays.upsert', { date: '2026-12-31', kind: 'holiday', name: '试写' }, t.sessions.admin);
      expect(fingerprint()).not.toBe(unwritten);
      const usernames = { admin: 'admin', reviewer: 'shen', clerk: 'lu' } as const;
      const sessions: Record<string, string | null> = {
        admin: t.sessions.admin,
        reviewer: t.sessions.reviewer,
        clerk: t.sessions.clerk,
        none: null,
        forged: 'Zm9yZ2VkLXNlc3Npb24tdG9rZW4tbm90LWlzc3VlZA',
      };
      const failures: string[] = [];
      let calls = 0;
      let accepted = 0;
      let longestMessage = 0;

      async function attack(method: string, payload: Payload) {
        for (const [role, session] of Object.entries(sessions)) {
          calls++;
          const before = fingerprint();
          const where = `${method} [${role}] ${payload.label}`;
          let r: RpcResult<unknown>;
          try {
            const call = { method, input: payload.input, session };
            r = Object.hasOwn(preparers, method) ? await t.core.dispatch.async!(call) : t.core.dispatch(call);
          } catch (err) {
            failures.push(`${where}: 抛出异常 ${(err as Error).message.slice(0, 120)}`);
            continue;
          }
          const bad = badAnswer(r);
          if (bad) failures.push(`${where}: ${bad}`);
          if (r.ok) {
            accepted++;
            // A ledger job writes its history row when it finishes: let it, before the next fingerprint.
            const job = r.data as { id?: string; state?: string };
            if (method === 'reports.ledgerStart' && job.id)
              await ledgerJobsOf(t.core.deps).wait(job.id, sessionUser(t.core.deps, session));
          } else {
            longestMessage = Math.max(longestMessage, r.error.message.length);
            if (fingerprint() !== before)
              failures.push(`${where}: 拒绝了却写了数据（${r.error.code} ${r.error.message.slice(0, 60)}）`);
          }
          // auth.logout (or a refused-then-accepted account change) may end a role's session: log in again.
          if (role in usernames && !sessionUser(t.core.deps, session)) {
            sessions[role] = t.login(usernames[role as keyof typeof usernames]);
          }
        }
      }

      for (const name of NOT_METHODS) await attack(name, { label: '不存在的方法', input: {} });
      for (const method of METHODS) {
        const def: MethodDef = apiTable[method];
        const base = bases[method] ?? {};
        const paths = fieldPaths(def, base);
        // Short: the 1 MB string on every field (it finds unbounded fields), and a few others at random.
        const values = () =>
          LONG ? HOSTILE_VALUES : [HOSTILE_VALUES[0]!, ...Array.from({ length: 2 }, () => rnd.pick(HOSTILE_VALUES))];
        const payloads = [...wholePayloads(base), ...fieldPayloads(base, paths, values)];
        // The long run also swaps several fields at once.
        for (let i = 0; LONG && paths.length > 1 && i < 40; i++) {
          let input: unknown = base;
          const labels: string[] = [];
          for (const path of [rnd.pick(paths), rnd.pick(paths), rnd.pick(paths)]) {
            const [label, value] = rnd.pick(HOSTILE_VALUES);
            input = withValue(input, path, value);
            labels.push(`${path.join('.')} = ${label}`);
          }
          payloads.push({ label: labels.join('，'), input });
        }
        for (const payload of payloads) await attack(method, payload);
      }

      const polluted = Object.keys(Object.prototype).length + Object.keys(Array.prototype).length;
      printFigures('接口模糊', {
        seed,
        methods: METHODS.length,
        calls,
        accepted,
        refused: calls - accepted,
        failures: failures.length,
        longestMessage,
      });
      expect(polluted, 'Object.prototype / Array.prototype gained keys').toBe(0);
      expect(failures.slice(0, 40), `${failures.length} failures (seed ${seed})`).toEqual([]);
      t.core.close();
    },
    TIMEOUT,
  );
});
