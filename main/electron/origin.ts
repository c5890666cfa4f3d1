import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where the window's page comes from: the built files, or electron-vite's dev server.
 * Navigation, requests and IPC are all checked against this one description.
 */
export type RendererSource = { kind: 'file'; indexHtml: string } | { kind: 'dev'; origin: string };

export function rendererSource(outDir: string, devUrl: string | undefined): RendererSource {
  if (devUrl) return { kind: 'dev', origin: new URL(devUrl).origin };
  return { kind: 'file', indexHtml: path.join(outDir, 'renderer', 'index.html') };
}

export function pageUrl(source: RendererSource): string {
  return source.kind === 'dev' ? source.origin + '/' : pathToFileURL(source.indexHtml).href;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A file: URL as a local path; null for a UNC host or a malformed URL. */
function filePath(u: URL): string | null {
  try {
    return fileURLToPath(u);
  } catch {
    return null;
  }
}

/** `child` is `parent` or lies under it (path.relative handles drive-letter case and `..`). */
function within(parent: string, child: string | null): boolean {
  if (child === null) return false;
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function sameDevOrigin(source: RendererSource, u: URL): boolean {
  if (source.kind !== 'dev') return false;
  // Vite's hot reload talks over ws:// to the same host and port.
  const origin = u.protocol === 'ws:' ? u.origin.replace(/^ws:/, 'http:') : u.origin;
  return origin === source.origin;
}

/** Is this URL our one page (any #route on it)? Used for navigation and for IPC senders. */
export function isAppPage(source: RendererSource, url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (source.kind === 'dev') return u.protocol.startsWith('http') && u.origin === source.origin;
  if (u.protocol !== 'file:') return false;
  const file = filePath(u);
  return file !== null && path.relative(source.indexHtml, file) === '';
}

/** May the page load this? Only its own files (or the dev server); no remote content at all. */
export function isAllowedRequest(source: RendererSource, url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'devtools:') return true;
  if (u.protocol === 'file:') {
    return source.kind === 'file' && within(path.dirname(source.indexHtml), filePath(u));
  }
  return sameDevOrigin(source, u);
}
