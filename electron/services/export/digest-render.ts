// Digest posts as Markdown and HTML in the seed format: a tag's digest is headed "Tag Archives: TAG"
// and its posts are separated by "[like]". The importer (shared/digest-parse.ts) reads the Markdown
// back; the HTML is for reading and printing, and is not read back.
import {
  creditLine,
  digestTitle,
  POST_SEPARATOR,
  situationParagraph,
  tagHeading,
  type DigestPoint,
  type DigestPost,
} from '../../../shared/digest-format';
import { escapeHtml, escapeMarkdown, htmlPage } from './html-page';

export interface Digest {
  /** The tag whose archive this is, or null for a selection of situations. */
  tag: string | null;
  posts: DigestPost[];
  /** A line for the reader, e.g. "2 confidential situations left out." */
  notice: string | null;
}

function markdownPoints(points: DigestPoint[], depth: number): string[] {
  return points.flatMap((point) => [
    `${'  '.repeat(depth)}- ${escapeMarkdown(point.text)}`,
    ...markdownPoints(point.points, depth + 1),
  ]);
}

export function digestPostMarkdown(post: DigestPost): string {
  const lines = [
    `## ${escapeMarkdown(digestTitle(post))}`,
    '',
    `Situation: ${escapeMarkdown(situationParagraph(post))}`,
    '',
    'Advice from the CEOs:',
    '',
    ...markdownPoints(post.points, 0),
  ];
  if (post.credit) lines.push('', escapeMarkdown(creditLine(post.credit)));
  return lines.join('\n');
}

export function digestMarkdown(digest: Digest): string {
  const head: string[] = [];
  if (digest.tag !== null) head.push(`# ${escapeMarkdown(tagHeading(digest.tag))}`, '');
  if (digest.notice) head.push(`_${escapeMarkdown(digest.notice)}_`, '');
  const posts = digest.posts.map(digestPostMarkdown).join(`\n\n${POST_SEPARATOR}\n\n`);
  return `${head.join('\n')}${posts}\n`;
}

function htmlPoints(points: DigestPoint[]): string {
  if (points.length === 0) return '';
  const items = points.map((p) => `<li>${escapeHtml(p.text)}${htmlPoints(p.points)}</li>`);
  return `<ul>${items.join('')}</ul>`;
}

export function digestPostHtml(post: DigestPost): string {
  return [
    '<article>',
    `<h2>${escapeHtml(digestTitle(post))}</h2>`,
    `<p><strong>Situation:</strong> ${escapeHtml(situationParagraph(post))}</p>`,
    '<p><strong>Advice from the CEOs:</strong></p>',
    htmlPoints(post.points),
    post.credit ? `<p>${escapeHtml(creditLine(post.credit))}</p>` : '',
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
  parts.push(digest.posts.map(digestPostHtml).join(`\n<p>${escapeHtml(POST_SEPARATOR)}</p>\n`));
  return htmlPage(title, parts.join('\n'));
}
