import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../shared/csp';

const { exposeInMainWorld, ipcInvoke, safeStorage, session } = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  ipcInvoke: vi.fn(),
  safeStorage: {
    available: true,
    backend: 'gnome_libsecret',
    isEncryptionAvailable: () => safeStorage.available,
    getSelectedStorageBackend: () => safeStorage.backend,
    // A stand-in for the OS key store: reversible, and visibly not the plain text.
    encryptString: vi.fn((text: string) => Buffer.from('sealed:' + Buffer.from(text).toString('base64'))),
    decryptString: vi.fn((data: Buffer) => Buffer.from(data.toString().slice(7), 'base64').toString()),
  },
  session: { fromPartition: vi.fn() },
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld },
  ipcRenderer: { invoke: ipcInvoke },
  safeStorage,
  session,
}));

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

  it('exposes exactly one bridge: invoke to the RPC channel, and the 报表 page’s save and print', async () => {
    expect(all.match(/exposeInMainWorld/g)).toHaveLength(1);
    await import('../../main/electron/preload');
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('zongzhi');
    expect(Object.keys(api)).toEqual(['invoke', 'saveReport', 'printReport', 'chooseLedgerPath', 'saveLedger']);
    const payload = { input: { a: 1 }, session: null };
    api.invoke('org.tree', payload);
    expect(ipcInvoke).toHaveBeenCalledWith('zongzhi:rpc', 'org.tree', payload);
    api.saveReport('表.xlsx', 'UEs=');
    expect(ipcInvoke).toHaveBeenCalledWith('zongzhi:save-report', '表.xlsx', 'UEs=');
    api.printReport('<p>表</p>', 'A4', true);
    expect(ipcInvoke).toHaveBeenCalledWith('zongzhi:print-report', '<p>表</p>', 'A4', true);
    api.chooseLedgerPath('台账.xlsx');
    expect(ipcInvoke).toHaveBeenCalledWith('zongzhi:choose-ledger-path', '台账.xlsx');
    api.saveLedger('t1', 'j1', 's1');
    expect(ipcInvoke).toHaveBeenCalledWith('zongzhi:save-ledger', 't1', 'j1', 's1');
  });

  it('has a strict CSP, and the page’s <meta> carries the same policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    const html = fs.readFileSync(path.join(root, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    // frame-ancestors is ignored in a <meta>; everything else must match the header.
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(META_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});

describe('the Electron shell’s county upload', () => {
  it('opens the core with the safeStorage key store and the Chromium fetch, starts the schedule and stops it on quit', () => {
    const main = sources['main.ts']!;
    expect(main).toContain('keys: safeStorageKeyStore(dataPaths(dataDir).keysDir)');
    expect(main).toContain('sync: { fetch: countyFetch()');
    expect(main).toContain('opened.deps.sync.start()');
    expect(main).toContain('opened.deps.backups.start()');
    expect(main).toContain('recoverDamagedDatabase(dataDir, migrationsDir)');
    expect(main).toMatch(/will-quit[\s\S]*event\.preventDefault\(\)[\s\S]*\.shutdown\(\)/);
    expect(sources['county-net.ts']).toMatch(/ses\.fetch\(url, init\)/);
  });

  it('seals the township private key with safeStorage, and falls back to the 0600 file with a warning', async () => {
    const { safeStorageKeyStore } = await import('../../main/electron/keystore');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zongzhi-shell-keys-'));
    const warn = vi.fn();
    const key = safeStorageKeyStore(dir, warn).townshipKey();
    expect(warn).not.toHaveBeenCalled();
    expect(safeStorage.encryptString).toHaveBeenCalledTimes(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['township-ed25519.private.jwk.sealed', 'township-ed25519.public.jwk']);
    expect(fs.readFileSync(path.join(dir, 'township-ed25519.private.jwk.sealed'), 'utf8')).toMatch(/^sealed:/);
    expect(safeStorageKeyStore(dir, warn).townshipKey().kid).toBe(key.kid);
    expect(safeStorage.decryptString).toHaveBeenCalledTimes(1);

    // Without a system key store: the plain file, said in the log; a sealed key is never replaced.
    safeStorage.available = false;
    expect(() => safeStorageKeyStore(dir, warn).townshipKey()).toThrow(/系统密钥库加密保存/);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('系统密钥库不可用'));
    const plainDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zongzhi-shell-keys-'));
    safeStorageKeyStore(plainDir, warn).townshipKey();
    expect(fs.readdirSync(plainDir)).toContain('township-ed25519.private.jwk');
    safeStorage.available = true;
    if (process.platform === 'linux') {
      safeStorage.backend = 'basic_text';
      warn.mockClear();
      safeStorageKeyStore(plainDir, warn).townshipKey();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('basic_text'));
      safeStorage.backend = 'gnome_libsecret';
    }
  });

  it('uploads through a session of its own, not the window’s locked-down one', async () => {
    const fetchFn = vi.fn(async () => new Response('{}'));
    session.fromPartition.mockReturnValue({ fetch: fetchFn, setPermissionRequestHandler: vi.fn() });
    const { countyFetch, COUNTY_PARTITION } = await import('../../main/electron/county-net');
    const f = countyFetch();
    expect(session.fromPartition).toHaveBeenCalledWith(COUNTY_PARTITION);
    await f('http://county.example/api/v1/bundles/x', { method: 'PUT' });
    expect(fetchFn).toHaveBeenCalledWith('http://county.example/api/v1/bundles/x', { method: 'PUT' });
  });
});
