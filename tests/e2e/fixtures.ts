/**
 * The specs' `test`: every browser context runs on the test clock (tests/helpers/test-clock.ts), the
 * same instant the host they talk to started from, so "this month" means the same on both sides.
 */
import { test as base, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ensureTestClockEnv } from '../helpers/test-clock';

export { expect, type Page } from '@playwright/test';

export async function installTestClock(context: BrowserContext): Promise<void> {
  await context.clock.install({ time: new Date(ensureTestClockEnv()) });
}

/** A page of its own context on the test clock (for a second user or a printing page). */
export async function newClockedPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  await installTestClock(context);
  return context.newPage();
}

export const test = base.extend({
  context: async ({ context }, use) => {
    await installTestClock(context);
    await use(context);
  },
});
