// Digest posts as Markdown and HTML in the seed format (docs/architecture.md, "The digest post").
//
// The Markdown is what the importer (shared/digest-parse.ts) reads back, so it writes only forms that
// parser reads: a "Tag Archives: TAG" heading gives the posts under it that tag, and posts are
// separated by "[like]". A tag's digest is headed by its tag. A selection keeps its tags the same
// way: its untagged posts first, then one "Tag Archives:" section per tag, by name, holding that
// tag's posts in the selection's order. The parser gives a post one tag, the last heading's, so a post
// with two tags is written in both sections, as each tag's archive shows it; the importer reads the
// second as the same situation and adds its tag to it.
//
// The HTML is for reading and printing (the PDF is printed from it) and is not read back: each post
// once, in the selection's order, with its tags, and a rule between posts where the Markdown has
// "[like]".
//
// A confidential post carries a "Confidential" label. In the Markdown it stands on its own line
// right before the post's title, after the separator, where the parser reads it back as the mark.
//
// A credit an imported post gave as the last bullet of its advice goes back as that bullet; any other
// is a closing line of its own.
import {
  creditLine,
  digestTitle,
  POST_SEPARATOR,
  situationParagraph,
  tagHeading,
  type DigestPoint,
  type DigestPost,
} from '../../../shared/digest-format';
import { CONFIDENTIAL_LABEL, escapeHtml, escapeMarkdown, htmlPage } from './html-page';

/** A post with what the seed format's post has no line for: its tags and its confidential flag. */
export interface DigestEntry extends DigestPost {
  /** Its tags' names, as they may leave (redacted in an anonymized digest). */
  tags?: readonly string[];
  confidential?: boolean;
}

export interface Digest {
  /** The tag whose archive this is, or null for a selection of situations. */
  tag: string | null;
  posts: DigestEntry[];
  /** A line for the reader, e.g. "2 confidential situations left out." */
  notice: string | null;
}

function markdownPoints(points: DigestPoint[], depth: number): string[] {
  return points.flatMap((point) => [
    `${'  '.repeat(depth)}- ${escapeMarkdown(point.text)}`,
    ...markdownPoints(point.points, depth + 1),
  ]);
}

export function digestPostMarkdown(post: DigestEntry): string {
  const lines = [
    ...(post.confidential ? [`**${CONFIDENTIAL_LABEL}**`, ''] : []),
    `## ${escapeMarkdown(digestTitle(post))}`,
    '',
    `Situation: ${escapeMarkdown(situationParagraph(post))}`,
    '',
    'Advice from the CEOs:',
    '',
    ...markdownPoints(post.points, 0),
  ];
  if (post.credit?.bullet) lines.push(`- ${escapeMarkdown(creditLine(post.credit))}`);
  else if (post.credit) lines.push('', escapeMarkdown(creditLine(post.credit)));
  return lines.join('\n');
}

function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A selection's posts as the importer can read their tags back: untagged first, then by tag. */
export function tagSections(posts: readonly DigestEntry[]): { tag: string | null; posts: DigestEntry[] }[] {
  const untagged = posts.filter((p) => (p.tags ?? []).length === 0);
  const tags = [...new Set(posts.flatMap((p) => p.tags ?? []))].sort(byName);
  return [
    ...(untagged.length > 0 ? [{ tag: null, posts: untagged }] : []),
    ...tags.map((tag) => ({ tag, posts: posts.filter((p) => (p.tags ?? []).includes(tag)) })),
  ];
}

function markdownPosts(posts: readonly DigestEntry[]): string {
  return posts.map(digestPostMarkdown).join(`\n\n${POST_SEPARATOR}\n\n`);
}

export function digestMarkdown(digest: Digest): string {
  const head: string[] = [];
  if (digest.tag !== null) head.push(`# ${escapeMarkdown(tagHeading(digest.tag))}`, '');
  if (digest.notice) head.push(`_${escapeMarkdown(digest.notice)}_`, '');
  const body =
    digest.tag !== null
      ? markdownPosts(digest.posts)
      : tagSections(digest.posts)
          .map((section) =>
            section.tag === null
              ? markdownPosts(section.posts)
              : `# ${escapeMarkdown(tagHeading(section.tag))}\n\n${markdownPosts(section.posts)}`,
          )
          .join('\n\n');
  return `${head.join('\n')}${body}\n`;
}

/** The advice as a list; `last` is one more item after the points (a credit given as a bullet). */
function htmlPoints(points: DigestPoint[], last: string | null = null): string {
  const items = points.map((p) => `<li>${escapeHtml(p.text)}${htmlPoints(p.points)}</li>`);
  if (last !== null) items.push(`<li>${escapeHtml(last)}</li>`);
  return items.length === 0 ? '' : `<ul>${items.join('')}</ul>`;
}

export function digestPostHtml(post: DigestEntry, showTags = false): string {
  const tags = post.tags ?? [];
  return [
    '<article>',
    post.confidential ? `<p class="confidential">${CONFIDENTIAL_LABEL}</p>` : '',
    `<h2>${escapeHtml(digestTitle(post))}</h2>`,
    showTags && tags.length > 0 ? `<p class="meta">Tags: ${tags.map(escapeHtml).join(', ')}</p>` : '',
    `<p><strong>Situation:</strong> ${escapeHtml(situationParagraph(post))}</p>`,
    '<p><strong>Advice from the CEOs:</strong></p>',
    htmlPoints(post.points, post.credit?.bullet ? creditLine(post.credit) : null),
    post.credit && !post.credit.bullet ? `<p>${escapeHtml(creditLine(post.credit))}</p>` : '',
    '</article>',
  ]
    .filter(Boolean)
    .join('\n');
}

export function digestHtml(digest: Digest): string {
  const title = digest.tag !== null ? tagHeading(digest.tag) : 'Digest';
  const parts: string[] = [];
  if (digest.tag !== null) parts.push(`<h1>${escapeHtml(title)}</h1>`);
  if (digest.notice) parts.push(`<p class="notice">${escapeHtml(digest.notice)}</p>`);
  // "[like]" is the seed format's separator for the importer; a reader sees a rule.
  parts.push(digest.posts.map((post) => digestPostHtml(post, digest.tag === null)).join('\n<hr>\n'));
  return htmlPage(title, parts.join('\n'));
}
