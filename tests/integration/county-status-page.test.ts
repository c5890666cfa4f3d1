import { afterEach, describe, expect, it } from 'vitest';
import { updateSyncState } from '../../main/core/sync/state';
import { pushOnce } from '../../main/core/sync/uploader';
import { TOWNSHIP } from '../helpers/core';
import { addGrid, townshipWithCounty } from '../helpers/county-setup';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('county status page', () => {
  it('lists each township’s last bundle, sequence, counts and last refusal, escaped, to this machine only', async () => {
    const { t, county } = await townshipWithCounty();
    cleanups.push(
      () => county.close(),
      () => t.core.close(),
    );
    addGrid(t, '甲');
    expect((await pushOnce(t.core.deps)).error).toBeNull();
    // As if the township's state had gone back: the county refuses a replay (recorded), the township resumes.
    updateSyncState(t.core.deps.conn.db, { ackedSeq: 0 });
    addGrid(t, '乙');
    expect((await pushOnce(t.core.deps)).error).toBeNull();
    // A township name with markup in it, as a hostile or broken sender could make.
    county.db.sqlite
      .prepare(`UPDATE township SET name = ? WHERE _township = ?`)
      .run('<script>alert("x")</script>&', TOWNSHIP);

    const res = await fetch(`${county.url}/status`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    const c = county.db.sqlite
      .prepare('SELECT last_bundle_id, last_seq, bundle_count, change_count FROM county_townships WHERE code = ?')
      .get(TOWNSHIP) as { last_bundle_id: string; last_seq: number; bundle_count: number; change_count: number };
    expect(c.bundle_count).toBe(2);
    const row = /<tbody><tr>(.*?)<\/tr>/.exec(html)![1]!;
    const cells = [...row.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);
    const head = [...html.matchAll(/<th scope="col">(.*?)<\/th>/g)].map((m) => m[1]);
    const at = (label: string) => cells[head.indexOf(label)];
    expect(at('乡镇代码')).toBe(TOWNSHIP);
    expect(at('乡镇')).toBe('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#38;');
    expect(at('最近收到的包')).toBe(c.last_bundle_id);
    expect(at('最近序号')).toBe(String(c.last_seq));
    expect(at('包数')).toBe('2');
    expect(at('变更数')).toBe(String(c.change_count));
    expect(at('网格（有效）')).toBe('2');
    expect(at('最近一次拒收')).toContain('SEQ_REPLAY：序号已接收过');
    expect(html).not.toContain('<script');

    const viaProxy = await fetch(`${county.url}/status`, { headers: { 'X-Forwarded-For': '10.0.0.9' } });
    expect(viaProxy.status).toBe(403);
    expect(await viaProxy.text()).not.toContain(TOWNSHIP);
  });
});
