import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pushOnce } from '../../main/core/sync/uploader';
import { TOWNSHIP } from '../helpers/core';
import { connectProxy } from '../helpers/connect-proxy';
import { addGrid, townshipWithCounty } from '../helpers/county-setup';
import { freePort } from '../helpers/hold-proxy';
import { countyRows } from '../helpers/sync';

const root = path.resolve(import.meta.dirname, '../..');
const cleanups: (() => unknown)[] = [];
const savedEnv = { ...process.env };
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  for (const v of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']) {
    if (savedEnv[v] === undefined) delete process.env[v];
    else process.env[v] = savedEnv[v];
  }
});

async function setup() {
  const { t, county } = await townshipWithCounty();
  cleanups.push(
    () => county.close(),
    () => t.core.close(),
  );
  const proxy = await connectProxy();
  cleanups.push(() => proxy.close());
  const g = addGrid(t, '代理网格');
  return { t, county, proxy, g };
}

const hostOf = (url: string) => new URL(url).host;

describe('uploads honour HTTP_PROXY / NO_PROXY outside Electron', () => {
  it('the CLI push goes through HTTP_PROXY and the county receives the rows', async () => {
    const { t, county, proxy, g } = await setup();
    t.core.close(); // the CLI takes the data folder
    // Asynchronously: the county and the proxy answer from this very process.
    const r = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'main/cli.ts'), 'push', '--once', '--data-dir', t.dataDir],
      { cwd: root, encoding: 'utf8', env: { ...process.env, HTTP_PROXY: proxy.url, NO_PROXY: '' }, timeout: 60_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('县级已全部收到');
    expect(proxy.targets).toEqual([hostOf(county.url)]);
    expect(countyRows(county.db.sqlite, 'grids', TOWNSHIP).map((row) => row.id)).toEqual([g.id]);
  });

  it('goes direct for a host in NO_PROXY', async () => {
    const { t, county, proxy } = await setup();
    process.env.HTTP_PROXY = proxy.url;
    process.env.NO_PROXY = 'localhost,127.0.0.1';
    expect((await pushOnce(t.core.deps)).error).toBeNull();
    expect(proxy.targets).toEqual([]);
    expect(county.db.sqlite.prepare('SELECT count(*) FROM county_bundles').pluck().get()).toBe(1);
  });

  it('names a proxy that refuses or is down, in Chinese, and sends nothing', async () => {
    const { t, county } = await setup();
    const strict = await connectProxy({ refuse: 407 });
    cleanups.push(() => strict.close());
    process.env.HTTP_PROXY = strict.url;
    const refused = await pushOnce(t.core.deps, { force: true });
    expect(refused.error).toContain('代理服务器拒绝转发（HTTP 407）');
    expect(strict.targets).toEqual([hostOf(county.url)]);

    process.env.HTTP_PROXY = `http://127.0.0.1:${await freePort()}`;
    const down = await pushOnce(t.core.deps, { force: true });
    expect(down.error).toContain('连接被拒绝');
    expect(county.db.sqlite.prepare('SELECT count(*) FROM county_bundles').pluck().get()).toBe(0);
  });
});
