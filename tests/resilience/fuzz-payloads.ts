/**
 * Hostile inputs for the contract fuzzer: whole inputs of the wrong shape, and a valid input with
 * one field (or, in the long run, several) swapped for a value an attacker would send — through
 * JSON over HTTP or structured clone over IPC, which also carries Dates, Maps, BigInts and typed arrays.
 */
import { z } from 'zod';
import type { MethodDef } from '../../shared/api/define';

export interface Payload {
  label: string;
  input: unknown;
}
type Path = (string | number)[];

/** Nested `depth` levels deep, built in a loop so that building it is not what overflows. */
export function nested(depth: number, kind: 'object' | 'array'): unknown {
  let v: unknown = kind === 'object' ? { leaf: 1 } : [1];
  for (let i = 0; i < depth; i++) v = kind === 'object' ? { a: v } : [v];
  return v;
}

const MB = 1024 * 1024;
const HUGE = 'x'.repeat(MB);
const HUGE_CJK = '网'.repeat(MB / 3);
const DEEP_OBJECT = nested(10_000, 'object');
const DEEP_ARRAY = nested(10_000, 'array');
/** What JSON.parse makes of `{"__proto__": …}`: an own property, not the prototype. */
const PROTO_KEY = JSON.parse('{"__proto__": {"polluted": "yes", "role": "admin"}}') as Record<string, unknown>;
const CONSTRUCTOR_KEY = { constructor: { prototype: { polluted: 'yes' } } };

/** Values put in place of one field. */
export const HOSTILE_VALUES: readonly [string, unknown][] = [
  ['1MB 字符串', HUGE],
  ['1MB 汉字', HUGE_CJK],
  ['NUL', '张\u0000三'],
  ['只有 NUL', '\u0000'],
  ['孤立代理项', '\ud800'],
  ['孤立低代理项', 'a\udfffb'],
  ['FTS 引号星号', '"*'],
  ['FTS NEAR(', 'NEAR('],
  ['FTS a OR', 'a OR'],
  ['FTS 列过滤', 'summary:* OR place:^'],
  ['SQL 注入', "' OR 1=1; DROP TABLE cases; --"],
  ['LIKE 通配', '%_%\\'],
  ['方向控制符', '\u202e\u200b\ufeff'],
  ['空串', ''],
  ['空白', ' \t\n '],
  ['数字', 42],
  ['负数', -1],
  ['小数', 0.5],
  ['巨数', 1e308],
  ['NaN', NaN],
  ['Infinity', -Infinity],
  ['true', true],
  ['null', null],
  ['undefined', undefined],
  ['空对象', {}],
  ['空数组', []],
  ['字符串数组', ['a', 'b']],
  ['十万项数组', new Array(100_000).fill('x')],
  ['深嵌套对象', DEEP_OBJECT],
  ['深嵌套数组', DEEP_ARRAY],
  ['__proto__ 键', PROTO_KEY],
  ['constructor 键', CONSTRUCTOR_KEY],
  ['__proto__ 字符串', '__proto__'],
  ['constructor 字符串', 'constructor'],
  ['无效日期', new Date(NaN)],
  ['BigInt', 10n],
  ['Map', new Map([['a', 1]])],
  ['Uint8Array', new Uint8Array(16)],
];

/** Whole inputs of the wrong shape, and the valid one with hostile keys added. */
export function wholePayloads(base: Record<string, unknown>): Payload[] {
  return [
    { label: '无输入', input: undefined },
    { label: 'null', input: null },
    { label: '数字', input: 42 },
    { label: '字符串', input: 'x' },
    { label: '1MB 字符串', input: HUGE },
    { label: '数组', input: [base] },
    { label: '空对象（缺字段）', input: {} },
    { label: '深嵌套对象', input: DEEP_OBJECT },
    { label: '深嵌套数组', input: DEEP_ARRAY },
    { label: '加 __proto__ 键', input: { ...base, ...PROTO_KEY } },
    { label: '加 constructor 键', input: { ...base, ...CONSTRUCTOR_KEY } },
    { label: '加深嵌套字段', input: { ...base, extra: DEEP_OBJECT } },
    { label: '无原型对象', input: Object.assign(Object.create(null) as object, base) },
  ];
}

/** The input's fields as the contract declares them, plus one level into the base's objects and arrays. */
export function fieldPaths(def: MethodDef, base: Record<string, unknown>): Path[] {
  const schema = z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
  };
  const top = new Set([...Object.keys(schema.properties ?? {}), ...Object.keys(base)]);
  const paths: Path[] = [];
  for (const key of top) {
    paths.push([key]);
    const v = base[key];
    if (Array.isArray(v) && v.length) paths.push([key, 0]);
    else if (v && typeof v === 'object') for (const sub of Object.keys(v)) paths.push([key, sub]);
  }
  return paths;
}

/** A copy of `base` with `value` at `path` (or the field left out when `omit`). */
export function withValue(base: unknown, path: Path, value: unknown, omit = false): unknown {
  const [head, ...rest] = path;
  const copy = (Array.isArray(base) ? [...(base as unknown[])] : { ...(base as object) }) as Record<
    string | number,
    unknown
  >;
  if (rest.length) copy[head!] = withValue(copy[head!] ?? {}, rest, value, omit);
  else if (omit) delete copy[head!];
  else copy[head!] = value;
  return copy;
}

/** The hostile values `values` chooses at each path, and each path left out. */
export function fieldPayloads(
  base: Record<string, unknown>,
  paths: Path[],
  values: (path: Path) => readonly [string, unknown][],
): Payload[] {
  return paths.flatMap((path) => [
    { label: `${path.join('.')} 缺省`, input: withValue(base, path, undefined, true) },
    ...values(path).map(([label, value]) => ({
      label: `${path.join('.')} = ${label}`,
      input: withValue(base, path, value),
    })),
  ]);
}
