/**
 * The page's Content-Security-Policy, one text for every carrier: the Electron session's header,
 * the browser host's header, and renderer/index.html's <meta> (a test keeps that one equal). Everything comes from our own files; Ant Design injects
 * <style> elements at run time, hence 'unsafe-inline' for styles only.
 */
const PROD: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'frame-ancestors': "'none'",
};

/** Dev server only: Vite's React refresh preamble is an inline script and hot reload uses ws://. */
const DEV: Record<string, string> = { ...PROD, 'script-src': "'self' 'unsafe-inline'", 'connect-src': "'self' ws:" };

function render(policy: Record<string, string>): string {
  return Object.entries(policy)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

export const CONTENT_SECURITY_POLICY = render(PROD);
export const DEV_CONTENT_SECURITY_POLICY = render(DEV);

/** What renderer/index.html's <meta> carries: a <meta> cannot set frame-ancestors (browsers ignore it there). */
export const META_CONTENT_SECURITY_POLICY = render(
  Object.fromEntries(Object.entries(PROD).filter(([k]) => k !== 'frame-ancestors')),
);
