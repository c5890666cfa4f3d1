import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from './fixtures';
import { dataPaths } from '../../main/core/paths';
import { newDataDir, shot, startHost, type RunningHost } from './browser-host';
import type { DeskSeed } from './desk-seed';
import { shanghaiDateIso } from '../../shared/dates';

const root = path.resolve(import.meta.dirname, '../..');
const CALLER = '13800138000';

function seedDesk(dataDir: string): DeskSeed {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'tests/e2e/desk-seed.ts'), dataDir], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(out) as DeskSeed;
}

/** The little of `window` the test touches (this tsconfig has no DOM types). */
interface BrowserWindow {
  seenHashes: string[];
  addEventListener(type: 'hashchange', listener: (e: { newURL: string }) => void): void;
}

let host: RunningHost | undefined;
test.afterEach(async () => {
  await host?.stop();
  host = undefined;
});

async function login(page: Page, username: string, password: string) {
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
  await expect(page.getByTestId('header-user')).toBeVisible();
}

type HotlineCase = { number: string; state: string; assignee_kind: string; assignee_id: string; urgency: string };
function hotlineCases(dataDir: string): HotlineCase[] {
  const db = new Database(dataPaths(dataDir).dbFile, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT number, state, assignee_kind, assignee_id, urgency FROM cases WHERE source = 'hotline' ORDER BY number`,
      )
      .all() as HotlineCase[];
  } finally {
    db.close();
  }
}

test('热线受理 by keyboard alone → assigned to the grid worker → a repeat caller is seen → 工作台 numbers open their lists', async ({
  page,
}) => {
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  const dataDir = newDataDir();
  const seed = seedDesk(dataDir);
  host = await startHost(dataDir);
  await host.open(page);
  await login(page, 'lu', seed.password);

  // 工作台 is where a login lands.
  await expect(page).toHaveURL(/#\/home$/);
  await page.getByRole('menuitem', { name: '热线受理' }).click();

  // Focus starts on the phone; Tab walks phone → name → grid, Enter on a picker chooses and moves on
  // (grid → category → place), Tab again to summary and urgency. Typed at speed, no waiting between
  // keys: the desk moves focus itself inside the keystroke that picks.
  const phone = page.getByLabel('来电号码');
  await expect(phone).toBeFocused();
  await expect(page.getByTestId('hotline-form')).toHaveAttribute('aria-busy', 'false'); // the pickers' lists are in
  await page.keyboard.type(CALLER);
  await page.keyboard.press('Tab');
  await page.keyboard.type('李群众');
  await page.keyboard.press('Tab');
  await page.keyboard.type('第一网格');
  await page.keyboard.press('Enter');
  await page.keyboard.type('邻里');
  await page.keyboard.press('Enter');
  await page.keyboard.type('玉井村三组');
  await page.keyboard.press('Tab');
  await page.keyboard.type('两户因院墙排水发生争执，请网格员上门调解');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight'); // 一般 → 紧急
  // Every keystroke landed where it belongs.
  await expect(page.getByLabel('来电人姓名')).toHaveValue('李群众');
  await expect(page.getByLabel('发生地点')).toHaveValue('玉井村三组');
  await expect(page.getByLabel('来电内容')).toHaveValue('两户因院墙排水发生争执，请网格员上门调解');
  await expect(page.getByRole('main')).toContainText('邻里纠纷');
  await expect(page.getByRole('radio', { name: '紧急' })).toBeFocused();
  // A new caller: no earlier cases.
  await expect(page.getByTestId('caller-history')).toContainText('该号码没有历史事件');
  await expect(page.getByTestId('hotline-assignee')).toHaveText('保存后交办给网格员「王网格」');
  await shot(page, 'desk-01-intake');
  await page.keyboard.press('Enter');

  const saved = page.locator('.ant-message-notice', { hasText: '已登记事件 140621100-' });
  await expect(saved).toContainText('已交办给网格员「王网格」');
  await expect(phone).toBeFocused();
  await expect(phone).toHaveValue('');
  let rows = hotlineCases(dataDir);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({
    state: 'assigned',
    assignee_kind: 'gridWorker',
    assignee_id: seed.workerId,
    urgency: 'urgent',
  });
  const first = rows[0]!.number;
  await expect(saved).toContainText(first);

  // The same caller again: the earlier case shows beside the form before anything else is typed.
  await page.keyboard.type(CALLER);
  const history = page.getByTestId('caller-history');
  await expect(history).toContainText('来电人历史事件（1 件）');
  await expect(history).toContainText(first);
  await expect(history).toContainText('已交办');
  await expect(history).toContainText('两户因院墙排水发生争执');
  await shot(page, 'desk-02-repeat-caller');

  // Esc clears the call; Ctrl+Enter on an empty form names what is missing and saves nothing.
  await page.keyboard.press('Escape');
  await expect(phone).toHaveValue('');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('#hotline_phone_help')).toContainText('请填写来电号码');
  await expect(page.locator('#hotline_gridId_help')).toContainText('请选择所属网格');
  rows = hotlineCases(dataDir);
  expect(rows).toHaveLength(1);

  // A grid with no 网格员: the form says so, and the case goes to the village, saved with Ctrl+Enter.
  // Tab on an open picker list also chooses and moves on, as Enter does.
  await phone.focus();
  await page.keyboard.type('0349-5021234');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('第二网格');
  await page.keyboard.press('Tab');
  await page.keyboard.type('消防');
  await page.keyboard.press('Tab');
  await page.keyboard.type('玉井村二组');
  await page.keyboard.press('Tab');
  await page.keyboard.type('楼道堆放杂物');
  await expect(page.getByTestId('hotline-no-worker')).toContainText('该网格暂无在岗网格员');
  await expect(page.getByTestId('hotline-no-worker')).toContainText('交办给村（社区）「玉井村」');
  await expect(page.getByRole('main')).toContainText('消防安全隐患');
  await expect(page.getByLabel('发生地点')).toHaveValue('玉井村二组');
  await expect(page.getByLabel('来电内容')).toHaveValue('楼道堆放杂物');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.ant-message-notice', { hasText: '已交办给村（社区）「玉井村」' })).toBeVisible();
  rows = hotlineCases(dataDir);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toMatchObject({ state: 'assigned', assignee_kind: 'village', urgency: 'normal' });

  // After a restart the calls are still there: the caller's history and the 工作台's numbers.
  await host.stop();
  host = await startHost(dataDir);
  const yearAtStart = shanghaiDateIso(host.now()).slice(0, 4);
  await host.open(page);
  await login(page, 'lu', seed.password);
  await page.getByRole('menuitem', { name: '热线受理' }).click();
  await expect(phone).toBeFocused();
  await page.keyboard.type(CALLER);
  await expect(page.getByTestId('caller-history')).toContainText(first);

  // 工作台: this month's seeded cases plus the two calls; each number links to its list.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  // 登记 counts every case of the month, 受理 those accepted at 甄别 (the calls went straight to 交办).
  const received = page.getByRole('link', { name: /^本月登记/ });
  await expect(received).toHaveAccessibleName(`本月登记 ${seed.thisMonth + 2}`);
  const accepted = page.getByRole('link', { name: /^本月受理/ });
  await expect(accepted).toHaveAccessibleName(`本月受理 ${seed.thisMonthAccepted + 2}`);
  await expect(page.getByRole('link', { name: /^本月办结/ })).toHaveAccessibleName(`本月办结 ${seed.thisMonthClosed}`);
  await expect(page.getByRole('link', { name: /^本月化解/ })).toHaveAccessibleName(
    `本月化解 ${seed.thisMonthResolved}`,
  );
  await expect(page.getByRole('link', { name: /^就地化解/ })).toHaveAccessibleName('就地化解 0');
  await expect(page.getByRole('link', { name: /^已超期/ })).toBeVisible();
  // 办结率 = 办结 / 受理, two decimals rounded half up.
  const rate = (100 * seed.thisMonthClosed) / (seed.thisMonthAccepted + 2);
  await expect(page.getByRole('link', { name: /^办结率/ }).first()).toHaveAccessibleName(
    `办结率 ${(Math.floor(rate * 100 + 0.5) / 100).toFixed(2)}%`,
  );
  await expect(page.getByRole('img', { name: '近12个月登记与办结趋势' }).locator('canvas')).toBeVisible();
  // This year's work, as the yearly form's 合计; 入户走访 opens the 走访 list of the year with that total.
  const year = page.getByRole('region', { name: '本年工作情况' });
  const visits = year.getByRole('link', { name: /^入户走访/ });
  await expect(visits).toHaveAccessibleName(`入户走访 ${seed.yearVisits}`);
  await expect(year.getByRole('link', { name: /^楼院采集/ })).toHaveAccessibleName('楼院采集 3');
  await expect(year.getByRole('link', { name: /^办结率 \d+\.\d\d%$/ })).toBeVisible();
  await year.scrollIntoViewIfNeeded();
  await shot(page, 'home-01-dashboard');
  await visits.click();
  await expect(page.getByText(`共 ${seed.yearVisits} 次走访`)).toBeVisible();
  await shot(page, 'home-02-year-visits');
  // 收集群众诉求 opens the yearly form itself, on this year.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await year.getByRole('link', { name: /^收集群众诉求/ }).click();
  const picked = page.locator('.ant-select', { has: page.getByRole('combobox', { name: '报表', exact: true }) });
  await expect(picked).toContainText('网格化服务管理工作情况统计表');
  const preview = page.frameLocator('iframe[title="报表预览"]').locator('body');
  // This year as the 工作台 saw it when it loaded (a run at a year's last minute may pass midnight).
  const linkedYear = /period=(\d{4})/.exec(page.url())?.[1];
  const hostYear = () => shanghaiDateIso(host!.now()).slice(0, 4);
  expect([yearAtStart, hostYear()]).toContain(linkedYear);
  await expect(preview).toContainText(`${linkedYear}年`);
  await expect(preview).toContainText('合计');
  await page.getByRole('menuitem', { name: '工作台' }).click();

  // Record every hash the click passes through (the 事件 page is another engineer's, not asserted here).
  await page.evaluate(() => {
    const w = globalThis as unknown as BrowserWindow;
    w.seenHashes = [];
    // newURL, not location: the app may already have moved on by the time a listener runs.
    w.addEventListener('hashchange', (e) => w.seenHashes.push(new URL(e.newURL).hash));
  });
  await received.click();
  await expect
    .poll(() => page.evaluate(() => (globalThis as unknown as BrowserWindow).seenHashes))
    .toContain('#/cases?quick=thisMonth');
  // 受理 opens the month's list narrowed to the accepted states, with the tile's number as its total.
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await accepted.click();
  await expect
    .poll(() => page.evaluate(() => (globalThis as unknown as BrowserWindow).seenHashes))
    .toContain('#/cases?states=accepted,assigned,handling,handled,fedBack,closed&quick=thisMonth');
  expect(cspErrors).toEqual([]);
});
