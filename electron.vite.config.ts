import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

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
    plugins: [react()],
    build: { outDir: 'out/renderer', rollupOptions: { input: 'renderer/index.html' } },
  },
});
