// The contract of what leaves and enters the archive: notes, digests, imports, packs and backups.
import { z } from 'zod';
import {
  type BackupEntry,
  CONFIDENTIALITY_LEVELS,
  type ExportResult,
  type ImportReport,
  type PackContents,
  type PackReport,
  TEXT_EXPORT_FORMATS,
} from './domain';
import { CREDIT_PRONOUNS } from './digest-format';
import { channel, idSchema, noInput, requiredText, verbatimText } from './contract-fields';

const textFormat = z.enum(TEXT_EXPORT_FORMATS, { error: 'Export as Markdown or HTML.' });
const level = z.enum(CONFIDENTIALITY_LEVELS, {
  error: 'The confidentiality level is full, anonymized or presenter-only.',
});
/**
 * A confidential situation leaves only in a full export, or in its presenter's own notes, that the
 * chair confirmed with this; never in an anonymized one.
 */
const includeConfidential = z
  .boolean({ error: 'Confirm confidential situations with yes or no.' })
  .default(false);
const redactCompanies = z.boolean({ error: 'Redacting companies is either asked or not.' }).default(false);
/** Posts without advice come in only when the chair asks, as situations without any. */
const includeWithoutAdvice = z
  .boolean({ error: 'Importing posts without advice is either asked or not.' })
  .default(false);
/** A digest file's text, or a pack's bytes in base64: up to about 40 MB either way. */
const digestText = verbatimText('The digest').max(40_000_000, {
  error: 'That file is too large to import (at most 40 MB).',
});
const packData = z
  .string({ error: 'A pack must be a file’s contents.' })
  .max(60_000_000, { error: 'That pack is too large (at most 45 MB).' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'That is not a Roundtable archive pack.' });
const passphrase = verbatimText('The passphrase')
  .min(1, { error: 'Type the pack’s passphrase.' })
  .max(1_024, { error: 'The passphrase is too long (at most 1024 characters).' });
const newPassphrase = passphrase.refine((p) => p.length >= 8, {
  error: 'Choose a passphrase of at least 8 characters.',
});
/** A backup as listBackups names it; the renderer never passes a path. */
const backupName = z
  .string({ error: 'Choose a backup from the list.' })
  .max(200, { error: 'Choose a backup from the list.' })
  .regex(/^[A-Za-z0-9._-]+\.db$/, { error: 'Choose a backup from the list.' });

/** What a suggested file name ends with, per kind of save (a PDF is named after the export it prints). */
const SAVE_EXTENSIONS = {
  markdown: ['.md'],
  html: ['.html'],
  pdf: ['.html', '.md', '.pdf'],
  pack: ['.rtpack'],
} as const;

export const exportChannels = {
  'export.notes': channel<ExportResult>()(
    z.strictObject({
      meetingId: idSchema,
      format: textFormat,
      level,
      /** Presenter-only: whose situations. */
      presenterId: idSchema.optional(),
      redactCompanies,
      includeConfidential,
    }),
  ),
  'export.digest': channel<ExportResult>()(
    z
      .strictObject({
        tagId: idSchema.optional(),
        situationIds: z
          .array(idSchema)
          .max(20_000, { error: 'Export at most 20000 situations at once.' })
          .optional(),
        format: textFormat,
        level: z
          .enum(['full', 'anonymized'], { error: 'A digest is full or anonymized.' })
          .default('anonymized'),
        noun: requiredText('The noun', 30)
          .regex(/^[A-Za-z][A-Za-z-]*$/, { error: 'The noun is one word, like Observations.' })
          .default('Observations'),
        redactCompanies,
        includeConfidential,
        /** Situations without advice ("…? 0 Observations") go out only when the chair asks for them. */
        includeWithoutAdvice: z
          .boolean({ error: 'Including situations without advice is either asked or not.' })
          .default(false),
        /** Credit each post's presenter with this pronoun; no credit line when null. */
        creditPronoun: z
          .enum(CREDIT_PRONOUNS, { error: 'The credit says his, her or their.' })
          .nullable()
          .default(null),
      })
      .refine((v) => (v.tagId === undefined) !== (v.situationIds === undefined), {
        error: 'Export either a tag or a selection of situations.',
      }),
  ),
  /** Handled by the host (Electron's main process or the browser shell), never by the backend. */
  'export.save': channel<{ saved: boolean; fileName: string | null }>()(
    z
      .strictObject({
        fileName: requiredText('The file name', 200)
          .regex(/^[A-Za-z0-9._ -]+$/, {
            error: 'A file name uses letters, digits, dots, dashes and spaces.',
          })
          .refine((name) => !name.startsWith('.'), { error: 'A file name cannot start with a dot.' }),
        format: z.enum(['markdown', 'html', 'pdf', 'pack'], {
          error: 'Save Markdown, HTML, PDF or a pack.',
        }),
        /** Markdown or HTML text (PDF prints this HTML), or a pack's bytes in base64. */
        content: verbatimText('The content').max(60_000_000, { error: 'That file is too large.' }),
      })
      // The name an export suggests always ends as its kind does, so it can never name another file.
      .refine((v) => SAVE_EXTENSIONS[v.format].some((ext) => v.fileName.toLowerCase().endsWith(ext)), {
        error: 'That file name does not fit what is being saved.',
        path: ['fileName'],
      }),
  ),
  'import.preview': channel<ImportReport>()(
    z.strictObject({ groupId: idSchema, text: digestText, includeWithoutAdvice }),
  ),
  'import.digest': channel<ImportReport>()(
    z.strictObject({ groupId: idSchema, text: digestText, includeWithoutAdvice }),
  ),
  'pack.export': channel<{
    data: string;
    fileName: string;
    situationCount: number;
    omittedConfidential: number;
  }>()(
    z.strictObject({
      includeConfidential,
      groupId: idSchema,
      /** A selection of the group's situations; the whole archive when left out. */
      situationIds: z
        .array(idSchema)
        .max(20_000, { error: 'A pack holds at most 20000 situations.' })
        .optional(),
      passphrase: newPassphrase,
    }),
  ),
  'pack.import': channel<PackReport>()(z.strictObject({ data: packData, passphrase })),
  'pack.open': channel<PackContents>()(z.strictObject({ data: packData, passphrase })),
  'backup.create': channel<BackupEntry>()(noInput),
  'backup.list': channel<BackupEntry[]>()(noInput),
  'backup.restore': channel<{ restored: BackupEntry; keptAside: string[] }>()(
    z.strictObject({
      name: backupName,
      confirm: z.literal(true, { error: 'Confirm the restore: the archive goes back to that backup.' }),
    }),
  ),
};
