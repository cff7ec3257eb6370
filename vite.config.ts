// One build config for every part of the app, chosen by --mode:
//   renderer → dist/renderer (the React UI)
//   main     → dist/electron/main.cjs (Electron glue)
//   preload  → dist/electron/preload.cjs (one self-contained file, as a sandboxed preload must be)
//   worker   → dist/electron/backend-worker.cjs (router, services and store; plain Node)
//   bench    → dist/bench/run.cjs (npm run bench)
//   crash    → dist/crash/capture-process.cjs (hosts the worker bundle; the process the crash test kills)
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

function nodeBundle(
  entry: string,
  fileName: string,
  external: string[],
  outDir = 'dist/electron',
): UserConfig {
  return {
    root,
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'node22',
      minify: false,
      sourcemap: true,
      ssr: true,
      rollupOptions: {
        input: { [fileName]: `${root}${entry}` },
        external,
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
    ssr: { noExternal: true },
  };
}

export default defineConfig(({ mode }) => {
  switch (mode) {
    case 'main':
      return nodeBundle('electron/main.ts', 'main', ['electron', ...nodeBuiltins]);
    case 'preload':
      return nodeBundle('electron/preload.ts', 'preload', ['electron']);
    case 'worker':
      return nodeBundle('electron/backend/worker.ts', 'backend-worker', [
        'better-sqlite3-multiple-ciphers',
        ...nodeBuiltins,
      ]);
    case 'crash':
      return nodeBundle(
        'tests/crash/capture-process.ts',
        'capture-process',
        ['better-sqlite3-multiple-ciphers', ...nodeBuiltins],
        'dist/crash',
      );
    case 'bench':
      return nodeBundle(
        'tests/bench/run.ts',
        'run',
        ['better-sqlite3-multiple-ciphers', ...nodeBuiltins],
        'dist/bench',
      );
    default:
      return {
        root: `${root}renderer`,
        base: './',
        plugins: [react()],
        build: {
          outDir: `${root}dist/renderer`,
          emptyOutDir: true,
          // ES2021: class private fields are lowered, which the security scan's parser cannot walk.
          target: ['es2021', 'chrome130'],
          sourcemap: true,
          modulePreload: { polyfill: false },
        },
      };
  }
});
