// Digest import: a preview of what a file's posts become, then the import itself, one file in one
// transaction (a failure writes nothing). Posts carry no authors, so every imported situation is
// presented and its advice authored by one "Imported" guest of the chosen group; a post's "Special
// thanks to…" line is kept as the situation's credit.
import { parseDigest, type ParsedPost } from '../../shared/digest-parse';
import { creditLine, type DigestCredit, type DigestPoint } from '../../shared/digest-format';
import type { ImportPreviewPost, ImportReport } from '../../shared/domain';
import type { Handlers } from '../ipc/router';
import { newId, now } from '../store/ids';
import type { ServiceContext } from './context';
import { requireGroup } from './groups';

/** The guest member imported situations and advice are attributed to. */
export const IMPORTED_MEMBER = 'Imported';
const PROGRESS_EVERY = 250;

function countPoints(points: DigestPoint[]): number {
  return points.reduce((n, p) => n + 1 + countPoints(p.points), 0);
}

function tooLong(post: ParsedPost): string | null {
  if (post.question.length > 500) return 'Its question is longer than 500 characters.';
  if (post.background.length > 20_000) return 'Its situation is longer than 20000 characters.';
  const long = (points: DigestPoint[]): boolean =>
    points.some((p) => p.text.length > 10_000 || long(p.points));
  return long(post.points) ? 'One of its advice points is longer than 10000 characters.' : null;
}

/** The longest credited name or organization kept, as situation.create allows. */
const CREDIT_PART_MAX = 200;

/**
 * The post's credit as it will be stored, or why its credit line is left out: a name or an
 * organization that is blank or longer than a chair could type is not a credit worth keeping.
 */
function creditToKeep(credit: DigestCredit | null): { credit: DigestCredit | null; warning: string | null } {
  if (!credit) return { credit: null, warning: null };
  const name = credit.name.trim();
  const org = credit.org.trim();
  if (name === '' || org === '') {
    return { credit: null, warning: 'Its "Special thanks" line names no one or no organization; left out.' };
  }
  if (name.length > CREDIT_PART_MAX || org.length > CREDIT_PART_MAX) {
    return {
      credit: null,
      warning: `Its "Special thanks" line is longer than ${CREDIT_PART_MAX} characters a part; left out.`,
    };
  }
  return { credit: { name, org, pronoun: credit.pronoun }, warning: null };
}

interface Plan {
  report: ImportReport;
  toImport: ParsedPost[];
}

function plan(existingTitles: Set<string>, text: string): Plan {
  const parsed = parseDigest(text);
  const seen = new Set(existingTitles);
  const toImport: ParsedPost[] = [];
  const rows: ImportPreviewPost[] = parsed.posts.map((parsedPost) => {
    const { credit, warning } = creditToKeep(parsedPost.credit);
    const post: ParsedPost = {
      ...parsedPost,
      credit,
      warnings: warning ? [...parsedPost.warnings, warning] : parsedPost.warnings,
    };
    const key = post.question.toLowerCase();
    const skipReason =
      tooLong(post) ?? (seen.has(key) ? 'A situation with this question is already in the group.' : null);
    if (skipReason === null) {
      seen.add(key);
      toImport.push(post);
    }
    return {
      line: post.line,
      title: post.title,
      question: post.question,
      tags: post.tags,
      adviceCount: countPoints(post.points),
      credit: post.credit ? creditLine(post.credit) : null,
      warnings: post.warnings,
      skipReason,
    };
  });
  for (const skip of parsed.skipped) {
    rows.push({
      line: skip.line,
      title: skip.title,
      question: '',
      tags: [],
      adviceCount: 0,
      credit: null,
      warnings: [],
      skipReason: skip.reason,
    });
  }
  rows.sort((a, b) => a.line - b.line);
  return {
    report: {
      posts: rows,
      imported: toImport.length,
      skipped: rows.length - toImport.length,
      situationIds: [],
    },
    toImport,
  };
}

export function digestImportHandlers(
  context: ServiceContext,
): Pick<Handlers, 'import.preview' | 'import.digest'> {
  const { store, emit } = context;
  return {
    'import.preview': ({ groupId, text }) => {
      requireGroup(store, groupId);
      return plan(store.imports.titles(groupId), text).report;
    },

    'import.digest': ({ groupId, text }) => {
      requireGroup(store, groupId);
      const { report, toImport } = plan(store.imports.titles(groupId), text);
      if (toImport.length === 0) return report;
      const at = now();
      const situationIds: string[] = [];
      const tagIds = new Map<string, string>();
      const tagId = (name: string): string => {
        const key = name.toLowerCase();
        let id = tagIds.get(key) ?? store.tags.findByName(name)?.id;
        if (!id) {
          id = newId();
          store.tags.insert({ id, name, now: at });
        }
        tagIds.set(key, id);
        return id;
      };
      store.db.transaction(() => {
        let authorId = store.imports.placeholderMember(groupId, IMPORTED_MEMBER);
        if (!authorId) {
          authorId = newId();
          store.members.insert({
            id: authorId,
            groupId,
            name: IMPORTED_MEMBER,
            company: '',
            title: '',
            role: 'guest',
            now: at,
          });
        }
        const author = authorId;
        toImport.forEach((post, index) => {
          const situationId = newId();
          store.imports.insertSituation({
            id: situationId,
            groupId,
            presenterId: author,
            title: post.question,
            background: post.background,
            credit: post.credit,
            now: at,
          });
          const write = (points: DigestPoint[], parentId: string | null) =>
            points.forEach((point, position) => {
              const id = newId();
              store.imports.insertPoint({
                id,
                situationId,
                parentId,
                authorId: author,
                body: point.text,
                position,
                now: at,
              });
              write(point.points, id);
            });
          write(post.points, null);
          for (const tag of post.tags) store.tags.attach(situationId, tagId(tag));
          situationIds.push(situationId);
          if ((index + 1) % PROGRESS_EVERY === 0 || index + 1 === toImport.length) {
            emit('import.progress', { done: index + 1, total: toImport.length });
          }
        });
      })();
      emit('archive.changed', { situationId: situationIds[0] ?? '' });
      return { ...report, situationIds };
    },
  };
}
