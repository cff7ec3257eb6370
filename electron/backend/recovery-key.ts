// The printable recovery key: the archive key itself, in 56 letters and digits (Crockford's base32,
// which has no I, L, O or U to misread) with a 24-bit checksum, in groups of four. It opens the
// archive and every backup with nothing else: no key file, no keychain, no passphrase.
import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { archiveKeyFrom, KEY_BYTES, type ArchiveKey } from '../store/cipher';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHECK_BYTES = 3;
/** (32 + 3) bytes are 280 bits: 56 characters of 5 bits. */
export const RECOVERY_KEY_LENGTH = ((KEY_BYTES + CHECK_BYTES) * 8) / 5;

function checksum(key: Buffer): Buffer {
  return createHash('sha256').update('roundtable recovery key').update(key).digest().subarray(0, CHECK_BYTES);
}

export function formatRecoveryKey(key: ArchiveKey): string {
  const bytes = Buffer.concat([key, checksum(key)]);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)?.join('-') ?? out;
}

export const NOT_A_RECOVERY_KEY =
  'That is not this kind of recovery key: it has 56 letters and digits, in 14 groups of four. Check it against the printed copy. Nothing was changed.';
export const RECOVERY_KEY_TYPO =
  'That recovery key has a mistyped character in it: check each group of four against the printed copy. Nothing was changed.';

/** Reads a typed recovery key: any case, spaces and dashes anywhere, O for 0 and I or L for 1. */
export function parseRecoveryKey(typed: string): ArchiveKey {
  const normalized = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (normalized.length !== RECOVERY_KEY_LENGTH || !/^[0-9A-HJKMNP-TV-Z]+$/.test(normalized)) {
    throw new AppError('WRONG_KEY', NOT_A_RECOVERY_KEY);
  }
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of normalized) {
    value = (value << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
      value &= (1 << bits) - 1;
    }
  }
  const all = Buffer.from(bytes);
  const key = all.subarray(0, KEY_BYTES);
  if (!checksum(key).equals(all.subarray(KEY_BYTES, KEY_BYTES + CHECK_BYTES))) {
    throw new AppError('WRONG_KEY', RECOVERY_KEY_TYPO);
  }
  return archiveKeyFrom(key);
}
