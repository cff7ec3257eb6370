// A conversion killed at one of its steps: encrypts the plaintext archive in argv[2] under the key in
// argv[3] (hex), as openDatabase does once it has checked the archive, and SIGKILLs itself the moment
// step argv[4] completes. Bundled by archive-encryption.test.ts with Vite (which bundles the
// migrations the store imports) and run under plain Node.
import { archiveKeyFrom, isPlaintextDatabase } from '../../../electron/store/cipher';
import {
  CONVERSION_STEPS,
  convertToEncrypted,
  type ConversionStep,
} from '../../../electron/store/conversion';
import { checkFilesBeforeOpen } from '../../../electron/store/database';

function main(): void {
  const [file, keyHex, killAt] = process.argv.slice(2);
  if (!file || !keyHex || !CONVERSION_STEPS.includes(killAt as ConversionStep)) {
    console.error(`Usage: convert-and-die.cjs ARCHIVE KEY_HEX STEP (one of ${CONVERSION_STEPS.join(', ')})`);
    process.exit(2);
  }
  checkFilesBeforeOpen(file);
  if (!isPlaintextDatabase(file)) {
    console.error(`${file} is not a plaintext archive.`);
    process.exit(3);
  }
  convertToEncrypted(file, archiveKeyFrom(Buffer.from(keyHex, 'hex')), {
    onStep: (step) => {
      if (step === killAt) process.kill(process.pid, 'SIGKILL');
    },
  });
  console.error(`The conversion ended without the kill at ${killAt}.`);
  process.exit(4);
}

main();
