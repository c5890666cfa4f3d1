import { z } from 'zod';
import type { Role } from '../roles';

// Chinese messages for every schema that does not set its own.
z.config(z.locales.zhCN());

/** Who may call a method: a list of roles, or 'public' for calls made before login. */
export type Access = readonly Role[] | 'public';

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Writes are audited and run in a write transaction. */
  write: boolean;
  /** Short Chinese description, used in the audit log view. */
  title: string;
}

export function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}

export type MethodTable = Record<string, MethodDef>;
export type InputOf<M extends MethodDef> = z.input<M['input']>;
export type ParsedInputOf<M extends MethodDef> = z.output<M['input']>;
export type OutputOf<M extends MethodDef> = z.output<M['output']>;
