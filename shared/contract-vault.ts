// The contract of unlocking the archive: answered by the host (Electron's main process or the
// browser shell) before the backend worker has the archive open.
import { z } from 'zod';
import { channel, noInput, verbatimText } from './contract-fields';
import { MIN_ARCHIVE_PASSPHRASE, passphraseLength, type VaultStatus } from './domain-vault';

const passphrase = verbatimText('The passphrase')
  .min(1, { error: 'Type the archive’s passphrase.' })
  .max(1_024, { error: 'The passphrase is too long (at most 1024 characters).' });
const newPassphrase = passphrase
  .refine((p) => passphraseLength(p) >= MIN_ARCHIVE_PASSPHRASE, {
    error: `Choose a passphrase of at least ${MIN_ARCHIVE_PASSPHRASE} characters.`,
  })
  .refine((p) => p.trim().length > 0, { error: 'A passphrase of spaces alone is too easy to guess.' });
/** 56 letters and digits in groups; spaces, dashes and case do not matter. */
const recoveryKey = z
  .string({ error: 'Type the recovery key.' })
  .max(200, { error: 'That is not a recovery key: it is 56 letters and digits.' })
  .regex(/^[A-Za-z0-9\s-]+$/, { error: 'That is not a recovery key: it is 56 letters and digits.' });

export const vaultChannels = {
  'vault.status': channel<VaultStatus>()(noInput),
  'vault.create': channel<VaultStatus>()(z.strictObject({ passphrase: newPassphrase })),
  /** With the passphrase, or with the recovery key (and a new passphrase where one will protect it). */
  'vault.unlock': channel<VaultStatus>()(
    z
      .strictObject({
        passphrase: passphrase.optional(),
        recoveryKey: recoveryKey.optional(),
        newPassphrase: newPassphrase.optional(),
      })
      .refine((input) => (input.passphrase === undefined) !== (input.recoveryKey === undefined), {
        error: 'Type the passphrase or the recovery key.',
      })
      .refine((input) => input.newPassphrase === undefined || input.recoveryKey !== undefined, {
        error: 'A new passphrase goes with the recovery key.',
      }),
  ),
  /** The recovery key, while it has not been saved or declined yet. */
  'vault.recoveryKey': channel<{ recoveryKey: string }>()(noInput),
  'vault.recoveryKeyDone': channel<VaultStatus>()(
    z.strictObject({
      choice: z.enum(['saved', 'declined'], { error: 'Say whether the recovery key was kept.' }),
    }),
  ),
  /** Deletes the plaintext archive kept from before encryption. */
  'vault.discardPlaintext': channel<VaultStatus>()(noInput),
};
