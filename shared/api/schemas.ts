import { z } from 'zod';
import { ROLES } from '../roles';

/** Building blocks reused across method declarations. */
export const idSchema = z.string().uuid({ message: '编号格式不正确' });
export const roleSchema = z.enum(ROLES, { message: '角色只能是 管理员、审核人 或 录入员' });
export const isoDateTime = z.string();

export const nameSchema = (label: string, max = 50) =>
  z
    .string({ message: `请填写${label}` })
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过 ${max} 个字` });

export const optionalText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label}不能超过 ${max} 个字` })
    .nullish()
    .transform((v) => (v ? v : null));

export const countSchema = (label: string) =>
  z
    .number({ message: `${label}必须是数字` })
    .int({ message: `${label}必须是整数` })
    .min(0, { message: `${label}不能为负数` })
    .max(1_000_000, { message: `${label}数值过大` });

export const usernameSchema = z
  .string({ message: '请填写用户名' })
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,32}$/, { message: '用户名为 2–32 位字母、数字、下划线、点或连字符' });

/**
 * Why a new password is too easy to guess, or null: eight spaces, `aaaaaaaa` or `password` are
 * long enough but not passwords. With `username`, it also may not be or contain the username.
 */
export function weakPasswordReason(password: string, username?: string): string | null {
  if (password.trim() === '') return '密码不能全是空格';
  if (new Set(password).size < 4) return '密码过于简单：至少要有 4 个不同的字符';
  const kinds = [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  if (kinds < 2) return '密码须包含字母、数字、符号中的至少两类';
  const name = username?.trim().toLowerCase();
  if (name && name.length >= 2 && password.toLowerCase().includes(name)) return '密码不能与用户名相同或包含用户名';
  return null;
}

export const passwordSchema = z
  .string({ message: '请填写密码' })
  .min(8, { message: '密码至少 8 位' })
  .max(128, { message: '密码不能超过 128 位' })
  .superRefine((password, ctx) => {
    const reason = weakPasswordReason(password);
    if (reason) ctx.addIssue({ code: 'custom', message: reason });
  });

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
});
export type User = z.infer<typeof userSchema>;
