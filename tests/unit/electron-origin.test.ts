import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataDirArg } from '../../main/electron/args';
import { isAllowedRequest, isAppPage, pageUrl, rendererSource } from '../../main/electron/origin';

// A Chinese install path, as on a clerk's PC, so %-encoded file URLs are exercised.
const outDir = path.resolve('/安装/综治工作台/resources/app.asar/out');
const file = rendererSource(outDir, undefined);
const fileUrl = (rel: string) => pathToFileURL(path.join(outDir, rel)).href;
const dev = rendererSource(outDir, 'http://localhost:5173');

describe('the page the window may show', () => {
  it('is our index.html, with any #route', () => {
    expect(pageUrl(file)).toBe(fileUrl('renderer/index.html'));
    expect(isAppPage(file, fileUrl('renderer/index.html'))).toBe(true);
    expect(isAppPage(file, fileUrl('renderer/index.html') + '#/cases/1')).toBe(true);
    expect(isAppPage(file, fileUrl('renderer/other.html'))).toBe(false);
    expect(isAppPage(file, 'file:///etc/passwd')).toBe(false);
    expect(isAppPage(file, 'https://example.com/')).toBe(false);
    expect(isAppPage(file, 'not a url')).toBe(false);
  });

  it('is the dev server’s origin in development', () => {
    expect(isAppPage(dev, 'http://localhost:5173/#/org')).toBe(true);
    expect(isAppPage(dev, 'http://localhost:5174/')).toBe(false);
    expect(isAppPage(dev, fileUrl('renderer/index.html'))).toBe(false);
  });
});

describe('what the page may load', () => {
  it('is only files under out/renderer, plus data: and blob:', () => {
    expect(isAllowedRequest(file, fileUrl('renderer/assets/index-abc.js'))).toBe(true);
    expect(isAllowedRequest(file, 'data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequest(file, 'blob:file:///1234')).toBe(true);
    expect(isAllowedRequest(file, fileUrl('main/index.js'))).toBe(false);
    expect(isAllowedRequest(file, fileUrl('renderer') + '/../main/index.js')).toBe(false);
    expect(isAllowedRequest(file, 'file:///C:/Windows/win.ini')).toBe(false);
    expect(isAllowedRequest(file, 'https://cdn.example.com/x.js')).toBe(false);
    expect(isAllowedRequest(file, 'http://127.0.0.1:8650/api/rpc/org.tree')).toBe(false);
  });

  it('in development, also the dev server and its hot-reload socket', () => {
    expect(isAllowedRequest(dev, 'http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isAllowedRequest(dev, 'ws://localhost:5173/')).toBe(true);
    expect(isAllowedRequest(dev, 'ws://localhost:9999/')).toBe(false);
    expect(isAllowedRequest(dev, 'https://example.com/')).toBe(false);
    expect(isAllowedRequest(dev, fileUrl('renderer/index.html'))).toBe(false);
  });
});

describe('--data-dir', () => {
  it('takes the next argument or the =value, resolved against the working folder', () => {
    expect(dataDirArg(['electron', '.', '--data-dir', 'd:x'], '/w')).toBe(path.resolve('/w', 'd:x'));
    expect(dataDirArg(['app.exe', '--data-dir=/data/乡镇'], '/w')).toBe(path.resolve('/data/乡镇'));
    expect(dataDirArg(['app.exe'], '/w')).toBeNull();
    expect(dataDirArg(['app.exe', '--data-dir'], '/w')).toBeNull();
    expect(dataDirArg(['app.exe', '--data-dir='], '/w')).toBeNull();
  });
});
