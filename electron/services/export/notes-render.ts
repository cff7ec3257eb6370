// Session notes laid out as Markdown and as a self-contained HTML page. Every string is user text:
// Markdown escapes its marks, HTML escapes through escapeHtml. A confidential situation, which leaves
// only when the chair confirmed it, carries a "Confidential" label by its heading.
import { CONFIDENTIAL_LABEL, escapeHtml, escapeMarkdown, htmlPage } from './html-page';
import type { NotesDocument, NotesPoint, NotesSituation } from './notes-model';

function endorsement(point: NotesPoint): string {
  return point.endorsedBy.length === 0 ? '' : ` (+1 from ${point.endorsedBy.join(', ')})`;
}

function mdPoints(points: NotesPoint[], depth: number): string[] {
  return points.flatMap((p) => [
    `${'  '.repeat(depth)}- ${escapeMarkdown(p.body)} — _${escapeMarkdown(p.author)}_${p.endorsedBy.length > 0 ? ` ${escapeMarkdown(endorsement(p))}` : ''}`,
    ...mdPoints(p.points, depth + 1),
  ]);
}

function mdSituation(s: NotesSituation, index: number): string[] {
  const lines = [
    `## ${index + 1}. ${escapeMarkdown(s.question)}`,
    '',
    ...(s.confidential ? [`**${CONFIDENTIAL_LABEL}**`, ''] : []),
    s.presenter === null ? 'Presented by a member.' : `Presented by ${escapeMarkdown(s.presenter)}.`,
  ];
  if (s.tags.length > 0) lines.push('', `Tags: ${s.tags.map(escapeMarkdown).join(', ')}`);
  if (s.background) lines.push('', escapeMarkdown(s.background));
  if (s.questions.length > 0) {
    lines.push(
      '',
      '### Questions',
      '',
      ...s.questions.map((q) => `- ${escapeMarkdown(q.body)} — _${escapeMarkdown(q.author)}_`),
    );
  }
  lines.push(
    '',
    '### Advice',
    '',
    ...(s.advice.length > 0 ? mdPoints(s.advice, 0) : ['No advice was recorded.']),
  );
  if (s.reflection.length > 0)
    lines.push('', '### Reflection', '', ...s.reflection.map((r) => `> ${escapeMarkdown(r)}`));
  if (s.commitments.length > 0) {
    lines.push(
      '',
      '### Commitments',
      '',
      ...s.commitments.map(
        (k) => `- ${escapeMarkdown(k.body)} — ${escapeMarkdown(k.owner)}${k.due ? `, by ${k.due}` : ''}`,
      ),
    );
  }
  return lines;
}

export function notesMarkdown(doc: NotesDocument): string {
  const lines = [
    `# ${escapeMarkdown(doc.title)}`,
    '',
    `Group: ${escapeMarkdown(doc.group)}  `,
    `Date: ${escapeMarkdown(doc.date)}`,
  ];
  if (doc.location) lines.push(`  \nLocation: ${escapeMarkdown(doc.location)}`);
  if (doc.notice) lines.push('', `_${escapeMarkdown(doc.notice)}_`);
  if (doc.attendance.length > 0)
    lines.push('', '## Attendance', '', ...doc.attendance.map((a) => `- ${escapeMarkdown(a)}`));
  doc.situations.forEach((s, i) => lines.push('', ...mdSituation(s, i)));
  if (doc.followUps.length > 0) {
    lines.push(
      '',
      '## Follow-ups on earlier commitments',
      '',
      ...doc.followUps.map(
        (f) =>
          `- ${escapeMarkdown(f.situation)}: ${escapeMarkdown(f.body)} — ${escapeMarkdown(f.owner)}, ${escapeMarkdown(f.outcome)}`,
      ),
    );
  }
  if (doc.ratings.length > 0 || doc.averageRating !== null) {
    lines.push('', '## Ratings', '');
    if (doc.averageRating !== null) lines.push(`Average: ${doc.averageRating.toFixed(1)} / 10`, '');
    lines.push(
      ...doc.ratings.map(
        (r) =>
          `- ${escapeMarkdown(r.who)}: ${r.rating ?? '–'}${r.takeaway ? ` — ${escapeMarkdown(r.takeaway)}` : ''}`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

const e = escapeHtml;

function htmlPoints(points: NotesPoint[]): string {
  if (points.length === 0) return '';
  const items = points.map(
    (p) =>
      `<li>${e(p.body)} <span class="author">— ${e(p.author)}</span>` +
      (p.endorsedBy.length > 0 ? ` <span class="endorsed">${e(endorsement(p).trim())}</span>` : '') +
      `${htmlPoints(p.points)}</li>`,
  );
  return `<ul>${items.join('')}</ul>`;
}

function htmlSituation(s: NotesSituation, index: number): string {
  const parts = [
    `<section>`,
    ...(s.confidential ? [`<p class="confidential">${CONFIDENTIAL_LABEL}</p>`] : []),
    `<h2>${index + 1}. ${e(s.question)}</h2>`,
    `<p class="meta">Presented by ${s.presenter === null ? 'a member' : e(s.presenter)}.</p>`,
  ];
  if (s.tags.length > 0) parts.push(`<p class="meta">Tags: ${s.tags.map(e).join(', ')}</p>`);
  if (s.background) parts.push(`<p>${e(s.background)}</p>`);
  if (s.questions.length > 0) {
    parts.push(
      '<h3>Questions</h3>',
      `<ul>${s.questions.map((q) => `<li>${e(q.body)} <span class="author">— ${e(q.author)}</span></li>`).join('')}</ul>`,
    );
  }
  parts.push(
    '<h3>Advice</h3>',
    s.advice.length > 0 ? htmlPoints(s.advice) : '<p>No advice was recorded.</p>',
  );
  if (s.reflection.length > 0)
    parts.push('<h3>Reflection</h3>', ...s.reflection.map((r) => `<blockquote>${e(r)}</blockquote>`));
  if (s.commitments.length > 0) {
    parts.push(
      '<h3>Commitments</h3>',
      `<ul>${s.commitments.map((k) => `<li>${e(k.body)} — ${e(k.owner)}${k.due ? `, by ${e(k.due)}` : ''}</li>`).join('')}</ul>`,
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

export function notesHtml(doc: NotesDocument): string {
  const parts = [
    `<h1>${e(doc.title)}</h1>`,
    `<p class="meta">Group: ${e(doc.group)}<br>Date: ${e(doc.date)}${doc.location ? `<br>Location: ${e(doc.location)}` : ''}</p>`,
  ];
  if (doc.notice) parts.push(`<p class="notice">${e(doc.notice)}</p>`);
  if (doc.attendance.length > 0)
    parts.push('<h2>Attendance</h2>', `<ul>${doc.attendance.map((a) => `<li>${e(a)}</li>`).join('')}</ul>`);
  doc.situations.forEach((s, i) => parts.push(htmlSituation(s, i)));
  if (doc.followUps.length > 0) {
    parts.push(
      '<h2>Follow-ups on earlier commitments</h2>',
      `<ul>${doc.followUps.map((f) => `<li>${e(f.situation)}: ${e(f.body)} — ${e(f.owner)}, ${e(f.outcome)}</li>`).join('')}</ul>`,
    );
  }
  if (doc.ratings.length > 0 || doc.averageRating !== null) {
    parts.push('<h2>Ratings</h2>');
    if (doc.averageRating !== null) parts.push(`<p>Average: ${doc.averageRating.toFixed(1)} / 10</p>`);
    parts.push(
      `<ul>${doc.ratings.map((r) => `<li>${e(r.who)}: ${r.rating ?? '–'}${r.takeaway ? ` — ${e(r.takeaway)}` : ''}</li>`).join('')}</ul>`,
    );
  }
  return htmlPage(doc.title, parts.join('\n'));
}
