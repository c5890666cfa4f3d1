import type { authApi } from '../../../shared/api/auth';
import type { Handlers } from '../context';
import { changePassword, createUser, listUsers, login, updateUser } from './service';

export const authHandlers: Handlers<typeof authApi> = {
  'auth.login': (input, ctx) => login(ctx, input.username, input.password),
  'auth.logout': (_input, ctx) => {
    if (ctx.session) ctx.sessions.delete(ctx.session);
    return {};
  },
  'auth.me': (_input, ctx) => ctx.user!,
  'auth.changePassword': (input, ctx) => {
    changePassword(ctx, input.oldPassword, input.newPassword);
    return {};
  },
  'users.list': (_input, ctx) => listUsers(ctx),
  'users.create': (input, ctx) => createUser(ctx, input),
  'users.update': (input, ctx) => updateUser(ctx, input),
  // The audit row this call leaves is what the login throttle counts from (auth/throttle.ts).
  'users.unlock': (input) => ({ username: input.username ?? null }),
};
