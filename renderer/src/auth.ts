import { createContext, useContext } from 'react';
import type { User } from '../../shared/api/schemas';
import type { Township } from '../../shared/api/setup';
import { REVEAL_ROLES } from '../../shared/api/people';
import { EDITORS, type Role } from '../../shared/roles';

export interface AuthState {
  user: User;
  township: Township;
  logout: () => Promise<void>;
}

export const AuthContext = createContext<AuthState | null>(null);

/** The signed-in user and the township; only used inside the main layout. */
export function useAuth(): AuthState {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthContext');
  return auth;
}

/** What the UI offers; the server checks the same rules again on every call. */
export function permissions(role: Role) {
  return {
    /** Create and edit villages, grids and party groups. */
    edit: EDITORS.includes(role),
    retireGrid: role === 'admin' || role === 'reviewer',
    retireVillage: role === 'admin',
    /** 查看完整信息: full ID number, phone and address (audited). */
    reveal: REVEAL_ROLES.includes(role),
  };
}
