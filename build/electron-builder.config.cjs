// electron-builder's configuration for `npm run dist`: AppImage and deb on Linux, dmg on macOS, an
// NSIS installer on Windows. The app ships inside app.asar; the Electron build of better-sqlite3
// (made by build/native-electron.mjs) is copied in and unpacked beside it, since a native module
// cannot load from inside the archive. build/after-pack.cjs flips Electron's fuses and checks the binary.
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const electronVersion = require(path.join(root, 'node_modules', 'electron', 'package.json')).version;

/** Where build/native-electron.mjs puts the Electron-ABI better-sqlite3; main loads it from here. */
const nativeBinary = `.native/electron-${electronVersion}/better_sqlite3.node`;

/** @type {import('app-builder-lib').Configuration} */
module.exports = {
  appId: 'app.roundtable.desktop',
  productName: 'Roundtable',
  copyright: 'Copyright © Roundtable',
  electronVersion,
  directories: { output: 'out', buildResources: 'build' },
  asar: true,
  files: [
    'package.json',
    'dist/electron/**/*',
    'dist/renderer/**/*',
    '!**/*.map',
    nativeBinary,
    // The Node-ABI build and the sources stay out: main always passes the Electron build as nativeBinding.
    '!node_modules/better-sqlite3/{build,deps,src,docs,benchmark}/**',
  ],
  asarUnpack: [nativeBinary],
  // Never rebuild node_modules in place: its better-sqlite3 is the Node build the tests load. The
  // Electron build comes from .native/ (npm run dist runs native:electron first).
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  afterPack: './build/after-pack.cjs',
  linux: {
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
    target: ['dmg'],
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
};
