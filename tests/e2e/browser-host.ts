import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = path.join(root, 'tests', 'e2e', 'screenshots');

export interface RunningHost {
  /** The address with the run token, as a clerk would open it. */
  openUrl: string;
  /**
   * Opens `path` (default: the address itself) with the page's clock set to the host's: both start
   * from the test clock, but at different moments, and must agree on the day at a midnight.
   */
  open(page: Page, suffix?: string): Promise<void>;
  /** Now on the host's clock (which started from the test clock when the host did). */
  now(): Date;
  stop(): Promise<void>;
}

export function newDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'zongzhi-e2e-'));
}

/** Starts `cli serve` on a free port, the way `npm run serve` does, and waits for its address. */
export function startHost(dataDir: string): Promise<RunningHost> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'main/cli.ts'), 'serve', '--data-dir', dataDir, '--port', '0'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /请在浏览器中打开：(\S+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      const hostNow = /当前为 (\S+)/.exec(output)?.[1];
      if (!hostNow) return reject(new Error(`host did not report its test clock:\n${output}`));
      const offset = Date.parse(hostNow) - Date.now();
      resolve({
        openUrl: url,
        now: () => new Date(Date.now() + offset),
        open: async (page, suffix = '') => {
          await page.clock.setSystemTime(new Date(Date.now() + offset));
          await page.goto(url + suffix);
        },
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
