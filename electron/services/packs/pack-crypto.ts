// The archive pack's envelope: "RTPACK", a version, scrypt's parameters and salt, the AES-256-GCM
// nonce and the ciphertext's length, then the ciphertext and its tag. The whole header is
// authenticated as GCM's additional data, so a changed byte anywhere fails to open.
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { AppError } from '../../../shared/errors';

export const PACK_MAGIC = Buffer.from('RTPACK', 'ascii');
/**
 * 2: the plaintext is written in parts (see pack-payload.ts). A Roundtable that reads only version 1
 * then says it needs an update, rather than that the pack is damaged. Version 1 packs still open.
 */
export const PACK_VERSION = 2;
const OLDEST_VERSION = 1;
const KDF_SCRYPT = 1;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** magic 6 + version 1 + kdf 1 + log2(N) 1 + r 1 + p 1 + salt 16 + nonce 12 + length 8 */
export const HEADER_BYTES = 6 + 1 + 1 + 3 + SALT_BYTES + NONCE_BYTES + 8;

export interface ScryptParams {
  log2N: number;
  r: number;
  p: number;
}

/** 2^15 × 8 × 128 bytes = 32 MiB of memory per guess. */
export const DEFAULT_SCRYPT: ScryptParams = { log2N: 15, r: 8, p: 1 };

/**
 * scrypt's work grows with N·r·p and its memory with N·r, and both are chosen by whoever wrote the
 * header, before the passphrase can be checked. So a header may ask for at most four times the work
 * Roundtable writes: room for a later Roundtable to double the cost twice as machines get faster,
 * and nothing a crafted file could use to stall the archive. Four times 2^15·8·1 caps log2(N) at 17,
 * r at 32 and p at 4 (each with the others as written), and memory stays under 128 MiB plus a few
 * KiB (see scryptMemory). Within what the header's bytes can say, a crafted file could otherwise ask
 * for gigabytes and minutes of work on every open.
 */
const MAX_SCRYPT_WORK = 4 * scryptWork(DEFAULT_SCRYPT);

function scryptWork({ log2N, r, p }: ScryptParams): number {
  return 2 ** log2N * r * p;
}

/**
 * The bytes OpenSSL's scrypt allocates, which Node's maxmem is checked against: B is 128·r·p bytes
 * and V with its two scratch blocks 128·r·(N + 2).
 */
export function scryptMemory({ log2N, r, p }: ScryptParams): number {
  return 128 * r * (2 ** log2N + p + 2);
}

export const WRONG_PASSPHRASE =
  'That passphrase does not open this pack. If it is the right one, the file was changed or damaged after it was made.';
export const NOT_A_PACK = 'That file is not a Roundtable archive pack.';
export const CUT_SHORT = 'This pack is incomplete: the file was cut short. Ask for it again.';
export const DAMAGED = 'This pack is damaged: its header is not one Roundtable writes. Ask for it again.';

function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.log2N;
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      32,
      { N, r: params.r, p: params.p, maxmem: scryptMemory(params) },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

function header(version: number, params: ScryptParams, salt: Buffer, nonce: Buffer, length: number): Buffer {
  const head = Buffer.alloc(HEADER_BYTES);
  let at = PACK_MAGIC.copy(head, 0);
  at = head.writeUInt8(version, at);
  at = head.writeUInt8(KDF_SCRYPT, at);
  at = head.writeUInt8(params.log2N, at);
  at = head.writeUInt8(params.r, at);
  at = head.writeUInt8(params.p, at);
  at += salt.copy(head, at);
  at += nonce.copy(head, at);
  head.writeBigUInt64BE(BigInt(length), at);
  return head;
}

export async function sealPack(
  plaintext: Buffer,
  passphrase: string,
  params: ScryptParams = DEFAULT_SCRYPT,
  /** Tests seal packs of the first version to show they still open. */
  version = PACK_VERSION,
): Promise<Buffer> {
  const salt = randomBytes(SALT_BYTES);
  const nonce = randomBytes(NONCE_BYTES);
  const key = await deriveKey(passphrase, salt, params);
  const head = header(version, params, salt, nonce, plaintext.length);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(head);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([head, body, cipher.getAuthTag()]);
}

/** Checks the header before any work: a pack asking for absurd scrypt costs is refused, not run. */
export function readHeader(pack: Buffer): {
  params: ScryptParams;
  salt: Buffer;
  nonce: Buffer;
  length: number;
} {
  if (pack.length < PACK_MAGIC.length || !pack.subarray(0, PACK_MAGIC.length).equals(PACK_MAGIC)) {
    throw new AppError('VALIDATION', NOT_A_PACK);
  }
  if (pack.length < HEADER_BYTES) throw new AppError('CORRUPT', CUT_SHORT);
  const version = pack.readUInt8(6);
  if (version > PACK_VERSION) {
    throw new AppError('TOO_NEW', 'This pack was made by a newer Roundtable. Update Roundtable to open it.');
  }
  const params = { log2N: pack.readUInt8(8), r: pack.readUInt8(9), p: pack.readUInt8(10) };
  const sane =
    version >= OLDEST_VERSION &&
    pack.readUInt8(7) === KDF_SCRYPT &&
    params.log2N >= 15 &&
    params.r >= 8 &&
    params.p >= 1;
  if (!sane) throw new AppError('CORRUPT', DAMAGED);
  // No Roundtable writes such a header, so the file is treated as any other foreign file.
  if (scryptWork(params) > MAX_SCRYPT_WORK) throw new AppError('VALIDATION', NOT_A_PACK);
  const salt = pack.subarray(11, 11 + SALT_BYTES);
  const nonce = pack.subarray(11 + SALT_BYTES, 11 + SALT_BYTES + NONCE_BYTES);
  const length = Number(pack.readBigUInt64BE(11 + SALT_BYTES + NONCE_BYTES));
  if (length > pack.length) throw new AppError('CORRUPT', CUT_SHORT);
  return { params, salt, nonce, length };
}

export async function openPack(pack: Buffer, passphrase: string): Promise<Buffer> {
  const { params, salt, nonce, length } = readHeader(pack);
  const expected = HEADER_BYTES + length + TAG_BYTES;
  if (pack.length < expected) throw new AppError('CORRUPT', CUT_SHORT);
  if (pack.length > expected)
    throw new AppError('CORRUPT', 'This pack is damaged: it has bytes Roundtable did not write.');
  const key = await deriveKey(passphrase, salt, params);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(pack.subarray(0, HEADER_BYTES));
  decipher.setAuthTag(pack.subarray(HEADER_BYTES + length));
  try {
    return Buffer.concat([
      decipher.update(pack.subarray(HEADER_BYTES, HEADER_BYTES + length)),
      decipher.final(),
    ]);
  } catch {
    throw new AppError('VALIDATION', WRONG_PASSPHRASE);
  }
}
