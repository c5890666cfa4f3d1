/** Steps the case E2E specs share: the CLI set-up, sign-in, the drawer and its loop actions. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'Yujing2026!';
const root = path.resolve(import.meta.dirname, '../..');

/** `cli init` and `cli user add`, the way an installer or an administrator would. */
export function cli(dataDir: string, ...args: string[]) {
  execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'main/cli.ts'), ...args, '--data-dir', dataDir], {
    cwd: root,
    stdio: 'pipe',
  });
}

/** A call with the signed-in user's session, as the page's own client makes it (no UI checks on the way). */
export async function rpc<T = unknown>(
  page: Page,
  method: string,
  input: unknown,
): Promise<{ ok: boolean; data?: T; error?: { code: string; message: string } }> {
  return page.evaluate(
    async ([m, body]) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      // The page's own storage (this runs in the browser; the tests compile without DOM types).
      const store = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } })
        .sessionStorage;
      const token = store.getItem('zongzhi.runToken');
      const session = store.getItem('zongzhi.session');
      if (token) headers['X-Zongzhi-Token'] = token;
      if (session) headers['X-Zongzhi-Session'] = session;
      const response = await fetch(`/api/rpc/${m}`, { method: 'POST', headers, body: JSON.stringify(body) });
      return (await response.json()) as { ok: boolean; data?: T; error?: { code: string; message: string } };
    },
    [method, input] as const,
  );
}

export async function login(page: Page, username: string) {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page.getByTestId('header-user')).toBeVisible();
}

/** Closes the case drawer if one is open, and waits until it has gone (it animates out). */
export async function closeDrawer(page: Page) {
  const footer = page.locator('.ant-drawer-footer:visible');
  if ((await footer.count()) === 0) return;
  // It may already be on its way out, and then the button detaches under the click.
  await footer
    .getByRole('button', { name: '关闭' })
    .click({ timeout: 5_000 })
    .catch(() => undefined);
  await expect(footer).toHaveCount(0);
}

export async function logout(page: Page) {
  await closeDrawer(page);
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByLabel('用户名', { exact: true })).toBeVisible();
}

export const modal = (page: Page) => page.locator('.ant-modal-footer:visible');
export const modalSave = (page: Page) =>
  page.locator('.ant-modal-footer:visible').getByRole('button', { name: /保存$/ });
export const drawer = (page: Page) => page.locator('.ant-drawer-body:visible');

export async function pick(page: Page, fieldId: string, ...labels: string[]) {
  await page.locator(`#${fieldId}`).click();
  for (const label of labels) {
    await page
      .locator(
        '.ant-select-dropdown:visible .ant-select-item-option, .ant-cascader-dropdown:visible .ant-cascader-menu-item',
      )
      .filter({ hasText: new RegExp(`^${label}$`) })
      .first()
      .click();
  }
}

/** Opens the case from the list (it is the newest, so on the first page). */
export async function openCase(page: Page, number: string) {
  await page.getByRole('menuitem', { name: '事件' }).click();
  await page
    .getByTestId('case-table')
    .getByRole('row', { name: new RegExp(number) })
    .first()
    .click();
  await expect(drawer(page).getByTestId('case-facts')).toContainText(number);
}

/** Takes one action from the drawer: its button, its small form, 保存; waits for the new state. */
export async function act(page: Page, action: string, fill: () => Promise<void>, state: string) {
  await drawer(page).getByTestId('case-actions').getByRole('button', { name: action, exact: true }).click();
  await expect(modal(page)).toBeVisible();
  await fill();
  await modalSave(page).click();
  await expect(page.locator('.ant-message-notice', { hasText: `${action}：已完成` }).last()).toBeVisible();
  await expect(drawer(page).getByTestId('case-facts').getByTestId('case-state')).toHaveText(state);
}

export const none = async () => undefined;

/** A township with 管理员 admin, 审核人 shen and 录入员 lu, set up through the CLI. */
export function initTownship(dataDir: string) {
  cli(dataDir, 'init', '--township', '140621100', '--admin', 'admin', '--password', PASSWORD);
  cli(dataDir, 'user', 'add', '--username', 'shen', '--name', '沈审核', '--role', '审核人', '--password', PASSWORD);
  cli(dataDir, 'user', 'add', '--username', 'lu', '--name', '陆录入', '--role', '录入员', '--password', PASSWORD);
}

/**
 * As the signed-in administrator: 玉井村第一网格 and its full-time 网格员 王建国 (the organisation
 * pages have their own E2E).
 */
export async function gridWithWorker(page: Page, workerIdNumber: string) {
  const villages = await rpc<{ id: string; code: string }[]>(page, 'org.listVillages', { includeRetired: false });
  const yujing = villages.data!.find((v) => v.code === '140621100200')!;
  const grid = await rpc<{ id: string }>(page, 'org.createGrid', {
    villageId: yujing.id,
    type: 'village',
    name: '玉井村第一网格',
    households: 320,
    residents: 960,
  });
  const worker = await rpc<{ id: string }>(page, 'people.create', { name: '王建国', idNumber: workerIdNumber });
  const post = await rpc(page, 'posts.add', {
    personId: worker.data!.id,
    type: 'worker',
    gridId: grid.data!.id,
    employment: 'full_time',
    startDate: '2026-01-01',
  });
  expect(post.ok, JSON.stringify(post)).toBe(true);
  return { gridId: grid.data!.id, workerId: worker.data!.id };
}
