import { z } from 'zod';
import { ALL_ROLES } from '../roles';
import { method } from './define';
import { idSchema, nameSchema, passwordSchema, roleSchema, userSchema, usernameSchema } from './schemas';

export const authApi = {
  'auth.login': method({
    title: '登录',
    access: 'public',
    write: true,
    input: z.object({
      // Bounded, so a failed attempt cannot write a megabyte into the audit log.
      username: z.string().trim().min(1, { message: '请填写用户名' }).max(64, { message: '用户名过长' }),
      password: z.string().min(1, { message: '请填写密码' }).max(256, { message: '密码过长' }),
    }),
    output: z.object({ session: z.string(), user: userSchema }),
  }),
  'auth.logout': method({
    title: '退出登录',
    access: ALL_ROLES,
    write: false,
    input: z.object({}),
    output: z.object({}),
  }),
  'auth.me': method({
    title: '当前用户',
    access: ALL_ROLES,
    write: false,
    input: z.object({}),
    output: userSchema,
  }),
  'auth.changePassword': method({
    title: '修改密码',
    access: ALL_ROLES,
    write: true,
    input: z.object({ oldPassword: z.string().min(1, { message: '请填写原密码' }), newPassword: passwordSchema }),
    output: z.object({}),
  }),
  'users.list': method({
    title: '用户列表',
    access: ['admin'],
    write: false,
    input: z.object({}),
    output: z.array(userSchema),
  }),
  'users.create': method({
    title: '新增用户',
    access: ['admin'],
    write: true,
    input: z.object({
      username: usernameSchema,
      displayName: nameSchema('姓名', 20),
      role: roleSchema,
      password: passwordSchema,
    }),
    output: userSchema,
  }),
  /** Lifts login pauses after failures: of one account, or of all (the CLI's `user unlock`). */
  'users.unlock': method({
    title: '解除登录暂停',
    access: ['admin'],
    write: true,
    input: z.object({ username: usernameSchema.optional() }),
    output: z.object({ username: z.string().nullable() }),
  }),
  'users.update': method({
    title: '修改用户',
    access: ['admin'],
    write: true,
    input: z.object({
      id: idSchema,
      displayName: nameSchema('姓名', 20).optional(),
      role: roleSchema.optional(),
      disabled: z.boolean().optional(),
      password: passwordSchema.optional(),
    }),
    output: userSchema,
  }),
};
