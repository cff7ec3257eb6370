// Exports: a meeting's session notes and digests of situations, as Markdown or HTML text. The host
// saves the text (Electron through the save dialog, the browser shell to a chosen path) and prints
// the HTML to PDF; the backend never writes an export to disk itself.
import type { ExportResult, Situation } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { Handlers } from '../ipc/router';
import type { ServiceContext } from './context';
import { omittedNotice, redactor } from './export/confidentiality';
import { digestPost } from './export/digest-model';
import { digestHtml, digestMarkdown } from './export/digest-render';
import { chooseSituations, meetingNotes } from './export/notes-model';
import { notesHtml, notesMarkdown } from './export/notes-render';

/** From this many situations on, an export reports its progress per situation. */
export const LARGE_EXPORT = 5;

export function fileStem(...parts: string[]): string {
  const stem = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return stem || 'export';
}

function withoutAdviceNotice(count: number): string | null {
  if (count === 0) return null;
  return `${count} situation${count === 1 ? '' : 's'} without advice left out.`;
}

export function exportHandlers(context: ServiceContext): Pick<Handlers, 'export.notes' | 'export.digest'> {
  const { store, emit } = context;
  return {
    'export.notes': ({ meetingId, format, ...options }) => {
      if (options.level === 'presenter' && options.presenterId === undefined) {
        throw new AppError('VALIDATION', 'Choose whose situation a presenter-only export is for.');
      }
      const large = store.exports.processedAt(meetingId).length >= LARGE_EXPORT;
      const doc = meetingNotes(
        store,
        {
          meetingId,
          onSituation: large ? (done, total) => emit('export.progress', { done, total }) : undefined,
        },
        options,
      );
      if (!doc) throw new AppError('NOT_FOUND', 'That meeting no longer exists.');
      const meeting = store.meetings.get(meetingId);
      const day = new Date(meeting?.startsAt ?? 0).toISOString().slice(0, 10);
      return {
        content: format === 'markdown' ? notesMarkdown(doc) : notesHtml(doc),
        fileName: `${fileStem('notes', day, options.level)}.${format === 'markdown' ? 'md' : 'html'}`,
        situationCount: doc.situations.length,
        omittedConfidential: doc.omitted,
        omittedWithoutAdvice: 0,
        notice: doc.notice,
      } satisfies ExportResult;
    },

    'export.digest': (input) => {
      const tag = input.tagId === undefined ? null : store.tags.get(input.tagId);
      if (input.tagId !== undefined && !tag) throw new AppError('NOT_FOUND', 'That tag no longer exists.');
      const ids = tag ? store.exports.situationsTagged(tag.id) : (input.situationIds ?? []);
      const situations = ids.map((id) => {
        const s = store.situations.get(id);
        if (!s) throw new AppError('NOT_FOUND', 'One of those situations no longer exists.');
        return s;
      });
      const { chosen, omitted } = chooseSituations(situations, {
        level: input.level,
        redactCompanies: input.redactCompanies,
        includeConfidential: input.includeConfidential,
      });
      const anonymized = input.level === 'anonymized';
      const text = anonymized
        ? redactor(store.exports.people(), { redactCompanies: input.redactCompanies })
        : (t: string) => t;
      const large = chosen.length >= LARGE_EXPORT;
      const written = chosen.map((s: Situation, i) => {
        const post = digestPost(store, s, store.members.get(s.presenterId), {
          anonymized,
          noun: input.noun,
          creditPronoun: input.creditPronoun,
          text,
        });
        if (large) emit('export.progress', { done: i + 1, total: chosen.length });
        return post;
      });
      // A post is its advice: one without any ("…? 0 Observations") goes only when the chair asks.
      const posts = input.includeWithoutAdvice ? written : written.filter((p) => p.points.length > 0);
      const withoutAdvice = written.length - posts.length;
      const digest = { tag: tag ? text(tag.name) : null, posts, notice: omittedNotice(omitted) };
      return {
        content: input.format === 'markdown' ? digestMarkdown(digest) : digestHtml(digest),
        fileName: `${fileStem('digest', tag?.name ?? 'situations')}.${input.format === 'markdown' ? 'md' : 'html'}`,
        situationCount: posts.length,
        omittedConfidential: omitted,
        omittedWithoutAdvice: withoutAdvice,
        notice: [digest.notice, withoutAdviceNotice(withoutAdvice)].filter(Boolean).join(' ') || null,
      } satisfies ExportResult;
    },
  };
}
