import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

// The strict CSP meta tag in index.html would block the dev server's inline hot-reload script;
// in dev the Electron shell sends a relaxed CSP header instead (shared/csp.ts).
const dropCspMetaInDev: Plugin = {
  name: 'zongzhi-drop-csp-meta-in-dev',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, ''),
};

// main and preload are bundled for Node (dependencies stay external, so better-sqlite3 loads natively);
// the renderer is a plain Vite React app that the browser host serves too.
export default defineConfig({
  main: {
    build: { outDir: 'out/main', rollupOptions: { input: { index: 'main/electron/main.ts' } } },
  },
  preload: {
    // A sandboxed preload must be CommonJS.
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: 'main/electron/preload.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), dropCspMetaInDev],
    build: { outDir: 'out/renderer', rollupOptions: { input: 'renderer/index.html' } },
  },
});
