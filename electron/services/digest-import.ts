// Digest import: a preview of what a file's posts become, then the import itself, one file in one
// transaction (a failure writes nothing). A post is kept in its own words: its heading is the
// situation's title, its whole Situation paragraph the background, the noun its title counted in and
// its "Special thanks to…" credit (the sentence and where it stood) stay with the situation, and a
// "Confidential" label marks it confidential. Posts carry no authors: every imported situation is
// presented and its advice given by the group's digest voice, who is no one in the room
// (docs/architecture.md, "The digest post"). A post whose situation is already in the group (or
// earlier in the file) is skipped, and its tags go on that situation: each tag's digest of an archive
// carries one tag, and importing them all gives every situation all of its tags.
import { parseDigest, type ParsedPost } from '../../shared/digest-parse';
import {
  creditLine,
  foldTypography,
  nounToKeep,
  situationParagraph,
  type DigestCredit,
  type DigestPoint,
} from '../../shared/digest-format';
import { ANYTHING_CHANGED } from '../../shared/contract';
import type { ImportPreviewPost, ImportReport } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import type { Handlers } from '../ipc/router';
import type { Store } from '../store';
import { newId, now } from '../store/ids';
import type { ServiceContext } from './context';
import { requireGroup } from './groups';

/** The name of a group's digest voice, shown where an imported post's presenter or advice is. */
export const IMPORTED_MEMBER = 'Imported';
const PROGRESS_EVERY = 250;

/** What a file with no post in it is told. */
export const NO_POSTS = "No 'Situation / Advice from the CEOs' posts were found in this file.";

export interface ImportOptions {
  /** Import the posts that have no advice, as situations without any (off unless the chair asks). */
  includeWithoutAdvice: boolean;
}

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
  return { credit: { ...credit, name, org }, warning: null };
}

/**
 * A post is the same situation as another when their questions and Situation paragraphs read the
 * same, letter case, whitespace and typographic marks aside: a situation brought to a meeting is its
 * question and the paragraph a digest writes for it. The same question asked again with another
 * background is another situation.
 */
function situationKey(question: string, paragraph: string): string {
  return `${foldTypography(question)}\n${foldTypography(paragraph)}`.toLowerCase();
}

/** A situation a post turned out to repeat: in the group already, or to be imported from this file. */
interface Repeated {
  /** The situation in the group, or null when it is an earlier post of this file. */
  situationId: string | null;
  /** Its tags, to import with it or to add to it, and the same names in lower case. */
  tags: string[];
  has: Set<string>;
}

interface Plan {
  report: ImportReport;
  toImport: { post: ParsedPost; tags: string[] }[];
  /** Tags of skipped posts, for situations already in the group. */
  retag: { situationId: string; tags: string[] }[];
}

const WITHOUT_ADVICE =
  'It has no advice; tick “Import posts without advice” to bring it in as a situation without any.';

function plan(store: Store, groupId: string, text: string, options: ImportOptions): Plan {
  const parsed = parseDigest(text);
  if (parsed.posts.length === 0 && parsed.skipped.length === 0) throw new AppError('NOT_A_DIGEST', NO_POSTS);
  const inGroup = new Map<string, string>();
  for (const s of store.imports.situations(groupId)) {
    const paragraph = situationParagraph({
      question: s.title,
      background: s.background,
      asPosted: s.textForm === 'post',
    });
    const key = situationKey(s.title, paragraph);
    if (!inGroup.has(key)) inGroup.set(key, s.id);
  }
  const seen = new Map<string, Repeated>();
  const toImport: Plan['toImport'] = [];
  const repeatedOf = (key: string): Repeated | null => {
    let repeated = seen.get(key) ?? null;
    const situationId = inGroup.get(key);
    if (!repeated && situationId !== undefined) {
      const tags = store.tags.listBySituation(situationId).map((t) => t.name);
      repeated = { situationId, tags: [], has: new Set(tags.map(tagKey)) };
      seen.set(key, repeated);
    }
    return repeated;
  };
  const rows: ImportPreviewPost[] = parsed.posts.map((parsedPost) => {
    const { credit, warning } = creditToKeep(parsedPost.credit);
    const post: ParsedPost = {
      ...parsedPost,
      credit,
      warnings: warning ? [...parsedPost.warnings, warning] : parsedPost.warnings,
    };
    const key = situationKey(post.question, post.background);
    let skipReason = post.withoutAdvice && !options.includeWithoutAdvice ? WITHOUT_ADVICE : tooLong(post);
    const repeated = skipReason === null ? repeatedOf(key) : null;
    if (repeated) {
      skipReason =
        repeated.situationId === null
          ? 'The same situation (question and background) comes earlier in this file.'
          : 'This situation (its question and background) is already in the group.';
      const added = post.tags.filter((t) => !repeated.has.has(tagKey(t)));
      for (const tag of added) repeated.has.add(tagKey(tag));
      repeated.tags.push(...added);
      if (added.length > 0) {
        const names = added.map((t) => `“${t}”`).join(', ');
        post.warnings = [
          ...post.warnings,
          `Its tag${added.length === 1 ? '' : 's'} ${names} ${added.length === 1 ? 'is' : 'are'} added to that situation.`,
        ];
      }
    } else if (skipReason === null) {
      const entry = { post, tags: [...post.tags] };
      seen.set(key, { situationId: null, tags: entry.tags, has: new Set(post.tags.map(tagKey)) });
      toImport.push(entry);
    }
    return {
      line: post.line,
      title: post.title,
      question: post.question,
      tags: [...post.tags],
      adviceCount: countPoints(post.points),
      credit: post.credit ? creditLine(post.credit) : null,
      confidential: post.confidential,
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
      confidential: false,
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
    retag: [...seen.values()].flatMap(({ situationId, tags }) =>
      situationId !== null && tags.length > 0 ? [{ situationId, tags }] : [],
    ),
  };
}

/** A tag's name as tags are told apart: letter case and typographic marks aside. */
function tagKey(name: string): string {
  return foldTypography(name).toLowerCase();
}

export function digestImportHandlers(
  context: ServiceContext,
): Pick<Handlers, 'import.preview' | 'import.digest'> {
  const { store, emit } = context;
  return {
    'import.preview': ({ groupId, text, includeWithoutAdvice }) => {
      requireGroup(store, groupId);
      return plan(store, groupId, text, { includeWithoutAdvice }).report;
    },

    'import.digest': ({ groupId, text, includeWithoutAdvice }) => {
      requireGroup(store, groupId);
      const { report, toImport, retag } = plan(store, groupId, text, { includeWithoutAdvice });
      if (toImport.length === 0 && retag.length === 0) return report;
      const at = now();
      const situationIds: string[] = [];
      // A tag written with other quotes or dashes than one already here is that tag.
      const tagIds = new Map(store.tags.list().map((t) => [tagKey(t.name), t.id]));
      const tagId = (name: string): string => {
        const key = tagKey(name);
        let id = tagIds.get(key);
        if (!id) {
          id = newId();
          store.tags.insert({ id, name, now: at });
          tagIds.set(key, id);
        }
        return id;
      };
      store.db.transaction(() => {
        for (const { situationId, tags } of retag) {
          for (const tag of tags) store.tags.attach(situationId, tagId(tag));
        }
        if (toImport.length === 0) return;
        let voice = store.imports.digestVoice(groupId);
        if (!voice) {
          voice = newId();
          store.imports.insertDigestVoice({ id: voice, groupId, name: IMPORTED_MEMBER, now: at });
        }
        const author = voice;
        toImport.forEach(({ post, tags }, index) => {
          const situationId = newId();
          store.imports.insertSituation({
            id: situationId,
            groupId,
            presenterId: author,
            title: post.question,
            background: post.background,
            noun: nounToKeep(post.noun),
            confidential: post.confidential,
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
          for (const tag of tags) store.tags.attach(situationId, tagId(tag));
          situationIds.push(situationId);
          if ((index + 1) % PROGRESS_EVERY === 0 || index + 1 === toImport.length) {
            emit('import.progress', { done: index + 1, total: toImport.length });
          }
        });
      })();
      emit('archive.changed', ANYTHING_CHANGED);
      return { ...report, situationIds };
    },
  };
}
