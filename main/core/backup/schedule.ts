/**
 * Runs the day's backup at start and then hourly (it is made once per day: the first start of the
 * day makes it, an app left running over midnight makes the next one). Hosts start it; tests and
 * the CLI do not, so a command never leaves backups behind.
 */
import type { Clock } from '../clock';
import { readBackupSettings, secondFolderProblem } from './settings';
import { dailyBackup, manualBackup, mirrorToSecondFolder, type BackupPlaces } from './store';

const CHECK_EVERY_MS = 60 * 60_000;

export interface BackupStatus {
  /** The last automatic run, whether or not it had a copy to make. */
  lastRunAt: string | null;
  lastError: string | null;
  secondFolder: string | null;
  /** Why the last copy to the second folder failed (the drive was not plugged in …). */
  secondFolderError: string | null;
}

export interface BackupSchedule {
  start(): void;
  stop(): void;
  /** The day's backup now if it is not made yet, then the second folder; never rejects. */
  runDaily(): Promise<BackupStatus>;
  /** A backup by hand (管理员); also copied to the second folder. Rejects with a Chinese message. */
  runManual(): Promise<string>;
  status(): BackupStatus;
}

export function createBackupSchedule(
  places: BackupPlaces & { dataDir: string },
  clock: Clock,
  township: () => string | null,
  log: (message: string) => void = (m) => console.error(m),
): BackupSchedule {
  const state: BackupStatus = { lastRunAt: null, lastError: null, secondFolder: null, secondFolderError: null };
  let timer: ReturnType<typeof setInterval> | undefined;
  // One run at a time: the hourly check must not start a second copy of the same day.
  let running: Promise<BackupStatus> | null = null;

  function second(): void {
    const { settings, problem } = readBackupSettings(places.dataDir);
    state.secondFolder = settings.secondFolder;
    state.secondFolderError = problem;
    const code = township();
    if (!settings.secondFolder || !code) return;
    const unusable = secondFolderProblem(settings.secondFolder);
    if (unusable) {
      state.secondFolderError = unusable;
      return;
    }
    try {
      mirrorToSecondFolder(places, settings.secondFolder, code);
    } catch (err) {
      state.secondFolderError = `复制到第二备份位置失败：${err instanceof Error ? err.message : String(err)}`;
    }
  }

  const schedule: BackupSchedule = {
    start() {
      void schedule.runDaily();
      timer ??= setInterval(() => void schedule.runDaily(), CHECK_EVERY_MS);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
    async runDaily() {
      if (running) return running;
      running = (async () => {
        state.lastRunAt = clock.now().toISOString();
        if (!township() || !places.sqlite.open) return { ...state }; // nothing to keep before set-up
        try {
          await dailyBackup(places, clock.now());
          state.lastError = null;
        } catch (err) {
          state.lastError = `自动备份失败：${err instanceof Error ? err.message : String(err)}`;
          log(state.lastError);
        }
        second();
        return { ...state };
      })().finally(() => (running = null));
      return running;
    },
    async runManual() {
      const file = await manualBackup(places, clock.now());
      second();
      return file;
    },
    status: () => {
      const { settings, problem } = readBackupSettings(places.dataDir);
      return { ...state, secondFolder: settings.secondFolder, secondFolderError: state.secondFolderError ?? problem };
    },
  };
  return schedule;
}
