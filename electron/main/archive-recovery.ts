// The choice main offers when the worker reports the archive damaged: restore the latest sound
// backup, start with an empty archive, or quit. The damaged files have already been moved aside.
import path from 'node:path';
import type { MessageBoxOptions } from 'electron';
import type { DamagedArchive, RecoveryChoice } from '../backend/damaged-archive';

export interface RecoveryDialog {
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
}

export const RESTORE_BUTTON = 'Restore latest backup';
export const FRESH_BUTTON = 'Start with an empty archive';
export const QUIT_BUTTON = 'Quit';

export function formatBackupTime(takenAt: number): string {
  return new Date(takenAt).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}

export function recoveryDialogOptions(damaged: DamagedArchive): {
  options: MessageBoxOptions;
  choices: RecoveryChoice[];
} {
  const choices: RecoveryChoice[] = damaged.latestBackup ? ['restore', 'fresh', 'quit'] : ['fresh', 'quit'];
  const labels: Record<RecoveryChoice, string> = {
    restore: RESTORE_BUTTON,
    fresh: FRESH_BUTTON,
    quit: QUIT_BUTTON,
  };
  const kept = [
    'Nothing was deleted. The damaged files were kept in:',
    damaged.keptIn,
    ...damaged.keptAs.map((file) => `  ${path.basename(file)}`),
  ].join('\n');
  const offer = damaged.latestBackup
    ? `The latest good backup is from ${formatBackupTime(damaged.latestBackup.takenAt)}. Restoring it brings back everything saved up to then.`
    : 'No backup that can be restored was found. You can start with an empty archive; the damaged files stay where they are.';
  return {
    choices,
    options: {
      type: 'warning',
      title: 'Roundtable’s archive is damaged',
      message: 'Roundtable found its archive damaged and could not open it safely.',
      detail: `${damaged.finding}\n\n${kept}\n\n${offer}`,
      buttons: choices.map((c) => labels[c]),
      defaultId: 0,
      cancelId: choices.indexOf('quit'),
      noLink: true,
    },
  };
}

/** Shows the choice and resolves to what the chair picked (closing the dialog means quit). */
export async function askHowToRecover(
  dialog: RecoveryDialog,
  damaged: DamagedArchive,
): Promise<RecoveryChoice> {
  const { options, choices } = recoveryDialogOptions(damaged);
  const { response } = await dialog.showMessageBox(options);
  return choices[response] ?? 'quit';
}
