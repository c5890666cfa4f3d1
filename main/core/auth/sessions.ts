import { randomBytes } from 'node:crypto';

interface SessionEntry {
  userId: string;
  lastSeen: number;
}

// A login lasts while it is used; an office PC left alone for half a day asks again.
const IDLE_LIMIT_MS = 12 * 3600 * 1000;

/** Login sessions live in memory: a restart of the app asks everyone to log in again. */
export class SessionStore {
  private readonly sessions = new Map<string, SessionEntry>();

  create(userId: string, nowMs: number): string {
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { userId, lastSeen: nowMs });
    return token;
  }

  /** The session's user id, or null when unknown or idle too long. */
  touch(token: string, nowMs: number): string | null {
    const s = this.sessions.get(token);
    if (!s) return null;
    if (nowMs - s.lastSeen > IDLE_LIMIT_MS) {
      this.sessions.delete(token);
      return null;
    }
    s.lastSeen = nowMs;
    return s.userId;
  }

  delete(token: string): void {
    this.sessions.delete(token);
  }

  deleteForUser(userId: string, except: string | null = null): void {
    for (const [t, s] of this.sessions) if (s.userId === userId && t !== except) this.sessions.delete(t);
  }
}
