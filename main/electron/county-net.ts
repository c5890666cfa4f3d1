import { session } from 'electron';
import type { FetchLike } from '../core/sync/county-client';

/** An in-memory session of its own: no cookies or cache shared with the window. */
export const COUNTY_PARTITION = 'zongzhi-county-upload';

/**
 * The uploader's fetch: Electron's net.fetch (Chromium's network stack), so the system proxy and
 * certificate store apply as in the browser. It goes through a session of its own, because the
 * window's session (session.ts) cancels every request that leaves our own files.
 */
export function countyFetch(): FetchLike {
  const ses = session.fromPartition(COUNTY_PARTITION);
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  return (url, init) => ses.fetch(url, init);
}
