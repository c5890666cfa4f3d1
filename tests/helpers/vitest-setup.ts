// Every vitest worker, before any test file: the test clock for the cores, CLI runs and hosts it starts.
import { ensureTestClockEnv } from './test-clock';

ensureTestClockEnv();
