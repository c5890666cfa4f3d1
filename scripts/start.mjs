// `npm start`: the desktop app where the Electron program is installed, otherwise browser mode
// (`npm run serve`). Arguments such as --data-dir and --port are passed through.
import { spawn, spawnSync } from 'node:child_process';
import console from 'node:console';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The electron package exports its binary's path, and throws if the download was skipped. */
function electronBinary() {
  try {
    const file = require('electron');
    return typeof file === 'string' && fs.existsSync(file) ? file : null;
  } catch {
    return null;
  }
}

function run(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { stdio: 'inherit', env });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

const electron = electronBinary();
if (electron) {
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      stdio: 'inherit',
      cwd: root,
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  // A terminal inside VS Code sets this, which would make Electron run as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(electron, [root, ...args], env);
} else {
  console.log('此环境未安装 Electron 程序，改为以浏览器模式启动（npm run serve）。');
  // Under `npm start` npm_execpath is npm's own script; calling it with node avoids npm.cmd on Windows.
  const npmCli = process.env.npm_execpath;
  if (npmCli) run(process.execPath, [npmCli, 'run', 'serve', '--', ...args]);
  else run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'serve', '--', ...args]);
}
