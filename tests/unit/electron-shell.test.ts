import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/electron/csp';

const { exposeInMainWorld, ipcInvoke } = vi.hoisted(() => ({ exposeInMainWorld: vi.fn(), ipcInvoke: vi.fn() }));
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke: ipcInvoke } }));

const root = path.resolve(import.meta.dirname, '../..');
const shellDir = path.join(root, 'main/electron');
const sources = Object.fromEntries(
  fs
    .readdirSync(shellDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => [f, fs.readFileSync(path.join(shellDir, f), 'utf8')]),
);
const all = Object.values(sources).join('\n');

describe('the Electron shell’s security settings', () => {
  it('isolates and sandboxes the window, with no Node in the page', () => {
    const win = sources['window.ts']!;
    for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true']) {
      expect(win).toContain(setting);
    }
    for (const weakened of [
      /contextIsolation:\s*false/,
      /sandbox:\s*false/,
      /nodeIntegration:\s*true/,
      /webSecurity:\s*false/,
      /allowRunningInsecureContent:\s*true/,
    ]) {
      expect(all).not.toMatch(weakened);
    }
  });

  it('denies popups, navigation away, permissions and remote requests', () => {
    expect(sources['window.ts']).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
    expect(sources['window.ts']).toContain("'will-navigate'");
    expect(sources['session.ts']).toContain('setPermissionRequestHandler');
    expect(sources['session.ts']).toContain('webRequest.onBeforeRequest');
    expect(sources['session.ts']).toContain('webRequest.onHeadersReceived');
  });

  it('runs one instance per data folder', () => {
    expect(sources['main.ts']).toContain('requestSingleInstanceLock()');
    expect(sources['main.ts']).toContain("app.on('second-instance'");
  });

  it('exposes exactly one bridge, holding only invoke, which goes to the one RPC channel', async () => {
    expect(all.match(/exposeInMainWorld/g)).toHaveLength(1);
    await import('../../main/electron/preload');
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('zongzhi');
    expect(Object.keys(api)).toEqual(['invoke']);
    const payload = { input: { a: 1 }, session: null };
    api.invoke('org.tree', payload);
    expect(ipcInvoke).toHaveBeenCalledWith('zongzhi:rpc', 'org.tree', payload);
  });

  it('has a strict CSP, and the page’s <meta> carries the same policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    const html = fs.readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    // frame-ancestors is ignored in a <meta>; everything else must match the header.
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});
