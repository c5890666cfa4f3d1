import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../main/host/server';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { makeTownship, PASSWORD, tempDir } from '../helpers/core';

let t: ReturnType<typeof makeTownship>;
let host: Host;

beforeAll(async () => {
  t = makeTownship();
  const staticDir = tempDir('zongzhi-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>综治工作台</title>');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  host = await startHost({ dispatch: t.core.dispatch, staticDir });
});
afterAll(async () => {
  await host.close();
  t.core.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON loosely
type Reply = { status: number; headers: http.IncomingHttpHeaders; text: string; json: () => any };

/** Raw request, so tests control every header (fetch would not let us forge Host). */
function request(
  p: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: p, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const rpc = (method: string, input: unknown, extra: Record<string, string> = {}) =>
  request(`/api/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zongzhi-token': host.token, ...extra },
    body: JSON.stringify(input),
  });

describe('HTTP carrier on loopback', () => {
  it('listens on 127.0.0.1 only and hands out the token in the open URL', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.openUrl).toContain(`?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('carries a login and a typed call end to end', async () => {
    const login = await rpc('auth.login', { username: 'lu', password: PASSWORD });
    expect(login.status).toBe(200);
    const session = login.json().data.session as string;
    const villages = await rpc('org.listVillages', {}, { 'x-zongzhi-session': session });
    expect(villages.json().data).toHaveLength(18);
  });

  it('maps typed errors to statuses and never leaks a stack trace', async () => {
    const noToken = await request('/api/rpc/setup.status', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noToken.status).toBe(401);
    const wrongToken = await rpc('setup.status', {}, { 'x-zongzhi-token': 'x'.repeat(host.token.length) });
    expect(wrongToken.status).toBe(401);
    expect((await rpc('org.listVillages', {})).status).toBe(401);
    expect((await rpc('users.list', {}, { 'x-zongzhi-session': t.clerk })).status).toBe(403);
    const bad = await rpc('org.createVillage', { code: '1', name: '' }, { 'x-zongzhi-session': t.clerk });
    expect(bad.status).toBe(400);
    expect(
      bad
        .json()
        .error.issues.map((i: { path: string[] }) => i.path[0])
        .sort(),
    ).toEqual(['code', 'name']);
    expect(bad.text).not.toMatch(/at .*\.ts/);
    expect((await rpc('nope.nothing', {})).status).toBe(404);
  });

  it('rejects malformed bodies, wrong content types, oversized bodies and foreign Host headers', async () => {
    const garbage = await request('/api/rpc/setup.status', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-zongzhi-token': host.token },
      body: '{not json',
    });
    expect(garbage.status).toBe(400);
    expect(garbage.json().error.message).toBe('请求内容不是有效的 JSON');
    const form = await request('/api/rpc/setup.status', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-zongzhi-token': host.token },
      body: '{}',
    });
    expect(form.status).toBe(400);
    const big = await rpc('auth.login', { username: 'a'.repeat(2 * 1024 * 1024), password: 'x' });
    expect(big.status).toBe(400);
    const rebinding = await request('/', { headers: { host: `evil.example:${host.port}` } });
    expect(rebinding.status).toBe(403);
    expect((await request('/api/rpc/setup.status')).status).toBe(404);
    // A broken percent-encoding in the method name is refused, and the host keeps serving.
    const malformed = await request('/api/rpc/%E0%A4%A', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect((await rpc('setup.status', {})).status).toBe(200);
  });

  it('serves the renderer with a CSP, falls back to index.html, and never leaves its folder', async () => {
    const index = await request('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY); // the one the shell sends
    expect((await request('/assets/app.js')).headers['content-type']).toContain('javascript');
    expect((await request('/grids/123')).text).toContain('<title>综治工作台</title>');
    const escape = await request('/../../../../etc/passwd');
    expect(escape.text).not.toContain('root:');
    const encoded = await request('/%2e%2e/%2e%2e/%2e%2e/etc/passwd');
    expect(encoded.text).not.toContain('root:');
  });
});
