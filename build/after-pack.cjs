// electron-builder's afterPack hook: runs once per platform and architecture, after the app is
// copied into the Electron binary's folder and before signing. It checks that better-sqlite3's
// prebuilt binary for that platform made it in, unpacked, and flips Electron's fuses.
const fs = require('node:fs');
const path = require('node:path');

/**
 * The fuses every packaged Roundtable ships with. RunAsNode, NODE_OPTIONS and the inspector flags
 * would let anyone who can start the binary run code as Roundtable; OnlyLoadAppFromAsar stops it
 * loading an app folder planted beside app.asar; cookie encryption protects the session store.
 * Asar integrity validation is on where Electron supports it (macOS, Windows) and electron-builder
 * embeds the hash. Roundtable serves its pages from app://, never file://, so file:// pages get no
 * privileges beyond a browser's.
 */
function fuseSettings(platform) {
  const { FuseV1Options, FuseVersion } = require('@electron/fuses');
  return {
    version: FuseVersion.V1,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: platform === 'darwin' || platform === 'win32',
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** The Electron executable in appOutDir, named as electron-builder names it on each platform. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

/** The resources folder (app.asar and app.asar.unpacked) inside appOutDir. */
function resourcesDir(context) {
  if (context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas') {
    return path.join(electronBinaryPath(context), 'Contents', 'Resources');
  }
  return path.join(context.appOutDir, 'resources');
}

/** electron-builder's Arch enum, as Node names architectures. */
const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

/** better-sqlite3's name for a platform's prebuilt binary (darwin-arm64.node, win32-x64.node…). */
function prebuildName(electronPlatformName, arch) {
  const platform = electronPlatformName === 'mas' ? 'darwin' : electronPlatformName;
  return `${platform}-${ARCH_NAMES[arch] ?? String(arch)}.node`;
}

/** The target's better-sqlite3 binary, unpacked beside app.asar where Electron's require finds it. */
function checkNativeBinary(context) {
  const binary = path.join(
    resourcesDir(context),
    'app.asar.unpacked',
    'node_modules',
    'better-sqlite3-multiple-ciphers',
    'prebuilds',
    prebuildName(context.electronPlatformName, context.arch),
  );
  if (!fs.existsSync(binary)) {
    throw new Error(
      `better-sqlite3-multiple-ciphers's prebuilt binary for this platform is missing from the package (${binary}). Its npm package carries one for each supported platform: reinstall it (npm ci) and package again.`,
    );
  }
  return binary;
}

/** The hook, with its dependencies passed in so tests can run it on a stand-in binary. */
function createAfterPack({ flipFuses = require('@electron/fuses').flipFuses, log = console.log } = {}) {
  return async function afterPack(context) {
    const binary = checkNativeBinary(context);
    log(`  • better-sqlite3 (N-API, prebuilt): ${path.relative(context.appOutDir, binary)}`);
    const electron = electronBinaryPath(context);
    await flipFuses(electron, {
      ...fuseSettings(context.electronPlatformName),
      // Flipping fuses invalidates an ad-hoc signature; Apple Silicon refuses to run without one.
      resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3,
    });
    log(`  • fuses flipped in ${path.relative(context.appOutDir, electron) || electron}`);
  };
}

module.exports = createAfterPack();
module.exports.createAfterPack = createAfterPack;
module.exports.fuseSettings = fuseSettings;
module.exports.electronBinaryPath = electronBinaryPath;
module.exports.prebuildName = prebuildName;
