// Builds better-sqlite3 for Electron's ABI into .native/electron-<version>/better_sqlite3.node, for
// `npm start`. node_modules/better-sqlite3/build (the Node-ABI build the tests load) is never touched.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const require = createRequire(import.meta.url);
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

const electronVersion = readJson(path.join(root, 'node_modules', 'electron', 'package.json')).version;
const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
const outDir = path.join(root, '.native', `electron-${electronVersion}`);
const outFile = path.join(outDir, 'better_sqlite3.node');
// Records which better-sqlite3 the binary was built from, so `npm ci` with a new version rebuilds it.
const stampFile = path.join(outDir, 'better-sqlite3.version');

if (process.argv.includes('--print-path')) {
  console.log(outFile);
  process.exit(0);
}

const sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version;
const relative = path.relative(root, outFile);

if (fs.existsSync(outFile) && readStamp() === sqliteVersion) {
  console.log(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} is up to date (${relative}).`);
  process.exit(0);
}

const srcDir = path.join(root, '.native', `src-${electronVersion}`);
console.log(
  `Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} in ${path.relative(root, srcDir)}…`,
);
fs.rmSync(srcDir, { recursive: true, force: true });
fs.mkdirSync(srcDir, { recursive: true });
for (const entry of ['package.json', 'binding.gyp', 'src', 'deps']) {
  fs.cpSync(path.join(sqliteDir, entry), path.join(srcDir, entry), { recursive: true });
}

// The machine's npm config sets nodedir, which would make node-gyp build against Node's headers.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm_config_nodedir|nodedir)$/i.test(key)),
);

const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
const args = [
  nodeGyp,
  'rebuild',
  '--release',
  '--runtime=electron',
  `--target=${electronVersion}`,
  '--dist-url=https://electronjs.org/headers',
];
console.log(`Running node-gyp ${args.slice(1).join(' ')}`);
const build = spawnSync(process.execPath, args, { cwd: srcDir, env, stdio: 'inherit' });

const built = path.join(srcDir, 'build', 'Release', 'better_sqlite3.node');
if (build.status !== 0 || !fs.existsSync(built)) {
  const why = build.error ? build.error.message : `node-gyp exited with ${build.status ?? build.signal}`;
  console.error(
    [
      '',
      `Could not build better-sqlite3 for Electron ${electronVersion}: ${why}.`,
      "node-gyp must download Electron's headers from https://electronjs.org/headers and compile with a C++ toolchain;",
      'the output above says which of the two failed. This step is only for running the Electron app (`npm start`):',
      '`npm test` does not need it, because the tests use the Node build in node_modules/better-sqlite3.',
    ].join('\n'),
  );
  process.exit(1);
}

fs.mkdirSync(outDir, { recursive: true });
// Copy then rename, so an interrupted copy never looks like an up-to-date binary.
fs.copyFileSync(built, `${outFile}.partial`);
fs.renameSync(`${outFile}.partial`, outFile);
fs.writeFileSync(stampFile, `${sqliteVersion}\n`);
fs.rmSync(srcDir, { recursive: true, force: true });
console.log(`Built ${relative} for Electron ${electronVersion}.`);

function readStamp() {
  try {
    return fs.readFileSync(stampFile, 'utf8').trim();
  } catch {
    return undefined;
  }
}
