import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { isAllowedRequest, type RendererSource } from './origin';

/**
 * The window's session: no permissions (camera, notifications, geolocation …), no request leaves
 * our own files, and every response carries the CSP. Personal data never meets remote content.
 */
export function hardenSession(ses: Session, source: RendererSource): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);

  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(source, details.url) });
  });

  // For file:// pages Chromium may skip this hook; renderer/index.html carries the same policy as a <meta>.
  const csp = source.kind === 'dev' ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
}
