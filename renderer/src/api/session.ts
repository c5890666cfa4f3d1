/**
 * The two secrets the renderer holds, both in sessionStorage so they die with the window:
 * the per-run token of the browser host (arrives once as `?token=`), and the login session.
 */
const RUN_TOKEN_KEY = 'zongzhi.runToken';
const SESSION_KEY = 'zongzhi.session';

/** Moves `?token=` from the address bar into sessionStorage, so it is neither bookmarked nor shown. */
export function captureRunToken(): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (!token) return;
  sessionStorage.setItem(RUN_TOKEN_KEY, token);
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

export function getRunToken(): string | null {
  return sessionStorage.getItem(RUN_TOKEN_KEY);
}

export function getSession(): string | null {
  return sessionStorage.getItem(SESSION_KEY);
}

export function setSession(session: string): void {
  sessionStorage.setItem(SESSION_KEY, session);
}

export function clearSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

type Listener = () => void;
const expiredListeners = new Set<Listener>();

/** Called when a held session is refused (UNAUTHENTICATED): the app shows the login page. */
export function onSessionExpired(listener: Listener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

export function expireSession(): void {
  if (!getSession()) return;
  clearSession();
  for (const listener of expiredListeners) listener();
}
