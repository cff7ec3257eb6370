// electron-builder's configuration for `npm run dist`: AppImage and deb on Linux, dmg on macOS, an
// NSIS installer on Windows. The app ships inside app.asar. better-sqlite3 is an N-API module whose
// npm package carries one prebuilt binary per platform, loaded as it is by Node and by Electron: the
// package keeps only the target platform's binaries, unpacked beside app.asar (a native module cannot
// load from inside the archive). Nothing is compiled. build/after-pack.cjs checks the binary is there
// and flips Electron's fuses.
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const electronVersion = require(path.join(root, 'node_modules', 'electron', 'package.json')).version;

const PREBUILDS = 'node_modules/better-sqlite3-multiple-ciphers/prebuilds';
const PREBUILD_PLATFORMS = ['darwin', 'linux', 'linuxmusl', 'win32'];

/**
 * Leaves out every other platform's prebuilt binary, by better-sqlite3's names for them (`${os}`
 * would say mac or win). Only exclusions apply inside node_modules, so the target's binaries are
 * kept by excluding the rest. Linux keeps the musl build beside the glibc one: better-sqlite3
 * picks one at run time.
 */
function prebuildsOnlyFor(...platforms) {
  const others = PREBUILD_PLATFORMS.filter((p) => !platforms.includes(p));
  return [`!${PREBUILDS}/{${others.join(',')}}-*.node`];
}

/** What goes into app.asar on every platform. */
const FILES = [
  'package.json',
  'dist/electron/**/*',
  'dist/renderer/**/*',
  // Source maps stay out of the package: they would only help someone reading the app's code.
  '!**/*.map',
  // SQLite's sources stay out, and so do the binaries of the other architecture (electron-builder
  // expands ${arch}: x64, arm64); each platform below also leaves out the other platforms' binaries.
  '!node_modules/better-sqlite3-multiple-ciphers/{build,deps,src,docs,benchmark}/**',
  '!node_modules/better-sqlite3-multiple-ciphers/binding.gyp',
  `!${PREBUILDS}/*-!(\${arch}).node`,
];

/** A platform's `files` replaces the top-level list for the app's own files, so each repeats it. */
function filesFor(...platforms) {
  return [...FILES, ...prebuildsOnlyFor(...platforms)];
}

/** @type {import('app-builder-lib').Configuration} */
module.exports = {
  appId: 'app.roundtable.desktop',
  productName: 'Roundtable',
  copyright: 'Copyright © Roundtable',
  electronVersion,
  directories: { output: 'out', buildResources: 'build' },
  asar: true,
  files: FILES,
  asarUnpack: [`${PREBUILDS}/*.node`],
  // Never rebuild node_modules: the prebuilt N-API binary is the one Node and Electron both load.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  afterPack: './build/after-pack.cjs',
  linux: {
    files: filesFor('linux', 'linuxmusl'),
    target: ['AppImage', 'deb'],
    category: 'Office',
    executableName: 'roundtable',
    synopsis: 'Run CEO peer-advisory sessions and keep their confidential archive.',
  },
  deb: {
    // chrome-sandbox is installed setuid root by electron-builder's deb scripts, so the sandbox
    // works on distributions that restrict unprivileged user namespaces.
    priority: 'optional',
  },
  mac: {
    files: filesFor('darwin'),
    target: ['dmg'],
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },
  win: { files: filesFor('win32'), target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
};
